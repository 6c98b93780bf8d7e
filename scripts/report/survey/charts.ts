/**
 * Chart specs for the survey family: the scoring-survey statements as a diverging
 * (Likert-style) bar chart, and the workforce exhaustion levels as one stacked bar.
 * Builders take the plotted rows and return a Vega-Lite spec with the rows inlined.
 */
import type { TopLevelSpec } from "vega-lite";
import { measureText } from "../../engine/render/text-metrics.ts";
import { CHART_FONT_SIZE, NARROW_CHART_FONT_SIZE } from "../../engine/theme/palette.ts";
import { wrapToWidth } from "../../engine/charts/narrow.ts";
import { chartConfig, CHART_WIDTH, INK, MUTED_INK, NEUTRAL_MARK, PAPER, VEGA_LITE_SCHEMA, vegaConfig } from "../../engine/charts/theme.ts";
import { LIGHT } from "../shared/theme.ts";

/**
 * Survey answers (the Likert chart): blue for agreement, red for disagreement, grey for
 * the rest. Every fill has at least 4.5:1 contrast on white (agree 5.9, disagree 6.9,
 * neither 4.6), so white value labels on them stay readable; the rest whose split the
 * report does not publish is drawn hollow with a dashed outline, so it is told apart by
 * shape as well as colour, and every segment carries its value as text.
 */
export const SURVEY_COLOURS = {
  agree: LIGHT["grade-good"],
  disagree: LIGHT["grade-inadequate"],
  neither: NEUTRAL_MARK,
  /** Fill of the hollow "not published" segment; its outline is SURVEY_UNSPLIT_STROKE. */
  unsplit: PAPER,
} as const;
export const SURVEY_UNSPLIT_STROKE = MUTED_INK;
export const SURVEY_UNSPLIT_DASH = [4, 3];

/** Emotional exhaustion levels: both ≥ 4.5:1 on white (high 6.9, moderate 4.5), and labelled in the bar. */
export const EXHAUSTION_COLOURS = {
  high: LIGHT["grade-inadequate"],
  moderate: LIGHT["warm-mark"],
} as const;


/** Where a segment sits: either side of zero, or in the right-hand panel of what is left. */
export type LikertSide = "agree" | "disagree" | "neither" | "unsplit";
export const LIKERT_SIDES: readonly LikertSide[] = ["agree", "disagree", "neither", "unsplit"];

export const LIKERT_LABELS: Readonly<Record<LikertSide, string>> = {
  agree: "Agree or strongly agree",
  disagree: "Disagree or strongly disagree",
  neither: "Neither, or no answer",
  unsplit: "Rest, split not published",
};

/** A type alias, not an interface, so rows fit the figures' plain-record row type. */
export type LikertRow = {
  /** The statement's short label, shown on the axis. */
  readonly statement: string;
  /** One of LIKERT_LABELS. */
  readonly response: string;
  readonly side: LikertSide;
  /** Share of respondents, 0–100. */
  readonly percent: number;
  /** The value as drawn on the bar: "65.3%", "about 44%". */
  readonly shown: string;
};

const STEP = 38;

/** The Likert chart's proportions: the wide one, and the narrow one for phones (labels wrapped shorter, panels narrower). */
export interface LikertLayout {
  readonly labelWrap: number;
  readonly diverging: number;
  readonly remainder: number;
  readonly legendColumns: number;
  /** Percentage points between ticks on the diverging axis. */
  readonly tickStep: number;
  /** Height of a statement's row: its wrapped label's lines fit in it. */
  readonly step: number;
  /** Gap between the two panels, px. */
  readonly spacing: number;
  /** The rendering's text size, px. */
  readonly fontSize: number;
}
/** Fills the figure's column at 1280 px (CHART_WIDTH): the statements' labels, then the two panels. */
export const LIKERT_WIDE: LikertLayout = { labelWrap: 30, diverging: 470, remainder: 130, legendColumns: 2, tickStep: 10, step: 60, spacing: 20, fontSize: CHART_FONT_SIZE };
/** Fits a 328 px column: statements wrapped short, panels narrow, each axis title on two lines within its panel. */
export const LIKERT_NARROW: LikertLayout = { labelWrap: 14, diverging: 122, remainder: 56, legendColumns: 1, tickStep: 40, step: 80, spacing: 12, fontSize: NARROW_CHART_FONT_SIZE };

/** Room left between a value label and each end of its segment, px. */
const SEGMENT_LABEL_PAD = 3;
const segmentLabel = (fontSize: number) => ({ fontSize, fontWeight: "bold" }) as const;
const SEGMENT_LABEL = segmentLabel(CHART_FONT_SIZE);

/**
 * The agree and disagree segments whose value, as measured in the font, fits inside the
 * segment at this panel width. A value that does not fit is left off the bar rather than
 * written beside it: left of a disagree bar are the statements and right of an agree bar
 * the next panel, so outside there is no room that is not someone else's. The value stays
 * in the figure's data table and description.
 */
export function segmentsWithRoom(rows: readonly LikertRow[], pxPerPoint: number, fontSize: number = CHART_FONT_SIZE): LikertRow[] {
  return rows.filter((r) => (r.side === "agree" || r.side === "disagree") && measureText(segmentLabel(fontSize), r.shown) + 2 * SEGMENT_LABEL_PAD <= r.percent * pxPerPoint);
}

/**
 * Break a label into lines of at most `width` characters at spaces (a longer word keeps
 * its own line). Axis labels are measured by an estimate when rendering without a
 * browser, so one long line would reserve far more room than it needs; two or three
 * short lines keep the chart compact, and nothing is cut off.
 */
export function wrapLabel(label: string, width = 32): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter((w) => w !== "")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A Vega expression giving each statement's wrapped lines (an array of strings draws as several lines). */
export function wrappedLabelExpr(labels: readonly string[], width = 32): string {
  return labels.reduceRight((otherwise, label) => `datum.value === ${JSON.stringify(label)} ? ${JSON.stringify(wrapLabel(label, width))} : ${otherwise}`, "datum.label");
}

/** The statements in the order the rows give them (the figure sorts them by agreement). */
const statementOrder = (rows: readonly LikertRow[]) => [...new Set(rows.map((r) => r.statement))];

const colourScale = {
  domain: LIKERT_SIDES.map((s) => LIKERT_LABELS[s]),
  range: [SURVEY_COLOURS.agree, SURVEY_COLOURS.disagree, SURVEY_COLOURS.neither, SURVEY_COLOURS.unsplit],
};

/**
 * Diverging bars: disagreement to the left of zero, agreement to the right, one row
 * per statement in the order of the rows; a second panel on the right shows what is
 * left of 100% (neither/no answer, or a hollow dashed bar where the report does not
 * split it). Every segment is labelled with its value.
 */
export function likertSpec(rows: readonly LikertRow[], layout: LikertLayout = LIKERT_WIDE): TopLevelSpec {
  const order = statementOrder(rows);
  const maxOf = (sides: LikertSide[]) => Math.max(0, ...rows.filter((r) => sides.includes(r.side)).map((r) => r.percent));
  const left = Math.max(10, Math.ceil(maxOf(["disagree"]) / 10) * 10);
  const right = Math.max(10, Math.ceil(maxOf(["agree"]) / 10) * 10);
  // Room to the right of the longest remainder bar for its label.
  const rest = Math.max(10, Math.ceil((maxOf(["neither", "unsplit"]) + 15) / 10) * 10);
  const y = { field: "statement", type: "nominal" as const, sort: order, title: null };
  const segments = rows.filter((r) => r.side === "agree" || r.side === "disagree");
  const labelled = segmentsWithRoom(rows, layout.diverging / (left + right), layout.fontSize);
  const labelFilter = labelled.length === segments.length ? [] : [{ filter: `indexof(${JSON.stringify(labelled.map((r) => `${r.statement}|${r.side}`))}, datum.statement + '|' + datum.side) >= 0` }];
  // An axis title wider than its panel would widen the chart: it wraps to the panel.
  const title = (text: string, width: number) => {
    const lines = wrapToWidth(text, width, layout.fontSize);
    return lines.length === 1 ? text : lines;
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: chartConfig(layout.fontSize),
    data: { values: rows.map((r) => ({ ...r })) },
    hconcat: [
      {
        width: layout.diverging,
        height: { step: layout.step },
        transform: [
          { filter: { field: "side", oneOf: ["agree", "disagree"] } },
          { calculate: "datum.side === 'disagree' ? -datum.percent : 0", as: "start" },
          { calculate: "datum.side === 'disagree' ? 0 : datum.percent", as: "end" },
          { calculate: "(datum.start + datum.end) / 2", as: "middle" },
        ],
        encoding: { y: { ...y, axis: { labelExpr: wrappedLabelExpr(order, layout.labelWrap), labelLimit: 0, labelColor: INK, labelLineHeight: layout.fontSize + 2, domain: false, ticks: false, labelPadding: 8 } } },
        layer: [
          {
            mark: { type: "bar" },
            encoding: {
              x: {
                field: "start",
                type: "quantitative",
                scale: { domain: [-left, right] },
                axis: { labelExpr: "abs(datum.value) + '%'", tickCount: (left + right) / layout.tickStep, grid: false },
                title: title("Disagree (left), agree (right), %", layout.diverging),
              },
              x2: { field: "end" },
              color: {
                field: "response",
                type: "nominal",
                scale: colourScale,
                legend: { title: null, columns: layout.legendColumns, labelLimit: 0, symbolType: "square", symbolStrokeColor: SURVEY_UNSPLIT_STROKE, symbolStrokeWidth: 1 },
              },
            },
          },
          {
            mark: { type: "text", color: PAPER, ...segmentLabel(layout.fontSize) },
            transform: labelFilter,
            encoding: { x: { field: "middle", type: "quantitative" }, text: { field: "shown", type: "nominal" } },
          },
          { mark: { type: "rule", color: INK, strokeWidth: 1.5 }, encoding: { x: { datum: 0, type: "quantitative" } } },
        ],
      },
      {
        width: layout.remainder,
        height: { step: layout.step },
        transform: [{ filter: { field: "side", oneOf: ["neither", "unsplit"] } }],
        encoding: { y: { ...y, axis: null } },
        layer: [
          {
            mark: { type: "bar", stroke: SURVEY_UNSPLIT_STROKE, strokeWidth: 1.5 },
            encoding: {
              x: { field: "percent", type: "quantitative", scale: { domain: [0, rest] }, axis: { labelExpr: "datum.value + '%'", tickCount: rest / 10, grid: false }, title: title("Rest of respondents, %", layout.remainder) },
              color: { field: "response", type: "nominal", scale: colourScale },
              strokeDash: {
                field: "response",
                type: "nominal",
                scale: { domain: [LIKERT_LABELS.neither, LIKERT_LABELS.unsplit], range: [[1, 0], SURVEY_UNSPLIT_DASH] },
                legend: null,
              },
            },
          },
          {
            mark: { type: "text", align: "left", dx: 4, color: INK },
            encoding: { x: { field: "percent", type: "quantitative" }, text: { field: "shown", type: "nominal" } },
          },
        ],
      },
    ],
    spacing: layout.spacing,
    resolve: { scale: { color: "shared", x: "independent" } },
  };
}

export type ExhaustionRow = {
  /** "High", "Moderate", or the published total. */
  readonly level: string;
  /** `part` rows are stacked; the `total` row is drawn as a marker at its value. */
  readonly kind: "part" | "total";
  /** Stacking order of the parts, 1 first (leftmost). */
  readonly order: number;
  readonly percent: number;
  readonly shown: string;
};

const EXHAUSTION_HEIGHT = 76;
/** The bar starts this far down, leaving a band above it for the total's label. */
const BAR_TOP = 26;

/** One stacked bar of the exhaustion levels on a 0–100 scale, with the printed total marked above it. */
/**
 * What each part's segment says at a plot width: its level and value where they fit in it,
 * else the value alone (the legend then names the levels), else nothing (the value is in
 * the data table).
 */
export function exhaustionSegmentLabels(rows: readonly ExhaustionRow[], plotWidth: number): Record<string, string> {
  const fits = (text: string, percent: number) => measureText(SEGMENT_LABEL, text) + 2 * SEGMENT_LABEL_PAD <= (percent / 100) * plotWidth;
  return Object.fromEntries(
    rows
      .filter((r) => r.kind === "part")
      .map((r) => {
        const value = r.shown.startsWith(`${r.level} `) ? r.shown.slice(r.level.length + 1) : r.shown;
        return [r.level, fits(r.shown, r.percent) ? r.shown : fits(value, r.percent) ? value : ""];
      }),
  );
}

/** `plotWidth`: the width the bar is drawn at (the narrow rendering fits the chart to the column, leaving about this much). */
export function exhaustionSpec(rows: readonly ExhaustionRow[], plotWidth: number = CHART_WIDTH): TopLevelSpec {
  const parts = rows.filter((r) => r.kind === "part").map((r) => r.level);
  const colours = [EXHAUSTION_COLOURS.high, EXHAUSTION_COLOURS.moderate];
  if (parts.length > colours.length) throw new Error(`the exhaustion chart has colours for ${colours.length} levels, not ${parts.length}`);
  const labels = exhaustionSegmentLabels(rows, plotWidth);
  const levelsNamed = rows.every((r) => r.kind !== "part" || labels[r.level] === r.shown);
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH,
    height: EXHAUSTION_HEIGHT,
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      {
        transform: [
          { filter: { field: "kind", equal: "part" } },
          { stack: "percent", groupby: [], sort: [{ field: "order", order: "ascending" }], as: ["x0", "x1"] },
          { calculate: "(datum.x0 + datum.x1) / 2", as: "middle" },
          { calculate: `${JSON.stringify(labels)}[datum.level]`, as: "segmentLabel" },
        ],
        layer: [
          {
            mark: { type: "bar" },
            encoding: {
              y: { value: BAR_TOP },
              y2: { value: EXHAUSTION_HEIGHT },
              x: { field: "x0", type: "quantitative", scale: { domain: [0, 100] }, axis: { labelExpr: "datum.value + '%'", grid: false }, title: "Share of social workers" },
              x2: { field: "x1" },
              color: { field: "level", type: "nominal", scale: { domain: parts, range: colours.slice(0, parts.length) }, legend: levelsNamed ? null : { title: null, orient: "bottom" } },
            },
          },
          {
            mark: { type: "text", color: PAPER, fontWeight: SEGMENT_LABEL.fontWeight, fontSize: SEGMENT_LABEL.fontSize },
            encoding: { x: { field: "middle", type: "quantitative" }, y: { value: (BAR_TOP + EXHAUSTION_HEIGHT) / 2 }, text: { field: "segmentLabel", type: "nominal" } },
          },
        ],
      },
      {
        transform: [{ filter: { field: "kind", equal: "total" } }],
        layer: [
          {
            mark: { type: "rule", color: INK, strokeWidth: 2 },
            encoding: { x: { field: "percent", type: "quantitative" }, y: { value: 0 }, y2: { value: EXHAUSTION_HEIGHT } },
          },
          {
            mark: { type: "text", align: "right", baseline: "middle", dx: -6, color: INK },
            encoding: { x: { field: "percent", type: "quantitative" }, y: { value: BAR_TOP / 2 }, text: { field: "shown", type: "nominal" } },
          },
        ],
      },
    ],
  };
}
