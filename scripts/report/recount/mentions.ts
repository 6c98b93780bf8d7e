/**
 * Which councils the rebuilt 2015 report discusses one by one, for their council pages: the
 * 2013 cohort of chapter 2 as our recount reads it. The report names neither its councils nor
 * its rule, so a council is "in the cohort" only under the reading that gives the report's
 * count (or, when none does, under the first reading, which the page then says).
 */
import type { CohortGroup } from "../cohort/datasets.ts";
import type { RecountAnalysis } from "./analysis.ts";
import { COHORT_READINGS_FIGURE } from "./figures.ts";

export interface CohortMentions {
  /** The year the report's cohort was inspected in. */
  readonly year: number;
  /** The report's count of councils in the cohort. */
  readonly reportCouncils: number;
  /** Whether the reading used gives the report's count. */
  readonly matchesReport: boolean;
  /** The reading used, in words ("SIF or CPI published in 2013"). */
  readonly reading: string;
  /** The cohort's councils under that reading, with the group each is in. */
  readonly members: ReadonlyMap<string, CohortGroup>;
  /** How many councils each group has. */
  readonly groupSizes: Readonly<Record<CohortGroup, number>>;
  /** The figure that shows the readings, for a link. */
  readonly figureKey: string;
}

export function cohortMentions(analysis: RecountAnalysis): CohortMentions {
  const { cohort, cohortMatches, reportCohort, options } = analysis;
  return {
    year: options.cohortYear,
    reportCouncils: reportCohort.councils,
    matchesReport: cohortMatches.includes(cohort),
    reading: cohort.named.label,
    members: new Map(cohort.members.map((m) => [m.council_code, m.group])),
    groupSizes: { inadequate: cohort.groups.inadequate.councils.length, ri_or_good: cohort.groups.ri_or_good.councils.length },
    figureKey: COHORT_READINGS_FIGURE,
  };
}
