/**
 * Chart specs for the ILACS family ("Ten years on"). Rows are inlined, so the spec alone
 * determines the SVG. Grades use the report's grade colours (scripts/report/shared/grades.ts).
 */
import type { TopLevelSpec } from "vega-lite";
import { labelColourOn } from "../../engine/theme/on-mark.ts";
import { REPORT_THEME } from "../shared/theme.ts";
import { MULTI_LINE_LABELS } from "../../engine/charts/fit.ts";
import { CHART_WIDTH, INK, MUTED_INK, PAPER, RULE, VEGA_LITE_SCHEMA, vegaConfig } from "../../engine/charts/theme.ts";
import { CHART_FONT_SIZE } from "../../engine/theme/palette.ts";
import { GRADE_COLOURS, JUDGEMENT_CHART_LABELS, judgementColour } from "../shared/grades.ts";

const labels = JUDGEMENT_CHART_LABELS;

/** `axisLabel`: the year's label on the chart, "line one|line two". */
export type YearGradeRow = { readonly year: string; readonly axisLabel: string; readonly grade: string; readonly order: number; readonly reports: number; readonly percent: number };

/** One 100% stacked bar per year of publication, Inadequate at the left. */
export function gradesByYearSpec(rows: readonly YearGradeRow[]): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 160,
    height: { step: 2 * (CHART_FONT_SIZE + 2) + 8 },
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: "bar", stroke: PAPER, strokeWidth: 1 },
    encoding: {
      y: { field: "axisLabel", type: "ordinal", title: null, axis: { labelColor: INK, labelLimit: 0, ...MULTI_LINE_LABELS, labelLineHeight: CHART_FONT_SIZE + 2 } },
      x: { field: "percent", type: "quantitative", stack: "zero", title: "Share of graded reports (%)", scale: { domain: [0, 100] }, axis: { tickCount: 5 } },
      color: judgementColour,
      order: { field: "order", type: "quantitative" },
    },
  };
}

export type MoveRow = { readonly from: string; readonly to: string; readonly pairs: number; readonly direction: string };

/**
 * Cells are shaded from pale (few pairs) to this strong (most pairs). Kept at or below
 * 0.5 because between about 0.6 and 0.8 neither ink nor page-coloured numbers reach 4.5:1
 * on the cell in both the light and dark palettes (scripts/engine/theme/on-mark.ts works it out).
 */
const MOVE_OPACITY: readonly [number, number] = [0.15, 0.5];
/** "Requires improvement" on two lines, so grade labels stay narrow beside and under the grid. */
const twoLineGrades = "datum.value === 'Requires improvement' ? ['Requires', 'improvement'] : datum.value";

/** A from × to grid: each cell's count, shaded by direction (better, same, worse). */
export function movesSpec(rows: readonly MoveRow[]): TopLevelSpec {
  const directions = ["Better", "Same", "Worse"];
  const fills = [GRADE_COLOURS.good, RULE, GRADE_COLOURS.inadequate];
  const counts = rows.map((r) => r.pairs);
  const [least, most] = [Math.min(...counts), Math.max(...counts)];
  const opacityOf = (pairs: number) => (most > least ? MOVE_OPACITY[0] + ((pairs - least) / (most - least)) * (MOVE_OPACITY[1] - MOVE_OPACITY[0]) : MOVE_OPACITY[1]);
  // Each cell's number in whichever of ink or page colour reads on that cell in both palettes.
  const onPaper = rows.filter((r) => {
    const colour = labelColourOn(fills[directions.indexOf(r.direction)], opacityOf(r.pairs), REPORT_THEME);
    if (colour === undefined) throw new Error(`no label colour reaches 4.5:1 on the ${r.from} → ${r.to} cell`);
    return colour === PAPER;
  });
  const paperTest = `indexof(${JSON.stringify(onPaper.map((r) => `${r.from}|${r.to}`))}, datum.from + '|' + datum.to) >= 0`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: 440,
    height: 240,
    data: { values: rows.map((r) => ({ ...r })) },
    encoding: {
      x: { field: "to", type: "nominal", sort: labels, title: "Next report", axis: { labelAngle: 0, labelLimit: 0, orient: "bottom", labelExpr: twoLineGrades, labelLineHeight: CHART_FONT_SIZE + 2 } },
      y: { field: "from", type: "nominal", sort: labels, title: "Earlier report", axis: { labelLimit: 0, labelExpr: twoLineGrades, labelLineHeight: CHART_FONT_SIZE + 2 } },
    },
    layer: [
      {
        mark: { type: "rect", stroke: PAPER, strokeWidth: 2 },
        encoding: {
          color: { field: "direction", type: "nominal", sort: directions, scale: { domain: directions, range: fills }, legend: { title: null, orient: "bottom" } },
          opacity: { field: "pairs", type: "quantitative", scale: { domain: [least, most], range: [...MOVE_OPACITY], zero: false, nice: false }, legend: null },
        },
      },
      {
        mark: { type: "text", fontWeight: "bold" },
        encoding: { text: { field: "pairs", type: "quantitative" }, color: onPaper.length > 0 ? { condition: { test: paperTest, value: PAPER }, value: INK } : { value: INK } },
      },
    ],
  };
}

export type SpellRow = { readonly years: number; readonly still: number; readonly atRisk: number; readonly ended: number; readonly censored: number };

/**
 * A Kaplan–Meier step curve of the share of spells still Inadequate by years since the
 * judgement, a tick where a running spell's observation stops, and the median marked.
 */
export function spellsSpec(rows: readonly SpellRow[], median: { readonly years: number; readonly label: string } | undefined): TopLevelSpec {
  const top = Math.ceil(Math.max(...rows.map((r) => r.years)));
  // No gridlines: the median's label sits at the top of the plot, where only the rule below it and the curve's flat start could meet it.
  const x = { field: "years", type: "quantitative" as const, title: "Years since the council was judged Inadequate", scale: { domain: [0, top], nice: false }, axis: { tickMinStep: 1, grid: false } };
  const y = { field: "still", type: "quantitative" as const, title: "Spells still Inadequate (%)", scale: { domain: [0, 100] }, axis: { grid: false } };
  // The label reads away from the curve's start: to the right of the rule when the median is in the left part of the axis.
  const right = median !== undefined && median.years < 0.6 * top;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 160,
    height: 260,
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      { mark: { type: "line", interpolate: "step-after", color: GRADE_COLOURS.inadequate, strokeWidth: 2.5 }, encoding: { x, y } },
      { transform: [{ filter: "datum.censored > 0" }], mark: { type: "tick", orient: "vertical", color: INK, size: 10, thickness: 1.5 }, encoding: { x, y } },
      ...(median
        ? [
            {
              data: { values: [{ years: median.years, still: 100, label: median.label }] },
              layer: [
                { mark: { type: "rule" as const, color: MUTED_INK, strokeDash: [4, 3] }, encoding: { x, y: { datum: 0, type: "quantitative" as const }, y2: { datum: 100 } } },
                {
                  mark: { type: "text" as const, align: right ? ("left" as const) : ("right" as const), baseline: "top" as const, dx: right ? 6 : -6, lineBreak: "|", color: INK },
                  encoding: { x, y, text: { field: "label", type: "nominal" as const } },
                },
              ],
            },
          ]
        : []),
    ],
  };
}

export type SubRow = { readonly sub: string; readonly comparison: string; readonly order: number; readonly reports: number; readonly percent: number };

/** One 100% stacked bar per sub-judgement: graded worse than, the same as, or better than overall. */
export function subJudgementsSpec(rows: readonly SubRow[]): TopLevelSpec {
  const comparisons = ["Worse than overall", "Same as overall", "Better than overall"];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 300,
    height: { step: 34 },
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: "bar", stroke: PAPER, strokeWidth: 1 },
    encoding: {
      y: { field: "sub", type: "nominal", sort: null, title: null, axis: { labelLimit: 0, labelColor: INK } },
      x: { field: "percent", type: "quantitative", stack: "zero", title: "Share of reports (%)", scale: { domain: [0, 100] } },
      color: { field: "comparison", type: "nominal", sort: comparisons, scale: { domain: comparisons, range: [GRADE_COLOURS.inadequate, RULE, GRADE_COLOURS.good] }, legend: { title: null, orient: "bottom", labelLimit: 0 } },
      order: { field: "order", type: "quantitative" },
    },
  };
}

/** `axisLabel`: the region and how many councils its share is of ("North East (12 councils)"). */
export type RegionRow = { readonly region: string; readonly axisLabel: string; readonly councils: number; readonly goodOrBetter: number; readonly england: number };

/** A bar per region of the share Good or better, in the rows' order, with England's share as a dashed line, named. */
export function regionsSpec(rows: readonly RegionRow[]): TopLevelSpec {
  const england = rows[0]?.england ?? 0;
  // Each region's number of councils is written beside its name: every regional share is of fewer than 30.
  const y = { field: "axisLabel", type: "nominal" as const, sort: rows.map((r) => r.axisLabel), title: null, axis: { labelLimit: 0, labelColor: INK } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 240,
    height: { step: 26 },
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      {
        mark: { type: "bar", color: GRADE_COLOURS.good },
        encoding: {
          y,
          x: { field: "goodOrBetter", type: "quantitative", title: "Councils Good or Outstanding at their latest report (%)", scale: { domain: [0, 100] }, axis: { grid: false, tickCount: 5 } },
        },
      },
      {
        // Each share is written inside its bar at its base, so England's line, which bars reach on both sides, never runs through one.
        mark: { type: "text", align: "left", dx: 5, color: PAPER, fontWeight: "bold" },
        encoding: { y, x: { datum: 0, type: "quantitative" }, text: { field: "goodOrBetter", type: "quantitative", format: ".0f" } },
      },
      {
        data: { values: [{ england, label: `England: ${Math.round(england)}` }] },
        layer: [
          { mark: { type: "rule", color: INK, strokeDash: [4, 3] }, encoding: { x: { field: "england", type: "quantitative" } } },
          // The line is named above the plot, where no bar reaches.
          { mark: { type: "text", align: "left", baseline: "top", dx: 4, y: -16, color: INK }, encoding: { x: { field: "england", type: "quantitative" }, text: { field: "label" } } },
        ],
      },
    ],
  };
}
