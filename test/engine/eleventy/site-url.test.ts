import { describe, expect, it } from "vitest";
import { SITE_URL_ENV, normaliseSiteUrl, siteAddress, siteUrlFrom } from "../../../scripts/engine/eleventy/site-url.ts";

describe("normaliseSiteUrl", () => {
  it("gives none for an empty value and the address with a closing slash otherwise", () => {
    expect(normaliseSiteUrl(undefined)).toBeUndefined();
    expect(normaliseSiteUrl("  ")).toBeUndefined();
    expect(normaliseSiteUrl("https://example.org")).toBe("https://example.org/");
    expect(normaliseSiteUrl(" https://example.org/reports/bnw ")).toBe("https://example.org/reports/bnw/");
    expect(normaliseSiteUrl("http://example.org/bnw/")).toBe("http://example.org/bnw/");
  });

  it("refuses what is not the address of a site's home page, naming where it came from", () => {
    expect(() => normaliseSiteUrl("example.org/bnw", "--site-url")).toThrow('--site-url "example.org/bnw" is not a web address');
    expect(() => normaliseSiteUrl("ftp://example.org/", "--site-url")).toThrow("must start with https:// or http://");
    expect(() => normaliseSiteUrl("https://example.org/?page=1")).toThrow('without "?" or "#"');
    expect(() => normaliseSiteUrl("https://example.org/#top")).toThrow('without "?" or "#"');
  });
});

describe("siteUrlFrom", () => {
  it("takes the command line's value over the environment's, and the environment's over none", () => {
    expect(siteUrlFrom("https://one.example/", { [SITE_URL_ENV]: "https://two.example/" })).toBe("https://one.example/");
    expect(siteUrlFrom(undefined, { [SITE_URL_ENV]: "https://two.example/x" })).toBe("https://two.example/x/");
    expect(siteUrlFrom(undefined, {})).toBeUndefined();
  });
});

describe("siteAddress", () => {
  it("puts a root-relative path under the site's address, sub-path kept", () => {
    expect(siteAddress("https://example.org/bnw/", "/")).toBe("https://example.org/bnw/");
    expect(siteAddress("https://example.org/bnw/", "/councils/ashvale/#history")).toBe("https://example.org/bnw/councils/ashvale/#history");
    expect(siteAddress("https://example.org/", "/data/figures/a.csv")).toBe("https://example.org/data/figures/a.csv");
  });
});
