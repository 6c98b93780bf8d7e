/**
 * What helps a reader find their way and check the report, wired into Eleventy in one
 * call from plugin.ts: the "On this page" list (filter `pageSections`), each chapter's
 * Sources (filter `citedSources`, over content/_data/bibliography.json), the
 * "Cite this report" block (shortcode `citeThisReport`) and the print edition at /print/
 * (a virtual template and the filters its layout, _includes/layouts/print.njk, uses).
 */
import { createHash } from "node:crypto";
import { citation, type Citation } from "./cite.ts";
import { pageSections, type PageSection } from "./sections.ts";
import { citedSources } from "./sources.ts";
import { openingParagraph, printPlan, printSection, printSlug, printTreatment, type PrintPlan } from "./print-edition.ts";
import { normaliseSiteUrl, siteAddress } from "./site-url.ts";
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
/** The print edition's template, virtual, as if in the content folder. */
export const PRINT_EDITION_TEMPLATE = "print-edition.njk";

/** A page of a collection, as the print edition's filters read it. */
interface PrintedItem {
  readonly url: string;
  readonly inputPath?: string;
  readonly data?: { readonly inPrintEdition?: unknown };
}
const itemsOf = (items: unknown): PrintedItem[] => (Array.isArray(items) ? (items as PrintedItem[]) : []);
const treatmentOf = (item: PrintedItem) => printTreatment(item.data?.inPrintEdition, item.inputPath ?? item.url);

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
  /** The site URL the build was given (--site-url or REPORT_SITE_URL); report.json's "url" when none. */
  siteUrlOption?: string,
): void {
  const siteUrlOf = (report: { url?: string }) => siteUrlOption ?? normaliseSiteUrl(report.url, 'content/_data/report.json "url"');
  const citationOf = (reportData: unknown, catalogue: unknown, where: string): Citation => {
    const report = reportSettings(reportData, where);
    const [original] = citedSources(catalogue, [report.original], where);
    const { version, dataAsOf } = manifest();
    return citation({ title: report.title, subtitle: report.subtitle, version, dataAsOf, siteUrl: siteUrlOf(report), original });
  };
  // A page's sections, by its HTML: the preview renders pages again whose text is unchanged.
  const sectioned = rememberLast<PageSection[]>(256);
  eleventyConfig.addFilter("pageSections", (html: unknown) => sectioned(String(html), () => pageSections(String(html))));
  // `page`: the page the ids are from, when it is not the one rendering (the print edition lists every chapter's), so a fault names it.
  eleventyConfig.addFilter("citedSources", function (this: PageContext, ids: unknown, catalogue: unknown, page?: unknown) {
    return citedSources(catalogue, ids, String(page ?? this.page.inputPath).replace(/^\.\//, ""));
  });
  // The print edition is the engine's, for every project: a virtual template over the
  // contents collection (and the cover, from "all"). Its layout reads the pages' content,
  // which Eleventy renders before any layout. It declares no collections it imports: in
  // Eleventy's dependency graph a template importing a collection depends on every page
  // (all are in the collections' first stage), and an incremental rebuild renders every page
  // a re-rendered template depends on, so each prose edit rendered all 158 council pages
  // again. Instead the preview makes it depend on the page edited (./incremental.ts).
  eleventyConfig.addTemplate(PRINT_EDITION_TEMPLATE, "", {
    title: "The whole report, to print",
    permalink: PRINT_EDITION_URL,
    layout: "layouts/print.njk",
    eleventyExcludeFromCollections: true,
  });
  // A page of the contents is printed whole unless its front matter says otherwise:
  // `inPrintEdition: false` leaves it out (the council finder: a list of links to pages the
  // print edition does not hold), `inPrintEdition: brief` prints its title, opening paragraph
  // and address (the claims register, the data files, What changed: see print-edition.ts).
  eleventyConfig.addFilter("printEditionPages", (items: unknown) => itemsOf(items).filter((item) => treatmentOf(item) !== "left out"));
  eleventyConfig.addFilter("printedInBrief", (item: unknown) => treatmentOf(item as PrintedItem) === "brief");
  eleventyConfig.addFilter("printSlug", (url: unknown) => printSlug(String(url)));
  eleventyConfig.addFilter("printPlan", function (this: PageContext, items: unknown, reportData: unknown) {
    const report = reportSettings(reportData, this.page.inputPath);
    return printPlan(itemsOf(items).map((item) => ({ url: item.url, treatment: treatmentOf(item) })), siteUrlOf(report));
  });
  // Both re-parse a whole page; the preview's rebuilds print every page again after an edit to one, so what each
  // gave for the same input is kept (they are pure functions of it).
  const printed = rememberLast<string>(256);
  const opened = rememberLast<string>(256);
  eleventyConfig.addFilter("printSection", (html: unknown, pageUrl: unknown, plan: unknown) =>
    printed(JSON.stringify([String(html), String(pageUrl), plan]), () => printSection(String(html), String(pageUrl), plan as PrintPlan)),
  );
  eleventyConfig.addFilter("openingParagraph", (html: unknown) => opened(String(html), () => openingParagraph(String(html))));
  // A page's address on the published site, or "" when the site URL is not known.
  eleventyConfig.addFilter("onlineAddress", (url: unknown, plan: unknown) => {
    const { siteUrl } = plan as PrintPlan;
    return siteUrl ? siteAddress(siteUrl, String(url)) : "";
  });
  // The citation's parts, for a layout that shows them otherwise (the print edition's title page).
  eleventyConfig.addFilter("reportCitation", function (this: PageContext, reportData: unknown, catalogue: unknown) {
    return citationOf(reportData, catalogue, this.page.inputPath);
  });
  eleventyConfig.addShortcode("citeThisReport", function (this: PageContext, reportData: unknown, catalogue: unknown) {
    return renderPartial("cite.njk", { cite: citationOf(reportData, catalogue, this.page.inputPath) });
  });
}

/** A pure function's results for its last `limit` distinct inputs (by a sha256 of the key), oldest forgotten first. */
function rememberLast<T>(limit: number): (key: string, make: () => T) => T {
  const results = new Map<string, T>();
  return (key, make) => {
    const hash = createHash("sha256").update(key).digest("hex");
    const kept = results.get(hash);
    if (kept !== undefined) return kept;
    const made = make();
    results.set(hash, made);
    if (results.size > limit) results.delete(results.keys().next().value as string);
    return made;
  };
}
