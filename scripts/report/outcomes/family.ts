/**
 * The grade table of 2008–2015 as the 2015 report published it: how the shares of each
 * grade moved, how much they swing from year to year, and how far they fell. Its result,
 * the table year by year, is used by the projection and the recount.
 */
import { defineFamily } from "../../engine/family.ts";
import { outcomesByYear, type YearOutcomes } from "./compute.ts";
import { inspectionOutcomesByYear, ofstedAssessments } from "./datasets.ts";
import { assessmentStats } from "./assessment-stats.ts";
import { checkEarlyRow, publicationShares } from "./assessments.ts";
import { declineStats } from "./decline-stats.ts";
import { gradeStackFigure, gradeTrendFigure, yearlySwingFigure } from "./figures.ts";
import { outcomeStats, type VariationWindow } from "./stats.ts";

/** The report compares the three years before the single inspection framework settled in with the three after. */
export const VARIATION_WINDOWS: readonly [VariationWindow, VariationWindow] = [
  { name: "early", first: "2009/10", last: "2011/12" },
  { name: "late", first: "2012/13", last: "2014/15" },
];

/** Chapter 1 quotes how each grade's share moved from 2007/08 to 2010/11. */
export const DECLINE_CHANGES = [{ from: "2007/08", to: "2010/11" }] as const;

/** The grade table's rows before the council records begin, checked against Ofsted's reported assessment counts. */
export const EARLY_ROWS = ["2007/08", "2008/09", "2009/10"] as const;

export interface OutcomesResult {
  /** The published shares, year by year. */
  readonly years: readonly YearOutcomes[];
  /** The windows the variation is compared over, by name. */
  readonly windows: readonly VariationWindow[];
}

export const outcomes = defineFamily({
  name: "outcomes",
  datasets: [inspectionOutcomesByYear, ofstedAssessments],
  uses: {},
  build({ rows }) {
    const years = outcomesByYear(rows(inspectionOutcomesByYear));
    const result: OutcomesResult = { years, windows: VARIATION_WINDOWS };
    const publications = publicationShares(rows(ofstedAssessments));
    const early = years.filter((y) => (EARLY_ROWS as readonly string[]).includes(y.year)).map((y) => checkEarlyRow(y, publications));
    return {
      result,
      stats: [...outcomeStats(years, VARIATION_WINDOWS), ...declineStats(years, DECLINE_CHANGES), ...assessmentStats(publications, early)],
      figures: [gradeTrendFigure(years), gradeStackFigure(years), yearlySwingFigure(years, VARIATION_WINDOWS)],
    };
  },
});
