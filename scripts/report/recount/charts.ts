/**
 * Chart specs for the recount family: the report's grade shares next to our recount under
 * each counting rule, the report's repeat-inspection counts next to ours, and the demand of
 * the 2013 cohort by group. Rows are inlined, so the spec alone determines the SVG.
 */
import type { TopLevelSpec } from "vega-lite";
import { AXIS_GUTTER } from "../../engine/charts/fit.ts";
import { NARROW_LABEL_WIDTH, NARROW_LEGEND_WIDTH, NARROW_WIDTH, narrowSpec, wrapToWidth } from "../../engine/charts/narrow.ts";
import { measureText } from "../../engine/render/text-metrics.ts";
import { CHART_FONT_SIZE, NARROW_CHART_FONT_SIZE } from "../../engine/theme/palette.ts";

import { BAND, CHART_WIDTH, GRID, INK, MUTED_INK, RULE, VEGA_LITE_SCHEMA, chartConfig, vegaConfig } from "../../engine/charts/theme.ts";
import { GRADES, GRADE_COLOURS, GRADE_LABELS, GRADE_SHAPES } from "../shared/grades.ts";

const gradeLabels = GRADES.map((g) => GRADE_LABELS[g]);

export type RuleShareRow = {
  readonly year: string;
  /** The published row or a counting rule, as labelled on the chart. */
  readonly rule: string;
  readonly grade: string;
  readonly percent: number;
  /** "published" or "recount". */
  readonly source: string;
  /** "yes" when the rule gives all four published shares of the year. */
  readonly reproduces: string;
  /** Judgements counted (the published row: 0, not known). */
  readonly judgements: number;
};

/**
 * Dot plot, one panel per year: a row of four grade dots for the published shares and for
 * each counting rule, a dashed line down from each published share so every rule's dot can
 * be read against it, and a shaded band behind the rules that give all four shares.
 */
const RULE_PANEL_GAP = 20;
export function countingRulesSpec(rows: readonly RuleShareRow[], ruleOrder: readonly string[]): TopLevelSpec {
  const top = Math.max(10, Math.ceil(Math.max(...rows.map((r) => r.percent)) / 10) * 10);
  const y = { field: "rule", type: "nominal" as const, sort: [...ruleOrder], title: null, axis: { labelLimit: 0, labelColor: INK, grid: true, gridColor: GRID } };
  const gradeScale = { domain: gradeLabels, range: GRADES.map((g) => GRADE_COLOURS[g]) };
  const legend = { title: null, columns: 2, labelLimit: 0 };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    data: { values: rows.map((r) => ({ ...r })) },
    facet: { column: { field: "year", type: "ordinal", title: null, header: { labelFontWeight: "bold" } } },
    spacing: RULE_PANEL_GAP,
    spec: {
      // The panels share the figure's width less the rules' names, drawn once at the left.
      width: Math.floor((CHART_WIDTH - Math.ceil(Math.max(...ruleOrder.map((rule) => measureText({ fontSize: CHART_FONT_SIZE }, rule)))) - AXIS_GUTTER - RULE_PANEL_GAP * (new Set(rows.map((r) => r.year)).size - 1)) / new Set(rows.map((r) => r.year)).size),
      height: { step: 26 },
      layer: [
        {
          transform: [{ filter: `datum.reproduces === 'yes' && datum.grade === ${JSON.stringify(gradeLabels[0])}` }],
          mark: { type: "bar", color: BAND, height: { band: 1 } },
          encoding: { y, x: { datum: 0, type: "quantitative" }, x2: { datum: top } },
        },
        {
          transform: [{ filter: "datum.source === 'published'" }],
          mark: { type: "rule", strokeDash: [4, 3], strokeWidth: 1.2, opacity: 0.8 },
          encoding: { x: { field: "percent", type: "quantitative" }, color: { field: "grade", type: "nominal", scale: gradeScale, legend } },
        },
        {
          mark: { type: "point", filled: true, size: 70, opacity: 1 },
          encoding: {
            y,
            x: { field: "percent", type: "quantitative", title: "Share of judgements (%)", scale: { domain: [0, top] }, axis: { grid: false } },
            color: { field: "grade", type: "nominal", scale: gradeScale, legend },
            shape: { field: "grade", type: "nominal", scale: { domain: gradeLabels, range: GRADES.map((g) => GRADE_SHAPES[g]) }, legend },
          },
        },
      ],
    },
  };
}

export type CountComparisonRow = {
  readonly measure: string;
  /** "Published in the report" or "Our recount". */
  readonly source: string;
  readonly councils: number;
};

/** Grouped horizontal bars: for each measure, the published count and ours, each labelled. */
export function countComparisonSpec(rows: readonly CountComparisonRow[]): TopLevelSpec {
  const sources = [...new Set(rows.map((r) => r.source))];
  const maxValue = Math.max(...rows.map((r) => r.councils));
  const encoding = {
    y: { field: "measure", type: "nominal" as const, sort: null, title: null, axis: { labelLimit: 0, labelColor: INK } },
    yOffset: { field: "source", type: "nominal" as const, sort: sources },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 280,
    height: { step: 36 },
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2 },
        encoding: {
          ...encoding,
          x: { field: "councils", type: "quantitative", title: "Councils", scale: { domain: [0, Math.ceil((maxValue * 1.12) / 10) * 10] }, axis: { grid: false } },
          color: { field: "source", type: "nominal", sort: sources, scale: { domain: sources, range: [MUTED_INK, GRADE_COLOURS.good] }, legend: { title: null, labelLimit: 0 } },
        },
      },
      {
        mark: { type: "text", align: "left", dx: 4, color: INK },
        encoding: { ...encoding, x: { field: "councils", type: "quantitative" }, text: { field: "councils", type: "quantitative" } },
      },
    ],
  };
}

export type CohortDemandRow = {
  /** The measure, e.g. "Referrals per 10,000 children": one row of panels. */
  readonly measure: string;
  /** The year's level or the change between the years: one column of panels. */
  readonly view: string;
  /** Cohort reading and group, with its number of councils. */
  readonly series: string;
  /** "inadequate", "ri_or_good" or "reference": sets the colour. */
  readonly group: string;
  readonly councils: number;
  /** Mean of the councils' own rates (plotted). */
  readonly mean: number;
  /** All the group's children together (in the table). */
  readonly pooled: number;
};

const GROUP_COLOURS: Readonly<Record<string, string>> = { inadequate: GRADE_COLOURS.inadequate, ri_or_good: GRADE_COLOURS.good, reference: RULE };

/** A bar of the demand panels: its rows' series (the group's name and size) and the group's size. */
export interface DemandSeries {
  readonly label: string;
  readonly councils: number;
}

/**
 * What each bar says past its end: its value, and where fewer of the group's councils have
 * a value in that panel than the group has (a change needs both years), how many of them
 * it counts, as the figure's title does ("23 of 24"). Keyed by series, measure and view.
 */
function demandValueLabels(series: readonly DemandSeries[], rows: readonly CohortDemandRow[]): Record<string, string> {
  const size = Object.fromEntries(series.map((s) => [s.label, s.councils]));
  return Object.fromEntries(rows.map((r) => [`${r.series}|${r.measure}|${r.view}`, `${r.mean.toFixed(1)}${r.councils < size[r.series] ? ` (${r.councils} of ${size[r.series]})` : ""}`]));
}
const valueLabelAt = (labels: Record<string, string>) => ({ calculate: `${JSON.stringify(labels)}[datum.series + '|' + datum.measure + '|' + datum.view]`, as: "valueLabel" });

/**
 * Small multiples: one row of panels per measure, one column for the level and one for the
 * change; in each, a bar per series, labelled with its value and named with the number of
 * councils it counts in that panel. Every panel has its own scale and its own labels, and
 * the two columns share the figure's width.
 */
export function cohortDemandSpec(rows: readonly CohortDemandRow[], series: readonly DemandSeries[]): TopLevelSpec {
  const inOrder = (field: "measure" | "view") => [...new Set(rows.map((r) => r[field]))];
  const groups = [...new Set(rows.map((r) => r.group))];
  const labels = demandValueLabels(series, rows);
  const widest = (texts: readonly string[]) => Math.ceil(Math.max(...texts.map((text) => measureText({ fontSize: CHART_FONT_SIZE }, text))));
  const columns = inOrder("view").length;
  // Values written past the bars' ends stand in the gap between the columns, and past the last column's right edge.
  const valueRoom = widest(Object.values(labels)) + 8;
  const spacing = valueRoom + 16;
  const y = { field: "series", type: "nominal" as const, sort: series.map((s) => s.label), title: null, axis: { labelLimit: 0, labelColor: INK } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    data: { values: rows.map((r) => ({ ...r })) },
    transform: [{ calculate: "max(datum.mean, 0)", as: "labelAt" }, valueLabelAt(labels)],
    facet: {
      row: { field: "measure", type: "nominal", title: null, sort: inOrder("measure"), header: { labelFontWeight: "bold", labelAngle: 0, labelOrient: "top", labelAnchor: "start", labelAlign: "left", labelLimit: 0 } },
      column: { field: "view", type: "nominal", title: null, sort: inOrder("view"), header: { labelFontWeight: "bold", labelLimit: 0 } },
    },
    spacing: { row: 16, column: spacing },
    resolve: { scale: { x: "independent" } },
    spec: {
      // The columns share the figure's width: the names once, at the left, the gaps, and the last column's values.
      width: Math.floor((CHART_WIDTH - widest(series.map((s) => s.label)) - AXIS_GUTTER - (columns - 1) * spacing - valueRoom) / columns),
      height: { step: 26 },
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            y,
            x: { field: "mean", type: "quantitative", title: "Per 10,000 children", scale: { zero: true, nice: true }, axis: { tickCount: 4, grid: false } },
            color: { field: "group", type: "nominal", scale: { domain: groups, range: groups.map((g) => GROUP_COLOURS[g] ?? MUTED_INK) }, legend: null },
          },
        },
        {
          mark: { type: "text", align: "left", dx: 3, color: INK },
          encoding: { y, x: { field: "labelAt", type: "quantitative" }, text: { field: "valueLabel" } },
        },
      ],
    },
  };
}

/**
 * The same panels for a phone's column: one under another, each headed by its measure and
 * its view (level or change), since two side by side would leave each too narrow for its
 * bars' value labels.
 */
export function cohortDemandNarrowSpec(rows: readonly CohortDemandRow[], series: readonly DemandSeries[]): TopLevelSpec {
  const wide = cohortDemandSpec(rows, series) as Record<string, any>;
  const inOrder = (field: "measure" | "view") => [...new Set(rows.map((r) => r[field]))];
  const panels = inOrder("measure").flatMap((measure) => inOrder("view").map((view) => `${measure}: ${view}`));
  const { row } = wide.facet;
  const narrow = narrowSpec({
    ...wide,
    transform: [...wide.transform, { calculate: "datum.measure + ': ' + datum.view", as: "panel" }],
    facet: { row: { field: "panel", type: "nominal", title: null, sort: panels, header: { ...row.header, labelExpr: wrappedHeader(panels) } } },
    spacing: 16,
  } as TopLevelSpec) as Record<string, any>;
  // Values past the bars' ends are longer than narrowSpec leaves room for where they carry a count: the plot is the column less the names (as wrapped) and the values.
  const widest = (texts: readonly string[]) => Math.ceil(Math.max(...texts.map((text) => measureText({ fontSize: NARROW_CHART_FONT_SIZE }, text))));
  const names = series.flatMap((s) => wrapToWidth(s.label, NARROW_LABEL_WIDTH, NARROW_CHART_FONT_SIZE));
  narrow.spec.width = Math.floor(NARROW_WIDTH - widest(names) - AXIS_GUTTER - widest(Object.values(demandValueLabels(series, rows))) - 8);
  return narrow as TopLevelSpec;
}

/** Each panel heading on lines that fit the narrow column: a heading starts, like a legend, at the plot's left edge. */
const wrappedHeader = (panels: readonly string[]) =>
  panels.reduceRight((otherwise, panel) => `datum.value === ${JSON.stringify(panel)} ? ${JSON.stringify(wrapToWidth(panel, NARROW_LEGEND_WIDTH, NARROW_CHART_FONT_SIZE, "bold"))} : ${otherwise}`, "datum.label");

export type CohortReadingRow = {
  /** The reading, as labelled on the chart. */
  readonly reading: string;
  /** "Inadequate" or "RI or Good": one segment of the reading's bar. */
  readonly group: string;
  readonly councils: number;
  /** Councils in the reading, both groups together. */
  readonly total: number;
  /** "yes" when the total equals the report's sample. */
  readonly matches: string;
};

/**
 * One horizontal bar per reading of "inspected in the year", split by grade group and
 * labelled with its total, and a dashed rule at the report's sample size so a reading that
 * gives it stands out (the totals are drawn last, over the rule).
 */
export function cohortReadingsSpec(rows: readonly CohortReadingRow[], readingOrder: readonly string[], reportSize: number, reportLabel: string): TopLevelSpec {
  const groups = [...new Set(rows.map((r) => r.group))];
  const colours = [GRADE_COLOURS.inadequate, GRADE_COLOURS.good];
  const y = { field: "reading", type: "nominal" as const, sort: [...readingOrder], title: null, axis: { labelLimit: 0, labelColor: INK } };
  const maxValue = Math.max(reportSize, ...rows.map((r) => r.total));
  const x = { type: "quantitative" as const, title: "Councils", scale: { domain: [0, Math.ceil((maxValue * 1.15) / 10) * 10] }, axis: { grid: false } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 300,
    height: { step: 30 },
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          y,
          x: { ...x, field: "councils", stack: "zero" },
          color: { field: "group", type: "nominal", sort: groups, scale: { domain: groups, range: colours.slice(0, groups.length) }, legend: { title: null, orient: "bottom" } },
          order: { field: "group", sort: "ascending" },
        },
      },
      {
        data: { values: [{ councils: reportSize, label: reportLabel }] },
        layer: [
          { mark: { type: "rule", strokeDash: [4, 3], color: INK }, encoding: { x: { field: "councils", type: "quantitative" } } },
          { mark: { type: "text", align: "right", baseline: "top", dx: -4, y: -16, color: INK }, encoding: { x: { field: "councils", type: "quantitative" }, text: { field: "label" } } },
        ],
      },
      {
        // The totals stand in a column at the axis's end, past every bar and the report's line (the axis runs 15% beyond both), so the line never runs through one.
        transform: [{ filter: `datum.group === ${JSON.stringify(groups[0] ?? "")}` }],
        mark: { type: "text", align: "right", color: INK },
        encoding: { y, x: { datum: x.scale.domain[1], type: "quantitative" }, text: { field: "total", type: "quantitative" } },
      },
      {
        data: { values: [{ heading: "Total" }] },
        mark: { type: "text", align: "right", baseline: "top", y: -16, color: INK, fontWeight: "bold" },
        encoding: { x: { datum: x.scale.domain[1], type: "quantitative" }, text: { field: "heading" } },
      },
    ],
  };
}

export type SearchRow = {
  /** The report's value in words, as labelled on the chart. */
  readonly value: string;
  /** "points" (percentages and their changes) or "rate" (changes per 10,000 children). */
  readonly unit: string;
  readonly printed: number;
  readonly computed: number;
  /** computed − printed. */
  readonly distance: number;
  readonly reading: string;
  readonly combination: string;
  readonly councils: number;
  /** "yes" for the combination closest to the printed value. */
  readonly closest: string;
};

/**
 * Strip plot of the closest-match search, two panels by unit (percentage points; per
 * 10,000 children): a row per printed value, a dot per combination at its distance from
 * the printed value, the closest drawn in ink, a line at zero (the report's value).
 */
export function searchSpec(rows: readonly SearchRow[], order: readonly string[], narrow = false): TopLevelSpec {
  const fontSize = narrow ? NARROW_CHART_FONT_SIZE : CHART_FONT_SIZE;
  // On a phone the row names wrap to NARROW_LABEL_WIDTH, on two lines.
  const lines = (name: string) => (narrow ? wrapToWidth(name, NARROW_LABEL_WIDTH, fontSize) : [name]);
  const labelWidth = Math.max(...order.flatMap((o) => lines(o).map((line) => measureText({ fontSize }, line))));
  // The plots take the chart's width less the longest row name and the room Vega keeps beside it.
  const width = Math.floor((narrow ? NARROW_WIDTH : CHART_WIDTH) - labelWidth - AXIS_GUTTER - SEARCH_LABEL_PADDING * (narrow ? 1.5 : 1));
  const labelExpr = narrow ? order.reduceRight((otherwise, name) => `datum.value === ${JSON.stringify(name)} ? ${JSON.stringify(lines(name))} : ${otherwise}`, "datum.label") : undefined;
  const panel = (unit: string, title: string) => {
    const own = rows.filter((r) => r.unit === unit);
    // A symmetric axis around the report's value, to a round step (5 points, 50 per 10,000), so its end ticks do not crowd.
    const step = unit === "points" ? 5 : 50;
    const reach = Math.max(step, Math.ceil(Math.max(0, ...own.map((r) => Math.abs(r.distance))) / step) * step);
    return {
      width,
      height: { step: narrow ? 34 : 26 },
      transform: [{ filter: `datum.unit === ${JSON.stringify(unit)}` }],
      layer: [
        { mark: { type: "rule" as const, color: INK, strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: "quantitative" as const } } },
        {
          mark: { type: "point" as const, filled: true, opacity: 0.6 },
          encoding: {
            y: { field: "value", type: "nominal" as const, sort: order.filter((o) => own.some((r) => r.value === o)), title: null, axis: { labelLimit: 0, labelColor: INK, grid: true, gridColor: GRID, ...(labelExpr ? { labelExpr } : {}) } },
            x: { field: "distance", type: "quantitative" as const, title, scale: { domain: [-reach, reach], nice: false }, axis: { tickCount: narrow ? 3 : 5 } },
            color: { field: "closest", type: "nominal" as const, scale: { domain: ["no", "yes"], range: [MUTED_INK, INK] }, legend: null },
            size: { field: "closest", type: "ordinal" as const, sort: ["no", "yes"], scale: { domain: ["no", "yes"], range: [30, 110] }, legend: null },
          },
        },
      ],
    };
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: narrow ? chartConfig(fontSize) : vegaConfig,
    data: { values: rows.map((r) => ({ ...r })) },
    vconcat: narrow ? [panel("points", "Less the report, points"), panel("rate", "Less the report, per 10,000")] : [panel("points", "Combination − report, percentage points"), panel("rate", "Combination − report, per 10,000 children")],
    resolve: { scale: { color: "shared", size: "shared" } },
  } as TopLevelSpec;
}

/** Room Vega keeps between a row name and the plot, and at the chart's edges for the end ticks' labels (half as much again on a phone, where they are larger for the plot). */
const SEARCH_LABEL_PADDING = 40;
