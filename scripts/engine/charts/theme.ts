/**
 * One visual theme for every chart: grade colours, type and axis styling, read from the
 * report's palette (scripts/theme/palette.ts), which also feeds the page CSS. The SVG
 * carries the light colours; the generated stylesheet maps each of them to its custom
 * property, so charts follow the page into dark mode. Colours are paired with distinct
 * dash patterns and point shapes so no reading depends on colour alone.
 */
import type { Config } from "vega-lite";
import type { Grade } from "../../report/outcomes/datasets.ts";
import { CHART_FONT_SIZE, FONT_STACK, LIGHT } from "../theme/palette.ts";

export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  inadequate: "Inadequate",
  ri_or_adequate: "Requires improvement / adequate",
  good: "Good",
  outstanding: "Outstanding",
};

export const GRADE_COLOURS: Readonly<Record<Grade, string>> = {
  inadequate: LIGHT["grade-inadequate"],
  ri_or_adequate: LIGHT["grade-ri-or-adequate"],
  good: LIGHT["grade-good"],
  outstanding: LIGHT["grade-outstanding"],
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

export const INK = LIGHT.text;
export const MUTED_INK = LIGHT.muted;
export const RULE = LIGHT.rule;
export const GRID = LIGHT.grid;
/** The page behind the chart: strokes between bars and labels written on bars. */
export const PAPER = LIGHT.background;
export const SECONDARY_MARK = LIGHT["secondary-mark"];
export const BAND = LIGHT.band;
export const INADEQUATE_LIGHT_MARK = LIGHT["inadequate-light-mark"];
export { FONT_STACK };

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
    labelFontSize: CHART_FONT_SIZE,
    titleFontSize: CHART_FONT_SIZE,
    titleFontWeight: "normal",
    domainColor: RULE,
    tickColor: RULE,
    gridColor: GRID,
    // No ellipsis: a label is shown whole (wrapped by the spec where it is long), and
    // measured whole with the font's metrics (scripts/render/text-metrics.ts).
    labelLimit: 0,
  },
  legend: { labelLimit: 0, labelColor: INK, titleColor: INK, labelFontSize: CHART_FONT_SIZE, titleFontSize: CHART_FONT_SIZE, titleFontWeight: "normal", orient: "top", direction: "horizontal" },
  header: { labelLimit: 0, labelColor: INK, titleColor: INK, labelFontSize: CHART_FONT_SIZE, titleFontSize: CHART_FONT_SIZE },
  text: { color: INK, fontSize: CHART_FONT_SIZE },
};

/**
 * Survey answers (the Likert chart): blue for agreement, red for disagreement, grey for
 * the rest. Every fill has at least 4.5:1 contrast on white (agree 5.9, disagree 6.9,
 * neither 4.6), so white value labels on them stay readable; the rest whose split the
 * report does not publish is drawn hollow with a dashed outline, so it is told apart by
 * shape as well as colour, and every segment carries its value as text.
 */
export const SURVEY_COLOURS = {
  agree: LIGHT["grade-good"],
  disagree: LIGHT["grade-inadequate"],
  neither: LIGHT["neutral-mark"],
  /** Fill of the hollow "not published" segment; its outline is SURVEY_UNSPLIT_STROKE. */
  unsplit: PAPER,
} as const;
export const SURVEY_UNSPLIT_STROKE = MUTED_INK;
export const SURVEY_UNSPLIT_DASH = [4, 3];

/** Emotional exhaustion levels: both ≥ 4.5:1 on white (high 6.9, moderate 4.5), and labelled in the bar. */
export const EXHAUSTION_COLOURS = {
  high: LIGHT["grade-inadequate"],
  moderate: LIGHT["warm-mark"],
} as const;
