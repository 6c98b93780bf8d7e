/**
 * Colours of text written on a chart mark. The page shows a chart in the light palette or,
 * when the reader's system asks for it, in the dark one (the CSS in ./css.ts
 * points each light colour of the SVG at its token), so a label must be readable on its
 * mark in both. A mark drawn with opacity is seen blended with the page behind it.
 */
import { contrastRatio, hexChannels } from "./contrast.ts";
import type { Palette, Theme } from "./palette.ts";

/** WCAG 2.1 1.4.3: normal-size text against what is behind it. */
export const TEXT_CONTRAST = 4.5;

/** The colour a light-palette colour of the SVG becomes in `palette`, one of `theme`'s (white is the page). */
export function inPalette(lightColour: string, theme: Theme, palette: Palette): string {
  const value = lightColour.toLowerCase();
  if (value === "#ffffff" || value === "#fff" || value === "white") return palette.background;
  const token = theme.tokens.find((t) => theme.light[t] === value);
  return token ? palette[token] : value;
}

/** `colour` drawn with `opacity` over `behind`, as the eye sees it (sRGB alpha blending, as browsers do). */
export function blend(colour: string, opacity: number, behind: string): string {
  const front = hexChannels(colour);
  const back = hexChannels(behind);
  const hex = front.map((c, i) => Math.round(c * opacity + back[i] * (1 - opacity)).toString(16).padStart(2, "0"));
  return `#${hex.join("")}`;
}

/** Contrast of a label (a light-palette colour) on a mark (light fill and opacity) as `palette`, one of `theme`'s, shows them. */
export function labelContrast(label: string, fill: string, opacity: number, theme: Theme, palette: Palette): number {
  return contrastRatio(inPalette(label, theme, palette), blend(inPalette(fill, theme, palette), opacity, palette.background));
}

/**
 * The label colour, ink or page, that reaches 4.5:1 on a mark in both of the theme's
 * palettes; of two that do, the one with the higher worst case. Undefined when neither
 * does: the mark's colours must change, not the rule.
 */
export function labelColourOn(fill: string, opacity: number, theme: Theme): string | undefined {
  const worst = (label: string) => Math.min(...[theme.light, theme.dark].map((p) => labelContrast(label, fill, opacity, theme, p)));
  const best = [theme.light.text, theme.light.background].map((label) => ({ label, ratio: worst(label) })).sort((a, b) => b.ratio - a.ratio)[0];
  return best.ratio >= TEXT_CONTRAST ? best.label : undefined;
}
