/**
 * Where "Cite this report" and the print edition take the site URL from: the build's
 * --site-url or REPORT_SITE_URL when given (registerReaderAids' last argument), else
 * content/_data/report.json's "url", else none. Registered on a stand-in for Eleventy's
 * config, then called as Eleventy calls them.
 */
import { describe, expect, it } from "vitest";
import { registerReaderAids, type ReaderAidsConfig } from "../../../scripts/engine/eleventy/reader-aids.ts";
import type { Manifest } from "../../../scripts/engine/release/manifest.ts";

type Registered = (this: { page: { inputPath: string; url: string } }, ...args: unknown[]) => unknown;

function registered(siteUrlOption?: string): Map<string, Registered> {
  const found = new Map<string, Registered>();
  const config: ReaderAidsConfig = {
    addFilter: (name, fn) => found.set(name, fn as Registered),
    addShortcode: (name, fn) => found.set(name, fn as Registered),
    addTemplate: () => undefined,
  };
  const manifest = { version: "1.2.0", dataAsOf: "2026-08-20" } as unknown as Manifest;
  registerReaderAids(config, () => manifest, (_name, context) => JSON.stringify(context), siteUrlOption);
  return found;
}

const page = { page: { inputPath: "content/index.md", url: "/" } };
const bibliography = { orig: { title: "The original", publisher: "A publisher", year: "2015" } };
const report = (url?: string) => ({ title: "A report", subtitle: "Its subtitle", original: "orig", ...(url === undefined ? {} : { url }) });

function citedUrl(filters: Map<string, Registered>, settings: object): unknown {
  const cite = filters.get("reportCitation")?.call(page, settings, bibliography) as { rebuild: { url: string | null } };
  return cite.rebuild.url;
}
const planUrl = (filters: Map<string, Registered>, settings: object) =>
  (filters.get("printPlan")?.call(page, [{ url: "/chapter-1/", data: {} }], settings) as { siteUrl?: string }).siteUrl;

describe("the site URL of the citation and the print edition", () => {
  it("is none when neither the build nor report.json gives one", () => {
    const filters = registered();
    expect(citedUrl(filters, report())).toBeNull();
    expect(planUrl(filters, report())).toBeUndefined();
    expect(filters.get("citeThisReport")?.call(page, report(), bibliography)).not.toContain("Available at");
  });

  it("is report.json's \"url\", given a closing slash, when the build gives none", () => {
    const filters = registered();
    expect(citedUrl(filters, report("https://example.org/bnw"))).toBe("https://example.org/bnw/");
    expect(planUrl(filters, report("https://example.org/bnw"))).toBe("https://example.org/bnw/");
  });

  it("is the build's (--site-url, REPORT_SITE_URL) over report.json's", () => {
    const filters = registered("https://build.example/");
    expect(citedUrl(filters, report("https://example.org/bnw/"))).toBe("https://build.example/");
    expect(planUrl(filters, report())).toBe("https://build.example/");
  });

  it("stops the build, naming report.json, when its \"url\" is not an address", () => {
    expect(() => citedUrl(registered(), report("example.org"))).toThrow('content/_data/report.json "url" "example.org" is not a web address');
  });
});

describe("the citedSources filter", () => {
  it("names the page the ids are from: the rendering page, or the page the print edition passes", () => {
    const cited = registered().get("citedSources");
    const printEdition = { page: { inputPath: "./content/print-edition.njk", url: "/print/" } };
    expect(() => cited?.call({ page: { inputPath: "./content/chapters/x.md", url: "/x/" } }, ["nope"], bibliography)).toThrow('content/chapters/x.md: source "nope" is not in');
    expect(() => cited?.call(printEdition, ["nope"], bibliography, "./content/chapters/x.md")).toThrow(/^content\/chapters\/x\.md: source "nope" is not in/);
  });
});
