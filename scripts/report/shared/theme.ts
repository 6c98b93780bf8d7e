/**
 * This report's colours beside the engine's base ones: a colour per grade, and the marks
 * some charts draw beside them. Each reaches the contrast its use needs in the light and
 * the dark palette (test/report/shared/theme.test.ts works the ratios out): the grade
 * colours reach 4.5:1 because value labels are written on bars in the page's colour.
 */
import { extendTheme } from "../../engine/theme/palette.ts";

export const REPORT_THEME = extendTheme({
  // In the stylesheet: the grades after the base colours of the page, the other marks after the engine's greys.
  after: {
    "focus-text": ["grade-inadequate", "grade-ri-or-adequate", "grade-good", "grade-outstanding"],
    "secondary-mark": ["inadequate-light-mark", "warm-mark"],
  },
  light: {
    "grade-inadequate": "#b2182b",
    "grade-ri-or-adequate": "#9c4a00",
    "grade-good": "#2166ac",
    "grade-outstanding": "#1b7837",
    /** A paler companion of the Inadequate colour (the projection's cross-check). */
    "inadequate-light-mark": "#d0707c",
    /** The second heat level beside Inadequate red (emotional exhaustion). */
    "warm-mark": "#c4532d",
  },
  dark: {
    "grade-inadequate": "#ff8a8a",
    "grade-ri-or-adequate": "#f0a35a",
    "grade-good": "#7fb2f0",
    "grade-outstanding": "#6cc48a",
    "inadequate-light-mark": "#b9606a",
    "warm-mark": "#f3a27f",
  },
  textTokens: ["grade-inadequate", "grade-ri-or-adequate", "grade-good", "grade-outstanding", "warm-mark"],
  markTokens: ["inadequate-light-mark"],
});

/** A colour of the light palette, as the charts' SVG carries it. */
export const LIGHT = REPORT_THEME.light;
