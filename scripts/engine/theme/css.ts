/**
 * The theme as CSS, written at build time in front of the page stylesheet: the self-hosted
 * font's @font-face rules, every colour and type token as a custom property (light by
 * default, dark when the reader's system asks for it), and the rules that recolour the
 * inline chart SVGs. Vega writes colours as presentation attributes (fill="#b2182b"),
 * which any CSS rule outranks, so each light colour the charts use is pointed at its
 * custom property and follows the palette into dark mode.
 */
import { FONT_FACES, FONT_FAMILY, FONT_STACK, fontFile, TYPE_SCALE, type Palette, type Theme } from "./palette.ts";

/** Site folder of the font files, relative to the stylesheet in /assets/ (so any path prefix works). */
export const FONTS_FOLDER = "fonts";

const declarations = (theme: Theme, palette: Palette) => theme.tokens.map((token) => `  --colour-${token}: ${palette[token]};`).join("\n");

export function fontFaceCss(): string {
  return FONT_FACES.map(
    (face) =>
      `@font-face {\n  font-family: "${FONT_FAMILY}";\n  font-style: ${face.style};\n  font-weight: ${face.weight};\n  font-display: swap;\n` +
      `  src: url("${FONTS_FOLDER}/${fontFile(face)}") format("woff2");\n}`,
  ).join("\n");
}

/**
 * One rule per chart colour: the light value the SVG carries → its token. Every token's
 * light value is distinct (the theme test checks), so the mapping is one to one. White
 * in a chart is the page: strokes between bars and labels written on bars.
 */
export function chartRecolourCss(theme: Theme): string {
  const values: [string, string][] = theme.tokens.map((token) => [theme.light[token], token]);
  values.push(["#ffffff", "background"]);
  const unique = [...new Map(values).entries()];
  return unique
    .flatMap(([value, token]) =>
      ["fill", "stroke"].map((property) => `svg.chart [${property}="${value}"] { ${property}: var(--colour-${token}); }`),
    )
    .join("\n");
}

export function themeCss(theme: Theme): string {
  const sizes = Object.entries(TYPE_SCALE)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([step, size]) => `  --step-${step}: ${size};`)
    .join("\n");
  return [
    // Kept word for word from before the engine/report split, so the site stayed byte-identical;
    // the base colours are now in scripts/engine/theme/palette.ts and a report's own in its theme.
    "/* Generated at build time from scripts/theme/palette.ts: edit the palette there, not here. */",
    fontFaceCss(),
    `:root {\n  color-scheme: light dark;\n${declarations(theme, theme.light)}\n  --font-body: ${FONT_STACK};\n${sizes}\n}`,
    `@media (prefers-color-scheme: dark) {\n:root {\n${declarations(theme, theme.dark)}\n}\n}`,
    chartRecolourCss(theme),
    "",
  ].join("\n");
}
