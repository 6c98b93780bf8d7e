/** Label colours on chart marks in both palettes (scripts/engine/theme/on-mark.ts), with a theme of two bar colours of its own. */
import { describe, expect, it } from "vitest";
import { contrastRatio } from "../../../scripts/engine/theme/contrast.ts";
import { blend, inPalette, labelColourOn, labelContrast, TEXT_CONTRAST } from "../../../scripts/engine/theme/on-mark.ts";
import { extendTheme } from "../../../scripts/engine/theme/palette.ts";

const THEME = extendTheme({
  light: { "bar-red": "#b2182b", "bar-blue": "#2166ac" },
  dark: { "bar-red": "#ff8a8a", "bar-blue": "#7fb2f0" },
  textTokens: ["bar-red", "bar-blue"],
  markTokens: [],
});
const LIGHT = THEME.light;
const DARK = THEME.dark;

describe("blend", () => {
  it("mixes each channel by the opacity, as alpha compositing over the page does", () => {
    // 255 × 0.5 = 127.5, rounded to 128 = 0x80.
    expect(blend("#000000", 0.5, "#ffffff")).toBe("#808080");
    expect(blend("#b2182b", 1, "#ffffff")).toBe("#b2182b");
    expect(blend("#b2182b", 0, "#161a1d")).toBe("#161a1d");
    // 0x20 × 0.25 + 0xa0 × 0.75 = 8 + 120 = 128.
    expect(blend("#202020", 0.25, "#a0a0a0")).toBe("#808080");
  });
});

describe("inPalette", () => {
  it("turns a light colour of the SVG into its token's colour in the dark palette, white into the page", () => {
    expect(inPalette(LIGHT["bar-blue"], THEME, DARK)).toBe(DARK["bar-blue"]);
    expect(inPalette("#ffffff", THEME, DARK)).toBe(DARK.background);
    expect(inPalette(LIGHT.text, THEME, LIGHT)).toBe(LIGHT.text);
  });
});

describe("labelColourOn", () => {
  it("measures a label against its mark as blended with the page in each palette", () => {
    expect(labelContrast(LIGHT.text, LIGHT.rule, 0.5, THEME, DARK)).toBeCloseTo(contrastRatio(DARK.text, blend(DARK.rule, 0.5, DARK.background)), 10);
  });

  it("picks page-coloured text on a solid grade bar and ink on a pale one, each readable in both palettes", () => {
    const solid = labelColourOn(LIGHT["bar-red"], 1, THEME);
    expect(solid).toBe(LIGHT.background);
    const pale = labelColourOn(LIGHT["bar-red"], 0.15, THEME);
    expect(pale).toBe(LIGHT.text);
    for (const palette of [LIGHT, DARK]) {
      expect(labelContrast(LIGHT.background, LIGHT["bar-red"], 1, THEME, palette)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      expect(labelContrast(LIGHT.text, LIGHT["bar-red"], 0.15, THEME, palette)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });

  it("finds no colour where neither ink nor page reaches 4.5:1 in both palettes", () => {
    const opacity = 0.7;
    const worst = (label: string) => Math.min(...[LIGHT, DARK].map((p) => labelContrast(label, LIGHT["bar-blue"], opacity, THEME, p)));
    expect(Math.max(worst(LIGHT.text), worst(LIGHT.background))).toBeLessThan(TEXT_CONTRAST);
    expect(labelColourOn(LIGHT["bar-blue"], opacity, THEME)).toBeUndefined();
  });
});
