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

/** The Vega-Lite schema every spec declares (the version the project pins). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

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

/**
 * Survey answers (the Likert chart): blue for agreement, red for disagreement, grey for
 * the rest. Every fill has at least 4.5:1 contrast on white (agree 5.9, disagree 6.9,
 * neither 4.6), so white value labels on them stay readable; the rest whose split the
 * report does not publish is drawn hollow with a dashed outline, so it is told apart by
 * shape as well as colour, and every segment carries its value as text.
 */
export const SURVEY_COLOURS = {
  agree: "#2166ac",
  disagree: "#b2182b",
  neither: "#6f777b",
  /** Fill of the hollow "not published" segment; its outline is SURVEY_UNSPLIT_STROKE. */
  unsplit: "#ffffff",
} as const;
export const SURVEY_UNSPLIT_STROKE = MUTED_INK;
export const SURVEY_UNSPLIT_DASH = [4, 3];

/** Emotional exhaustion levels: both ≥ 4.5:1 on white (high 6.9, moderate 4.5), and labelled in the bar. */
export const EXHAUSTION_COLOURS = {
  high: "#b2182b",
  moderate: "#c4532d",
} as const;
