import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkLinks, externalLinksReport, formatBrokenLinks, parsePage, readSite } from "../../../scripts/engine/check/links.ts";

const page = (body: string) => `<!DOCTYPE html>\n<html lang="en"><head><title>t</title></head>\n<body>\n${body}\n</body></html>\n`;

/** A small site whose links all resolve. */
const goodSite = () =>
  new Map<string, string | null>([
    [
      "index.html",
      page(
        [
          '<link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/site.css">',
          '<a href="/chapter-1/">One</a> <a href="chapter-1/#figure-a">Figure A</a> <a href="#top-of-cover">Top</a>',
          '<h1 id="top-of-cover">Cover</h1>',
          '<a href="/data/figures/a.csv" download>CSV</a> <a href="/chapter-1/index.html#notes">notes</a>',
          '<a href="https://www.example.org/report.pdf">the report</a> <a href="mailto:someone@example.org">write</a>',
        ].join("\n"),
      ),
    ],
    ["chapter-1/index.html", page('<figure id="figure-a"><svg><title id="t">x</title><use href="#t"/></svg></figure>\n<p><a name="notes">Notes</a> <a href="../#top-of-cover">Back</a> <a href="https://www.example.org/report.pdf">again</a></p>')],
    ["assets/site.css", null],
    ["data/figures/a.csv", null],
  ]);

describe("checkLinks", () => {
  it("accepts a site whose files and fragments all exist, and lists its external links without fetching them", () => {
    const report = checkLinks(goodSite());
    expect(report.broken).toEqual([]);
    // Stylesheet, 2 + 1 chapter links, CSV, index.html#notes on the cover; <use href> and "../#top" on the chapter.
    expect(report.internalCount).toBe(8);
    expect(report.external.map((link) => [link.page, link.url])).toEqual([
      ["chapter-1/index.html", "https://www.example.org/report.pdf"],
      ["index.html", "https://www.example.org/report.pdf"],
      ["index.html", "mailto:someone@example.org"],
    ]);
  });

  it("reports a missing page, a missing file, a missing id and a folder linked without its slash, each at its line and column", () => {
    const site = goodSite();
    site.set(
      "chapter-2/index.html",
      page(
        [
          '<a href="/chapter-3/">Three</a>',
          '  <img alt="" src="/images/none.png"> <a href="/chapter-1/#figure-b">B</a>',
          '<a href="#nowhere">here</a> <a href="/chapter-1">no slash</a> <a href="/data/figures/a.csv#row">csv</a>',
        ].join("\n"),
      ),
    );
    const { broken } = checkLinks(site);
    expect(formatBrokenLinks(broken).split("\n")).toEqual([
      "chapter-2/index.html:4:4: /chapter-3/: chapter-3/index.html is not a file of the site",
      "chapter-2/index.html:5:15: /images/none.png: images/none.png is not a file of the site",
      'chapter-2/index.html:5:42: /chapter-1/#figure-b: chapter-1/index.html has no element with id "figure-b"',
      'chapter-2/index.html:6:4: #nowhere: chapter-2/index.html has no element with id "nowhere"',
      "chapter-2/index.html:6:32: /chapter-1: chapter-1 is not a file of the site; the folder has an index page: link to /chapter-1/",
      "chapter-2/index.html:6:66: /data/figures/a.csv#row: #row points into data/figures/a.csv, which is not a page",
    ]);
  });

  it("reports an empty link and decodes percent-encoded paths and fragments", () => {
    const site = goodSite();
    site.set("a b/index.html", page('<p id="é">x</p><a href="/a%20b/#%C3%A9">self</a> <a href="">empty</a>'));
    const { broken } = checkLinks(site);
    expect(broken.map((link) => [link.url, link.problem])).toEqual([["", "the link is empty"]]);
  });
});

describe("parsePage", () => {
  it("finds ids and URL attributes in HTML and inline SVG, including xlink:href", () => {
    const parsed = parsePage(page('<svg id="s"><a xlink:href="#s"><text>x</text></a></svg><template><a id="inside" href="/t/">t</a></template>'));
    expect([...parsed.ids].sort()).toEqual(["inside", "s"]);
    expect(parsed.links.map((link) => link.url)).toEqual(["#s", "/t/"]);
  });
});

describe("externalLinksReport", () => {
  it("lists each address once with the pages that link to it", () => {
    const report = externalLinksReport(checkLinks(goodSite()).external);
    expect(report).toBe(
      [
        "# External links",
        "",
        "Listed by the link check after a build; never fetched.",
        "",
        "- <https://www.example.org/report.pdf> on chapter-1/index.html, index.html",
        "- <mailto:someone@example.org> on index.html",
        "",
      ].join("\n"),
    );
    expect(externalLinksReport([])).toContain("None.");
  });
});

describe("readSite", () => {
  it("reads pages as text and notes other files by name only", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "links-"));
    try {
      await mkdir(path.join(dir, "chapter-1"), { recursive: true });
      await writeFile(path.join(dir, "chapter-1", "index.html"), "<p>one</p>");
      await writeFile(path.join(dir, "style.css"), "p{}");
      const site = await readSite(dir);
      expect([...site.entries()]).toEqual([
        ["chapter-1/index.html", "<p>one</p>"],
        ["style.css", null],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("checkLinks on a site served under a path prefix", () => {
  /** The good site as the base plugin writes it for /sub/path/: root-relative links carry the prefix. */
  const prefixedSite = () =>
    new Map([...goodSite()].map(([file, html]) => [file, html === null ? null : html.replace(/(href|src)="\/(?!\/)/g, '$1="/sub/path/')]));

  it("resolves prefixed root-relative links and relative ones from the page's served address", () => {
    const report = checkLinks(prefixedSite(), { pathPrefix: "/sub/path/" });
    expect(formatBrokenLinks(report.broken)).toBe("");
    // The same eight links as without a prefix ("../#top-of-cover" from /sub/path/chapter-1/ is the cover).
    expect(report.internalCount).toBe(8);
    // The prefix may be given without its slashes.
    expect(checkLinks(prefixedSite(), { pathPrefix: "sub/path" }).broken).toEqual([]);
  });

  it("reports a root-relative link that misses the prefix, as a host serving the sub-path would", () => {
    const report = checkLinks(goodSite(), { pathPrefix: "/sub/path/" });
    // The unprefixed site's root-relative links all point outside /sub/path/; its relative ones still resolve.
    expect(report.broken.map((link) => link.url).sort()).toEqual(["/assets/site.css", "/chapter-1/", "/chapter-1/index.html#notes", "/data/figures/a.csv"]);
    expect(report.broken[0].problem).toMatch(/is outside the site, which is served under \/sub\/path\/$/);
  });
});

describe("checkLinks on the page-not-found page", () => {
  it("accepts root-relative links, fragments and other hosts, and reports relative ones: the page is served at any missing address", () => {
    const site = new Map(goodSite());
    site.set("404.html", page('<a href="/">Cover</a> <a href="#main">Skip</a> <a href="https://www.example.org/">Elsewhere</a>\n<a href="chapter-1/">One</a> <a href="../data/figures/a.csv">CSV</a>\n<p id="main">Not found</p>'));
    const report = checkLinks(site);
    expect(report.broken.map((link) => [link.page, link.line, link.url])).toEqual([
      ["404.html", 5, "chapter-1/"],
      ["404.html", 5, "../data/figures/a.csv"],
    ]);
    expect(report.broken[0].problem).toMatch(/served at any missing address.*start it with \//);
  });
});
