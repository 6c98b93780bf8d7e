/**
 * What the wide and the narrow rendering share in fitting a spec to a width: reading its
 * channels and the labels they draw, measured with the font's own metrics
 * (scripts/engine/render/text-metrics.ts), and the room an axis and its labels take.
 */
import { measureText } from "../render/text-metrics.ts";

export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Room for an axis's ticks, padding and the chart's own padding beside its labels. */
export const AXIS_GUTTER = 24;

/** The values a categorical field takes: its explicit sort order, else the rows' values. */
export function fieldValues(channel: Json, rows: readonly Json[]): string[] {
  if (Array.isArray(channel.sort)) return channel.sort.map(String);
  const field = channel.field;
  return typeof field === "string" ? [...new Set(rows.map((row) => row[field]).filter((v) => v !== undefined).map(String))] : [];
}

/**
 * Widest label of a y channel as drawn, for sizing a plot beside it: `lines` gives a label's
 * lines (wrapped, or the label whole) at the axis's font size.
 */
/** Category labels of several lines: each value holds its lines joined by "|", and the axis draws them one under another. */
export const MULTI_LINE_LABELS = { labelExpr: "split(datum.value, '|')" } as const;

/** The lines of a label written for MULTI_LINE_LABELS. */
export const splitLines = (label: string): string[] => label.split("|");

export function labelExtent(channel: Json, rows: readonly Json[], fontSize: number, lines?: (label: string, size: number) => string[]): number {
  // A quantitative axis: its numbers and its title beside them, about three characters' height.
  if (channel.type !== "nominal" && channel.type !== "ordinal") return 3 * fontSize;
  const axis = isObject(channel.axis) ? channel.axis : {};
  if (channel.axis === null) return 0;
  // Labels the spec breaks into lines are drawn as broken (never wrapped further): as wide as their widest line.
  if (axis.labelExpr === MULTI_LINE_LABELS.labelExpr) lines = splitLines;
  lines ??= (label) => [label];
  const size = typeof axis.labelFontSize === "number" ? axis.labelFontSize : fontSize;
  return Math.max(0, ...fieldValues(channel, rows).flatMap((label) => lines(label, size)).map((line) => measureText({ fontSize: size }, line)));
}

/** Visit every object in the spec (depth first), with the key it sits under. */
export function visit(node: unknown, fn: (object: Json, key: string) => void, key = ""): void {
  if (Array.isArray(node)) node.forEach((item) => visit(item, fn, key));
  else if (isObject(node)) {
    fn(node, key);
    for (const [childKey, child] of Object.entries(node)) visit(child, fn, childKey);
  }
}

/** The x or y channel that labels a view: its own, else its first layer's that has one. */
export function positionChannel(view: Json, name: "x" | "y"): Json | undefined {
  const own = isObject(view.encoding) && isObject(view.encoding[name]) ? view.encoding[name] : undefined;
  if (own) return own;
  for (const layer of Array.isArray(view.layer) ? view.layer : []) {
    const found = isObject(layer) ? positionChannel(layer, name) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * Room kept right of the plot for values written past the ends of the bars (a text layer
 * aligned left): the longest bar can reach the plot's right edge, its value beyond it.
 */
export function roomForValueLabels(view: Json, fontSize: number): number {
  const layers = Array.isArray(view.layer) ? view.layer.filter(isObject) : [];
  return layers.some((layer) => isObject(layer.mark) && layer.mark.type === "text" && layer.mark.align === "left") ? Math.round(fontSize * 2.5) : 0;
}

/** Whether a view's rows are sized by step (bars in rows), which Vega's "fit" cannot size across. */
export function hasRowsByStep(view: Json): boolean {
  const y = positionChannel(view, "y");
  const discreteY = y !== undefined && (y.type === "nominal" || y.type === "ordinal");
  return y !== undefined && ((isObject(view.height) && "step" in view.height) || (view.height === undefined && discreteY));
}
