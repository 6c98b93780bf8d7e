/**
 * The long run of overall grades, 2007/08 to the data's last year: one stacked bar per year,
 * the 2015 report's table first, then the council records. Each year's label carries what
 * the reader needs beside it: a framework that began that year, where the council records
 * take over, the number of reports counted, a part-year, a published total that is not 100.
 */
import type { TopLevelSpec } from "vega-lite";
import { MULTI_LINE_LABELS } from "../../engine/charts/fit.ts";
import { CHART_WIDTH, INK, PAPER, VEGA_LITE_SCHEMA, vegaConfig } from "../../engine/charts/theme.ts";
import { CHART_FONT_SIZE } from "../../engine/theme/palette.ts";
import { GRADES, GRADE_COLOURS, GRADE_LABELS } from "../shared/grades.ts";

/** `axisLabel`: the year's label on the chart, its lines joined by "|". */
export type LongRunRow = { readonly year: string; readonly axisLabel: string; readonly source: string; readonly grade: string; readonly order: number; readonly percent: number };

const gradeLabels = GRADES.map((g) => GRADE_LABELS[g]);
const LABEL_LINE_HEIGHT = CHART_FONT_SIZE + 2;

export function longRunSpec(rows: readonly LongRunRow[]): TopLevelSpec {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.year, (totals.get(r.year) ?? 0) + r.percent);
  // A published year whose shares add to more than 100 is drawn as published, so the axis reaches it.
  const top = Math.max(100, ...totals.values());
  // Each year's band is tall enough for its label's lines.
  const lines = Math.max(...rows.map((r) => r.axisLabel.split("|").length));
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 220,
    height: { step: Math.max(28, lines * LABEL_LINE_HEIGHT + 8) },
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: "bar", stroke: PAPER, strokeWidth: 1 },
    encoding: {
      y: { field: "axisLabel", type: "ordinal", title: null, sort: null, axis: { labelColor: INK, labelLimit: 0, ...MULTI_LINE_LABELS, labelLineHeight: LABEL_LINE_HEIGHT } },
      x: { field: "percent", type: "quantitative", stack: "zero", title: "Share of councils inspected (%)", scale: { domain: [0, top], nice: false }, axis: { tickCount: 6 } },
      color: { field: "grade", type: "nominal", sort: gradeLabels, scale: { domain: gradeLabels, range: GRADES.map((g) => GRADE_COLOURS[g]) }, legend: { title: null, orient: "bottom", labelLimit: 0 } },
      order: { field: "order", type: "quantitative" },
    },
  };
}
