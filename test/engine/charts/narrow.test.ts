/** How a wide spec becomes the narrow one for phones (scripts/engine/charts/narrow.ts). */
import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { NARROW_LABEL_WIDTH, NARROW_LEGEND_WIDTH, NARROW_WIDTH, narrowSpec, wrapToWidth } from "../../../scripts/engine/charts/narrow.ts";
import { CHART_FONT_SIZE, NARROW_CHART_FONT_SIZE } from "../../../scripts/engine/theme/palette.ts";
import { renderRawSvg } from "../../../scripts/engine/render/svg.ts";
import { measureText } from "../../../scripts/engine/render/text-metrics.ts";

type Json = Record<string, any>;
const rows = [
  { group: "Councils rated Inadequate at their first inspection", year: "2014", value: 3 },
  { group: "Good", year: "2015", value: 5 },
];

describe("wrapToWidth", () => {
  it("breaks at spaces so every line fits the width by the font's metrics, losing no word", () => {
    const lines = wrapToWidth(rows[0].group, NARROW_LABEL_WIDTH);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(rows[0].group);
    for (const line of lines) expect(measureText({ fontSize: CHART_FONT_SIZE }, line)).toBeLessThanOrEqual(NARROW_LABEL_WIDTH);
    // Each line but the last is full: the next word would not have fitted on it.
    lines.slice(0, -1).forEach((line, i) => expect(measureText({ fontSize: CHART_FONT_SIZE }, `${line} ${lines[i + 1].split(" ")[0]}`)).toBeGreaterThan(NARROW_LABEL_WIDTH));
    expect(wrapToWidth("Good", NARROW_LABEL_WIDTH)).toEqual(["Good"]);
  });
});

describe("narrowSpec", () => {
  it("fits a single view, legend and labels included, to the phone column, and leaves the wide spec alone", async () => {
    const wide: TopLevelSpec = {
      width: 600,
      data: { values: rows.map((r) => ({ ...r })) },
      mark: "point",
      encoding: { x: { field: "year", type: "ordinal" }, y: { field: "value", type: "quantitative" }, color: { field: "year", type: "nominal", legend: { columns: 2 } } },
    };
    const before = JSON.stringify(wide);
    const narrow = narrowSpec(wide) as Json;
    expect(JSON.stringify(wide)).toBe(before);
    expect(narrow.width).toBe(NARROW_WIDTH);
    expect(narrow.autosize).toEqual({ type: "fit-x", contains: "padding" });
    expect(narrow.encoding.color.legend.columns).toBe(1);
    expect(/^<svg[^>]*\swidth="([\d.]+)"/.exec(await renderRawSvg(narrow as TopLevelSpec, "narrow"))?.[1]).toBe(String(NARROW_WIDTH));
  });

  it("wraps long category labels, and gives rows of bars the column less their widest wrapped label", () => {
    const narrow = narrowSpec({
      width: 500,
      height: { step: 20 },
      data: { values: rows.map((r) => ({ ...r })) },
      mark: "bar",
      encoding: { y: { field: "group", type: "nominal" }, x: { field: "value", type: "quantitative" } },
    }) as Json;
    const expr: string = narrow.encoding.y.axis.labelExpr;
    expect(expr).toContain(JSON.stringify(wrapToWidth(rows[0].group, NARROW_LABEL_WIDTH, NARROW_CHART_FONT_SIZE)));
    expect(expr).not.toContain('"Good"');
    const widest = Math.max(...[...wrapToWidth(rows[0].group, NARROW_LABEL_WIDTH, NARROW_CHART_FONT_SIZE), "Good"].map((line) => measureText({ fontSize: NARROW_CHART_FONT_SIZE }, line)));
    expect(narrow.width).toBe(Math.round(NARROW_WIDTH - widest - 24));
    expect(narrow.autosize).toBeUndefined();
  });

  it("stacks side-by-side panels and refuses concatenated charts, which need their own narrow spec", () => {
    const narrow = narrowSpec({
      data: { values: rows.map((r) => ({ ...r })) },
      facet: { column: { field: "year", type: "ordinal", header: { labelFontWeight: "bold" } } },
      spec: { width: 250, mark: "bar", encoding: { x: { field: "value", type: "quantitative" } } },
    }) as Json;
    expect(narrow.facet.column).toBeUndefined();
    expect(narrow.facet.row).toMatchObject({ field: "year", header: { labelFontWeight: "bold", labelOrient: "top", labelAngle: 0 } });
    expect(narrow.spec.width).toBeLessThan(NARROW_WIDTH);
    expect(() => narrowSpec({ data: { values: [] }, hconcat: [{ mark: "bar" }, { mark: "bar" }] })).toThrow(/its own narrow spec/);
  });

  it("wraps a long legend entry, and gives wrapped rows the height of their lines and room for values written past the bars", () => {
    const long = "Rating changed (implied by the printed share of councils)";
    const narrow = narrowSpec({
      width: 500,
      height: { step: 20 },
      data: { values: rows.map((r) => ({ ...r, kind: long })) },
      layer: [
        { mark: "bar", encoding: { y: { field: "group", type: "nominal" }, x: { field: "value", type: "quantitative" }, color: { field: "kind", type: "nominal", legend: {} } } },
        { mark: { type: "text", align: "left", dx: 4 }, encoding: { y: { field: "group", type: "nominal" }, x: { field: "value", type: "quantitative" }, text: { field: "value" } } },
      ],
    }) as Json;
    expect(narrow.layer[0].encoding.color.legend.labelExpr).toContain(JSON.stringify(wrapToWidth(long, NARROW_LEGEND_WIDTH, NARROW_CHART_FONT_SIZE)));
    const lines = wrapToWidth(rows[0].group, NARROW_LABEL_WIDTH, NARROW_CHART_FONT_SIZE).length;
    expect(narrow.height).toEqual({ step: Math.max(20, lines * (NARROW_CHART_FONT_SIZE + 2) + 4) });
    const widest = Math.max(...[...wrapToWidth(rows[0].group, NARROW_LABEL_WIDTH, NARROW_CHART_FONT_SIZE), "Good"].map((line) => measureText({ fontSize: NARROW_CHART_FONT_SIZE }, line)));
    expect(narrow.width).toBe(Math.round(NARROW_WIDTH - widest - 24 - Math.round(NARROW_CHART_FONT_SIZE * 2.5)));
  });

  it("refuses a grid of panels (row and column facets), which needs its own narrow spec", () => {
    expect(() =>
      narrowSpec({ data: { values: [] }, facet: { row: { field: "a", type: "nominal" }, column: { field: "b", type: "nominal" } }, spec: { width: 100, mark: "bar" } }),
    ).toThrow(/its own narrow spec/);
  });
});
