/**
 * npm run pdf on the fixture project: build it, print its print edition with chromium,
 * and read the PDF back with pdfjs-dist. The PDF has a title page of its own, the cover's
 * text, the contents and every page of the contents in order (the machinery pages in brief,
 * together at the end), body text at 10–11 pt, chart labels as text (so the charts were not
 * turned into pictures), "Page n of N" on every page, the contents' page numbers pointing at
 * the pages where the chapters start, and the data's date as its creation date. Built with
 * a site URL, its links to what it does not hold go to the site; without one, none leaves
 * the document. Pages of the PDF, drawn by pdfjs-dist (on @napi-rs/canvas, which pdfjs-dist
 * installs), go to test-output/pdf/ for a person to look at.
 */
import { readFileSync } from "node:fs";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "parse5";
import type { DefaultTreeAdapterTypes } from "parse5";
import { PDFDocument } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textOf } from "../../scripts/engine/eleventy/sections.ts";
import { PRINTABLE_WIDTH_PX, makePdf, type PdfResult } from "../../scripts/engine/pdf/print-pdf.ts";
import { readPdf, type PdfContents } from "../../scripts/engine/pdf/read-pdf.ts";
import { FIXTURE, TEST_OUTPUT, buildFixture, copyFixture, removeTemporaryFolders, temporaryFolder, withEnv } from "../site/helpers.ts";

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Every element under `node` that passes `test`, in document order. */
function elements(node: DefaultTreeAdapterTypes.ParentNode, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (children: readonly Node[]) => {
    for (const child of children) {
      if (!("tagName" in child)) continue;
      if (test(child)) found.push(child);
      walk(child.childNodes);
    }
  };
  walk(node.childNodes);
  return found;
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value ?? "";
/** Text compared without whitespace: the PDF's text runs are split and joined differently from the HTML's. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

/** pdfjs-dist's canvas maker in Node (on @napi-rs/canvas); its type is not exported. */
interface NodeCanvasFactory {
  create(width: number, height: number): { canvas: { toBuffer(type: "image/png"): Buffer }; context: CanvasRenderingContext2D };
}
const canvasFactory = (document: object) => (document as { canvasFactory: NodeCanvasFactory }).canvasFactory;

let siteDir: string;
let pdfFile: string;
let result: PdfResult;
let pdf: PdfContents;
let printHtml: DefaultTreeAdapterTypes.Document;
let manifest: { dataAsOf: string | null };

beforeAll(async () => {
  const root = await copyFixture("pdf-");
  siteDir = path.join(await temporaryFolder("pdf-site-"), "site");
  await withEnv({ REPORT_SVG_CACHE: "off" }, () => buildFixture({ root, outDir: siteDir }));
  pdfFile = path.join(await temporaryFolder("pdf-out-"), "report.pdf");
  result = await makePdf({ siteDir, outFile: pdfFile });
  pdf = await readPdf(await readFile(pdfFile));
  printHtml = parse(await readFile(path.join(siteDir, "print", "index.html"), "utf8"));
  manifest = JSON.parse(await readFile(path.join(siteDir, "manifest.json"), "utf8")) as { dataAsOf: string | null };
}, 180_000);

afterAll(removeTemporaryFolders);

/** The fixture's pages printed whole, then those printed in brief (its data page and What changed). */
const WHOLE = ["chapter-1", "chapter-2"];
const BRIEF = ["data", "what-changed"];
/** The made-up origin npm run pdf serves the site under: a link there would lead nowhere. */
const SERVING_ORIGIN = "http://report.invalid";

describe("npm run pdf on the fixture", () => {
  it("prints a title page, the cover's text, the contents, each whole page from a page of its own and the brief pages together at the end", () => {
    const chapters = elements(printHtml, (e) => e.tagName === "article" && attr(e, "class").includes("print-chapter"));
    // The fixture prints chapter 1, chapter 2, the data page and What changed (the council finder is left out).
    expect(chapters.map((e) => attr(e, "id"))).toEqual([...WHOLE, ...BRIEF]);
    expect(chapters.filter((e) => attr(e, "class").includes("print-brief")).map((e) => attr(e, "id"))).toEqual(BRIEF);
    expect(result.pageCount).toBe(pdf.pageCount);
    const starts = chapters.map((e) => result.startPages.get(attr(e, "id")) ?? 0);
    // Title page, the cover's text, the contents: the first chapter starts on page 4.
    expect(starts[0]).toBe(4);
    for (const [i, chapter] of chapters.entries()) {
      const [title] = elements(chapter, (e) => e.tagName === "h1");
      expect(squeeze(pdf.pageTexts[starts[i] - 1])).toContain(squeeze(textOf(title)));
      if (i > 0 && WHOLE.includes(attr(chapter, "id"))) expect(starts[i]).toBeGreaterThan(starts[i - 1]);
    }
    // The brief pages share the page after the last whole page, and the document ends there.
    const [dataStart, changedStart] = BRIEF.map((slug) => result.startPages.get(slug));
    expect(dataStart).toBeGreaterThan(starts[WHOLE.length - 1]);
    expect(changedStart).toBe(dataStart);
    expect(pdf.pageCount).toBe(changedStart);
  });

  it("puts the title, subtitle and who made it, with the version and the data's date, alone on the first page", () => {
    const report = JSON.parse(readFileSync(path.join(FIXTURE, "content", "_data", "report.json"), "utf8")) as { title: string; subtitle: string; kicker: string };
    const version = (JSON.parse(readFileSync(path.join(FIXTURE, "package.json"), "utf8")) as { version: string }).version;
    const titlePage = squeeze(pdf.pageTexts[0]);
    for (const words of [report.kicker.toUpperCase(), report.title, report.subtitle, `Version ${version}, data as of`]) expect(titlePage).toContain(squeeze(words));
    // The cover's own text (its first paragraph and the citation) starts the next page.
    const [cover] = elements(printHtml, (e) => e.tagName === "article" && attr(e, "id") === "cover");
    const [firstParagraph] = elements(cover, (e) => e.tagName === "p" && attr(e, "class") === "");
    expect(titlePage).not.toContain(squeeze(textOf(firstParagraph)));
    expect(squeeze(pdf.pageTexts[1])).toContain(squeeze(textOf(firstParagraph)));
    expect(squeeze(pdf.pageTexts[1])).toContain("Citethisreport");
  });

  it("sets the body text at 10 to 11 pt: nothing wider than the page made Chromium shrink it", () => {
    // Chapter 1's first paragraph, found in the PDF by its runs of text (stats split it into several).
    const [chapter1] = elements(printHtml, (e) => e.tagName === "article" && attr(e, "id") === "chapter-1");
    const [paragraph] = elements(chapter1, (e) => e.tagName === "p" && attr(e, "class") === "");
    const text = squeeze(textOf(paragraph));
    const start = result.startPages.get("chapter-1");
    const sizes = pdf.runs.filter((run) => run.page === start && squeeze(run.text).length >= 10 && text.includes(squeeze(run.text))).map((run) => run.size);
    expect(sizes.length, textOf(paragraph)).toBeGreaterThan(0);
    for (const size of sizes) {
      expect(size).toBeGreaterThanOrEqual(10);
      expect(size).toBeLessThanOrEqual(11);
    }
    // What npm run pdf reports as the body text's size is the PDF's most common size.
    expect(result.bodyTextSize).toBe(pdf.bodyTextSize);
  });

  it("prints the machinery in brief: its opening paragraph and where the whole page is, not its tables", () => {
    const allText = squeeze(pdf.pageTexts.join(" "));
    for (const slug of BRIEF) {
      const [article] = elements(printHtml, (e) => e.tagName === "article" && attr(e, "id") === slug);
      expect(elements(article, (e) => e.tagName === "table"), slug).toEqual([]);
      const [online] = elements(article, (e) => attr(e, "class") === "print-online");
      expect(allText).toContain(squeeze(textOf(online)));
    }
    // The data page's fingerprints (sha256, 64 hex digits) are on the site, not on paper.
    expect(readFileSync(path.join(siteDir, "data", "index.html"), "utf8")).toMatch(/[0-9a-f]{64}/);
    expect(pdf.pageTexts.join(" ")).not.toMatch(/[0-9a-f]{64}/);
  });

  it("without a site URL, sends no link out of the document but to other sites, and prints no bare path", () => {
    expect(pdf.linkAddresses.length).toBeGreaterThan(0);
    for (const address of pdf.linkAddresses) {
      expect(address.startsWith(SERVING_ORIGIN), address).toBe(false);
      expect(address).toMatch(/^https?:\/\//);
    }
    // A figure's CSV is a root-relative path on the site ("/data/figures/….csv"): on paper, with no site to put it under, it is left out.
    expect(printHtml && elements(printHtml, (e) => attr(e, "class") === "figure-download").length).toBeGreaterThan(0);
    expect(pdf.pageTexts.join(" ")).not.toMatch(/\(\/[a-z]/);
  });

  it("keeps each figure's number and title on one page", () => {
    for (const heading of elements(printHtml, (e) => e.tagName === "figcaption" && attr(e, "class") === "figure-heading")) {
      const [number, title] = ["figure-number", "figure-title"].map((name) => squeeze(textOf(elements(heading, (e) => attr(e, "class") === name)[0])));
      // Split across two pages, the number would end one page's text and the title start the next's.
      expect(pdf.pageTexts.some((text) => squeeze(text).includes(`${number}${title.slice(0, 20)}`)), number).toBe(true);
    }
  });

  it("refuses to print when something is wider than the page, naming it, rather than shrink every page", async () => {
    const wideSite = path.join(await temporaryFolder("pdf-wide-"), "site");
    await cp(siteDir, wideSite, { recursive: true });
    const printPage = path.join(wideSite, "print", "index.html");
    const wide = `<pre class="too-wide">${"x".repeat(400)}</pre>`;
    await writeFile(printPage, (await readFile(printPage, "utf8")).replace('<h1 id="chapter-1--page-title">', `${wide}$&`));
    await expect(makePdf({ siteDir: wideSite, outFile: path.join(wideSite, "wide.pdf") })).rejects.toThrow(
      new RegExp(`an A4 page has ${Math.floor(PRINTABLE_WIDTH_PX)} px, so Chromium would shrink the text of every page to fit\\. Too wide: pre\\.too-wide in chapter-1`),
    );
  }, 60_000);

  it("fills the contents with the page each chapter starts on", () => {
    const numbers = elements(printHtml, (e) => attr(e, "data-print-target") !== "").map((e) => attr(e, "data-print-target"));
    const contentsPage = squeeze(pdf.pageTexts[2]);
    expect(contentsPage).toContain("Contents");
    for (const slug of numbers) expect(result.startPages.has(slug)).toBe(true);
    // Each entry's title is followed by its page number.
    const entries = elements(printHtml, (e) => e.tagName === "li" && elements(e, (x) => attr(x, "data-print-target") !== "").length > 0);
    let from = 0;
    for (const entry of entries) {
      const [span] = elements(entry, (x) => attr(x, "data-print-target") !== "");
      const expected = squeeze(`${textOf(entry)}${result.startPages.get(attr(span, "data-print-target"))}`);
      const at = contentsPage.indexOf(expected, from);
      expect(at, expected).toBeGreaterThanOrEqual(0);
      from = at + expected.length;
    }
  });

  it("keeps the charts as vector drawings: their labels are text in the PDF", () => {
    const figures = elements(printHtml, (e) => e.tagName === "figure");
    expect(figures.length).toBeGreaterThan(0);
    const allText = squeeze(pdf.pageTexts.join(" "));
    for (const figure of figures) {
      // A figure may hold more than one rendering (narrow and wide), of which print shows one:
      // every label of at least one of them is in the PDF's text.
      const renderings = elements(figure, (e) => e.tagName === "svg" && attr(e, "class").includes("chart")).map((svg) =>
        elements(svg, (e) => e.tagName === "text").map(textOf).filter((t) => t.length > 0),
      );
      expect(renderings.length, attr(figure, "id")).toBeGreaterThan(0);
      const printed = renderings.filter((labels) => labels.length > 0 && labels.every((label) => allText.includes(squeeze(label))));
      expect(printed.length, attr(figure, "id")).toBeGreaterThan(0);
    }
  });

  it("numbers every page in its footer", () => {
    for (const [i, text] of pdf.pageTexts.entries()) expect(text).toContain(`Page ${i + 1} of ${pdf.pageCount}`);
  });

  it("dates the PDF by its data, not by the moment it was printed", async () => {
    const document = await PDFDocument.load(await readFile(pdfFile), { updateMetadata: false });
    expect(document.getCreationDate()?.toISOString().slice(0, 10)).toBe(manifest.dataAsOf);
    expect(document.getPageCount()).toBe(pdf.pageCount);
    const [width, height] = [document.getPage(0).getWidth(), document.getPage(0).getHeight()];
    // A4 is 210 × 297 mm: 595.3 × 841.9 points.
    // Chromium rounds to its own units; within a point of A4 either way.
    expect(Math.abs(width - 595.3)).toBeLessThan(1);
    expect(Math.abs(height - 841.9)).toBeLessThan(1);
  });

  it("draws its first pages, its first chapter page and its last page to test-output/pdf/ for a person to look at", async () => {
    const document = await getDocument({ data: new Uint8Array(await readFile(pdfFile)), verbosity: 0 }).promise;
    try {
      const outDir = path.join(TEST_OUTPUT, "pdf");
      await mkdir(outDir, { recursive: true });
      for (const n of [1, 2, 3, result.startPages.get("chapter-1") ?? 4, pdf.pageCount]) {
        const page = await document.getPage(n);
        const viewport = page.getViewport({ scale: 1.5 });
        const { canvas, context } = canvasFactory(document).create(viewport.width, viewport.height);
        await page.render({ canvasContext: context, viewport }).promise;
        const png = canvas.toBuffer("image/png");
        expect(png.subarray(1, 4).toString()).toBe("PNG");
        await writeFile(path.join(outDir, `fixture-page-${n}.png`), png);
      }
    } finally {
      await document.destroy();
    }
  });
});

describe("npm run pdf on the fixture built with a site URL", () => {
  const SITE = "https://example.org/mini-report/";
  let withSite: PdfContents;
  let withSiteDir: string;

  beforeAll(async () => {
    const root = await copyFixture("pdf-url-");
    withSiteDir = path.join(await temporaryFolder("pdf-url-site-"), "site");
    await withEnv({ REPORT_SVG_CACHE: "off" }, () => buildFixture({ root, outDir: withSiteDir, siteUrl: SITE }));
    const outFile = path.join(await temporaryFolder("pdf-url-out-"), "report.pdf");
    await makePdf({ siteDir: withSiteDir, outFile });
    withSite = await readPdf(await readFile(outFile));
  }, 180_000);

  it("cites the report with its address on the cover, in the site and on the title page", async () => {
    const cover = await readFile(path.join(withSiteDir, "index.html"), "utf8");
    expect(cover).toContain(`data as of 1 October 2018. Available at <a class="bare-url" href="${SITE}">${SITE}</a></p>`);
    expect(squeeze(withSite.pageTexts[0])).toContain(squeeze(SITE));
  });

  it("links what the document does not hold (figure CSVs, the brief pages' full versions) to its address on the site", () => {
    const ours = withSite.linkAddresses.filter((address) => address.startsWith(SITE));
    expect(ours).toContain(`${SITE}data/`);
    expect(ours).toContain(`${SITE}what-changed/`);
    expect(ours.some((address) => address.startsWith(`${SITE}data/figures/`) && address.endsWith(".csv"))).toBe(true);
    for (const address of withSite.linkAddresses) expect(address.startsWith(SERVING_ORIGIN), address).toBe(false);
  });

  it("keeps links between the pages it prints whole inside the document", async () => {
    // Chapter 2's cross-reference to Figure 1.1 is in the document, so no link leaves it for chapter 1.
    const printPage = await readFile(path.join(withSiteDir, "print", "index.html"), "utf8");
    expect(printPage).toContain('<a class="xref" href="#chapter-1--figure-grades-by-year">Figure 1.1</a>');
    expect(withSite.linkAddresses.filter((address) => address.startsWith(`${SITE}chapter-`))).toEqual([]);
  });
});
