/** How a family's spec becomes the wide rendering, as wide as the figure's column at 1280 px (scripts/engine/charts/wide.ts). */
import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { CHART_WIDTH } from "../../../scripts/engine/charts/theme.ts";
import { wideSpec } from "../../../scripts/engine/charts/wide.ts";
import { MULTI_LINE_LABELS } from "../../../scripts/engine/charts/fit.ts";
import { narrowSpec } from "../../../scripts/engine/charts/narrow.ts";
import { renderRawSvg } from "../../../scripts/engine/render/svg.ts";
import { measureText } from "../../../scripts/engine/render/text-metrics.ts";
import { CHART_FONT_SIZE, NARROW_CHART_FONT_SIZE } from "../../../scripts/engine/theme/palette.ts";

type Json = Record<string, any>;
const rows = [
  { group: "Councils rated Inadequate", value: 3 },
  { group: "Good", value: 5 },
];
const svgWidth = (svg: string) => Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);

describe("wideSpec", () => {
  it("fits a single view to the column, labels included, and leaves the family's spec alone", async () => {
    const spec: TopLevelSpec = { width: 300, height: 200, data: { values: rows.map((r) => ({ ...r })) }, mark: "point", encoding: { x: { field: "value", type: "quantitative" }, y: { field: "value", type: "quantitative" } } };
    const before = JSON.stringify(spec);
    const wide = wideSpec(spec) as Json;
    expect(JSON.stringify(spec)).toBe(before);
    expect(wide.width).toBe(CHART_WIDTH);
    expect(wide.autosize).toEqual({ type: "fit-x", contains: "padding" });
    expect(svgWidth(await renderRawSvg(wide as TopLevelSpec, "wide"))).toBe(CHART_WIDTH);
  });

  it("gives rows of bars the column less their widest label and the axis's gutter, which Vega cannot fit", () => {
    const wide = wideSpec({ width: 300, height: { step: 20 }, data: { values: rows.map((r) => ({ ...r })) }, mark: "bar", encoding: { y: { field: "group", type: "nominal" }, x: { field: "value", type: "quantitative" } } }) as Json;
    // "Councils rated Inadequate" is the wider label; 24 px is the ticks' and padding's gutter.
    expect(wide.width).toBe(Math.round(CHART_WIDTH - measureText({ fontSize: CHART_FONT_SIZE }, "Councils rated Inadequate") - 24));
  });

  it("measures a label the spec breaks into lines by its widest line, in both renderings", () => {
    const lines = [{ group: "2015/16|council records|40 reports", value: 3 }, { group: "2016/17|38 reports", value: 5 }];
    const spec = { width: 300, height: { step: 60 }, data: { values: lines }, mark: "bar", encoding: { y: { field: "group", type: "nominal", axis: MULTI_LINE_LABELS }, x: { field: "value", type: "quantitative" } } } as unknown as TopLevelSpec;
    // "council records" is the widest line; the joined string would have taken far more.
    expect((wideSpec(spec) as Json).width).toBe(Math.round(CHART_WIDTH - measureText({ fontSize: CHART_FONT_SIZE }, "council records") - 24));
    // Narrow: the three lines are drawn as written, so a row is three lines tall.
    const narrow = narrowSpec(spec) as Json;
    expect(narrow.height.step).toBeGreaterThanOrEqual(60);
    expect(narrow.width).toBeGreaterThan(Math.round(328 - measureText({ fontSize: NARROW_CHART_FONT_SIZE }, "2015/16|council records|40 reports") - 24));
  });

  it("leaves panels (facet, concat) and a spec with its own autosize as the family sized them", () => {
    const facet = { data: { values: [] }, facet: { column: { field: "a", type: "nominal" } }, spec: { width: 100, mark: "bar" } } as unknown as TopLevelSpec;
    expect(wideSpec(facet)).toBe(facet);
    const own = { width: 500, autosize: { type: "pad" }, data: { values: [] }, mark: "bar" } as unknown as TopLevelSpec;
    expect(wideSpec(own)).toBe(own);
  });
});

describe("the narrow rendering's text", () => {
  it("is every text size the spec sets, scaled from the wide size to the narrow one", () => {
    const narrow = narrowSpec({ width: 300, height: 200, config: { axis: { labelFontSize: CHART_FONT_SIZE } }, data: { values: [] }, mark: { type: "text", fontSize: 2 * CHART_FONT_SIZE }, encoding: {} } as unknown as TopLevelSpec) as Json;
    expect(narrow.config.axis.labelFontSize).toBe(NARROW_CHART_FONT_SIZE);
    expect(narrow.mark.fontSize).toBe(2 * NARROW_CHART_FONT_SIZE);
  });
});
