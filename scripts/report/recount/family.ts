/**
 * The 2015 report's counts recounted from Ofsted's own records, council by council: the
 * grade shares, the Inadequate count, repeat inspections, the 2013 cohort and its demand,
 * and the last Outstanding judgement. It sets each against the tables the report published
 * (the outcomes and transitions families' results, and the cohort's published design).
 */
import { defineFamily } from "../../engine/family.ts";
import { cohort2013Design, cohort2013Indicators } from "../cohort/datasets.ts";
import { childrenInNeed2012To2014, councils, demand, inspections } from "../councils/datasets.ts";
import { indicatorSearchFigure } from "./indicator-figures.ts";
import { indicatorStats } from "./indicator-stats.ts";
import { directions, rateRevisions, searchIndicators, targetsOf } from "./indicators.ts";
import { outcomes } from "../outcomes/family.ts";
import { transitions } from "../transitions/family.ts";
import { analyseRecount, reportCohortDesign, type RecountOptions } from "./analysis.ts";
import { cohortMentions } from "./mentions.ts";
import { recountFigures } from "./figures.ts";
import { ofstedSources } from "../shared/sources.ts";
import { recountStats } from "./stats.ts";

/**
 * The recount from council rows: the two latest years of the grade table; the five financial
 * years of the Inadequate count (footnotes 6 and 35); repeat inspections "since 2010" to the
 * end of the report's last year; the cohort "inspected in 2013", compared over the two
 * earliest years ending March in data/councils/demand.csv.
 */
export const RECOUNT_OPTIONS: RecountOptions = {
  shareYears: ["2013/14", "2014/15"],
  inadequatePeriod: { from: "2010-04-01", to: "2015-03-31" },
  repeatPeriod: { from: "2010-01-01", to: "2015-03-31" },
  cohortYear: 2013,
  demandYears: { from: 2013, to: 2014 },
  // The end of the last year in the report's grade table (2014/15): the latest date its data covers.
  outstandingAsOf: "2015-03-31",
};

export const recount = defineFamily({
  name: "recount",
  datasets: [councils, inspections, demand, cohort2013Design, childrenInNeed2012To2014, cohort2013Indicators],
  uses: { outcomes, transitions },
  build({ rows, uses, sourcesRead }) {
    const analysis = analyseRecount(
      {
        events: rows(inspections),
        demand: rows(demand),
        councils: rows(councils),
        published: uses.outcomes.years,
        reportTransitions: uses.transitions,
        reportCohort: reportCohortDesign(rows(cohort2013Design)),
      },
      RECOUNT_OPTIONS,
    );
    // Chapter 2's four indicators, 2012 → 2014, from DfE's council figures: every reading and average, the closest to each printed value.
    const cin = rows(childrenInNeed2012To2014);
    const search = searchIndicators({ events: rows(inspections), cin, revised: rows(demand), targets: targetsOf(rows(cohort2013Indicators)), cohortYear: RECOUNT_OPTIONS.cohortYear });
    const revisions = [2013, 2014].flatMap((year) => (["referrals", "cpPlans"] as const).map((measure) => rateRevisions(cin, rows(demand), measure, year)));
    const inspectionsSource = ofstedSources(sourcesRead).inspections;
    return {
      stats: [...recountStats(analysis), ...indicatorStats(search, revisions, analysis.names, directions(search, cin, rows(demand)))],
      figures: [...recountFigures(analysis, inspectionsSource), indicatorSearchFigure(search, inspectionsSource)],
      result: { cohort: cohortMentions(analysis) },
    };
  },
});
