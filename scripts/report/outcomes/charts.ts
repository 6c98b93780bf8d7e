/**
 * Chart specs for the outcomes family: the grade trend by year and the year-on-year
 * swings by cycle. Builders take plotted rows and return a Vega-Lite spec with the
 * rows inlined, so the spec alone determines the SVG (and its cache key).
 */
import type { TopLevelSpec } from "vega-lite";

import { CHART_HEIGHT, CHART_WIDTH, MUTED_INK, PAPER, VEGA_LITE_SCHEMA, vegaConfig } from "../../engine/charts/theme.ts";
import { GRADES, GRADE_COLOURS, GRADE_DASHES, GRADE_LABELS, GRADE_SHAPES } from "../shared/grades.ts";

const gradeLabels = GRADES.map((g) => GRADE_LABELS[g]);

const gradeScale = (channel: "color" | "strokeDash" | "shape") => {
  const range = { color: GRADE_COLOURS, strokeDash: GRADE_DASHES, shape: GRADE_SHAPES }[channel];
  return { domain: gradeLabels, range: GRADES.map((g) => range[g]) };
};

// A type alias, not an interface, so rows also fit FigureDefinition's Record-typed rows.
export type GradeTrendRow = {
  readonly year: string;
  readonly grade: string;
  readonly percent: number;
};

/** Line chart: share of each grade by year, one line per grade. */
export function gradeTrendSpec(rows: readonly GradeTrendRow[]): TopLevelSpec {
  const legend = { title: null, columns: 2, symbolStrokeWidth: 2, labelLimit: 0 };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: "line", point: { filled: true, size: 50 }, strokeWidth: 2 },
    encoding: {
      x: { field: "year", type: "ordinal", title: "Year of inspection", axis: { labelAngle: 0 } },
      y: { field: "percent", type: "quantitative", title: "Share of councils inspected (%)", scale: { domain: [0, 100] } },
      color: { field: "grade", type: "nominal", scale: gradeScale("color"), legend },
      strokeDash: { field: "grade", type: "nominal", scale: gradeScale("strokeDash"), legend },
      shape: { field: "grade", type: "nominal", scale: gradeScale("shape"), legend },
    },
  };
}

/**
 * Stacked bars: each year's four shares stacked from Inadequate at the bottom, with a
 * dashed line at 100% so a year whose published shares do not add up shows as such.
 */
export function gradeStackSpec(rows: readonly GradeTrendRow[]): TopLevelSpec {
  const order = Object.fromEntries(gradeLabels.map((label, index) => [label, index]));
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: rows.map((r) => ({ ...r })) },
    transform: [{ calculate: `${JSON.stringify(order)}[datum.grade]`, as: "gradeOrder" }],
    layer: [
      {
        mark: { type: "bar", stroke: PAPER, strokeWidth: 1 },
        encoding: {
          x: { field: "year", type: "ordinal", title: "Year of inspection", axis: { labelAngle: 0 } },
          y: { field: "percent", type: "quantitative", title: "Share of councils inspected (%)", stack: "zero", scale: { domain: [0, 120] }, axis: { values: [0, 20, 40, 60, 80, 100, 120] } },
          color: { field: "grade", type: "nominal", scale: gradeScale("color"), legend: { title: null, columns: 2, labelLimit: 0 } },
          order: { field: "gradeOrder", type: "quantitative" },
        },
      },
      {
        mark: { type: "rule", strokeDash: [4, 3], color: MUTED_INK },
        encoding: { y: { datum: 100, type: "quantitative" } },
      },
    ],
  };
}

export interface YearlySwingRow {
  readonly cycle: string;
  readonly change: string;
  readonly grade: string;
  readonly points: number;
}

/**
 * Horizontal grouped bars of the absolute year-on-year change of every grade, one
 * panel per three-year cycle, with a dashed rule at each panel's average: the
 * average yearly variation by grade.
 */
export function yearlySwingSpec(rows: readonly YearlySwingRow[]): TopLevelSpec {
  const maxPoints = Math.max(...rows.map((r) => r.points));
  const domainTop = Math.max(5, Math.ceil(maxPoints / 5) * 5);
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    data: { values: rows.map((r) => ({ ...r })) },
    facet: { column: { field: "cycle", type: "nominal", title: null, sort: null, header: { labelFontWeight: "bold", labelFontSize: 13 } } },
    spec: {
      width: CHART_WIDTH / 2 - 70,
      height: { step: 14 },
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            y: { field: "change", type: "nominal", title: null, sort: null, axis: { labelLimit: 0 } },
            yOffset: { field: "grade", type: "nominal", sort: gradeLabels },
            x: { field: "points", type: "quantitative", title: "Size of change (percentage points)", scale: { domain: [0, domainTop] } },
            color: { field: "grade", type: "nominal", scale: gradeScale("color"), legend: { title: null, columns: 2, labelLimit: 0 } },
          },
        },
        {
          mark: { type: "rule", strokeDash: [4, 3], color: MUTED_INK, strokeWidth: 1.5 },
          encoding: { x: { aggregate: "mean", field: "points", type: "quantitative" } },
        },
        {
          mark: { type: "text", align: "left", baseline: "bottom", dx: 3, y: 0, dy: -2, color: MUTED_INK },
          encoding: {
            x: { aggregate: "mean", field: "points", type: "quantitative" },
            text: { aggregate: "mean", field: "points", type: "quantitative", format: ".1f" },
          },
        },
      ],
    },
    resolve: { scale: { y: "independent" } },
  };
}
