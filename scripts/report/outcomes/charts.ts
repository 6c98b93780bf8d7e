/**
 * Chart specs for the outcomes family: the grade trend by year and the year-on-year
 * swings by cycle. Builders take plotted rows and return a Vega-Lite spec with the
 * rows inlined, so the spec alone determines the SVG (and its cache key).
 */
import type { TopLevelSpec } from "vega-lite";

import { spreadLabels } from "../../engine/charts/end-labels.ts";
import { AXIS_GUTTER } from "../../engine/charts/fit.ts";
import { NARROW_WIDTH, wrapToWidth } from "../../engine/charts/narrow.ts";
import { CHART_HEIGHT, CHART_WIDTH, MUTED_INK, PAPER, VEGA_LITE_SCHEMA, vegaConfig } from "../../engine/charts/theme.ts";
import { measureText } from "../../engine/render/text-metrics.ts";
import { CHART_FONT_SIZE, NARROW_CHART_FONT_SIZE } from "../../engine/theme/palette.ts";
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

/** How the line-end labels are set: the rendering's text size, and the width a grade's name wraps at. */
export interface EndLabelLayout {
  readonly fontSize: number;
  readonly wrapAt: number;
  /** The whole chart's width, px. */
  readonly width: number;
}
/** Between a line's last point and its name, px. */
const END_LABEL_GAP = 10;
/** The wide chart's names stand on one line. */
export const END_LABELS_WIDE: EndLabelLayout = { fontSize: CHART_FONT_SIZE, wrapAt: Infinity, width: CHART_WIDTH };
/** On a phone a name wraps short, so the lines keep most of the column. */
export const END_LABELS_NARROW: EndLabelLayout = { fontSize: NARROW_CHART_FONT_SIZE, wrapAt: 92, width: NARROW_WIDTH };

/**
 * Line chart: share of each grade by year, one line per grade, each named at its end in
 * its own colour (no legend to look across to). Names of lines that end close together are
 * spread apart (spreadLabels) so that none sits on another.
 */
export function gradeTrendSpec(rows: readonly GradeTrendRow[], layout: EndLabelLayout = END_LABELS_WIDE): TopLevelSpec {
  const years = [...new Set(rows.map((r) => r.year))];
  const last = rows.filter((r) => r.year === years[years.length - 1]);
  const lines = last.map((r) => (Number.isFinite(layout.wrapAt) ? wrapToWidth(r.grade, layout.wrapAt, layout.fontSize) : [r.grade]));
  const lineHeight = layout.fontSize + 2;
  const unitsPerPx = 100 / CHART_HEIGHT;
  const at = spreadLabels(last.map((r) => r.percent), lines.map((l) => (l.length * lineHeight + 2) * unitsPerPx), 0, 100);
  const labelAt = Object.fromEntries(last.map((r, i) => [r.grade, at[i]]));
  const labelLines = Object.fromEntries(last.map((r, i) => [r.grade, lines[i].length === 1 ? lines[i][0] : lines[i]]));
  const y = { type: "quantitative" as const, title: "Share of councils inspected (%)", scale: { domain: [0, 100] } };
  // Sized here rather than fitted by Vega (whose fit does not settle on text placed past the plot): the plot is the
  // chart less the y axis (its title, labels and ticks) and the names at the right.
  const yAxis = 2 * layout.fontSize + measureText({ fontSize: layout.fontSize }, "100") + 16;
  const widest = Math.max(...lines.flat().map((line) => measureText({ fontSize: layout.fontSize }, line)));
  const plotWidth = Math.floor(layout.width - yAxis - widest - END_LABEL_GAP - 10);
  // The last year's points stand a fifth of a step in from the plot's right edge; each name starts past that edge, clear of the gridlines.
  const padding = 0.2;
  const toEdge = (padding * plotWidth) / (years.length - 1 + 2 * padding);
  const x = { field: "year", type: "ordinal" as const, title: "Year of inspection", scale: { padding }, axis: { labelAngle: 0 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: plotWidth,
    height: CHART_HEIGHT,
    autosize: { type: "pad" },
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      {
        mark: { type: "line", point: { filled: true, size: 50 }, strokeWidth: 2 },
        encoding: {
          x,
          y: { ...y, field: "percent" },
          color: { field: "grade", type: "nominal", scale: gradeScale("color"), legend: null },
          strokeDash: { field: "grade", type: "nominal", scale: gradeScale("strokeDash"), legend: null },
          shape: { field: "grade", type: "nominal", scale: gradeScale("shape"), legend: null },
        },
      },
      {
        transform: [
          { filter: { field: "year", equal: years[years.length - 1] } },
          { calculate: `${JSON.stringify(labelAt)}[datum.grade]`, as: "labelAt" },
          { calculate: `${JSON.stringify(labelLines)}[datum.grade]`, as: "name" },
        ],
        mark: { type: "text", align: "left", baseline: "middle", dx: Math.ceil(toEdge) + END_LABEL_GAP, lineHeight },
        encoding: {
          x,
          y: { ...y, field: "labelAt" },
          text: { field: "name" },
          color: { field: "grade", type: "nominal", scale: gradeScale("color"), legend: null },
        },
      },
    ],
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
    facet: { column: { field: "cycle", type: "nominal", title: null, sort: null, header: { labelFontWeight: "bold" } } },
    spec: {
      // Each panel has its own labels (its own years): the panels share the figure's width less two sets of them and the gap between.
      width: Math.floor((CHART_WIDTH - 2 * (Math.ceil(Math.max(...rows.map((r) => measureText({ fontSize: CHART_FONT_SIZE }, r.change)))) + AXIS_GUTTER) - 20) / 2),
      height: { step: 16 },
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
