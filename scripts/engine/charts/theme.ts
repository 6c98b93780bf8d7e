/**
 * One visual theme for every chart: type, axis styling and the base colours, read from the
 * engine's palette (scripts/engine/theme/palette.ts), which also feeds the page CSS. The
 * SVG carries the light colours; the generated stylesheet maps each of them to its custom
 * property, so charts follow the page into dark mode. A report's own colours (a grade's)
 * come from its theme, made with extendTheme.
 */
import type { Config } from "vega-lite";
import { BASE_LIGHT, CHART_FONT_SIZE, FONT_STACK } from "../theme/palette.ts";

export const INK = BASE_LIGHT.text;
export const MUTED_INK = BASE_LIGHT.muted;
export const RULE = BASE_LIGHT.rule;
export const GRID = BASE_LIGHT.grid;
/** The page behind the chart: strokes between bars and labels written on bars. */
export const PAPER = BASE_LIGHT.background;
/** Grey marks that carry white labels. */
export const NEUTRAL_MARK = BASE_LIGHT["neutral-mark"];
export const SECONDARY_MARK = BASE_LIGHT["secondary-mark"];
export const BAND = BASE_LIGHT.band;
export { FONT_STACK };

/**
 * The wide rendering's width in CSS px: the figure's column at 1280 px (52rem at 17 px, as
 * assets/report.css sets main), where it is shown at its own size; narrower windows scale
 * it down until the narrow rendering takes over. A single view is fitted to it whole
 * (./wide.ts); a spec of panels sizes its panels from it.
 */
export const CHART_WIDTH = 884;
export const CHART_HEIGHT = 300;

/** The Vega-Lite schema every spec declares (the version the project pins). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** The config at a rendering's text size (a spec drawn for the narrow column passes NARROW_CHART_FONT_SIZE). */
export const chartConfig = (fontSize: number): Config => ({
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
    labelFontSize: fontSize,
    titleFontSize: fontSize,
    titleFontWeight: "normal",
    domainColor: RULE,
    tickColor: RULE,
    gridColor: GRID,
    // No ellipsis: a label is shown whole (wrapped by the spec where it is long), and
    // measured whole with the font's metrics (scripts/engine/render/text-metrics.ts).
    labelLimit: 0,
  },
  legend: { labelLimit: 0, labelColor: INK, titleColor: INK, labelFontSize: fontSize, titleFontSize: fontSize, titleFontWeight: "normal", orient: "top", direction: "horizontal" },
  header: { labelLimit: 0, labelColor: INK, titleColor: INK, labelFontSize: fontSize, titleFontSize: fontSize },
  text: { color: INK, fontSize },
});

export const vegaConfig: Config = chartConfig(CHART_FONT_SIZE);
