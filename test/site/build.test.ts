/**
 * Whole-site build of the made-up fixture project (test/fixtures/mini-report): the
 * pages, figures, data tables, CSV downloads, cross-references and stats a reader
 * sees. Every expected value is written out by hand from the fixture's CSV below,
 * never computed by the code under test.
 */
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../scripts/engine/build.ts";
import { FIXTURE, FIXTURE_SITE_FILES, copyFixture, outsideSearchIndex, fingerprint, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

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
const GRADE_LABELS = ["Inadequate", "Requires improvement / adequate", "Good", "Outstanding"] as const;

/*
 * Average yearly variation by grade = mean of |share(year+1) − share(year)| over the
 * consecutive pairs of a cycle and the four grades (2 pairs × 4 grades = 8 changes).
 *
 * Early cycle 2009/10–2011/12:
 *   2009/10 → 2010/11: |14−9| + |36−31| + |41−48| + |9−12| = 5 + 5 + 7 + 3 = 20
 *   2010/11 → 2011/12: |19−14| + |42−36| + |35−41| + |8−9| = 5 + 6 + 6 + 1 = 18
 *   (20 + 18) ÷ 8 = 38 ÷ 8 = 4.75 → "4.8%" (half rounded away from zero)
 * Late cycle 2012/13–2014/15:
 *   2012/13 → 2013/14: |26−24| + |46−47| + |25−24| + |3−5| = 2 + 1 + 1 + 2 = 6
 *   2013/14 → 2014/15: |29−26| + |47−46| + |21−25| + |3−3| = 3 + 1 + 4 + 0 = 8
 *   (6 + 8) ÷ 8 = 14 ÷ 8 = 1.75 → "1.8%"
 * Ratio: 4.75 ÷ 1.75 = 2.714… → "2.7".
 */
const EARLY_VARIATION = "4.8%";
const LATE_VARIATION = "1.8%";
const VARIATION_RATIO = "2.7";

const BY_YEAR_TITLE = "Good judgements fell from 62% to 21% between 2007/08 and 2014/15, while Inadequate rose from 2% to 29%";
const SWING_TITLE =
  "Year-on-year swings in the grade shares averaged 4.8 percentage points in 2009/10 to 2011/12, against 1.8 percentage points in 2012/13 to 2014/15";

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
  await withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildSite({ root: projectRoot, outDir }));
  for (const line of await fingerprint(outDir)) {
    const file = line.split(" ")[0];
    site.set(file, await readFile(path.join(outDir, file), "utf8"));
  }
});

afterAll(removeTemporaryFolders);

describe("building the mini-report fixture", () => {
  it("writes exactly the pages, CSVs and stylesheet, swaps them into place and leaves the project untouched", async () => {
    expect(outsideSearchIndex([...site.keys()].sort())).toEqual(FIXTURE_SITE_FILES);
    // No staging or retired folder is left beside the output.
    expect(await readdir(path.dirname(outDir))).toEqual(["site"]);
    // The build reads the project but writes nothing into it (no .cache/, no _site/).
    expect(await fingerprint(projectRoot)).toEqual(await fingerprint(FIXTURE));
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
    const figure = figureElement(page("chapter-1/index.html"), "figure-outcomes-by-year");
    expect(figure).toContain(`<span class="figure-number">Figure 1.1</span> <span class="figure-title">${BY_YEAR_TITLE}</span>`);

    const svgOpen = /<svg\b[^>]*>/.exec(figure)?.[0] ?? "";
    expect(svgOpen).toContain('role="img"');
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(svgOpen)?.[1].split(" ") ?? [];
    expect(labelledBy).toEqual(["figure-outcomes-by-year-title", "figure-outcomes-by-year-desc"]);
    expect(figure).toContain(`<title id="${labelledBy[0]}">${BY_YEAR_TITLE}</title>`);
    const description = new RegExp(`<desc id="${labelledBy[1]}">([^<]+)</desc>`).exec(figure)?.[1];
    expect(description).toContain("Good: 62% in 2007/08, 21% in 2014/15, highest 62% in 2007/08.");

    // The known exception is shown unchanged and said so in the caption.
    expect(figure).toMatch(/<p class="figure-caption">[^<]*As published, the shares for 2011\/12 add up to 104%; they are shown unchanged\.<\/p>/);
    expect(figure).toMatch(/<p class="figure-source"><span class="label">Source:<\/span> [^<]+<\/p>/);
    expect(figure).toContain('<a href="/data/figures/outcomes-by-year.csv" download>Download the data for Figure 1.1 (CSV)</a>');
  });

  it("shows the fixture's values in the Figure 1.1 data table", () => {
    const figure = figureElement(page("chapter-1/index.html"), "figure-outcomes-by-year");
    const table = /<details class="figure-data">[\s\S]*?<\/details>/.exec(figure)?.[0] ?? "";
    expect(table).toContain(
      '<thead><tr><th scope="col">Year</th><th scope="col">Inadequate</th><th scope="col">Requires improvement / adequate</th><th scope="col">Good</th><th scope="col">Outstanding</th></tr></thead>',
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
    expect(page("data/figures/outcomes-by-year.csv")).toBe(expected);
    expect(page("data/figures/outcomes-by-year.csv").split("\n").slice(0, 3)).toEqual(["year,grade,percent", "2007/08,Inadequate,2", "2007/08,Requires improvement / adequate,24"]);
  });

  it("numbers the chapter-2 figure Figure 2.1 and writes its CSV and table", () => {
    const figure = figureElement(page("chapter-2/index.html"), "figure-outcomes-yearly-swing");
    expect(figure).toContain(`<span class="figure-number">Figure 2.1</span> <span class="figure-title">${SWING_TITLE}</span>`);
    expect(figure).toMatch(/<svg\b[^>]*role="img"[^>]*aria-labelledby="figure-outcomes-yearly-swing-title figure-outcomes-yearly-swing-desc"/);
    expect(figure).toContain(`<title id="figure-outcomes-yearly-swing-title">${SWING_TITLE}</title>`);
    expect(figure).toContain('<desc id="figure-outcomes-yearly-swing-desc">');
    expect(figure).toContain('<a href="/data/figures/outcomes-yearly-swing.csv" download>Download the data for Figure 2.1 (CSV)</a>');
    expect(figure).toContain('<tr><th scope="row">2009/10 to 2011/12</th><td>2009/10 to 2010/11</td><td>Good</td><td>7 percentage points</td></tr>');
    expect(figure).toContain('<tr><th scope="row">2009/10 to 2011/12</th><td>2010/11 to 2011/12</td><td>Outstanding</td><td>1 percentage point</td></tr>');
    expect(figure).toContain('<tr><th scope="row">2012/13 to 2014/15</th><td>2013/14 to 2014/15</td><td>Outstanding</td><td>0 percentage points</td></tr>');
    // The absolute changes worked out above, pair by pair.
    expect(page("data/figures/outcomes-yearly-swing.csv")).toBe(
      [
        "cycle,change,grade,points",
        "2009/10 to 2011/12,2009/10 to 2010/11,Inadequate,5",
        "2009/10 to 2011/12,2009/10 to 2010/11,Requires improvement / adequate,5",
        "2009/10 to 2011/12,2009/10 to 2010/11,Good,7",
        "2009/10 to 2011/12,2009/10 to 2010/11,Outstanding,3",
        "2009/10 to 2011/12,2010/11 to 2011/12,Inadequate,5",
        "2009/10 to 2011/12,2010/11 to 2011/12,Requires improvement / adequate,6",
        "2009/10 to 2011/12,2010/11 to 2011/12,Good,6",
        "2009/10 to 2011/12,2010/11 to 2011/12,Outstanding,1",
        "2012/13 to 2014/15,2012/13 to 2013/14,Inadequate,2",
        "2012/13 to 2014/15,2012/13 to 2013/14,Requires improvement / adequate,1",
        "2012/13 to 2014/15,2012/13 to 2013/14,Good,1",
        "2012/13 to 2014/15,2012/13 to 2013/14,Outstanding,2",
        "2012/13 to 2014/15,2013/14 to 2014/15,Inadequate,3",
        "2012/13 to 2014/15,2013/14 to 2014/15,Requires improvement / adequate,1",
        "2012/13 to 2014/15,2013/14 to 2014/15,Good,4",
        "2012/13 to 2014/15,2013/14 to 2014/15,Outstanding,0",
      ].join("\n") + "\n",
    );
  });

  it("renders cross-references within a page and across pages", () => {
    const chapter1 = page("chapter-1/index.html");
    const chapter2 = page("chapter-2/index.html");
    expect(chapter1).toContain('(<a class="xref" href="#figure-outcomes-by-year">Figure 1.1</a>)');
    expect(chapter1).toContain('<a class="xref" href="/chapter-2/#figure-outcomes-yearly-swing">Figure 2.1</a>');
    expect(chapter2).toContain('(<a class="xref" href="#figure-outcomes-yearly-swing">Figure 2.1</a>)');
    expect(chapter2).toContain('<a class="xref" href="/chapter-1/#figure-outcomes-by-year">Figure 1.1</a>');
  });

  it("renders the stats from the fixture's own numbers", () => {
    // outcomes.years.first = 2007/08; outcomes.good.2007-08 = 62%;
    // outcomes.total.2011-12 = 19 + 42 + 35 + 8 = 104%.
    expect(page("chapter-1/index.html")).toContain('<p>In 2007/08, 62% of the made-up councils were judged good.<sup class="footnote-ref">');
    expect(page("chapter-1/index.html")).toContain("the shares for 2011/12 total 104% (");
    // Variations and ratio as worked out at the top of this file.
    expect(page("chapter-2/index.html")).toContain(
      `<p>From 2009/10 to 2011/12 the shares moved by ${EARLY_VARIATION} a year on average; from 2012/13 to 2014/15 by ${LATE_VARIATION}, about ${VARIATION_RATIO} times less (<a class="xref" href="#figure-outcomes-yearly-swing">Figure 2.1</a>).</p>`,
    );
  });

  it("gives every element a unique id on each page", () => {
    for (const file of ["index.html", "chapter-1/index.html", "chapter-2/index.html"]) {
      const ids = [...page(file).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index), file).toEqual([]);
    }
  });

  it("has no broken internal links or anchors", () => {
    for (const file of ["index.html", "chapter-1/index.html", "chapter-2/index.html"]) {
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

  it("cites the rebuild with package.json's version and the manifest's data date on the cover", () => {
    // The fixture's package.json says version 1.0.0. Its latest publication date: 2018-10-01 in
    // data/councils/inspections.csv, 2026-07-03 in data/ilacs/judgements.csv, so 3 July 2026.
    expect(page("index.html")).toContain(
      '<p class="citation"><cite>Mini Report: A made-up report for testing the site build</cite> A reproducible rebuild of the 2015 report by A made-up consultancy for a made-up association. Version 1.0.0, data as of 3 July 2026. Available at <a class="bare-url" href="/">/</a></p>',
    );
    expect(page("index.html")).toContain('<p class="citation">A made-up consultancy for a made-up association (2015). <cite>A made-up original report?</cite></p>');
  });

  it("builds the print edition: cover, contents and the printed pages in reading order, ids unique, links inside it", () => {
    const html = page("print/index.html");
    expect([...html.matchAll(/<article class="[^"]*" id="([^"]+)">/g)].map((m) => m[1])).toEqual(["cover", "chapter-1", "chapter-2", "data", "what-changed"]);
    // The data page is in the contents, so it is printed too (the council finder opts out).
    expect([...html.matchAll(/data-print-target="([^"]+)"/g)].map((m) => m[1])).toEqual(["chapter-1", "chapter-2", "data", "what-changed"]);
    // Chapter 2's cross-reference to Figure 1.1 now points into the document.
    expect(html).toContain('<a class="xref" href="#chapter-1--figure-outcomes-by-year">Figure 1.1</a>');
    expect(html).toContain('<figure class="figure" id="chapter-1--figure-outcomes-by-year">');
    expect(html).toContain('<li id="chapter-1--fn1" class="footnote-item">');
  });
});
