/**
 * What helps a reader find their way and check the report, wired into Eleventy in one
 * call from plugin.ts: the "On this page" list (filter `pageSections`), each chapter's
 * Sources (filter `citedSources`, over content/_data/bibliography.json), the
 * "Cite this report" block (shortcode `citeThisReport`) and the print edition at /print/
 * (a virtual template and the filters its layout, _includes/layouts/print.njk, uses).
 */
import { citation } from "./cite.ts";
import { pageSections } from "./sections.ts";
import { citedSources } from "./sources.ts";
import { printSection, printSlug, printedUrlSet } from "./print-edition.ts";
import type { Manifest } from "../release/manifest.ts";
import { BuildError } from "../data/errors.ts";

interface PageContext {
  page: { inputPath: string; url: string };
}
/** The parts of Eleventy's (untyped) config API used here. */
export interface ReaderAidsConfig {
  addFilter(name: string, fn: (this: PageContext, ...args: unknown[]) => unknown): void;
  addShortcode(name: string, fn: (this: PageContext, ...args: unknown[]) => string): void;
  addTemplate(virtualPath: string, content: string, data: object): void;
}

/** Where the print edition is published; `npm run pdf` prints this page. */
export const PRINT_EDITION_URL = "/print/";

const urlsOf = (items: unknown): string[] => (Array.isArray(items) ? items.map((item) => String((item as { url: unknown }).url)) : []);

/**
 * The report's settings (content/_data/report.json) that a citation uses: its title and
 * subtitle, its address when it sets one, and `original`, the bibliography id of the report
 * it rebuilds.
 */
function reportSettings(value: unknown, where: string): { title: string; subtitle: string; url?: string; original: string } {
  const settings = (value ?? {}) as Record<string, unknown>;
  const { title, subtitle, url, original } = settings;
  if (typeof title !== "string" || typeof subtitle !== "string") throw new BuildError(`${where}: {% citeThisReport report, bibliography %} needs the report's title and subtitle`);
  if (url !== undefined && typeof url !== "string") throw new BuildError(`content/_data/report.json: "url" must be the site's address as text`);
  if (typeof original !== "string") throw new BuildError(`content/_data/report.json: "original" must be the bibliography id of the report this one rebuilds, cited in "Cite this report"`);
  return { title, subtitle, url, original };
}

export function registerReaderAids(
  eleventyConfig: ReaderAidsConfig,
  manifest: () => Manifest,
  renderPartial: (name: string, context: object) => string,
): void {
  eleventyConfig.addFilter("pageSections", (html: unknown) => pageSections(String(html)));
  eleventyConfig.addFilter("citedSources", function (this: PageContext, ids: unknown, catalogue: unknown) {
    return citedSources(catalogue, ids, this.page.inputPath);
  });
  // The print edition is the engine's, for every project: a virtual template over the
  // contents collection (and the cover, from "all"), rendered after the pages it prints.
  eleventyConfig.addTemplate("print-edition.njk", "", {
    title: "The whole report, to print",
    permalink: PRINT_EDITION_URL,
    layout: "layouts/print.njk",
    eleventyExcludeFromCollections: true,
    eleventyImport: { collections: ["contents", "all"] },
  });
  // A page of the contents leaves itself out with `inPrintEdition: false` (the council
  // finder: a list of links to pages the print edition does not hold).
  eleventyConfig.addFilter("printEditionPages", (items: unknown) =>
    Array.isArray(items) ? items.filter((item) => (item as { data?: { inPrintEdition?: unknown } }).data?.inPrintEdition !== false) : [],
  );
  eleventyConfig.addFilter("printSlug", (url: unknown) => printSlug(String(url)));
  eleventyConfig.addFilter("printedUrls", (items: unknown) => printedUrlSet(urlsOf(items)));
  eleventyConfig.addFilter("printSection", (html: unknown, pageUrl: unknown, printed: unknown) =>
    printSection(String(html), String(pageUrl), printed instanceof Set ? (printed as Set<string>) : new Set()),
  );
  eleventyConfig.addShortcode("citeThisReport", function (this: PageContext, reportData: unknown, catalogue: unknown) {
    const report = reportSettings(reportData, this.page.inputPath);
    const [original] = citedSources(catalogue, [report.original], this.page.inputPath);
    const { version, dataAsOf } = manifest();
    return renderPartial("cite.njk", { cite: citation({ title: report.title, subtitle: report.subtitle, version, dataAsOf, siteUrl: report.url, homePath: "/", original }) });
  });
}
