/** This report's colours keep the theme's promises; grade bars carry page-coloured value labels. */
import { REPORT_THEME } from "../../../scripts/report/shared/theme.ts";
import { describeThemeContract } from "../../helpers/theme-contract.ts";

describeThemeContract("this report's theme", REPORT_THEME, ["grade-inadequate", "grade-ri-or-adequate", "grade-good", "grade-outstanding", "neutral-mark", "muted", "warm-mark"]);
