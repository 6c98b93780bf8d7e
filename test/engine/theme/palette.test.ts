/**
 * The palette's promises, worked out from the module itself in both modes: text at
 * 4.5:1 on the page and on the tinted panels, lines and marks at 3:1 on the page, and
 * labels written on grade-coloured bars (in the page colour) at 4.5:1 on their bar.
 */
import { describe, expect, it } from "vitest";
import { contrastRatio } from "../../../scripts/engine/theme/contrast.ts";
import { COLOUR_TOKENS, MARK_TOKENS, PALETTES, TEXT_TOKENS } from "../../../scripts/engine/theme/palette.ts";

const BAR_TOKENS = ["grade-inadequate", "grade-ri-or-adequate", "grade-good", "grade-outstanding", "neutral-mark", "muted", "warm-mark"] as const;

describe.each(Object.entries(PALETTES))("the %s palette", (_, palette) => {
  const failing = (tokens: readonly string[], against: string, minimum: number) =>
    tokens
      .map((token) => ({ token, ratio: contrastRatio(palette[token as keyof typeof palette], against) }))
      .filter(({ ratio }) => ratio < minimum)
      .map(({ token, ratio }) => `${token} ${ratio.toFixed(2)}:1`);

  it("has every token as a #rrggbb colour", () => {
    for (const token of COLOUR_TOKENS) expect(palette[token], token).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("gives every text colour 4.5:1 on the background and on the tint", () => {
    expect(failing(TEXT_TOKENS, palette.background, 4.5)).toEqual([]);
    expect(failing(["text", "muted", "accent"], palette.tint, 4.5)).toEqual([]);
    expect(contrastRatio(palette["focus-text"], palette.focus)).toBeGreaterThanOrEqual(4.5);
  });

  it("gives rules, axis lines and chart marks 3:1 on the background", () => {
    expect(failing([...MARK_TOKENS, ...TEXT_TOKENS], palette.background, 3)).toEqual([]);
  });

  it("keeps labels written on bars in the page colour at 4.5:1", () => {
    expect(failing(BAR_TOKENS, palette.background, 4.5)).toEqual([]);
  });
});

describe("the light palette", () => {
  it("gives each token its own colour, so the chart SVG's colours map back to tokens one to one", () => {
    const values = COLOUR_TOKENS.map((token) => PALETTES.light[token]);
    expect(new Set(values).size).toBe(values.length);
  });
});
