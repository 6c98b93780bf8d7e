/**
 * Every figure's text is readable in both renderings (wide, and narrow for phones), read
 * back from the SVG as shipped with the font's real metrics (test/helpers/svg-labels.ts):
 *   - no two pieces of text overlap (lines of one multi-line label are one piece);
 *   - no text sticks out of the SVG's viewBox, where the page would clip it;
 *   - no line or rule runs through text: a gridline, axis line or tick, a reference line
 *     (rule mark) or a segment of a plotted line (unless a bar painted over the line holds the
 *     whole label, as a gridline behind a bar with its value written inside);
 *   - a label written in a data mark's text layer reaches 4.5:1 against every rect or bar
 *     it covers, and against the page where it is not wholly inside one, in the light and
 *     the dark palette (the dark colours are what the page's CSS turns the SVG's into).
 * Allowed: 1 px (0.5 px in from each side of a box), for rounding. Text Vega hides with
 * opacity 0 (axis labels that would collide) is never drawn and is left out.
 */
import { describe, expect, it } from "vitest";
import { figureRenderings } from "../../scripts/engine/figures/renderings.ts";
import { renderRawSvg } from "../../scripts/engine/render/svg.ts";
import { labelContrast, TEXT_CONTRAST } from "../../scripts/engine/theme/on-mark.ts";
import { REPORT_THEME } from "../../scripts/report/shared/theme.ts";
import { bounds, chartLayout, inset, quadsOverlap, segmentCrossesQuad, within, type ChartLayout } from "../helpers/svg-labels.ts";
import { realReport } from "../helpers/report.ts";

const TOLERANCE = 1;
const fmt = (n: number) => n.toFixed(1);

export function labelProblems(layout: ChartLayout): string[] {
  const problems: string[] = [];
  const { lines, rects, strokes, viewBox } = layout;
  const shrunk = lines.map((line) => inset(line.quad, TOLERANCE / 2));
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[i].element !== lines[j].element && quadsOverlap(shrunk[i], shrunk[j])) problems.push(`"${lines[i].text}" overlaps "${lines[j].text}"`);
    }
    const [l, t, r, b] = bounds(lines[i].quad);
    const [vx, vy, vw, vh] = viewBox;
    if (l < vx - TOLERANCE || t < vy - TOLERANCE || r > vx + vw + TOLERANCE || b > vy + vh + TOLERANCE) {
      problems.push(`"${lines[i].text}" (${fmt(l)},${fmt(t)})–(${fmt(r)},${fmt(b)}) sticks out of the viewBox ${viewBox.join(" ")}`);
    }
    for (const stroke of strokes) {
      // A gridline under a bar is hidden where the bar is painted over it: a label inside that bar is clear of it.
      const hidden = rects.some((rect) => rect.order > stroke.order && rect.opacity >= 1 && within(lines[i].quad, rect.quad, TOLERANCE));
      if (!hidden && segmentCrossesQuad(stroke.from, stroke.to, shrunk[i])) problems.push(`"${lines[i].text}" is crossed by a ${stroke.what} line from (${fmt(stroke.from[0])},${fmt(stroke.from[1])}) to (${fmt(stroke.to[0])},${fmt(stroke.to[1])})`);
    }
    if (!lines[i].onMarkLayer) continue;
    const under = rects.filter((rect) => quadsOverlap(shrunk[i], rect.quad));
    const behind = under.map((rect) => ({ what: `its ${rect.fill} mark at opacity ${rect.opacity}`, fill: rect.fill, opacity: rect.opacity }));
    if (!under.some((rect) => within(lines[i].quad, rect.quad, TOLERANCE))) behind.push({ what: "the page", fill: "#ffffff", opacity: 1 });
    for (const { what, fill, opacity } of behind) {
      for (const [name, palette] of Object.entries({ light: REPORT_THEME.light, dark: REPORT_THEME.dark })) {
        const ratio = labelContrast(lines[i].fill, fill, opacity, REPORT_THEME, palette);
        if (ratio < TEXT_CONTRAST) problems.push(`"${lines[i].text}" in ${lines[i].fill} is ${ratio.toFixed(2)}:1 on ${what} (${name})`);
      }
    }
  }
  return problems;
}

describe("every figure's labels", () => {
  it("neither overlap, nor leave the viewBox, nor have a line run through them, and reach 4.5:1 on their marks in light and dark, in every rendering", async () => {
    const problems: string[] = [];
    for (const figure of (await realReport()).figures.values()) {
      for (const { name, spec } of figureRenderings(figure)) {
        const layout = chartLayout(await renderRawSvg(spec, `${figure.key} (${name})`));
        expect(layout.lines.length, `${figure.key} (${name}) has text`).toBeGreaterThan(0);
        problems.push(...labelProblems(layout).map((p) => `${figure.key} (${name}): ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});
