/**
 * Chart specs for the repeat-inspection family: the published movements of the 86
 * councils with the undescribed remainder, and the group sizes that fit the two printed
 * percentages. Rows are inlined, so the spec alone determines the SVG.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_WIDTH, INK, MUTED_INK, PAPER, RULE, SECONDARY_MARK, VEGA_LITE_SCHEMA, vegaConfig } from "../../engine/charts/theme.ts";
import { GRADE_COLOURS } from "../shared/grades.ts";

/** Where a movement ends up, which sets its colour: the grade's colour, grey when not described. */
export type MovementEnd = "inadequate" | "ri_or_adequate" | "good" | "undescribed";

const END_COLOURS: Readonly<Record<MovementEnd, string>> = {
  inadequate: GRADE_COLOURS.inadequate,
  ri_or_adequate: GRADE_COLOURS.ri_or_adequate,
  good: GRADE_COLOURS.good,
  undescribed: RULE,
};

export interface MovementRow {
  readonly movement: string;
  readonly councils: number;
  readonly end: MovementEnd;
}

/** Horizontal bars, one per movement in the given order, each labelled with its count. */
export function movementsSpec(rows: readonly MovementRow[]): TopLevelSpec {
  const ends = [...new Set(rows.map((r) => r.end))];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 260,
    height: { step: 34 },
    data: { values: rows.map((r) => ({ ...r })) },
    encoding: {
      y: { field: "movement", type: "nominal", sort: null, title: null, axis: { labelLimit: 0, labelColor: INK } },
      x: { field: "councils", type: "quantitative", title: "Councils", scale: { domainMin: 0 }, axis: { grid: false } },
    },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2 },
        encoding: { color: { field: "end", type: "nominal", scale: { domain: ends, range: ends.map((e) => END_COLOURS[e]) }, legend: null } },
      },
      {
        mark: { type: "text", align: "left", dx: 4, color: MUTED_INK, fontWeight: "bold" },
        encoding: { text: { field: "councils", type: "quantitative" } },
      },
    ],
  };
}

export interface DenominatorRow {
  readonly group: string;
  readonly outcome: string;
  readonly councils: number;
  /** 0 for the published count, 1 for the implied remainder: the stacking order. */
  readonly order: number;
}

/** One stacked bar per reconstructed group: the published count that kept its rating, then the implied rest. */
export function denominatorsSpec(rows: readonly DenominatorRow[]): TopLevelSpec {
  const outcomes = [...new Map(rows.map((r) => [r.order, r.outcome])).entries()].sort((a, b) => a[0] - b[0]).map(([, o]) => o);
  const maxTotal = Math.max(...[...new Set(rows.map((r) => r.group))].map((g) => rows.filter((r) => r.group === g).reduce((s, r) => s + r.councils, 0)));
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 260,
    height: { step: 40 },
    data: { values: rows.map((r) => ({ ...r })) },
    encoding: {
      y: { field: "group", type: "nominal", sort: null, title: null, axis: { labelLimit: 0, labelColor: INK } },
    },
    layer: [
      {
        mark: { type: "bar", stroke: PAPER, strokeWidth: 1 },
        encoding: {
          x: { field: "councils", type: "quantitative", stack: "zero", title: "Councils", scale: { domain: [0, Math.ceil((maxTotal * 1.15) / 5) * 5] }, axis: { grid: false } },
          order: { field: "order", type: "quantitative" },
          color: { field: "outcome", type: "nominal", sort: outcomes, scale: { domain: outcomes, range: [MUTED_INK, SECONDARY_MARK] }, legend: { title: null, labelLimit: 0, columns: 1 } },
        },
      },
      {
        mark: { type: "text", align: "right", dx: -5, color: PAPER, fontWeight: "bold" },
        transform: [{ filter: "datum.order === 0" }],
        encoding: { x: { field: "councils", type: "quantitative" }, text: { field: "councils", type: "quantitative" } },
      },
      {
        mark: { type: "text", align: "left", dx: 5, color: MUTED_INK },
        transform: [
          { aggregate: [{ op: "sum", field: "councils", as: "total" }], groupby: ["group"] },
          { calculate: "'of ' + datum.total", as: "label" },
        ],
        encoding: { x: { field: "total", type: "quantitative" }, text: { field: "label", type: "nominal" } },
      },
    ],
  };
}
