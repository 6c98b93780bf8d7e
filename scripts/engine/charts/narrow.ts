/**
 * The narrow rendering of a chart, for phones: the same marks and data as the wide spec,
 * laid out for a column about 330 CSS px wide and drawn at that size, so its text shows at
 * the size it is set in (NARROW_CHART_FONT_SIZE) instead of being shrunk with the whole wide chart.
 *
 * Made from the wide spec by rules that hold for every figure of the report:
 *   - every text size the spec sets is scaled from the wide chart's to the narrow one's;
 *   - a single or layered view is fitted to NARROW_WIDTH as a whole (Vega's autosize
 *     "fit-x" takes the axis labels, measured with the real font, out of the plot width);
 *   - panels side by side (a column facet) are stacked (a row facet), each as wide as
 *     the column less its axis labels;
 *   - legends stack their entries in one column;
 *   - long category labels and axis titles wrap onto lines that fit, by the font's metrics;
 *   - the x axis asks for fewer ticks.
 * A figure whose chart needs more than this supplies its own narrow spec
 * (FigureDefinition.narrowSpec).
 */
import type { TopLevelSpec } from "vega-lite";
import { measureText } from "../render/text-metrics.ts";
import { CHART_FONT_SIZE, NARROW_CHART_FONT_SIZE } from "../theme/palette.ts";
import { AXIS_GUTTER, fieldValues, hasRowsByStep, isObject, labelExtent, MULTI_LINE_LABELS, positionChannel, roomForValueLabels, splitLines, visit, type Json } from "./fit.ts";

/** Total width of a narrow chart in CSS px: a 360 px phone's text column (360 less 2 × 16 px of margin). */
export const NARROW_WIDTH = 328;
/** Widest a category label may be before it wraps, and an axis title. */
export const NARROW_LABEL_WIDTH = 120;
export const NARROW_TITLE_WIDTH = 240;
/** Widest a legend entry's label or a panel heading may be before it wraps: both start at the plot's left edge, beside the axis labels. */
export const NARROW_LEGEND_WIDTH = 180;
/** The narrow rendering's text, drawn at the size a phone shows it. */
const SIZE = NARROW_CHART_FONT_SIZE;

const yChannel = (view: Json) => positionChannel(view, "y");

/** Greedy line breaking at spaces so each line measures at most `maxWidth` px (a longer word keeps its own line). */
export function wrapToWidth(text: string, maxWidth: number, fontSize: number = CHART_FONT_SIZE, fontWeight?: string | number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && measureText({ fontSize, fontWeight }, `${last} ${word}`) <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A Vega expression giving each long label its lines and every other label itself. */
function wrappedLabels(labels: readonly string[], maxWidth: number, fontSize: number = SIZE, fontWeight?: string | number): string | undefined {
  const wrapped = labels.map((label) => [label, wrapToWidth(label, maxWidth, fontSize, fontWeight)] as const).filter(([, lines]) => lines.length > 1);
  if (wrapped.length === 0) return undefined;
  return wrapped.reduceRight((otherwise, [label, lines]) => `datum.value === ${JSON.stringify(label)} ? ${JSON.stringify(lines)} : ${otherwise}`, "datum.label");
}

/** Adapt the encodings and legends in place: wrapped labels and titles, one-column legends. */
function adaptEncodings(spec: Json, rows: readonly Json[]): void {
  visit(spec, (object, key) => {
    if (key === "legend" && typeof object.columns === "number") object.columns = 1;
    if (key !== "encoding") return;
    for (const channel of Object.values(object)) {
      // A long legend entry would make the chart wider than the column: its label wraps.
      if (!isObject(channel) || !isObject(channel.legend) || channel.legend.labelExpr !== undefined) continue;
      const size = typeof channel.legend.labelFontSize === "number" ? channel.legend.labelFontSize : SIZE;
      const expr = wrappedLabels(fieldValues(channel, rows), NARROW_LEGEND_WIDTH, size);
      if (expr) channel.legend = { ...channel.legend, labelExpr: expr };
    }
    for (const [channelName, channel] of Object.entries(object)) {
      if (!isObject(channel) || (channelName !== "x" && channelName !== "y")) continue;
      if (typeof channel.title === "string" && measureText({ fontSize: SIZE }, channel.title) > NARROW_TITLE_WIDTH) {
        channel.title = wrapToWidth(channel.title, NARROW_TITLE_WIDTH, SIZE);
      }
      if (channelName === "x" && (channel.type === "nominal" || channel.type === "ordinal") && channel.axis !== null) {
        // Categories along the bottom that cannot stand side by side at this width are turned, written on one line
        // (a label the spec breaks into lines is measured by its longest word, the least it can take).
        const axis = isObject(channel.axis) ? channel.axis : {};
        const values = fieldValues(channel, rows);
        const pieces = (value: string) => (axis.labelExpr === undefined ? [value] : value.split(/\s+/));
        const widest = Math.max(0, ...values.flatMap(pieces).map((piece) => measureText({ fontSize: SIZE }, piece)));
        if (values.length * (widest + 6) > NARROW_WIDTH - 60) {
          const { labelExpr: _lines, labelLineHeight: _height, ...rest } = axis;
          channel.axis = { ...rest, labelAngle: -45, labelAlign: "right" };
        }
      }
      if (channelName === "y" && (channel.type === "nominal" || channel.type === "ordinal") && channel.axis !== null) {
        const axis = isObject(channel.axis) ? channel.axis : {};
        if (axis.labelExpr === undefined) {
          const expr = wrappedLabels(fieldValues(channel, rows), NARROW_LABEL_WIDTH);
          if (expr) channel.axis = { ...axis, labelExpr: expr, labelLineHeight: SIZE + 2 };
        }
      }
    }
  });
}

/** Rows (a height by step) tall enough for their labels' wrapped lines, which would otherwise run into the next row's. */
function rowsFitLabels(view: Json, y: Json, rows: readonly Json[]): void {
  const axis = isObject(y.axis) ? y.axis : {};
  if (!isObject(view.height) || typeof view.height.step !== "number" || axis.labelExpr === undefined) return;
  const lineHeight = typeof axis.labelLineHeight === "number" ? axis.labelLineHeight : SIZE + 2;
  const lineCount = (label: string) => (axis.labelExpr === MULTI_LINE_LABELS.labelExpr ? splitLines(label).length : wrapToWidth(label, NARROW_LABEL_WIDTH, SIZE).length);
  const lines = Math.max(1, ...fieldValues(y, rows).map(lineCount));
  view.height = { step: Math.max(view.height.step, lines * lineHeight + 4) };
}

/** A category label's lines in the narrow rendering. */
const wrapLabel = (label: string, size: number) => wrapToWidth(label, NARROW_LABEL_WIDTH, size);

/** Every size of text the spec sets (its config's and its marks' own), and their line heights, from the wide chart's to the narrow one's. */
const TEXT_SIZE_KEYS = new Set(["fontSize", "labelFontSize", "titleFontSize", "lineHeight", "labelLineHeight", "titleLineHeight"]);
function scaleText(spec: Json): void {
  visit(spec, (object) => {
    for (const [key, value] of Object.entries(object)) if (TEXT_SIZE_KEYS.has(key) && typeof value === "number") object[key] = Math.round(value * SIZE * 10 / CHART_FONT_SIZE) / 10;
  });
}

export function narrowSpec(wide: TopLevelSpec): TopLevelSpec {
  const spec = structuredClone(wide) as unknown as Json;
  scaleText(spec);
  const rows = (isObject(spec.data) && Array.isArray(spec.data.values) ? spec.data.values : []) as Json[];
  const config = isObject(spec.config) ? spec.config : {};
  const axisX = isObject(config.axisX) ? config.axisX : {};
  spec.config = { ...config, axisX: { ...axisX, tickCount: 4 }, legend: { ...(isObject(config.legend) ? config.legend : {}), columns: 1 } };
  adaptEncodings(spec, rows);

  if (isObject(spec.facet) && isObject(spec.facet.row) && isObject(spec.facet.column)) {
    throw new Error("a grid of panels (row and column facets) needs its own narrow spec (FigureDefinition.narrowSpec)");
  }
  if (isObject(spec.facet) && isObject(spec.facet.column) && isObject(spec.spec)) {
    const column = spec.facet.column;
    const header = isObject(column.header) ? column.header : {};
    spec.facet = { ...spec.facet, row: { ...column, header: { ...header, labelAngle: 0, labelOrient: "top", labelAnchor: "start", labelAlign: "left" } } };
    delete (spec.facet as Json).column;
  }
  if (isObject(spec.facet) && isObject(spec.facet.row)) {
    // Panel headings above each panel wrap to the column.
    const row = spec.facet.row;
    const header = isObject(row.header) ? row.header : {};
    const weight = typeof header.labelFontWeight === "string" || typeof header.labelFontWeight === "number" ? header.labelFontWeight : undefined;
    const size = typeof header.labelFontSize === "number" ? header.labelFontSize : SIZE;
    const expr = header.labelExpr === undefined ? wrappedLabels(fieldValues(row, rows), NARROW_LEGEND_WIDTH, size, weight) : undefined;
    if (expr) row.header = { ...header, labelExpr: expr, labelLineHeight: size + 3 };
  }
  if (isObject(spec.spec)) {
    // A facet's panels: each as wide as the column less its own axis labels.
    const inner = spec.spec;
    const y = yChannel(inner);
    if (y) rowsFitLabels(inner, y, rows);
    if (typeof inner.width === "number") inner.width = Math.round(NARROW_WIDTH - (y ? labelExtent(y, rows, SIZE, wrapLabel) : 3 * SIZE) - AXIS_GUTTER - roomForValueLabels(inner, SIZE));
    return spec as unknown as TopLevelSpec;
  }
  if (spec.hconcat !== undefined || spec.vconcat !== undefined || spec.concat !== undefined) {
    throw new Error("a concatenated chart needs its own narrow spec (FigureDefinition.narrowSpec)");
  }
  const y = yChannel(spec);
  if (y && hasRowsByStep(spec)) {
    // Rows of bars (a height by step), which Vega cannot fit: the plot is the column less the labels.
    const width = Math.round(NARROW_WIDTH - labelExtent(y, rows, SIZE, wrapLabel) - AXIS_GUTTER - roomForValueLabels(spec, SIZE));
    spec.width = width;
    rowsFitLabels(spec, y, rows);
    // The x axis title is centred under the plot: one wider than the plot would widen the chart.
    // (A title already wrapped to the column's title width is wrapped again to the plot's, in every layer alike, or Vega-Lite would draw each layer's.)
    visit(spec, (object, key) => {
      const x = key === "encoding" && isObject(object.x) ? object.x : undefined;
      const title = Array.isArray(x?.title) ? x.title.join(" ") : x?.title;
      if (x && typeof title === "string" && measureText({ fontSize: SIZE }, title) > width) x.title = wrapToWidth(title, width, SIZE);
    });
    return spec as unknown as TopLevelSpec;
  }
  // A spec that sizes itself for the column says so with its own autosize.
  if (spec.autosize !== undefined) return spec as unknown as TopLevelSpec;
  // One view or a layer: the whole chart, labels and legend included, fitted to the column.
  spec.width = NARROW_WIDTH;
  spec.autosize = { type: "fit-x", contains: "padding" };
  return spec as unknown as TopLevelSpec;
}
