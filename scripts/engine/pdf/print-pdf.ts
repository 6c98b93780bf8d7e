/**
 * npm run pdf: the whole report as one A4 PDF, printed by Chromium from the built site's
 * print edition (/print/, see scripts/engine/eleventy/print-edition.ts). It reads a built site and
 * never builds one, so `npm run build` keeps needing no browser.
 *
 * The site is served to the browser from the folder through request interception (no
 * port, no network: any request that is not for a file of the site is aborted). Links to
 * pages the PDF does not hold become plain text, or absolute links when a site URL is
 * given. Charts stay SVG, which Chromium writes as vector paths and text. The contents'
 * page numbers come from a first printing: the page each chapter's named destination
 * lands on is read back with pdfjs-dist, written into the contents, and the document
 * printed again until the numbers hold (they do at the second printing unless the numbers
 * change the contents' length).
 *
 * Chromium shrinks the whole document when anything in it is wider than the page: one
 * wide table once set every page's body text at 7 pt instead of 10.5. So before printing,
 * the print edition is laid out at the page's printable width, and anything wider stops
 * the PDF with the elements named, rather than printing every page small.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page, Route } from "playwright-core";
import { launchChromium } from "../browser/chromium.ts";
import { PRINT_EDITION_URL } from "../eleventy/reader-aids.ts";
import { withDocumentInfo } from "./metadata.ts";
import { readPdf } from "./read-pdf.ts";
import { reportFileBase } from "../downloads/catalogue.ts";
import { normaliseSiteUrl, siteAddress, siteUrlFrom } from "../eleventy/site-url.ts";

/** The made-up origin the site is served under (RFC 2606: never resolves). */
const ORIGIN = "http://report.invalid";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".js": "text/javascript; charset=utf-8",
};

export interface PdfOptions {
  /** The built site (default _site). */
  readonly siteDir: string;
  /** Where to write the PDF. */
  readonly outFile: string;
  /**
   * The published site's address; links to pages outside the PDF point there. Without it they
   * become text, unless the site was built with a site URL (then the print edition's links
   * are absolute already).
   */
  readonly siteUrl?: string;
  /** What made the PDF, recorded as its producer with the report's version: the project's package name. */
  readonly maker?: string;
}

export interface PdfResult {
  readonly outFile: string;
  readonly pageCount: number;
  /** Each printed page's slug → the page of the PDF it starts on. */
  readonly startPages: ReadonlyMap<string, number>;
  /** How many times the document was printed to settle the contents' page numbers. */
  readonly printings: number;
  /** The size, in points, of most of the PDF's text (its body text). */
  readonly bodyTextSize: number;
}

/** Answer every request from the site folder; anything else is aborted, so nothing leaves the machine. */
async function serveFromFolder(route: Route, siteDir: string): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== ORIGIN) return route.abort("blockedbyclient");
  const pathname = decodeURIComponent(url.pathname);
  const file = path.join(siteDir, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
  if (!file.startsWith(siteDir + path.sep)) return route.abort("accessdenied");
  try {
    const body = await readFile(file);
    return route.fulfill({ status: 200, body, contentType: TYPES[path.extname(file)] ?? "application/octet-stream" });
  } catch {
    return route.fulfill({ status: 404, body: `not found: ${pathname}` });
  }
}

/** Page n of N, centred in the bottom margin; Chromium fills the two spans. */
const FOOTER = `<div style="width:100%;font:8pt system-ui,sans-serif;color:#505a5f;text-align:center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;

/** A4's width and the PDF's margins, in mm (assets/report.css's @page rule says the same). */
const A4_WIDTH_MM = 210;
const MARGIN_MM = { top: 18, bottom: 20, left: 16, right: 16 };
/** The width a line of the page can take, in CSS px (96 to the inch, 25.4 mm). */
export const PRINTABLE_WIDTH_PX = ((A4_WIDTH_MM - MARGIN_MM.left - MARGIN_MM.right) * 96) / 25.4;

/**
 * What is wider than the printed page, laid out as Chromium prints it, and how wide the
 * document is. An element is named by its printed page's id, tag and class (at most five):
 * the outermost whose box is wider than the page (a table), or, when every box fits, the
 * innermost whose content runs out of its box (a line that cannot wrap). None when everything fits.
 */
async function tooWideForThePage(page: Page): Promise<{ readonly documentWidth: number; readonly elements: readonly string[] }> {
  await page.setViewportSize({ width: Math.floor(PRINTABLE_WIDTH_PX), height: 1200 });
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const documentWidth = document.documentElement.scrollWidth;
    if (documentWidth <= width + 1) return { documentWidth, elements: [] };
    const all = Array.from(document.querySelectorAll("body *"));
    const boxRight = (element: Element) => element.getBoundingClientRect().right;
    const reach = (element: Element) => element.getBoundingClientRect().left + element.scrollWidth;
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.classList.length ? `.${Array.from(element.classList).join(".")}` : ""} in ${element.closest("article")?.id ?? "the print edition"}`;
    const wideBoxes = all.filter((element) => boxRight(element) > width + 1 && !(element.parentElement && boxRight(element.parentElement) > width + 1));
    const overflowing = all.filter((element) => reach(element) > width + 1 && !Array.from(element.children).some((child) => reach(child) > width + 1));
    return { documentWidth, elements: (wideBoxes.length > 0 ? wideBoxes : overflowing).slice(0, 5).map(name) };
  });
}

async function printOnce(page: Page): Promise<Uint8Array> {
  return page.pdf({
    format: "A4",
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate: FOOTER,
    margin: { top: `${MARGIN_MM.top}mm`, bottom: `${MARGIN_MM.bottom}mm`, left: `${MARGIN_MM.left}mm`, right: `${MARGIN_MM.right}mm` },
    outline: true,
    tagged: true,
  });
}

export async function makePdf(options: PdfOptions): Promise<PdfResult> {
  const siteDir = path.resolve(options.siteDir);
  const manifest = JSON.parse(await readFile(path.join(siteDir, "manifest.json"), "utf8")) as { version: string; dataAsOf: string | null };
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ locale: "en-GB", timezoneId: "UTC", javaScriptEnabled: true });
    await context.route("**/*", (route) => serveFromFolder(route, siteDir));
    const page = await context.newPage();
    const response = await page.goto(`${ORIGIN}${PRINT_EDITION_URL}`, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`${path.join(options.siteDir, "print/index.html")}: missing; build the site (npm run build) before npm run pdf`);
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => document.fonts.ready);
    const wide = await tooWideForThePage(page);
    if (wide.documentWidth > Math.floor(PRINTABLE_WIDTH_PX) + 1) {
      throw new Error(
        `the print edition is ${wide.documentWidth} px wide where an A4 page has ${Math.floor(PRINTABLE_WIDTH_PX)} px, so Chromium would shrink the text of every page to fit. Too wide: ${wide.elements.join("; ")}. Let it wrap in print (assets/report.css, @media print), or mark its page inPrintEdition: brief`,
      );
    }
    // Links to pages the PDF does not hold: absolute when the site's address is known, else text.
    await page.evaluate((siteUrl) => {
      for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="/"]'))) {
        const href = link.getAttribute("href") ?? "";
        if (siteUrl) {
          link.href = new URL(href.replace(/^\/+/, ""), siteUrl).href;
          continue;
        }
        // The link's words stay; its path is left out (a path without the site's address is no use on paper).
        const text = document.createElement("span");
        text.append(...Array.from(link.childNodes));
        link.replaceWith(text);
      }
    }, options.siteUrl ? siteAddress(options.siteUrl, "/") : "");
    const slugs = await page.$$eval("[data-print-target]", (spans) => spans.map((span) => span.getAttribute("data-print-target") ?? ""));
    const info = await page.evaluate(() => ({
      title: `${document.querySelector(".print-cover h1")?.textContent ?? document.title}: ${document.querySelector(".print-cover .cover-subtitle")?.textContent ?? ""}`.replace(/: $/, ""),
      subject: document.querySelector(".print-cover .cover-kicker")?.textContent ?? "",
    }));

    let bytes = await printOnce(page);
    let startPages = (await readPdf(bytes, slugs)).destinationPages;
    let printings = 1;
    for (; printings < 4; printings++) {
      const numbers = Object.fromEntries(startPages);
      await page.evaluate((numbers) => {
        for (const span of Array.from(document.querySelectorAll("[data-print-target]"))) {
          const n = numbers[span.getAttribute("data-print-target") ?? ""];
          span.textContent = n === undefined ? "" : String(n);
        }
      }, numbers);
      bytes = await printOnce(page);
      const again = (await readPdf(bytes, slugs)).destinationPages;
      const settled = again.size === startPages.size && [...again].every(([slug, n]) => startPages.get(slug) === n);
      startPages = again;
      if (settled) break;
    }
    const missing = slugs.filter((slug) => !startPages.has(slug));
    if (missing.length > 0) throw new Error(`the PDF has no destination for ${missing.join(", ")}; the contents cannot give their page numbers`);

    const stamped = await withDocumentInfo(bytes, { ...info, producer: `${options.maker ?? "report"} ${manifest.version}`, date: manifest.dataAsOf });
    await mkdir(path.dirname(path.resolve(options.outFile)), { recursive: true });
    await writeFile(options.outFile, stamped);
    const printed = await readPdf(stamped);
    return { outFile: options.outFile, pageCount: printed.pageCount, startPages, printings: printings + 1, bodyTextSize: printed.bodyTextSize };
  } finally {
    await browser.close();
  }
}

/**
 * `npm run pdf [-- --site DIR] [--out FILE] [--site-url URL]`, in the project's folder: the site URL
 * defaults to REPORT_SITE_URL, else content/_data/report.json's "url" (as the build's does), the
 * file to dist/<the title's words>.pdf
 * ("A Brave New World" → dist/brave-new-world.pdf), the producer to package.json's name.
 */
async function main(argv: readonly string[]): Promise<void> {
  const option = (name: string) => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : argv[at + 1];
  };
  const settings = await readFile("content/_data/report.json", "utf8").then((text) => JSON.parse(text) as { url?: string; title?: string }, () => ({ url: undefined, title: undefined }));
  const siteUrl = siteUrlFrom(option("--site-url")) ?? normaliseSiteUrl(settings.url, 'content/_data/report.json "url"');
  const maker = await readFile("package.json", "utf8").then((text) => (JSON.parse(text) as { name?: string }).name, () => undefined);
  const outFile = option("--out") ?? path.join("dist", `${reportFileBase(settings.title ?? "report")}.pdf`);
  const result = await makePdf({ siteDir: option("--site") ?? "_site", outFile, siteUrl, maker });
  console.log(`Wrote ${result.outFile}: ${result.pageCount} pages, body text ${result.bodyTextSize} pt (printed ${result.printings} times to settle the contents' page numbers)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
