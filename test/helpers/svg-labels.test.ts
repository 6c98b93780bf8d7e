/** Reading text boxes and rect marks back from an SVG (test/helpers/svg-labels.ts), on hand-made SVGs. */
import { describe, expect, it } from "vitest";
import { measureInk, measureText } from "../../scripts/engine/render/text-metrics.ts";
import { bounds, chartLayout, inset, parseTransform, quadsOverlap, type Quad } from "./svg-labels.ts";

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
    expect(layout.rects).toEqual([{ fill: "#2166ac", opacity: 0.5, quad: box(10, 20, 60, 50) }]);
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
