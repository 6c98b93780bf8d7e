/**
 * A council's inspection timeline, drawn on its page: one point per report at its grade,
 * joined in order, over the years the data covers.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_WIDTH, INK, PAPER, RULE, VEGA_LITE_SCHEMA, vegaConfig } from "../../engine/charts/theme.ts";
import { GRADE_OF_JUDGEMENT, GRADE_SHAPES, JUDGEMENT_CHART_LABELS, JUDGEMENTS, judgementColour } from "../shared/grades.ts";

const labels = JUDGEMENT_CHART_LABELS;

export type TimelineRow = {
  readonly date: string;
  /** The date as a decimal year (2014.5 ≈ 1 July 2014): plotted on a plain number scale, so no time zone is involved. */
  readonly when: number;
  readonly grade: string;
  readonly framework: string;
};

/** A council's judgements over time: one point per report at its grade, joined in order. */
export function timelineSpec(rows: readonly TimelineRow[], years: readonly [number, number]): TopLevelSpec {
  const shapes = JUDGEMENTS.map((g) => GRADE_SHAPES[GRADE_OF_JUDGEMENT[g]]);
  const ticks = Array.from({ length: Math.floor((years[1] - years[0]) / 2) + 1 }, (_, i) => years[0] + 2 * i);
  const x = { field: "when", type: "quantitative" as const, title: null, scale: { domain: [...years], nice: false, zero: false }, axis: { values: ticks, format: "d", labelAngle: 0 } };
  const y = { field: "grade", type: "ordinal" as const, title: null, scale: { domain: [...labels].reverse() }, axis: { labelLimit: 0, labelColor: INK } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 160,
    height: 150,
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      { mark: { type: "line", color: RULE, strokeWidth: 1.5 }, encoding: { x, y, order: { field: "when", type: "quantitative" } } },
      {
        mark: { type: "point", filled: true, size: 90, stroke: PAPER, strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: { ...judgementColour, legend: null },
          shape: { field: "grade", type: "nominal", sort: labels, scale: { domain: labels, range: shapes }, legend: null },
        },
      },
    ],
  };
}
