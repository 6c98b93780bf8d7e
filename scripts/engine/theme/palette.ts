/**
 * The report's one set of colour, type and font choices. The page stylesheet gets them as
 * CSS custom properties (scripts/theme/css.ts writes them at build time) and the charts
 * read them in scripts/charts/theme.ts, so a colour is changed here and nowhere else.
 *
 * Two palettes with the same tokens: light, and dark for readers whose system asks for
 * it (prefers-color-scheme). Every text colour reaches 4.5:1 on its background and every
 * line or mark colour 3:1 (test/theme/palette.test.ts works the ratios out); the grade
 * colours reach 4.5:1 because value labels are written on bars in the background colour.
 */

export const COLOUR_TOKENS = [
  "text",
  "background",
  "muted",
  "rule",
  "grid",
  "tint",
  "accent",
  "accent-visited",
  "focus",
  "focus-text",
  "grade-inadequate",
  "grade-ri-or-adequate",
  "grade-good",
  "grade-outstanding",
  "neutral-mark",
  "secondary-mark",
  "inadequate-light-mark",
  "warm-mark",
  "band",
] as const;
export type ColourToken = (typeof COLOUR_TOKENS)[number];
export type Palette = Readonly<Record<ColourToken, string>>;

export const LIGHT: Palette = {
  text: "#1d1d1b",
  background: "#ffffff",
  muted: "#505a5f",
  /** Axis lines, ticks and rules: 3:1 on the background. */
  rule: "#7f868b",
  /** Gridlines and table borders behind data: deliberately faint, never the only cue. */
  grid: "#e5e6e7",
  tint: "#f3f2f1",
  accent: "#1d70b8",
  "accent-visited": "#4c2c92",
  focus: "#ffdd00",
  "focus-text": "#0b0c0c",
  "grade-inadequate": "#b2182b",
  "grade-ri-or-adequate": "#9c4a00",
  "grade-good": "#2166ac",
  "grade-outstanding": "#1b7837",
  /** Grey marks that carry white labels (e.g. "neither" in the survey chart). */
  "neutral-mark": "#6f777b",
  /** A second grey series beside a muted one. */
  "secondary-mark": "#8a9196",
  /** A paler companion of the Inadequate colour (the projection's cross-check). */
  "inadequate-light-mark": "#d0707c",
  /** The second heat level beside Inadequate red (emotional exhaustion). */
  "warm-mark": "#c4532d",
  /** A shaded band behind marks: a background, not a mark. */
  band: "#e3eef8",
};

export const DARK: Palette = {
  text: "#f0f0ee",
  background: "#161a1d",
  muted: "#b6bec3",
  rule: "#7d858a",
  grid: "#2e3438",
  tint: "#22282c",
  accent: "#8fc1ff",
  "accent-visited": "#c7a6ff",
  focus: "#ffdd00",
  "focus-text": "#0b0c0c",
  "grade-inadequate": "#ff8a8a",
  "grade-ri-or-adequate": "#f0a35a",
  "grade-good": "#7fb2f0",
  "grade-outstanding": "#6cc48a",
  "neutral-mark": "#9aa2a7",
  "secondary-mark": "#6b7378",
  "inadequate-light-mark": "#b9606a",
  "warm-mark": "#f3a27f",
  band: "#1f2d3a",
};

export const PALETTES = { light: LIGHT, dark: DARK } as const;

/**
 * Which pairs must reach which contrast, in both palettes: text on the page (4.5:1, WCAG
 * 1.4.3), lines and marks against the page (3:1, WCAG 1.4.11). Grid and band are
 * backgrounds for data, not information, and are left out on purpose.
 */
export const TEXT_TOKENS: readonly ColourToken[] = ["text", "muted", "accent", "accent-visited", "grade-inadequate", "grade-ri-or-adequate", "grade-good", "grade-outstanding", "neutral-mark", "warm-mark"];
export const MARK_TOKENS: readonly ColourToken[] = ["rule", "secondary-mark", "inadequate-light-mark"];

/** The text face, self-hosted from @fontsource/source-sans-3 (SIL Open Font Licence 1.1). */
export const FONT_FAMILY = "Source Sans 3";
export const FONT_FALLBACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const FONT_STACK = `'${FONT_FAMILY}', ${FONT_FALLBACK}`;
/** The weights and styles the pages use, each one latin woff2 file. */
export const FONT_FACES = [
  { weight: 400, style: "normal" },
  { weight: 400, style: "italic" },
  { weight: 600, style: "normal" },
  { weight: 700, style: "normal" },
] as const;
export const fontFile = (face: { weight: number; style: string }) => `source-sans-3-latin-${face.weight}-${face.style}.woff2`;

/**
 * The page's type scale, written as --step-<n> custom properties: a ratio of 1.2 from the
 * body size, the top two steps growing with the window. (The chart's own size, in px of
 * SVG user units, follows.)
 */
export const TYPE_SCALE = {
  "-1": "0.875rem",
  "0": "1rem",
  "1": "1.2rem",
  "2": "1.44rem",
  "3": "clamp(1.5rem, 1.2rem + 1.2vw, 1.75rem)",
  "4": "clamp(1.9rem, 1.4rem + 2.4vw, 2.75rem)",
} as const;
export const CHART_FONT_SIZE = 12;
