/**
 * Chart text is measured with the self-hosted font. Widths are checked against the
 * advance widths read straight from the font file's horizontal metrics table (hmtx),
 * and a chart is laid out with them where Vega's estimate would cut a label off.
 */
import * as fontkit from "fontkit";
import { readFileSync } from "node:fs";
import * as vega from "vega";
import { afterEach, describe, expect, it } from "vitest";
import { compileSpec, renderRawSvg, useFontMetrics } from "../../../scripts/engine/render/svg.ts";
import { faceFor, fontMetricsId, measureInk, measureText } from "../../../scripts/engine/render/text-metrics.ts";
import { fontPath } from "../../../scripts/engine/theme/fonts.ts";

interface RawFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { id: number };
  hmtx: { metrics: { get(index: number): { advance: number } } };
}

/** The font file's own numbers: the glyph each character maps to (cmap) and that glyph's advance (hmtx). */
function fileAdvances(weight: number, text: string): { advances: number[]; unitsPerEm: number } {
  const font = fontkit.create(readFileSync(fontPath({ weight, style: "normal" }))) as unknown as RawFont;
  return { advances: [...text].map((c) => font.hmtx.metrics.get(font.glyphForCodePoint(c.codePointAt(0) ?? 0).id).advance), unitsPerEm: font.unitsPerEm };
}

const { textMetrics } = vega as unknown as { textMetrics: { width: unknown; estimateWidth: unknown } };

afterEach(() => useFontMetrics());

describe("text measured with the font's metrics", () => {
  it("gives a string of digits the sum of the font file's advance widths, scaled to the font size", () => {
    // Digits are not kerned against each other, so the width is the plain sum of advances.
    const { advances, unitsPerEm } = fileAdvances(400, "2015");
    const byHand = ((advances[0] + advances[1] + advances[2] + advances[3]) * 12) / unitsPerEm;
    expect(measureText({ fontSize: 12 }, "2015")).toBeCloseTo(byHand, 10);
    expect(measureText({ fontSize: 24 }, " 2015 ")).toBeCloseTo(byHand * 2, 10);
  });

  it("measures bold text with the bold face, and adds the font's kerning between neighbours", () => {
    const bold = fileAdvances(700, "mm");
    expect(measureText({ fontSize: 10, fontWeight: "bold" }, "mm")).toBeCloseTo(((bold.advances[0] + bold.advances[1]) * 10) / bold.unitsPerEm, 10);
    const regular = fileAdvances(400, "Ta");
    const kern = faceFor(400, "normal").kern("T", "a");
    // "T" followed by "a" is a classic kerning pair: the font pulls the "a" in under the T's bar.
    expect(kern).toBeLessThan(0);
    expect(measureText({ fontSize: 10 }, "Ta")).toBeCloseTo(((regular.advances[0] + regular.advances[1] + kern) * 10) / regular.unitsPerEm, 10);
    expect(measureText({ fontSize: 10 }, "")).toBe(0);
  });

  it("is part of the renderer's identity, so the chart cache redraws when the font changes", () => {
    expect(fontMetricsId()).toMatch(/^@fontsource\/source-sans-3@\d+\.\d+\.\d+$/);
  });

  it("lays out an axis whose labels the estimate would cut off at the chart's edge", async () => {
    // "m" is wider than Vega's estimate of 0.8 em a character, so a y axis of m's
    // estimated in Node leaves its labels too little room and they start left of the SVG.
    const label = "m".repeat(20);
    const spec = {
      padding: 0,
      data: { values: [{ k: label, v: 1 }] },
      mark: "bar",
      encoding: { y: { field: "k", type: "nominal", title: null }, x: { field: "v", type: "quantitative", title: null } },
      config: { font: "Source Sans 3", axis: { labelFontSize: 10, labelLimit: 0, labelPadding: 2, tickSize: 5 } },
    } as const;
    expect(() => compileSpec(spec)).not.toThrow();
    /** Left edge of the y labels in SVG units: the plot's left offset less tick, padding and the label's real width. */
    const labelLeft = (svg: string) => Number(/transform="translate\(([\d.]+),/.exec(svg)?.[1]) - 5 - 2 - measureText({ fontSize: 10 }, label);

    const measured = await renderRawSvg(spec, "m axis");
    textMetrics.width = textMetrics.estimateWidth;
    const estimated = await renderRawSvg(spec, "m axis, estimated");
    useFontMetrics();

    expect(labelLeft(estimated)).toBeLessThan(0);
    expect(labelLeft(measured)).toBeGreaterThanOrEqual(0);
    expect(measured).toContain(`>${label}</text>`);
  });
});

describe("measureInk", () => {
  it("gives how far the glyphs reach above and below the baseline, from the font's outlines, scaled with the size", () => {
    const font = fontkit.create(readFileSync(fontPath({ weight: 400, style: "normal" }))) as fontkit.Font;
    const x = font.glyphForCodePoint("x".codePointAt(0) ?? 0).bbox;
    expect(measureInk({ fontSize: 20 }, "x").above).toBeCloseTo((x.maxY * 20) / font.unitsPerEm, 6);
    // A capital stands taller than an x; only a descender reaches below the line.
    expect(measureInk({ fontSize: 12 }, "H").above).toBeGreaterThan(measureInk({ fontSize: 12 }, "x").above);
    expect(measureInk({ fontSize: 12 }, "g").below).toBeGreaterThan(1);
    expect(measureInk({ fontSize: 12 }, "H").below).toBeLessThan(0.5);
    expect(measureInk({ fontSize: 24 }, "Hg").above).toBeCloseTo(2 * measureInk({ fontSize: 12 }, "Hg").above, 6);
    expect(measureInk({ fontSize: 12 }, "  ")).toEqual({ above: 0, below: 0 });
  });
});
