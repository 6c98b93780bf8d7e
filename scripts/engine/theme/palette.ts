/**
 * The engine's colour, type and font choices, and how a report adds colours of its own.
 * The page stylesheet gets the report's theme as CSS custom properties (./css.ts writes
 * them at build time) and the charts read the base colours in scripts/engine/charts/theme.ts,
 * so a colour is changed in one place.
 *
 * Two palettes with the same tokens: light, and dark for readers whose system asks for
 * it (prefers-color-scheme). Every text colour reaches 4.5:1 on its background and every
 * line or mark colour 3:1 (test/engine/theme/palette.test.ts works the ratios out).
 */

/** The colours every report has: page, text, links, rules, and the greys and band charts draw with. */
export const BASE_TOKENS = [
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
  "neutral-mark",
  "secondary-mark",
  "band",
] as const;
export type BaseToken = (typeof BASE_TOKENS)[number];

/** Colour by token. */
export type Palette = Readonly<Record<string, string>>;

/**
 * A report's colours: the base tokens and any of its own (a grade's colour), each in a
 * light and a dark palette, in the order the stylesheet declares them, with which tokens
 * are text and which are lines and marks (for the contrast each must reach).
 */
export interface Theme {
  readonly tokens: readonly string[];
  readonly light: Palette;
  readonly dark: Palette;
  /** Written as text on the page: 4.5:1 on the background in both palettes (WCAG 1.4.3). */
  readonly textTokens: readonly string[];
  /** Drawn as lines and marks: 3:1 on the background (WCAG 1.4.11). */
  readonly markTokens: readonly string[];
}

export const BASE_LIGHT: Readonly<Record<BaseToken, string>> = {
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
  /** Grey marks that carry white labels. */
  "neutral-mark": "#6f777b",
  /** A second grey series beside a muted one. */
  "secondary-mark": "#8a9196",
  /** A shaded band behind marks: a background, not a mark. */
  band: "#e3eef8",
};

export const BASE_DARK: Readonly<Record<BaseToken, string>> = {
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
  "neutral-mark": "#9aa2a7",
  "secondary-mark": "#6b7378",
  band: "#1f2d3a",
};

/**
 * Which base tokens must reach which contrast: text on the page (4.5:1), lines and marks
 * against the page (3:1). Grid and band are backgrounds for data, not information, and
 * are left out on purpose; focus is drawn behind its own text colour.
 */
const BASE_TEXT: readonly BaseToken[] = ["text", "muted", "accent", "accent-visited", "neutral-mark"];
const BASE_MARKS: readonly BaseToken[] = ["rule", "secondary-mark"];

/** The engine's theme, for a report that brings no colours of its own. */
export const ENGINE_THEME: Theme = { tokens: BASE_TOKENS, light: BASE_LIGHT, dark: BASE_DARK, textTokens: BASE_TEXT, markTokens: BASE_MARKS };

/**
 * A report's theme: the base colours and its own tokens, each with a light and a dark colour
 * and said to be text or a mark (or neither, for a background). The stylesheet declares the
 * base tokens in their order with each of the report's own after the base token `after`
 * names for it, and any it does not place at the end.
 */
export function extendTheme<const T extends string>(own: {
  readonly light: Readonly<Record<T, string>>;
  readonly dark: Readonly<Record<T, string>>;
  readonly textTokens: readonly T[];
  readonly markTokens: readonly T[];
  readonly after?: Readonly<Partial<Record<BaseToken, readonly T[]>>>;
}): Theme {
  const ownTokens = Object.keys(own.light) as T[];
  const placed = Object.values<readonly T[] | undefined>(own.after ?? {}).flatMap((tokens) => tokens ?? []);
  const unknown = placed.filter((token, index) => !ownTokens.includes(token) || placed.indexOf(token) !== index);
  if (unknown.length > 0) throw new Error(`a theme places each of its own tokens once, after a base token (not: ${unknown.join(", ")})`);
  const clashing = ownTokens.filter((token) => (BASE_TOKENS as readonly string[]).includes(token));
  if (clashing.length > 0) throw new Error(`a theme's own tokens cannot be base tokens: ${clashing.join(", ")}`);
  const missingDark = ownTokens.filter((token) => !(token in own.dark));
  if (missingDark.length > 0) throw new Error(`a theme's own tokens need a dark colour too: ${missingDark.join(", ")}`);
  const tokens = [...BASE_TOKENS.flatMap((base): string[] => [base, ...(own.after?.[base] ?? [])]), ...ownTokens.filter((token) => !placed.includes(token))];
  const ordered = (palette: Readonly<Record<string, string>>) => Object.fromEntries(tokens.map((token) => [token, palette[token]]));
  return {
    tokens,
    light: ordered({ ...BASE_LIGHT, ...own.light }),
    dark: ordered({ ...BASE_DARK, ...own.dark }),
    textTokens: [...BASE_TEXT, ...own.textTokens],
    markTokens: [...BASE_MARKS, ...own.markTokens],
  };
}

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
/**
 * Chart text in px of SVG user units, as drawn at its rendering's own width. Each rendering is
 * shown at about that width (the wide one fills the 52rem column at 1280 px, where the root is
 * 17 px; the narrow one a 360 px phone's 328 px column, where the root is 16 px), so these are
 * the sizes a reader sees, and each is no smaller than the figure's caption beside it (0.9rem:
 * 15.3 px and 14.4 px). test/browser/chart-size.test.ts measures it on the page.
 */
export const CHART_FONT_SIZE = 16;
export const NARROW_CHART_FONT_SIZE = 14.5;
