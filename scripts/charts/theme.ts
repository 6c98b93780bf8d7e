/**
 * One visual theme for every chart: grade colours, type and axis styling. The same
 * values are meant to feed the page CSS, so charts and text share a palette.
 * Colours are chosen for at least 4.5:1 contrast on white and are paired with
 * distinct dash patterns and point shapes so no reading depends on colour alone.
 */
import type { Config } from "vega-lite";
import type { Grade } from "../data/datasets/outcomes.ts";

export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  inadequate: "Inadequate",
  ri_or_adequate: "Requires improvement / adequate",
  good: "Good",
  outstanding: "Outstanding",
};

export const GRADE_COLOURS: Readonly<Record<Grade, string>> = {
  inadequate: "#b2182b",
  ri_or_adequate: "#9c4a00",
  good: "#2166ac",
  outstanding: "#1b7837",
};

export const GRADE_DASHES: Readonly<Record<Grade, number[]>> = {
  inadequate: [1, 0],
  ri_or_adequate: [6, 3],
  good: [1, 0],
  outstanding: [2, 2],
};

export const GRADE_SHAPES: Readonly<Record<Grade, string>> = {
  inadequate: "triangle-down",
  ri_or_adequate: "diamond",
  good: "circle",
  outstanding: "triangle-up",
};

export const INK = "#1d1d1b";
export const MUTED_INK = "#505a5f";
export const RULE = "#b1b4b6";

export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Standard chart size in CSS pixels; the SVG scales down with its column. */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 300;

export const vegaConfig: Config = {
  // The page supplies the background, so charts sit on light or dark pages alike.
  background: "transparent",
  font: FONT_STACK,
  // The SVG as a whole carries role="img" with a title and description; per-mark
  // ARIA inside it would only be noise for screen readers.
  aria: false,
  view: { stroke: null },
  axis: {
    labelColor: MUTED_INK,
    titleColor: INK,
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: "normal",
    domainColor: RULE,
    tickColor: RULE,
    gridColor: "#e5e6e7",
  },
  legend: { labelColor: INK, titleColor: INK, labelFontSize: 12, titleFontSize: 12, titleFontWeight: "normal", orient: "top", direction: "horizontal" },
  header: { labelColor: INK, titleColor: INK, labelFontSize: 12, titleFontSize: 12 },
  text: { color: INK, fontSize: 12 },
};
