/**
 * A theme's promises, worked out from the theme itself in both modes: text at 4.5:1 on
 * the page and on the tinted panels, lines and marks at 3:1 on the page, labels written on
 * bars (in the page colour) at 4.5:1 on their bar, and one light colour per token, so the
 * chart SVG's colours map back to tokens one to one.
 */
import { describe, expect, it } from "vitest";
import { contrastRatio } from "../../scripts/engine/theme/contrast.ts";
import type { Theme } from "../../scripts/engine/theme/palette.ts";

/** `barTokens`: the colours the theme's charts write page-coloured labels on. */
export function describeThemeContract(name: string, theme: Theme, barTokens: readonly string[]): void {
  describe.each([
    ["light", theme.light],
    ["dark", theme.dark],
  ])(`${name}: the %s palette`, (_, palette) => {
    const failing = (tokens: readonly string[], against: string, minimum: number) =>
      tokens
        .map((token) => ({ token, ratio: contrastRatio(palette[token], against) }))
        .filter(({ ratio }) => ratio < minimum)
        .map(({ token, ratio }) => `${token} ${ratio.toFixed(2)}:1`);

    it("has every token as a #rrggbb colour", () => {
      for (const token of theme.tokens) expect(palette[token], token).toMatch(/^#[0-9a-f]{6}$/);
    });

    it("gives every text colour 4.5:1 on the background and on the tint", () => {
      expect(failing(theme.textTokens, palette.background, 4.5)).toEqual([]);
      expect(failing(["text", "muted", "accent"], palette.tint, 4.5)).toEqual([]);
      expect(contrastRatio(palette["focus-text"], palette.focus)).toBeGreaterThanOrEqual(4.5);
    });

    it("gives rules, axis lines and chart marks 3:1 on the background", () => {
      expect(failing([...theme.markTokens, ...theme.textTokens], palette.background, 3)).toEqual([]);
    });

    it("keeps labels written on bars in the page colour at 4.5:1", () => {
      expect(failing(barTokens, palette.background, 4.5)).toEqual([]);
    });
  });

  it(`${name}: gives each token its own light colour, so the chart SVG's colours map back to tokens one to one`, () => {
    const values = theme.tokens.map((token) => theme.light[token]);
    expect(new Set(values).size).toBe(values.length);
  });
}
