/**
 * The narrow rendering of a chart, for phones: the same marks and data as the wide spec,
 * laid out for a column about 330 CSS px wide and drawn at that size, so its 12 px text
 * shows at about 12 px instead of being shrunk by half with the whole wide chart.
 *
 * Made from the wide spec by rules that hold for every figure of the report:
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
import { CHART_FONT_SIZE } from "../theme/palette.ts";

/** Total width of a narrow chart in CSS px: a 360 px phone's text column (360 less 2 × 16 px of margin). */
export const NARROW_WIDTH = 328;
/** Widest a category label may be before it wraps, and an axis title. */
export const NARROW_LABEL_WIDTH = 120;
export const NARROW_TITLE_WIDTH = 240;
/** Widest a legend entry's label or a panel heading may be before it wraps: both start at the plot's left edge, beside the axis labels. */
export const NARROW_LEGEND_WIDTH = 180;
/** Room for an axis's ticks, padding and the chart's own padding beside its labels. */
const AXIS_GUTTER = 24;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Greedy line breaking at spaces so each line measures at most `maxWidth` px (a longer word keeps its own line). */
export function wrapToWidth(text: string, maxWidth: number, fontSize = CHART_FONT_SIZE, fontWeight?: string | number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && measureText({ fontSize, fontWeight }, `${last} ${word}`) <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A Vega expression giving each long label its lines and every other label itself. */
function wrappedLabels(labels: readonly string[], maxWidth: number, fontSize = CHART_FONT_SIZE, fontWeight?: string | number): string | undefined {
  const wrapped = labels.map((label) => [label, wrapToWidth(label, maxWidth, fontSize, fontWeight)] as const).filter(([, lines]) => lines.length > 1);
  if (wrapped.length === 0) return undefined;
  return wrapped.reduceRight((otherwise, [label, lines]) => `datum.value === ${JSON.stringify(label)} ? ${JSON.stringify(lines)} : ${otherwise}`, "datum.label");
}

/** The values a categorical field takes: its explicit sort order, else the rows' values. */
function fieldValues(channel: Json, rows: readonly Json[]): string[] {
  if (Array.isArray(channel.sort)) return channel.sort.map(String);
  const field = channel.field;
  return typeof field === "string" ? [...new Set(rows.map((row) => row[field]).filter((v) => v !== undefined).map(String))] : [];
}

/** Widest label of a y channel as drawn (after wrapping), for sizing a panel beside it. */
function labelExtent(channel: Json, rows: readonly Json[]): number {
  if (channel.type !== "nominal" && channel.type !== "ordinal") return 40;
  const axis = isObject(channel.axis) ? channel.axis : {};
  if (channel.axis === null) return 0;
  const size = typeof axis.labelFontSize === "number" ? axis.labelFontSize : CHART_FONT_SIZE;
  return Math.max(0, ...fieldValues(channel, rows).flatMap((label) => wrapToWidth(label, NARROW_LABEL_WIDTH, size)).map((line) => measureText({ fontSize: size }, line)));
}

/** Visit every object in the spec (depth first), with the key it sits under. */
function visit(node: unknown, fn: (object: Json, key: string) => void, key = ""): void {
  if (Array.isArray(node)) node.forEach((item) => visit(item, fn, key));
  else if (isObject(node)) {
    fn(node, key);
    for (const [childKey, child] of Object.entries(node)) visit(child, fn, childKey);
  }
}

/** Adapt the encodings and legends in place: wrapped labels and titles, one-column legends. */
function adaptEncodings(spec: Json, rows: readonly Json[]): void {
  visit(spec, (object, key) => {
    if (key === "legend" && typeof object.columns === "number") object.columns = 1;
    if (key !== "encoding") return;
    for (const channel of Object.values(object)) {
      // A long legend entry would make the chart wider than the column: its label wraps.
      if (!isObject(channel) || !isObject(channel.legend) || channel.legend.labelExpr !== undefined) continue;
      const size = typeof channel.legend.labelFontSize === "number" ? channel.legend.labelFontSize : CHART_FONT_SIZE;
      const expr = wrappedLabels(fieldValues(channel, rows), NARROW_LEGEND_WIDTH, size);
      if (expr) channel.legend = { ...channel.legend, labelExpr: expr };
    }
    for (const [channelName, channel] of Object.entries(object)) {
      if (!isObject(channel) || (channelName !== "x" && channelName !== "y")) continue;
      if (typeof channel.title === "string" && measureText({ fontSize: CHART_FONT_SIZE }, channel.title) > NARROW_TITLE_WIDTH) {
        channel.title = wrapToWidth(channel.title, NARROW_TITLE_WIDTH);
      }
      if (channelName === "x" && (channel.type === "nominal" || channel.type === "ordinal") && channel.axis !== null) {
        // Categories along the bottom that cannot stand side by side at this width are turned.
        const axis = isObject(channel.axis) ? channel.axis : {};
        const values = fieldValues(channel, rows);
        const widest = Math.max(0, ...values.map((value) => measureText({ fontSize: CHART_FONT_SIZE }, value)));
        if (axis.labelExpr === undefined && values.length * (widest + 6) > NARROW_WIDTH - 60) channel.axis = { ...axis, labelAngle: -45, labelAlign: "right" };
      }
      if (channelName === "y" && (channel.type === "nominal" || channel.type === "ordinal") && channel.axis !== null) {
        const axis = isObject(channel.axis) ? channel.axis : {};
        if (axis.labelExpr === undefined) {
          const expr = wrappedLabels(fieldValues(channel, rows), NARROW_LABEL_WIDTH);
          if (expr) channel.axis = { ...axis, labelExpr: expr, labelLineHeight: CHART_FONT_SIZE + 2 };
        }
      }
    }
  });
}

/** The x or y channel that labels a view: its own, else its first layer's that has one. */
function positionChannel(view: Json, name: "x" | "y"): Json | undefined {
  const own = isObject(view.encoding) && isObject(view.encoding[name]) ? view.encoding[name] : undefined;
  if (own) return own;
  for (const layer of Array.isArray(view.layer) ? view.layer : []) {
    const found = isObject(layer) ? positionChannel(layer, name) : undefined;
    if (found) return found;
  }
  return undefined;
}
const yChannel = (view: Json) => positionChannel(view, "y");

/**
 * Room kept right of the plot for values written past the ends of the bars (a text layer
 * aligned left): the longest bar can reach the plot's right edge, its value beyond it.
 */
const VALUE_LABEL_ROOM = 30;
function roomForValueLabels(view: Json): number {
  const layers = Array.isArray(view.layer) ? view.layer.filter(isObject) : [];
  return layers.some((layer) => isObject(layer.mark) && layer.mark.type === "text" && layer.mark.align === "left") ? VALUE_LABEL_ROOM : 0;
}

/** Rows (a height by step) tall enough for their labels' wrapped lines, which would otherwise run into the next row's. */
function rowsFitLabels(view: Json, y: Json, rows: readonly Json[]): void {
  const axis = isObject(y.axis) ? y.axis : {};
  if (!isObject(view.height) || typeof view.height.step !== "number" || axis.labelExpr === undefined) return;
  const lineHeight = typeof axis.labelLineHeight === "number" ? axis.labelLineHeight : CHART_FONT_SIZE + 2;
  const lines = Math.max(1, ...fieldValues(y, rows).map((label) => wrapToWidth(label, NARROW_LABEL_WIDTH).length));
  view.height = { step: Math.max(view.height.step, lines * lineHeight + 4) };
}

export function narrowSpec(wide: TopLevelSpec): TopLevelSpec {
  const spec = structuredClone(wide) as unknown as Json;
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
    const size = typeof header.labelFontSize === "number" ? header.labelFontSize : CHART_FONT_SIZE;
    const expr = header.labelExpr === undefined ? wrappedLabels(fieldValues(row, rows), NARROW_LEGEND_WIDTH, size, weight) : undefined;
    if (expr) row.header = { ...header, labelExpr: expr, labelLineHeight: size + 3 };
  }
  if (isObject(spec.spec)) {
    // A facet's panels: each as wide as the column less its own axis labels.
    const inner = spec.spec;
    const y = yChannel(inner);
    if (y) rowsFitLabels(inner, y, rows);
    if (typeof inner.width === "number") inner.width = Math.round(NARROW_WIDTH - (y ? labelExtent(y, rows) : 40) - AXIS_GUTTER - roomForValueLabels(inner));
    return spec as unknown as TopLevelSpec;
  }
  if (spec.hconcat !== undefined || spec.vconcat !== undefined || spec.concat !== undefined) {
    throw new Error("a concatenated chart needs its own narrow spec (FigureDefinition.narrowSpec)");
  }
  const y = yChannel(spec);
  const discreteY = y !== undefined && (y.type === "nominal" || y.type === "ordinal");
  if (y && ((isObject(spec.height) && "step" in spec.height) || (spec.height === undefined && discreteY))) {
    // Rows of bars (a height by step), which Vega cannot fit: the plot is the column less the labels.
    const width = Math.round(NARROW_WIDTH - labelExtent(y, rows) - AXIS_GUTTER - roomForValueLabels(spec));
    spec.width = width;
    rowsFitLabels(spec, y, rows);
    // The x axis title is centred under the plot: one wider than the plot would widen the chart.
    const x = positionChannel(spec, "x");
    if (x && typeof x.title === "string" && measureText({ fontSize: CHART_FONT_SIZE }, x.title) > width) x.title = wrapToWidth(x.title, width);
    return spec as unknown as TopLevelSpec;
  }
  // One view or a layer: the whole chart, labels and legend included, fitted to the column.
  spec.width = NARROW_WIDTH;
  spec.autosize = { type: "fit-x", contains: "padding" };
  return spec as unknown as TopLevelSpec;
}
