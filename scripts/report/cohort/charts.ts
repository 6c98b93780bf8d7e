/**
 * Chart specs for the 2013 cohort family: a dumbbell of one indicator before and after
 * inspection per group, and the printed changes of all indicators side by side.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_WIDTH, INK, MUTED_INK, PAPER, VEGA_LITE_SCHEMA, vegaConfig } from "../../engine/charts/theme.ts";
import { GRADE_COLOURS } from "../shared/grades.ts";

/** Inadequate in the grade's red; RI or Good in the Good blue. */
export const COHORT_COLOURS = { inadequate: GRADE_COLOURS.inadequate, rest: GRADE_COLOURS.good } as const;

export interface DumbbellRow {
  readonly group: string;
  readonly year: string;
  readonly percent: number;
}

/**
 * One horizontal line per group from its lower to its higher value, with a hollow
 * circle for the earlier year and a filled one for the later, each labelled.
 * `groups` gives the y order and the colour of each group label (Inadequate first).
 */
export function dumbbellSpec(rows: readonly DumbbellRow[], groups: readonly [string, string], years: readonly [string, string], axisTitle: string): TopLevelSpec {
  const values = rows.map((r) => r.percent);
  const low = Math.floor((Math.min(...values) - 8) / 10) * 10;
  const high = Math.min(100, Math.ceil((Math.max(...values) + 5) / 10) * 10);
  const x = { field: "percent", type: "quantitative" as const, title: axisTitle, scale: { domain: [low, high] }, axis: { grid: false } };
  const colour = { field: "group", type: "nominal" as const, scale: { domain: [...groups], range: [COHORT_COLOURS.inadequate, COHORT_COLOURS.rest] }, legend: null };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 180,
    height: { step: 56 },
    data: { values: rows.map((r) => ({ ...r })) },
    encoding: { y: { field: "group", type: "nominal", sort: [...groups], title: null, axis: { labelLimit: 0, labelColor: INK } } },
    layer: [
      {
        mark: { type: "rule", strokeWidth: 3 },
        encoding: { x: { ...x, aggregate: "min" }, x2: { field: "percent", aggregate: "max" }, color: colour },
      },
      {
        mark: { type: "point", size: 140, strokeWidth: 2.5, opacity: 1 },
        encoding: {
          x,
          color: colour,
          fill: { field: "year", type: "nominal", scale: { domain: [...years], range: [PAPER, INK] }, legend: { title: null, symbolStrokeColor: INK, symbolType: "circle" } },
        },
      },
      {
        mark: { type: "text", dy: -16, color: MUTED_INK },
        encoding: { x, text: { field: "percent", type: "quantitative", format: ".2f" } },
      },
    ],
  };
}

export interface StatedChangeRow {
  /** Panel heading: the indicator and its unit. */
  readonly indicator: string;
  readonly group: string;
  /** Size of the printed change (its direction is in the heading). */
  readonly change: number;
}

/** One panel per indicator, each with its own scale; one bar per group, labelled with its value. */
export function statedChangesSpec(rows: readonly StatedChangeRow[], groups: readonly [string, string]): TopLevelSpec {
  const indicators = [...new Set(rows.map((r) => r.indicator))];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    data: { values: rows.map((r) => ({ ...r })) },
    facet: { row: { field: "indicator", type: "nominal", sort: indicators, title: null, header: { labelAngle: 0, labelAlign: "left", labelAnchor: "start", labelOrient: "top", labelFontWeight: "bold", labelLimit: 0 } } },
    spec: {
      width: CHART_WIDTH - 200,
      height: { step: 22 },
      encoding: {
        y: { field: "group", type: "nominal", sort: [...groups], title: null, axis: { labelLimit: 0, labelColor: INK } },
        x: { field: "change", type: "quantitative", title: null, scale: { domainMin: 0, nice: true }, axis: { tickCount: 5, grid: false } },
      },
      layer: [
        {
          mark: { type: "bar", cornerRadiusEnd: 2 },
          encoding: { color: { field: "group", type: "nominal", scale: { domain: [...groups], range: [COHORT_COLOURS.inadequate, COHORT_COLOURS.rest] }, legend: null } },
        },
        {
          mark: { type: "text", align: "left", dx: 4, color: MUTED_INK },
          encoding: { text: { field: "change", type: "quantitative" } },
        },
      ],
    },
    resolve: { scale: { x: "independent" } },
  };
}
