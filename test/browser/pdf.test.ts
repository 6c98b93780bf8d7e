/**
 * npm run pdf on the fixture project: build it, print its print edition with chromium,
 * and read the PDF back with pdfjs-dist. The PDF has the cover, the contents and every
 * page of the contents in order, chart labels as text (so the charts were not turned
 * into pictures), "Page n of N" on every page, the contents' page numbers pointing at
 * the pages where the chapters start, and the data's date as its creation date. A page
 * of the PDF, drawn by pdfjs-dist (on @napi-rs/canvas, which pdfjs-dist installs), goes
 * to test-output/pdf/ for a person to look at.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "parse5";
import type { DefaultTreeAdapterTypes } from "parse5";
import { PDFDocument } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textOf } from "../../scripts/engine/eleventy/sections.ts";
import { makePdf, type PdfResult } from "../../scripts/engine/pdf/print-pdf.ts";
import { readPdf, type PdfContents } from "../../scripts/engine/pdf/read-pdf.ts";
import { TEST_OUTPUT, buildFixture, copyFixture, removeTemporaryFolders, temporaryFolder, withEnv } from "../site/helpers.ts";

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

describe("npm run pdf on the fixture", () => {
  it("prints the cover, the contents and each printed page from a page of its own", () => {
    const chapters = elements(printHtml, (e) => e.tagName === "article" && attr(e, "class").includes("print-chapter"));
    // The fixture prints chapter 1, chapter 2, the data page and What changed (the council finder is left out).
    expect(chapters.map((e) => attr(e, "id"))).toEqual(["chapter-1", "chapter-2", "data", "what-changed"]);
    // Cover and contents take a page each, then every printed page starts a new one.
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2 + chapters.length);
    expect(result.pageCount).toBe(pdf.pageCount);
    const starts = chapters.map((e) => result.startPages.get(attr(e, "id")) ?? 0);
    expect(starts[0]).toBe(3);
    expect(starts.every((n, i) => i === 0 || n > starts[i - 1])).toBe(true);
    for (const [i, chapter] of chapters.entries()) {
      const [title] = elements(chapter, (e) => e.tagName === "h1");
      expect(squeeze(pdf.pageTexts[starts[i] - 1])).toContain(squeeze(textOf(title)));
    }
  });

  it("fills the contents with the page each chapter starts on", () => {
    const numbers = elements(printHtml, (e) => attr(e, "data-print-target") !== "").map((e) => attr(e, "data-print-target"));
    const contentsPage = squeeze(pdf.pageTexts[1]);
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

  it("draws its first chapter page to test-output/pdf/ for a person to look at", async () => {
    const document = await getDocument({ data: new Uint8Array(await readFile(pdfFile)), verbosity: 0 }).promise;
    try {
      const outDir = path.join(TEST_OUTPUT, "pdf");
      await mkdir(outDir, { recursive: true });
      for (const n of [1, 2, result.startPages.get("chapter-1") ?? 3]) {
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
