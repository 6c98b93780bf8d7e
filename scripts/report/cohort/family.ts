/**
 * The 2013 cohort as the 2015 report published it: how councils judged Inadequate moved on
 * four indicators against the rest, and a made-up illustration of regression to the mean
 * beside it.
 */
import { defineFamily } from "../../engine/family.ts";
import { analyseCohort } from "./compute.ts";
import { cohort2013Design, cohort2013Indicators } from "./datasets.ts";
import { iaTimelinessFigure, statedChangesFigure } from "./figures.ts";
import { meanReversionIllustration } from "./reversion-dataset.ts";
import { meanReversionFigure } from "./reversion-figures.ts";
import { reversionStats } from "./reversion-stats.ts";
import { revertTowardMean } from "./reversion.ts";
import { cohortStats } from "./stats.ts";

/** The mean-reversion illustration moves each made-up score half-way back to the mean. */
export const REVERSION_FRACTION = 0.5;

export const cohort = defineFamily({
  name: "cohort",
  datasets: [cohort2013Indicators, cohort2013Design, meanReversionIllustration],
  uses: {},
  build({ rows }) {
    const analysis = analyseCohort(rows(cohort2013Indicators), rows(cohort2013Design));
    const reversion = revertTowardMean(rows(meanReversionIllustration), REVERSION_FRACTION);
    return {
      stats: [...cohortStats(analysis), ...reversionStats(reversion)],
      figures: [iaTimelinessFigure(analysis), statedChangesFigure(analysis), meanReversionFigure(reversion, analysis)],
    };
  },
});
