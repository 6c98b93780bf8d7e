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
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page, Route } from "playwright-core";
import { launchChromium } from "../browser/chromium.ts";
import { PRINT_EDITION_URL } from "../eleventy/reader-aids.ts";
import { withDocumentInfo } from "./metadata.ts";
import { readPdf } from "./read-pdf.ts";
import { reportFileBase } from "../downloads/catalogue.ts";

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
  /** The published site's address; links to pages outside the PDF point there. Without it they become text. */
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

async function printOnce(page: Page): Promise<Uint8Array> {
  return page.pdf({
    format: "A4",
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate: FOOTER,
    margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" },
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
    // Links to pages the PDF does not hold: absolute when the site's address is known, else text.
    await page.evaluate((siteUrl) => {
      for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="/"]'))) {
        const href = link.getAttribute("href") ?? "";
        if (siteUrl) {
          link.href = new URL(href.replace(/^\//, ""), siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`).href;
          continue;
        }
        const text = document.createElement("span");
        text.append(...Array.from(link.childNodes));
        if (link.hasAttribute("download")) text.append(` (${href})`);
        link.replaceWith(text);
      }
    }, options.siteUrl ?? "");
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
    return { outFile: options.outFile, pageCount: (await readPdf(stamped)).pageCount, startPages, printings: printings + 1 };
  } finally {
    await browser.close();
  }
}

/**
 * `npm run pdf [-- --site DIR] [--out FILE] [--site-url URL]`, in the project's folder: the site URL
 * defaults to content/_data/report.json's "url", the file to dist/<the title's words>.pdf
 * ("A Brave New World" → dist/brave-new-world.pdf), the producer to package.json's name.
 */
async function main(argv: readonly string[]): Promise<void> {
  const option = (name: string) => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : argv[at + 1];
  };
  const settings = await readFile("content/_data/report.json", "utf8").then((text) => JSON.parse(text) as { url?: string; title?: string }, () => ({ url: undefined, title: undefined }));
  const siteUrl = option("--site-url") ?? settings.url;
  const maker = await readFile("package.json", "utf8").then((text) => (JSON.parse(text) as { name?: string }).name, () => undefined);
  const outFile = option("--out") ?? path.join("dist", `${reportFileBase(settings.title ?? "report")}.pdf`);
  const result = await makePdf({ siteDir: option("--site") ?? "_site", outFile, siteUrl, maker });
  console.log(`Wrote ${result.outFile}: ${result.pageCount} pages (printed ${result.printings} times to settle the contents' page numbers)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
