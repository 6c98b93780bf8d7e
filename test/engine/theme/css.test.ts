import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chartRecolourCss, fontFaceCss, themeCss } from "../../../scripts/engine/theme/css.ts";
import { extendTheme, FONT_FACES } from "../../../scripts/engine/theme/palette.ts";

/** A theme with a colour of its own, declared between two base colours. */
const THEME = extendTheme({
  light: { highlight: "#8a1c7c" },
  dark: { highlight: "#f0a0e0" },
  textTokens: ["highlight"],
  markTokens: [],
  after: { text: ["highlight"] },
});
const { light: LIGHT, dark: DARK, tokens: COLOUR_TOKENS } = THEME;

describe("the generated theme stylesheet", () => {
  const css = themeCss(THEME);
  const darkBlock = css.slice(css.indexOf("@media (prefers-color-scheme: dark)"));

  it("declares every colour token in light by default and in dark under prefers-color-scheme", () => {
    for (const token of COLOUR_TOKENS) {
      expect(css).toContain(`--colour-${token}: ${LIGHT[token]};`);
      expect(darkBlock).toContain(`--colour-${token}: ${DARK[token]};`);
    }
    expect(css).toMatch(/--font-body: 'Source Sans 3', /);
  });

  it("declares the colours in the theme's order", () => {
    const declared = [...css.slice(0, css.indexOf("@media")).matchAll(/--colour-([a-z-]+):/g)].map((m) => m[1]);
    expect(declared).toEqual(COLOUR_TOKENS);
  });

  it("declares the type scale in order, and every step the page stylesheet uses", () => {
    const declared = [...css.matchAll(/--step-(-?\d+): ([^;]+);/g)].map((m) => [m[1], m[2]]);
    expect(declared).toEqual([
      ["-1", "0.875rem"],
      ["0", "1rem"],
      ["1", "1.2rem"],
      ["2", "1.44rem"],
      ["3", "clamp(1.5rem, 1.2rem + 1.2vw, 1.75rem)"],
      ["4", "clamp(1.9rem, 1.4rem + 2.4vw, 2.75rem)"],
    ]);
    const page = readFileSync(path.resolve(import.meta.dirname, "../../../assets/report.css"), "utf8");
    const used = new Set([...page.matchAll(/var\(--step-(-?\d+)\)/g)].map((m) => m[1]));
    expect([...used].filter((step) => !declared.some(([name]) => name === step))).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });

  it("loads one woff2 per face from the fonts folder beside the stylesheet, swapping in when ready", () => {
    const faces = fontFaceCss().match(/@font-face \{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(FONT_FACES.length);
    for (const face of faces) {
      expect(face).toContain("font-display: swap;");
      expect(face).toMatch(/src: url\("fonts\/source-sans-3-latin-\d{3}-(normal|italic)\.woff2"\) format\("woff2"\);/);
    }
  });

  it("points each chart colour the SVG carries at its token, white at the page", () => {
    const rules = chartRecolourCss(THEME);
    expect(rules).toContain(`svg.chart [fill="${LIGHT.highlight}"] { fill: var(--colour-highlight); }`);
    expect(rules).toContain(`svg.chart [stroke="${LIGHT.rule}"] { stroke: var(--colour-rule); }`);
    expect(rules).toContain(`svg.chart [fill="#ffffff"] { fill: var(--colour-background); }`);
    expect(rules.split("\n")).toHaveLength(COLOUR_TOKENS.length * 2);
  });
});
