import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { NARROW_WIDTH } from "../../../scripts/engine/charts/narrow.ts";
import { figureCsv, figureTable, renderFigure } from "../../../scripts/engine/figures/render.ts";
import type { FigureDefinition } from "../../../scripts/engine/figures/types.ts";
import { SvgCache } from "../../../scripts/engine/render/cache.ts";
import { percent } from "../../../scripts/engine/stats/format.ts";

const rows = [
  { year: "2013/14", grade: "Good", percent: 22 },
  { year: "2013/14", grade: 'Bad, "very" <bad>', percent: 30 },
  { year: "2014/15", grade: "Good", percent: 18 },
  { year: "2014/15", grade: 'Bad, "very" <bad>', percent: 28.5 },
];
const spec: TopLevelSpec = { data: { values: rows }, mark: "line", encoding: { x: { field: "year", type: "ordinal" }, y: { field: "percent", type: "quantitative" }, color: { field: "grade", type: "nominal" } } };
const definition: FigureDefinition = {
  key: "test-figure",
  title: "Good fell & bad rose",
  description: "A line chart of two grades.",
  caption: "Caption.",
  source: "Made up.",
  rows,
  columns: [
    { field: "year", label: "Year" },
    { field: "grade", label: "Grade" },
    { field: "percent", label: "Share", format: percent(0) },
  ],
  spec,
  dataFiles: [],
};

describe("figureCsv", () => {
  it("writes exactly the plotted rows with raw values, quoting where CSV needs it", () => {
    expect(figureCsv(definition)).toBe(
      ["year,grade,percent", "2013/14,Good,22", '2013/14,"Bad, ""very"" <bad>",30', "2014/15,Good,18", '2014/15,"Bad, ""very"" <bad>",28.5', ""].join("\n"),
    );
  });

  it("refuses rows that lack a declared column", () => {
    expect(() => figureCsv({ ...definition, rows: [{ year: "2013/14", grade: "Good" }] })).toThrow('plotted row 1 has no "percent"');
    expect(() => figureCsv({ ...definition, rows: [] })).toThrow("has no rows");
  });
});

describe("figureTable", () => {
  it("lists the rows with formatted numbers", () => {
    expect(figureTable(definition)).toEqual({
      headers: ["Year", "Grade", "Share"],
      rows: [
        ["2013/14", "Good", "22%"],
        ["2013/14", 'Bad, "very" <bad>', "30%"],
        ["2014/15", "Good", "18%"],
        ["2014/15", 'Bad, "very" <bad>', "29%"],
      ],
    });
  });

  it("cross-tabulates when a pivot is given, marking absent cells", () => {
    const pivoted = figureTable({ ...definition, rows: rows.slice(0, 3), pivot: { row: "year", column: "grade", value: "percent" } });
    expect(pivoted).toEqual({
      headers: ["Year", "Good", 'Bad, "very" <bad>'],
      rows: [
        ["2013/14", "22%", "30%"],
        ["2014/15", "18%", "–"],
      ],
    });
  });
});

describe("renderFigure", () => {
  it("combines placement, SVG, table and CSV", async () => {
    const placement = { key: "test-figure", number: "2.3", label: "Figure 2.3", anchor: "figure-test-figure", href: "/chapter-2/#figure-test-figure", page: { inputPath: "content/x.md", url: "/chapter-2/", title: "x", chapter: "2", order: 2, figureKeys: ["test-figure"] } };
    const figure = await renderFigure(definition, placement, new SvgCache(null));
    expect(figure.label).toBe("Figure 2.3");
    expect(figure.csvPath).toBe("/data/figures/test-figure.csv");
    expect(figure.svg).toContain('aria-labelledby="figure-test-figure-title figure-test-figure-desc"');
    expect(figure.svg).toContain("<title id=\"figure-test-figure-title\">Good fell &amp; bad rose</title>");
    // Labels from the data are escaped inside the SVG too.
    expect(figure.svg).toContain("&lt;bad&gt;");
    expect(figure.svg).not.toContain("<bad>");
    // One image with one name: no roles inside it (Vega marks its groups and marks as graphics-*).
    expect(figure.svg.match(/\srole="/g)).toHaveLength(1);
    expect(figure.svg).not.toContain("aria-roledescription");
  });

  it("draws a narrow rendering beside the wide one, named alike, with ids of its own", async () => {
    const placement = { key: "test-figure", number: "2.3", label: "Figure 2.3", anchor: "figure-test-figure", href: "/chapter-2/#figure-test-figure", page: { inputPath: "content/x.md", url: "/chapter-2/", title: "x", chapter: "2", order: 2, figureKeys: ["test-figure"] } };
    const figure = await renderFigure(definition, placement, new SvgCache(null));
    const narrow = figure.narrowSvg ?? expect.fail("no narrow rendering");
    expect(narrow).toContain('aria-labelledby="figure-test-figure-narrow-title figure-test-figure-narrow-desc"');
    expect(narrow).toContain("<title id=\"figure-test-figure-narrow-title\">Good fell &amp; bad rose</title>");
    // The narrow chart (one view) is fitted, labels and all, to a phone's column.
    expect(Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(narrow)?.[1])).toBe(NARROW_WIDTH);
    const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    const all = [...ids(figure.svg), ...ids(narrow)];
    expect(new Set(all).size).toBe(all.length);
    // The same figure drawn again gets the same ids.
    expect((await renderFigure(definition, placement, new SvgCache(null))).narrowSvg).toBe(narrow);
    // A figure that says one rendering reads well everywhere has no narrow one.
    expect((await renderFigure({ ...definition, narrowSpec: null }, placement, new SvgCache(null))).narrowSvg).toBeNull();
  });
});
