/** Reading text boxes and rect marks back from an SVG (test/helpers/svg-labels.ts), on hand-made SVGs. */
import { describe, expect, it } from "vitest";
import { measureInk, measureText } from "../../scripts/engine/render/text-metrics.ts";
import { bounds, chartLayout, inset, parseTransform, polylineSegments, quadsOverlap, segmentCrossesQuad, type Quad } from "./svg-labels.ts";

const box = (l: number, t: number, r: number, b: number): Quad => [[l, t], [r, t], [r, b], [l, b]];

describe("parseTransform", () => {
  it("composes translate and rotate left to right, as SVG does", () => {
    const [a, b, c, d, e, f] = parseTransform("translate(10,20) rotate(90) translate(5,0)");
    // rotate(90) turns (5, 0) into (0, 5); then the first translate moves it to (10, 25).
    expect([a, b, c, d].map((v) => Math.round(v))).toEqual([0, 1, -1, 0]);
    expect([e, f].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([10, 25]);
  });
});

describe("chartLayout", () => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">
<g transform="translate(10,20)">
<g class="mark-rect role-mark"><path d="M0,0h50v30h-50Z" fill="#2166ac" opacity="0.5"/></g>
<g class="mark-text role-mark"><text text-anchor="middle" transform="translate(25,15)" font-size="12px" fill="#ffffff">Good</text></g>
<g class="mark-text role-axis-label"><text text-anchor="end" transform="translate(-4,40)" font-size="12px" fill="#505a5f"><tspan>Requires</tspan><tspan x="0" dy="14">improvement</tspan></text>
<text text-anchor="start" transform="translate(0,0)" font-size="12px" opacity="0">hidden</text></g>
</g></svg>`;
  const layout = chartLayout(svg);

  it("places each line by its anchor and every transform, sized by the font's advances and ink", () => {
    expect(layout.viewBox).toEqual([0, 0, 200, 100]);
    const good = layout.lines.find((l) => l.text === "Good");
    const width = measureText({ fontSize: 12 }, "Good");
    const ink = measureInk({ fontSize: 12 }, "Good");
    // Centred on x = 10 + 25, baseline at y = 20 + 15.
    expect(bounds(good!.quad).map((v) => Math.round(v * 100) / 100)).toEqual([35 - width / 2, 35 - ink.above, 35 + width / 2, 35 + ink.below].map((v) => Math.round(v * 100) / 100));
    expect(good).toMatchObject({ fill: "#ffffff", onMarkLayer: true });
  });

  it("gives each tspan its own line of one element, ends them at an end anchor, and leaves out text drawn at opacity 0", () => {
    const lines = layout.lines.filter((l) => !l.onMarkLayer);
    expect(lines.map((l) => l.text)).toEqual(["Requires", "improvement"]);
    expect(lines[0].element).toBe(lines[1].element);
    expect(bounds(lines[1].quad)[2]).toBeCloseTo(6, 6);
    expect(bounds(lines[1].quad)[1]).toBeCloseTo(20 + 40 + 14 - measureInk({ fontSize: 12 }, "improvement").above, 6);
  });

  it("reads rect marks with their fill, opacity and place", () => {
    expect(layout.rects).toEqual([{ order: 0, fill: "#2166ac", opacity: 0.5, quad: box(10, 20, 60, 50) }]);
  });
});

describe("quadsOverlap and inset", () => {
  it("tells boxes that share area from boxes that only touch or are apart, rotated ones too", () => {
    expect(quadsOverlap(box(0, 0, 10, 10), box(5, 5, 15, 15))).toBe(true);
    expect(quadsOverlap(box(0, 0, 10, 10), box(10, 0, 20, 10))).toBe(false);
    expect(quadsOverlap(inset(box(0, 0, 10, 10), 0.5), inset(box(9.5, 0, 20, 10), 0.5))).toBe(false);
    // A diamond whose corner points into the gap beside a square's corner: their bounding boxes overlap, they do not.
    // The diamond is |x − 14| + |y − 14| ≤ 6: the corner (10, 10) is 8 from its centre, (12.5, 12.5) only 3.
    const diamond: Quad = [[8, 14], [14, 8], [20, 14], [14, 20]];
    expect(quadsOverlap(box(0, 0, 10, 10), diamond)).toBe(false);
    expect(quadsOverlap(box(0, 0, 12.5, 12.5), diamond)).toBe(true);
  });
});

describe("strokes through text", () => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">
<g transform="translate(10,20)">
<g class="mark-rule role-axis-grid"><line transform="translate(0,30)" x2="150" y2="0" stroke="#e5e6e7"/><line transform="translate(0,0)" x2="150" y2="0" opacity="0"/></g>
<g class="mark-rule role-mark layer_1_marks"><line transform="translate(40,0)" x2="0" y2="60"/></g>
<g class="mark-line role-mark"><path d="M0,60L50,10l50,0H120V70Z" stroke="#b2182b"/></g>
</g></svg>`;
  const { strokes } = chartLayout(svg);

  it("reads gridlines, rule marks and every segment of a line mark, moved by their transforms, and leaves out strokes at opacity 0", () => {
    expect(strokes.filter((s) => s.what === "axis-grid")).toEqual([{ what: "axis-grid", order: 0, from: [10, 50], to: [160, 50] }]);
    expect(strokes.filter((s) => s.what === "rule")).toEqual([{ what: "rule", order: 1, from: [50, 20], to: [50, 80] }]);
    // M0,60 L50,10 l50,0 (to 100,10) H120 V70 Z (back to 0,60), each moved by (10, 20).
    expect(strokes.filter((s) => s.what === "line").map((s) => [s.from, s.to])).toEqual([
      [[10, 80], [60, 30]],
      [[60, 30], [110, 30]],
      [[110, 30], [130, 30]],
      [[130, 30], [130, 90]],
      [[130, 90], [10, 80]],
    ]);
  });

  it("refuses a path with curves rather than reading it as straight", () => {
    expect(() => polylineSegments("M0,0C10,10,20,20,30,30")).toThrow(/curves/);
  });

  it("tells a segment through a box from one beside it, one ending short of it, and one passing its corner", () => {
    const label = box(10, 10, 30, 20);
    expect(segmentCrossesQuad([0, 15], [40, 15], label)).toBe(true);
    expect(segmentCrossesQuad([20, 0], [20, 40], label)).toBe(true);
    expect(segmentCrossesQuad([0, 25], [40, 25], label)).toBe(false);
    expect(segmentCrossesQuad([0, 15], [9, 15], label)).toBe(false);
    // The diagonal x + y = 9 passes below-left of the corner (10, 10); x + y = 21 cuts through the box.
    expect(segmentCrossesQuad([0, 9], [9, 0], label)).toBe(false);
    expect(segmentCrossesQuad([0, 21], [21, 0], label)).toBe(true);
  });
});
