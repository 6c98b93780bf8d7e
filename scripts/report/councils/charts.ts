/**
 * A council's inspection timeline, drawn on its page: one point per report at its grade,
 * joined in order, over the years the data covers, with a dashed rule where the council
 * began or ended (a restructure), labelled above the plot.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_WIDTH, INK, MUTED_INK, PAPER, RULE, VEGA_LITE_SCHEMA, vegaConfig } from "../../engine/charts/theme.ts";
import { CHART_FONT_SIZE } from "../../engine/theme/palette.ts";
import { GRADE_OF_JUDGEMENT, GRADE_SHAPES, JUDGEMENT_CHART_LABELS, JUDGEMENTS, judgementColour } from "../shared/grades.ts";

const labels = JUDGEMENT_CHART_LABELS;

/** `grade`: the row the point sits on; `judgement`: the grade in the words of its framework ("Adequate" before 2013). */
export type TimelineRow = {
  readonly date: string;
  /** The date as a decimal year (2014.5 ≈ 1 July 2014): plotted on a plain number scale, so no time zone is involved. */
  readonly when: number;
  readonly grade: string;
  readonly judgement: string;
  readonly framework: string;
};

/** A day the council began or ended, marked on the timeline. */
export type TimelineEvent = {
  readonly when: number;
  /** A short label above the plot ("Council created"). */
  readonly label: string;
};

/**
 * `domain`: the axis runs from the start of the first year to the data's last date (a
 * decimal year), so it stops where the data stop; ticks every second year inside it.
 */
/** The row of reports that gave no overall grade, below the four grades. */
export const NO_GRADE = "No overall grade";

/** `adequateToo`: a judgement from before 2013 is plotted, so the second grade's row is named for both its names. */
export function timelineSpec(rows: readonly TimelineRow[], domain: readonly [number, number], events: readonly TimelineEvent[] = [], ungraded: readonly TimelineRow[] = [], adequateToo = false): TopLevelSpec {
  const shapes = JUDGEMENTS.map((g) => GRADE_SHAPES[GRADE_OF_JUDGEMENT[g]]);
  const ticks = Array.from({ length: Math.floor((domain[1] - domain[0]) / 2) + 1 }, (_, i) => domain[0] + 2 * i);
  const x = { field: "when", type: "quantitative" as const, title: null, scale: { domain: [...domain], nice: false, zero: false }, axis: { values: ticks, format: "d", labelAngle: 0 } };
  const secondGrade = JUDGEMENT_CHART_LABELS[1];
  const adequateLabel = adequateToo ? { labelExpr: `datum.value === ${JSON.stringify(secondGrade)} ? [${JSON.stringify(secondGrade)}, 'or adequate'] : datum.value`, labelLineHeight: CHART_FONT_SIZE + 2 } : {};
  const y = { field: "grade", type: "ordinal" as const, title: null, scale: { domain: [...labels].reverse().concat(ungraded.length > 0 ? [NO_GRADE] : []) }, axis: { labelLimit: 0, labelColor: INK, ...adequateLabel } };
  const middle = (domain[0] + domain[1]) / 2;
  // A label reads away from the middle of the axis, so one near either end stays inside the chart.
  const marked = events.map((e) => ({ ...e, align: e.when > middle ? "right" : "left" }));
  const eventLayers = marked.length === 0 ? [] : [
    {
      data: { values: marked },
      mark: { type: "rule" as const, color: MUTED_INK, strokeDash: [4, 3], strokeWidth: 1 },
      encoding: { x },
    },
    ...(["left", "right"] as const).map((align) => ({
      data: { values: marked.filter((e) => e.align === align) },
      mark: { type: "text" as const, align, baseline: "bottom" as const, dx: align === "left" ? 4 : -4, y: -4, color: MUTED_INK },
      encoding: { x, text: { field: "label", type: "nominal" as const } },
    })).filter((layer) => layer.data.values.length > 0),
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 160,
    height: (ungraded.length > 0 ? 180 : 150) + (adequateToo ? 20 : 0),
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      ...eventLayers,
      { mark: { type: "line", color: RULE, strokeWidth: 1.5 }, encoding: { x, y, order: { field: "when", type: "quantitative" } } },
      ...(ungraded.length === 0
        ? []
        : [{ data: { values: ungraded.map((r) => ({ ...r })) }, mark: { type: "point" as const, filled: false, size: 90, strokeWidth: 2, color: INK }, encoding: { x, y } }]),
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
