/**
 * Where a chart's text lands, read back from the SVG it ships: each visible line of text
 * as the box its glyphs cover (width by the font's advances and kerning, height by its
 * glyphs' outlines, both from scripts/engine/render/text-metrics.ts), placed by its text-anchor
 * and by every translate and rotate from the root down; and the rectangles of its rect
 * and bar marks with their fill and opacity; and every straight stroke drawn across the
 * chart (gridlines, axis lines and ticks, rule marks such as reference lines, and the
 * segments of line marks). The label checks in test/charts/ compare these: text against
 * text, text against the viewBox, text against the mark beneath it, strokes through text.
 */
import { parseFragment } from "parse5";
import { measureInk, measureText } from "../../scripts/engine/render/text-metrics.ts";

type Point = readonly [number, number];
/** A convex quadrilateral, corners in order, in the SVG's user units. */
export type Quad = readonly [Point, Point, Point, Point];
type Matrix = readonly [number, number, number, number, number, number];

export interface TextLine {
  /** Which <text> element (lines of one element share it). */
  readonly element: number;
  readonly text: string;
  readonly fill: string;
  /** The element sits in a data mark's text layer (a label written on or beside a mark), not an axis, legend or title. */
  readonly onMarkLayer: boolean;
  readonly quad: Quad;
}

export interface RectMark {
  /** Drawing order among rects and strokes: a later one is painted over an earlier one. */
  readonly order: number;
  readonly fill: string;
  readonly opacity: number;
  readonly quad: Quad;
}

/** One straight stroke: a gridline, an axis line or tick, a rule mark, or one segment of a line mark. */
export interface Stroke {
  /** What draws it, from its group's role: "axis-grid", "axis-domain", "axis-tick", "rule", "line". */
  readonly what: string;
  /** Drawing order among rects and strokes. */
  readonly order: number;
  readonly from: Point;
  readonly to: Point;
}

export interface ChartLayout {
  readonly viewBox: readonly [number, number, number, number];
  readonly lines: TextLine[];
  readonly rects: RectMark[];
  readonly strokes: Stroke[];
}

interface Node {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, [x, y]: Point): Point => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** An SVG transform list of translate, rotate and scale (what Vega writes) as one matrix. */
export function parseTransform(value: string | undefined): Matrix {
  let m = IDENTITY;
  for (const [, op, args] of (value ?? "").matchAll(/(\w+)\(([^)]*)\)/g)) {
    const n = args.split(/[\s,]+/).filter(Boolean).map(Number);
    if (op === "translate") m = multiply(m, [1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0]);
    else if (op === "scale") m = multiply(m, [n[0], 0, 0, n[1] ?? n[0], 0, 0]);
    else if (op === "rotate" && n.length === 1) {
      const a = (n[0] * Math.PI) / 180;
      m = multiply(m, [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), 0, 0]);
    } else throw new Error(`unsupported transform ${op}(${args})`);
  }
  return m;
}

const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const textOf = (node: Node): string => (node.nodeName === "#text" ? (node.value ?? "") : (node.childNodes ?? []).map(textOf).join(""));
const quadOf = (m: Matrix, x0: number, y0: number, x1: number, y1: number): Quad => [apply(m, [x0, y0]), apply(m, [x1, y0]), apply(m, [x1, y1]), apply(m, [x0, y1])];

interface Inherited {
  matrix: Matrix;
  opacity: number;
  fontSize?: string;
  fontWeight?: string;
  fontStyle?: string;
  anchor?: string;
  classes: string;
}

export function chartLayout(svg: string): ChartLayout {
  const root = (parseFragment(svg) as unknown as Node).childNodes?.find((n) => n.nodeName === "svg");
  if (!root) throw new Error("no <svg> element");
  const viewBox = (attr(root, "viewbox") ?? attr(root, "viewBox") ?? "").split(/[\s,]+/).map(Number) as [number, number, number, number];
  const lines: TextLine[] = [];
  const rects: RectMark[] = [];
  const strokes: Stroke[] = [];
  let elements = 0;
  let order = 0;

  const walk = (node: Node, from: Inherited): void => {
    const own: Inherited = {
      matrix: multiply(from.matrix, parseTransform(attr(node, "transform"))),
      opacity: from.opacity * Number(attr(node, "opacity") ?? 1),
      fontSize: attr(node, "font-size") ?? from.fontSize,
      fontWeight: attr(node, "font-weight") ?? from.fontWeight,
      fontStyle: attr(node, "font-style") ?? from.fontStyle,
      anchor: attr(node, "text-anchor") ?? from.anchor,
      classes: `${from.classes} ${attr(node, "class") ?? ""}`,
    };
    if (node.nodeName === "text") {
      // Opacity 0 is how Vega hides an axis label that would collide with its neighbour: it is not drawn.
      if (own.opacity === 0) return;
      const element = elements++;
      const spans = (node.childNodes ?? []).filter((c) => c.nodeName === "tspan");
      const item = { fontSize: parseFloat(own.fontSize ?? "11"), fontWeight: own.fontWeight, fontStyle: own.fontStyle };
      let baseline = 0;
      const parts = spans.length > 0 ? spans.map((s) => ({ text: textOf(s), dy: Number(attr(s, "dy") ?? 0) })) : [{ text: textOf(node), dy: 0 }];
      for (const { text, dy } of parts) {
        baseline += dy;
        if (text.trim() === "") continue;
        const width = measureText(item, text);
        const ink = measureInk(item, text);
        const x0 = own.anchor === "middle" ? -width / 2 : own.anchor === "end" ? -width : 0;
        lines.push({
          element,
          text,
          fill: attr(node, "fill") ?? "#000000",
          onMarkLayer: /\bmark-text role-mark\b/.test(own.classes),
          quad: quadOf(own.matrix, x0, baseline - ink.above, x0 + width, baseline + ink.below),
        });
      }
      return;
    }
    if (node.nodeName === "path" && /\bmark-rect role-mark\b/.test(from.classes)) {
      // Vega draws a rect or bar as "Mx,yhWvHh-WZ".
      const match = /^M(-?[\d.]+),(-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h-?[\d.]+Z$/.exec(attr(node, "d") ?? "");
      const fill = attr(node, "fill");
      if (match && fill && fill !== "none") {
        const [x, y, w, h] = match.slice(1).map(Number);
        rects.push({ order: order++, fill, opacity: own.opacity * Number(attr(node, "fill-opacity") ?? 1), quad: quadOf(own.matrix, Math.min(x, x + w), Math.min(y, y + h), Math.max(x, x + w), Math.max(y, y + h)) });
      }
      return;
    }
    const rule = /\bmark-rule role-(axis-grid|axis-domain|axis-tick|mark)\b/.exec(from.classes);
    if (node.nodeName === "line" && rule && own.opacity > 0) {
      const at = (x: string, y: string) => apply(own.matrix, [Number(attr(node, x) ?? 0), Number(attr(node, y) ?? 0)]);
      strokes.push({ what: rule[1] === "mark" ? "rule" : rule[1], order: order++, from: at("x1", "y1"), to: at("x2", "y2") });
      return;
    }
    if (node.nodeName === "path" && /\bmark-line role-mark\b/.test(from.classes) && own.opacity > 0) {
      for (const [a, b] of polylineSegments(attr(node, "d") ?? "")) strokes.push({ what: "line", order, from: apply(own.matrix, a), to: apply(own.matrix, b) });
      order++;
      return;
    }
    for (const child of node.childNodes ?? []) walk(child, own);
  };
  walk(root, { matrix: IDENTITY, opacity: 1, classes: "" });
  return { viewBox, lines, rects, strokes };
}

/**
 * The straight segments of a path drawn with M, L, H, V and Z (absolute or relative), as Vega
 * writes a line mark; a curve command is not expected in a line chart and is refused.
 */
export function polylineSegments(d: string): [Point, Point][] {
  const segments: [Point, Point][] = [];
  let at: Point = [0, 0];
  let start: Point = [0, 0];
  for (const [, op, args] of d.matchAll(/([MLHVZmlhvz])([^MLHVZmlhvz]*)/g)) {
    const n = args.split(/[\s,]+/).filter(Boolean).map(Number);
    const relative = op === op.toLowerCase();
    const to = (x: number, y: number): Point => (relative ? [at[0] + x, at[1] + y] : [x, y]);
    if (op === "M" || op === "m") {
      at = to(n[0], n[1]);
      start = at;
      for (let i = 2; i + 1 < n.length; i += 2) segments.push([at, (at = to(n[i], n[i + 1]))]);
    } else if (op === "L" || op === "l") for (let i = 0; i + 1 < n.length; i += 2) segments.push([at, (at = to(n[i], n[i + 1]))]);
    else if (op === "H" || op === "h") for (const x of n) segments.push([at, (at = [relative ? at[0] + x : x, at[1]])]);
    else if (op === "V" || op === "v") for (const y of n) segments.push([at, (at = [at[0], relative ? at[1] + y : y])]);
    else {
      segments.push([at, start]);
      at = start;
    }
  }
  if (/[^MLHVZmlhvz\d\s,.eE+-]/.test(d)) throw new Error(`a line mark's path with curves is not read: ${d.slice(0, 40)}`);
  return segments;
}

/** Whether a straight segment passes through a convex quad's area (separating axis theorem, the segment a flat shape). */
export function segmentCrossesQuad(from: Point, to: Point, quad: Quad): boolean {
  const axes: Point[] = [[from[1] - to[1], to[0] - from[0]]];
  for (let i = 0; i < 4; i++) axes.push([quad[i][1] - quad[(i + 1) % 4][1], quad[(i + 1) % 4][0] - quad[i][0]]);
  for (const [nx, ny] of axes) {
    if (nx === 0 && ny === 0) continue;
    const q = quad.map(([x, y]) => x * nx + y * ny);
    const s = [from, to].map(([x, y]) => x * nx + y * ny);
    if (Math.max(...s) <= Math.min(...q) || Math.max(...q) <= Math.min(...s)) return false;
  }
  return true;
}

/** The quad moved in by `inset` on every side (toward its centre along its own edges). */
export function inset(quad: Quad, by: number): Quad {
  const [a, b, , d] = quad;
  const unit = (p: Point, q: Point): Point => {
    const length = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
    return [(q[0] - p[0]) / length, (q[1] - p[1]) / length];
  };
  const across = unit(a, b);
  const down = unit(a, d);
  const width = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const height = Math.hypot(d[0] - a[0], d[1] - a[1]);
  const bx = Math.min(by, width / 2);
  const by2 = Math.min(by, height / 2);
  const shift = (p: Point, sx: number, sy: number): Point => [p[0] + across[0] * sx + down[0] * sy, p[1] + across[1] * sx + down[1] * sy];
  return [shift(quad[0], bx, by2), shift(quad[1], -bx, by2), shift(quad[2], -bx, -by2), shift(quad[3], bx, -by2)];
}

/** Whether two convex quads share any area (separating axis theorem: no edge's normal separates them). */
export function quadsOverlap(p: Quad, q: Quad): boolean {
  for (const shape of [p, q]) {
    for (let i = 0; i < 4; i++) {
      const [x1, y1] = shape[i];
      const [x2, y2] = shape[(i + 1) % 4];
      const normal: Point = [y1 - y2, x2 - x1];
      const project = (s: Quad) => s.map(([x, y]) => x * normal[0] + y * normal[1]);
      const [a, b] = [project(p), project(q)];
      if (Math.max(...a) <= Math.min(...b) || Math.max(...b) <= Math.min(...a)) return false;
    }
  }
  return true;
}

/** The quad's bounding box: [left, top, right, bottom]. */
export function bounds(quad: Quad): [number, number, number, number] {
  const xs = quad.map((p) => p[0]);
  const ys = quad.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Whether `inner` lies within `outer` (both axis-aligned), give or take `tolerance`. */
export function within(inner: Quad, outer: Quad, tolerance: number): boolean {
  const [l, t, r, b] = bounds(inner);
  const [L, T, R, B] = bounds(outer);
  return l >= L - tolerance && t >= T - tolerance && r <= R + tolerance && b <= B + tolerance;
}
