/**
 * Whole-site build of the mini report (test/fixtures/mini-report, with its own two
 * families, built through the engine): the pages, figures, data tables, CSV downloads,
 * cross-references, stats and family views a reader sees. Every expected value is
 * written out by hand from the fixture's CSV below, never computed by the code under test.
 */
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE, FIXTURE_SITE_FILES, buildFixture, copyFixture, outsideSearchIndex, fingerprint, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

/**
 * The fixture's data/national/inspection-outcomes-by-year.csv, typed out again:
 * year → [inadequate, requires improvement / adequate, good, outstanding].
 * 2011/12 adds up to 19 + 42 + 35 + 8 = 104 and is listed in the fixture's
 * data/known-exceptions.csv; every other year adds up to 100.
 */
const SHARES: readonly (readonly [string, readonly [number, number, number, number]])[] = [
  ["2007/08", [2, 24, 62, 12]],
  ["2008/09", [5, 28, 55, 12]],
  ["2009/10", [9, 31, 48, 12]],
  ["2010/11", [14, 36, 41, 9]],
  ["2011/12", [19, 42, 35, 8]],
  ["2012/13", [24, 47, 24, 5]],
  ["2013/14", [26, 46, 25, 3]],
  ["2014/15", [29, 47, 21, 3]],
];
const GRADE_LABELS = ["Inadequate", "Requires improvement or adequate", "Good", "Outstanding"] as const;

/*
 * The mini report's swing into a year = half the sum, over the four grades, of
 * |share(year) − share(year before)|, in percentage points:
 *   2008/09: |5−2| + |28−24| + |55−62| + |12−12| = 3 + 4 + 7 + 0 = 14 → 7
 *   2009/10: |9−5| + |31−28| + |48−55| + |12−12| = 4 + 3 + 7 + 0 = 14 → 7
 *   2010/11: |14−9| + |36−31| + |41−48| + |9−12| = 5 + 5 + 7 + 3 = 20 → 10
 *   2011/12: |19−14| + |42−36| + |35−41| + |8−9| = 5 + 6 + 6 + 1 = 18 → 9
 *   2012/13: |24−19| + |47−42| + |24−35| + |5−8| = 5 + 5 + 11 + 3 = 24 → 12
 *   2013/14: |26−24| + |46−47| + |25−24| + |3−5| = 2 + 1 + 1 + 2 = 6 → 3
 *   2014/15: |29−26| + |47−46| + |21−25| + |3−3| = 3 + 1 + 4 + 0 = 8 → 4
 * A window's average is over the moves between its own years (not the move into its first):
 *   early 2009/10–2011/12: (10 + 9) ÷ 2 = 9.5 → "9.5 percentage points"
 *   late 2012/13–2014/15: (3 + 4) ÷ 2 = 3.5 → "3.5 percentage points"
 *   ratio 9.5 ÷ 3.5 = 2.714… → "2.7".
 */
const SWINGS: readonly (readonly [string, number, string])[] = [
  ["2008/09", 7, "In neither average"],
  ["2009/10", 7, "In neither average"],
  ["2010/11", 10, "2009/10 to 2011/12"],
  ["2011/12", 9, "2009/10 to 2011/12"],
  ["2012/13", 12, "In neither average"],
  ["2013/14", 3, "2012/13 to 2014/15"],
  ["2014/15", 4, "2012/13 to 2014/15"],
];
const EARLY_SWING = "9.5 percentage points";
const LATE_SWING = "3.5 percentage points";
const SWING_RATIO = "2.7";

const BY_YEAR_TITLE = "The share judged good fell from 62% to 21% between 2007/08 and 2014/15; the share judged inadequate rose from 2% to 29%";
const SWING_TITLE = "The grade mix swung by 9.5 percentage points a year on average in 2009/10 to 2011/12, against 3.5 percentage points in 2012/13 to 2014/15";

let projectRoot: string;
let outDir: string;
let cacheDir: string;
const site = new Map<string, string>();
const page = (file: string) => {
  const text = site.get(file);
  if (text === undefined) throw new Error(`${file} was not built`);
  return text;
};

/** The <figure> element with the given id, as HTML. */
function figureElement(html: string, anchor: string): string {
  const match = new RegExp(`<figure class="figure" id="${anchor}">[\\s\\S]*?</figure>`).exec(html);
  if (!match) throw new Error(`no <figure id="${anchor}">`);
  return match[0];
}

beforeAll(async () => {
  projectRoot = await copyFixture();
  outDir = path.join(await temporaryFolder(), "site");
  cacheDir = path.join(await temporaryFolder(), "svg-cache");
  await withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildFixture({ root: projectRoot, outDir }));
  for (const line of await fingerprint(outDir)) {
    const file = line.split(" ")[0];
    site.set(file, await readFile(path.join(outDir, file), "utf8"));
  }
});

afterAll(removeTemporaryFolders);

describe("building the mini report", () => {
  it("writes exactly the pages, CSVs and stylesheet, swaps them into place and leaves the project untouched", async () => {
    expect(outsideSearchIndex([...site.keys()].sort())).toEqual(FIXTURE_SITE_FILES);
    // No staging or retired folder is left beside the output.
    expect(await readdir(path.dirname(outDir))).toEqual(["site"]);
    // The build reads the project but writes nothing into it (no .cache/, no _site/): the copy
    // is still the fixture's content, data and package.json (its definition, scripts/, is not copied).
    // The copy has the fixture's content and data, not its code, nor a chart cache a build in place may have left.
    expect(await fingerprint(projectRoot)).toEqual((await fingerprint(FIXTURE)).filter((line) => !line.startsWith("scripts/") && !line.startsWith(".cache/")));
    // The SVG cache went where REPORT_SVG_CACHE said: one entry per rendering (wide and
    // narrow) of each placed figure (two) and council timeline (five).
    expect((await readdir(cacheDir)).filter((name) => name.endsWith(".svg"))).toHaveLength(2 * (2 + 5));
  });

  it("lists both chapters, the council index, the data page and the changes page on the cover, in reading order, with links", () => {
    // The fixture's file names (grades.md is chapter 1, cycles.md chapter 2) sort the
    // other way round, so this order can only come from the front matter.
    const contents = /<nav class="contents"[\s\S]*?<\/nav>/.exec(page("index.html"))?.[0] ?? "";
    const items = [...contents.matchAll(/<li><a href="([^"]+)"><span class="contents-number">([^<]+)<\/span> ([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(items).toEqual([
      ["/chapter-1/", "Chapter 1", "How the made-up grades moved"],
      ["/chapter-2/", "Chapter 2", "How much the made-up grades swing"],
      ["/councils/", "Councils", "Find your council"],
      ["/data/", "Appendix", "Download the data"],
      // No release is recorded in the fixture, so the changes page has its plain title.
      ["/what-changed/", "Appendix", "What changed"],
    ]);
    expect(page("index.html")).toContain("<title>Mini Report</title>");
    expect(page("chapter-1/index.html")).toContain("<title>How the made-up grades moved | Mini Report</title>");
  });

  it("links the chapters to each other", () => {
    expect(page("chapter-1/index.html")).toContain('<a rel="next" href="/chapter-2/">Next: How much the made-up grades swing</a>');
    expect(page("chapter-1/index.html")).not.toContain('rel="prev"');
    expect(page("chapter-2/index.html")).toContain('<a rel="prev" href="/chapter-1/">Previous: How the made-up grades moved</a>');
    expect(page("chapter-2/index.html")).toContain('<a rel="next" href="/councils/">Next: Find your council</a>');
    expect(page("councils/index.html")).toContain('<a rel="next" href="/data/">Next: Download the data</a>');
    expect(page("data/index.html")).toContain('<a rel="next" href="/what-changed/">Next: What changed</a>');
    expect(page("what-changed/index.html")).toContain('<a rel="prev" href="/data/">Previous: Download the data</a>');
    expect(page("what-changed/index.html")).not.toContain('rel="next"');
  });

  it("renders the chapter-1 figure as Figure 1.1 with title, accessible SVG, caption, source, data table and CSV link", () => {
    const figure = figureElement(page("chapter-1/index.html"), "figure-grades-by-year");
    expect(figure).toContain(`<span class="figure-number">Figure 1.1</span> <span class="figure-title">${BY_YEAR_TITLE}</span>`);

    const svgOpen = /<svg\b[^>]*>/.exec(figure)?.[0] ?? "";
    expect(svgOpen).toContain('role="img"');
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(svgOpen)?.[1].split(" ") ?? [];
    expect(labelledBy).toEqual(["figure-grades-by-year-title", "figure-grades-by-year-desc"]);
    expect(figure).toContain(`<title id="${labelledBy[0]}">${BY_YEAR_TITLE}</title>`);
    const description = new RegExp(`<desc id="${labelledBy[1]}">([^<]+)</desc>`).exec(figure)?.[1];
    expect(description).toContain("Good: 62% in 2007/08, 21% in 2014/15.");
    expect(description).toContain("Inadequate: 2% in 2007/08, 29% in 2014/15.");

    // The known exception is shown unchanged and said so in the caption.
    expect(figure).toMatch(/<p class="figure-caption">[^<]*The shares for 2011\/12 add up to 104% as published, and are plotted as they are\.<\/p>/);
    expect(figure).toMatch(/<p class="figure-source"><span class="label">Source:<\/span> [^<]+<\/p>/);
    expect(figure).toContain('<a href="/data/figures/grades-by-year.csv" download>Download the data for Figure 1.1 (CSV)</a>');
  });

  it("shows the fixture's values in the Figure 1.1 data table", () => {
    const figure = figureElement(page("chapter-1/index.html"), "figure-grades-by-year");
    const table = /<details class="figure-data">[\s\S]*?<\/details>/.exec(figure)?.[0] ?? "";
    expect(table).toContain(
      '<thead><tr><th scope="col">Year</th><th scope="col">Inadequate</th><th scope="col">Requires improvement or adequate</th><th scope="col">Good</th><th scope="col">Outstanding</th></tr></thead>',
    );
    // A few cells checked literally...
    expect(table).toContain('<tr><th scope="row">2009/10</th><td>9%</td><td>31%</td><td>48%</td><td>12%</td></tr>');
    expect(table).toContain('<tr><th scope="row">2011/12</th><td>19%</td><td>42%</td><td>35%</td><td>8%</td></tr>');
    // ...and every row, in year order, from the typed-out fixture table.
    const rows = [...table.matchAll(/<tr><th scope="row">[^<]+<\/th>(?:<td>[^<]*<\/td>)+<\/tr>/g)].map((m) => m[0]);
    expect(rows).toEqual(SHARES.map(([year, shares]) => `<tr><th scope="row">${year}</th>${shares.map((s) => `<td>${s}%</td>`).join("")}</tr>`));
  });

  it("writes the Figure 1.1 CSV with exactly the plotted rows", () => {
    const expected = ["year,grade,percent", ...SHARES.flatMap(([year, shares]) => shares.map((share, i) => `${year},${GRADE_LABELS[i]},${share}`))].join("\n") + "\n";
    expect(page("data/figures/grades-by-year.csv")).toBe(expected);
    expect(page("data/figures/grades-by-year.csv").split("\n").slice(0, 3)).toEqual(["year,grade,percent", "2007/08,Inadequate,2", "2007/08,Requires improvement or adequate,24"]);
  });

  it("numbers the chapter-2 figure Figure 2.1 and writes its CSV and table", () => {
    const figure = figureElement(page("chapter-2/index.html"), "figure-grades-yearly-swing");
    expect(figure).toContain(`<span class="figure-number">Figure 2.1</span> <span class="figure-title">${SWING_TITLE}</span>`);
    expect(figure).toMatch(/<svg\b[^>]*role="img"[^>]*aria-labelledby="figure-grades-yearly-swing-title figure-grades-yearly-swing-desc"/);
    expect(figure).toContain(`<title id="figure-grades-yearly-swing-title">${SWING_TITLE}</title>`);
    expect(figure).toContain('<desc id="figure-grades-yearly-swing-desc">');
    expect(figure).toContain('<a href="/data/figures/grades-yearly-swing.csv" download>Download the data for Figure 2.1 (CSV)</a>');
    expect(figure).toContain('<thead><tr><th scope="col">Year</th><th scope="col">Swing from the year before</th><th scope="col">Window</th></tr></thead>');
    expect(figure).toContain('<tr><th scope="row">2010/11</th><td>10.0 percentage points</td><td>2009/10 to 2011/12</td></tr>');
    expect(figure).toContain('<tr><th scope="row">2012/13</th><td>12.0 percentage points</td><td>In neither average</td></tr>');
    // Every bar, in year order, from the swings worked out above: the table shows points, the CSV raw values.
    const rows = [...figure.matchAll(/<tr><th scope="row">[^<]+<\/th>(?:<td>[^<]*<\/td>)+<\/tr>/g)].map((m) => m[0]);
    expect(rows).toEqual(SWINGS.map(([year, swing, window]) => `<tr><th scope="row">${year}</th><td>${swing}.0 percentage points</td><td>${window}</td></tr>`));
    expect(page("data/figures/grades-yearly-swing.csv")).toBe(
      [
        "year,swing,window",
        "2008/09,7,In neither average",
        "2009/10,7,In neither average",
        "2010/11,10,2009/10 to 2011/12",
        "2011/12,9,2009/10 to 2011/12",
        "2012/13,12,In neither average",
        "2013/14,3,2012/13 to 2014/15",
        "2014/15,4,2012/13 to 2014/15",
      ].join("\n") + "\n",
    );
  });

  it("renders cross-references within a page and across pages", () => {
    const chapter1 = page("chapter-1/index.html");
    const chapter2 = page("chapter-2/index.html");
    expect(chapter1).toContain('(<a class="xref" href="#figure-grades-by-year">Figure 1.1</a>)');
    expect(chapter1).toContain('<a class="xref" href="/chapter-2/#figure-grades-yearly-swing">Figure 2.1</a>');
    expect(chapter2).toContain('(<a class="xref" href="#figure-grades-yearly-swing">Figure 2.1</a>)');
    expect(chapter2).toContain('<a class="xref" href="/chapter-1/#figure-grades-by-year">Figure 1.1</a>');
  });

  it("renders the stats from the fixture's own numbers", () => {
    // grades.years.first = 2007/08; grades.good.2007-08 = 62%; grades.years.last = 2014/15;
    // grades.good.2014-15 = 21%; grades.total.2011-12 = 19 + 42 + 35 + 8 = 104%.
    expect(page("chapter-1/index.html")).toContain('<p>In 2007/08, 62% of the made-up councils were judged good.<sup class="footnote-ref">');
    expect(page("chapter-1/index.html")).toContain("</sup> By 2014/15 it was 21%.</p>");
    expect(page("chapter-1/index.html")).toContain("the shares for 2011/12 total 104% (");
    // Swings and ratio as worked out at the top of this file; grades.swing.year.2012-13 = 12.
    expect(page("chapter-2/index.html")).toContain(
      `<p>From 2009/10 to 2011/12 the mix of grades swung by ${EARLY_SWING} a year on average; from 2012/13 to 2014/15 by ${LATE_SWING}, about ${SWING_RATIO} times less (<a class="xref" href="#figure-grades-yearly-swing">Figure 2.1</a>).</p>`,
    );
    expect(page("chapter-2/index.html")).toContain("<p>The largest swing, 12.0 percentage points into 2012/13, came between the two windows.");
  });

  it("draws the councils family's views: the A to Z index, and each council's page with its timeline and the grades family's national share", () => {
    // data/councils/councils.csv: five councils, one per first letter, each linked from the index.
    const index = page("councils/index.html");
    expect([...index.matchAll(/<h2 id="letter-([a-z])">([A-Z])<\/h2>/g)].map((m) => m[2])).toEqual(["A", "B", "C", "D", "F"]);
    expect([...index.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a>, ([^<]+)<\/li>/g)].map((m) => m.slice(1))).toEqual([
      ["/councils/ashvale/", "Ashvale", "Fictional North"],
      ["/councils/brookmere/", "Brookmere", "Fictional North"],
      ["/councils/cobbleton/", "Cobbleton", "Fictional Midlands"],
      ["/councils/dunmoor/", "Dunmoor", "Fictional London"],
      ["/councils/fernhill/", "Fernhill", "Fictional South"],
    ]);
    // Brookmere's latest inspection, 2015-01-20 (good in 2011, requires improvement in 2013 and 2015),
    // falls in the year April 2014 to March 2015, 2014/15, when 47% nationally were judged so.
    const brookmere = page("councils/brookmere/index.html");
    expect(brookmere).toContain("<title>Brookmere | Mini Report</title>");
    expect(brookmere).toContain(
      "<p class=\"council-summary\">Brookmere's latest inspection, published on 20 January 2015, judged it requires improvement or adequate. Nationally, 47% of the councils inspected in 2014/15 were judged requires improvement or adequate.</p>",
    );
    expect([...brookmere.matchAll(/<tr><th scope="row">(\d+ \w+ \d{4})<\/th><td>([^<]+)<\/td><\/tr>/g)].map((m) => m.slice(1))).toEqual([
      ["20 January 2015", "Requires improvement or adequate"],
      ["17 May 2013", "Requires improvement or adequate"],
      ["4 February 2011", "Good"],
    ]);
    const timeline = figureElement(brookmere, "figure-timeline");
    expect(timeline).toContain('<span class="figure-number">Inspection history</span> <span class="figure-title">Brookmere&#39;s latest inspection, published in January 2015, judged it requires improvement or adequate</span>');
    expect(page("data/figures/council-brookmere.csv")).toBe("published,grade\n2011-02-04,Good\n2013-05-17,Requires improvement or adequate\n2015-01-20,Requires improvement or adequate\n");
    // Ashvale's latest, 2016-03-01, is in 2015/16, after the national table's last year.
    expect(page("councils/ashvale/index.html")).toContain("The national table runs from 2007/08 to 2014/15, so it has no share for 2015/16 to set beside it.</p>");
  });

  it("gives every element a unique id on each page", () => {
    for (const file of ["index.html", "chapter-1/index.html", "chapter-2/index.html", "councils/index.html", "councils/brookmere/index.html"]) {
      const ids = [...page(file).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index), file).toEqual([]);
    }
  });

  it("has no broken internal links or anchors", () => {
    for (const file of ["index.html", "chapter-1/index.html", "chapter-2/index.html", "councils/index.html", "councils/brookmere/index.html"]) {
      const html = page(file);
      const links = [...html.matchAll(/\shref="([^"]+)"/g)].map((m) => m[1]).filter((href) => href.startsWith("/") || href.startsWith("#"));
      expect(links.length, file).toBeGreaterThan(0);
      for (const href of links) {
        const [target, anchor] = href.split("#");
        const targetFile = target === "" ? file : target.endsWith("/") ? `${target.slice(1)}index.html` : target.slice(1);
        expect(existsSync(path.join(outDir, targetFile)), `${file}: ${href}`).toBe(true);
        if (anchor) expect(page(targetFile), `${file}: ${href}`).toContain(`id="${anchor}"`);
      }
    }
  });
});

describe("reading aids in the fixture (issue 7)", () => {
  it("lists a chapter's two sections under On this page, and gives a chapter without sections no list", () => {
    const list = /<nav class="on-this-page"[\s\S]*?<\/nav>/.exec(page("chapter-1/index.html"))?.[0] ?? "";
    // grades.md has the sections "The first year" and "A year that does not add up".
    expect([...list.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]])).toEqual([
      ["the-first-year", "The first year"],
      ["a-year-that-does-not-add-up", "A year that does not add up"],
    ]);
    expect(page("chapter-1/index.html")).toContain('<h2 id="the-first-year">The first year</h2>');
    expect(page("chapter-2/index.html")).not.toContain("on-this-page");
  });

  it("renders the footnote as a Notes section and the front matter's sources from content/_data/bibliography.json, in order", () => {
    const chapter1 = page("chapter-1/index.html");
    expect(chapter1).toContain('<li id="fn1" class="footnote-item"><p>Every share in this fixture is invented for the tests.');
    const sources = /<section class="sources"[\s\S]*?<\/section>/.exec(chapter1)?.[0] ?? "";
    expect(sources).toContain('<h2 id="sources">Sources</h2>');
    expect([...sources.matchAll(/<li id="source-([^"]+)">/g)].map((m) => m[1])).toEqual(["made-up-grades", "brave-new-world-2015"]);
    // The fixture's bibliography.json, typed out again: an ampersand stays text, a title ending in "?" takes no full stop.
    expect(sources).toContain('The test fixture (2026). <a href="https://example.org/made-up-grades"><cite>Made-up grades &amp; shares</cite></a>.');
    expect(sources).toContain("A made-up consultancy for a made-up association (2015). <cite>A made-up original report?</cite> <span");
  });

  it("cites the rebuild with package.json's version and the manifest's data date on the cover, and no address when no site URL is set", () => {
    // The fixture's package.json says version 1.0.0. Its only dated column (the councils family's
    // asOfColumn) is data/councils/inspections.csv's published, latest 2018-10-01 (Fernhill).
    expect(page("index.html")).toContain(
      '<p class="citation"><cite>Mini Report: A made-up report for testing the site build</cite> A reproducible rebuild of the 2015 report by A made-up consultancy for a made-up association. Version 1.0.0, data as of 1 October 2018.</p>',
    );
    expect(page("index.html")).toContain('<p class="citation">A made-up consultancy for a made-up association (2015). <cite>A made-up original report?</cite></p>');
  });

  it("builds the print edition: cover, contents and the printed pages in reading order, ids unique, links inside it", () => {
    const html = page("print/index.html");
    expect([...html.matchAll(/<article class="[^"]*" id="([^"]+)">/g)].map((m) => m[1])).toEqual(["cover", "chapter-1", "chapter-2", "data", "what-changed"]);
    // The data page is in the contents, so it is printed too (the council finder opts out).
    expect([...html.matchAll(/data-print-target="([^"]+)"/g)].map((m) => m[1])).toEqual(["chapter-1", "chapter-2", "data", "what-changed"]);
    // Chapter 2's cross-reference to Figure 1.1 now points into the document.
    expect(html).toContain('<a class="xref" href="#chapter-1--figure-grades-by-year">Figure 1.1</a>');
    expect(html).toContain('<figure class="figure" id="chapter-1--figure-grades-by-year">');
    expect(html).toContain('<li id="chapter-1--fn1" class="footnote-item">');
    // The data page and What changed say inPrintEdition: brief: their title, opening paragraph and where they are online, no tables.
    for (const slug of ["data", "what-changed"]) {
      const article = new RegExp(`<article class="chapter print-chapter print-brief" id="${slug}">([\\s\\S]*?)</article>`).exec(html)?.[1] ?? "";
      expect(article, slug).toContain('<p class="print-online"><strong>In full online:</strong>');
      expect(article, slug).not.toContain("<table");
    }
  });
});
