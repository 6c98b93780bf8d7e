/**
 * Colours of text written on a chart mark. The page shows a chart in the light palette or,
 * when the reader's system asks for it, in the dark one (the CSS in scripts/theme/css.ts
 * points each light colour of the SVG at its token), so a label must be readable on its
 * mark in both. A mark drawn with opacity is seen blended with the page behind it.
 */
import { contrastRatio, hexChannels } from "./contrast.ts";
import { COLOUR_TOKENS, LIGHT, type Palette } from "./palette.ts";

/** WCAG 2.1 1.4.3: normal-size text against what is behind it. */
export const TEXT_CONTRAST = 4.5;

/** The colour a light-palette colour of the SVG becomes in `palette` (white is the page). */
export function inPalette(lightColour: string, palette: Palette): string {
  const value = lightColour.toLowerCase();
  if (value === "#ffffff" || value === "#fff" || value === "white") return palette.background;
  const token = COLOUR_TOKENS.find((t) => LIGHT[t] === value);
  return token ? palette[token] : value;
}

/** `colour` drawn with `opacity` over `behind`, as the eye sees it (sRGB alpha blending, as browsers do). */
export function blend(colour: string, opacity: number, behind: string): string {
  const front = hexChannels(colour);
  const back = hexChannels(behind);
  const hex = front.map((c, i) => Math.round(c * opacity + back[i] * (1 - opacity)).toString(16).padStart(2, "0"));
  return `#${hex.join("")}`;
}

/** Contrast of a label (a light-palette colour) on a mark (light fill and opacity) as `palette` shows them. */
export function labelContrast(label: string, fill: string, opacity: number, palette: Palette): number {
  return contrastRatio(inPalette(label, palette), blend(inPalette(fill, palette), opacity, palette.background));
}

/**
 * The label colour, ink or page, that reaches 4.5:1 on a mark in every palette given; of
 * two that do, the one with the higher worst case. Undefined when neither does: the mark's
 * colours must change, not the rule.
 */
export function labelColourOn(fill: string, opacity: number, palettes: readonly Palette[]): string | undefined {
  const worst = (label: string) => Math.min(...palettes.map((p) => labelContrast(label, fill, opacity, p)));
  const best = [LIGHT.text, LIGHT.background].map((label) => ({ label, ratio: worst(label) })).sort((a, b) => b.ratio - a.ratio)[0];
  return best.ratio >= TEXT_CONTRAST ? best.label : undefined;
}
