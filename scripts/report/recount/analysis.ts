/**
 * The report's inspection counts recounted from council rows (data/councils/), each under
 * a named counting rule, next to the values the report prints:
 *
 * - grade shares of a financial year under every rule in SHARE_RULES, and which rules give
 *   all four published shares exactly (as whole percentages, halves rounded up);
 * - Inadequate judgements published in a period (safeguarding and whole-service judgements;
 *   with the looked-after-children ones too; SIF only), and their yearly average:
 *   48 over the five years April 2010 to March 2015 → 48 ÷ 5 = 9.6 a year;
 * - councils judged twice or more in a period, and how their grade moved from first to last,
 *   with the shares the report prints: e.g. 5 of 25 councils first judged Inadequate still
 *   Inadequate at the last = 20%;
 * - the 2013 cohort under several readings of "inspected in 2013" (scripts/report/recount/cohort-recount.ts),
 *   which of them give the report's 29 councils, and the same demand measures for every
 *   council with the values, for reference;
 * - the last Outstanding judgement before a date, the time since, and its council's next grade.
 *
 * Pure functions: rows in, typed results out; no I/O, no clock.
 */
import { DAYS_PER_YEAR, daysBetween, financialYear, financialYearFrom } from "../shared/dates.ts";
import type { ResultOf } from "../../engine/family.ts";
import type { transitions } from "../transitions/family.ts";
import type { outcomes } from "../outcomes/family.ts";
import { measureValues, type MeasureRow } from "../shared/measures.ts";

import { SIF_FRAMEWORKS, type Framework, SAFEGUARDING_FRAMEWORKS } from "../councils/datasets.ts";
import { rateChange, recountCohort, DEMAND_MEASURES, type CohortRecount, type CohortRule, type DemandFigures, type DemandMeasure, type RateChange } from "./cohort-recount.ts";
import { PRE_ILACS_FRAMEWORKS, gradeShares, inadequateCount, repeatTransitions, type GradeShares, type JudgementEvent, type RepeatTransitions, type ShareRule } from "./counting.ts";
import { GRADES, type Grade, type Judgement, GRADE_OF_JUDGEMENT } from "../shared/grades.ts";

/** The grade table and the published transitions, as the outcomes and transitions families hand them over. */
type YearOutcomes = ResultOf<typeof outcomes>["years"][number];
type TransitionAnalysis = ResultOf<typeof transitions>;
type TransitionSummary = TransitionAnalysis["summary"];

/** Ofsted's judgement scale in the council rows → the grade names of the report's table. */
const JUDGEMENT_OF_GRADE = Object.fromEntries(Object.entries(GRADE_OF_JUDGEMENT).map(([j, g]) => [g, j])) as Record<Grade, Judgement>;

export interface NamedShareRule extends ShareRule {
  /** Used in stat keys. */
  readonly key: string;
  /** A few words for chart labels. */
  readonly label: string;
  /** The whole rule, for captions and stat labels. */
  readonly description: string;
}

/**
 * The assumed gap between a child protection inspection and its report: the data has
 * only publication dates for these inspections. Six weeks fits a two-week inspection
 * reported a few weeks later; every gap from 23 to 58 days gives the same shares.
 */
export const CPI_REPORT_LAG_DAYS = 42;

/** Child protection inspections, each with its re-inspections (2012–2013). */
export const CHILD_PROTECTION_FRAMEWORKS: readonly Framework[] = ["cpi", "cpi-reinspection"];

/**
 * SIF and child protection inspections placed on the date the inspection took place: SIF by
 * the start read from its report (undated reports take their same-day batch's earliest
 * start), child protection inspections by publication less CPI_REPORT_LAG_DAYS. The rule
 * that reproduces the report's grade table (key "startDateWithCpi").
 */
const INSPECTED_RULE: ShareRule = {
  basis: "inspection_start",
  frameworks: [...SIF_FRAMEWORKS, ...CHILD_PROTECTION_FRAMEWORKS],
  undated: "same_day_batch",
  nonSifLagDays: CPI_REPORT_LAG_DAYS,
};

/** The counting rules tried for the report's grade table. */
export const SHARE_RULES: readonly NamedShareRule[] = [
  {
    key: "publishedSif",
    label: "SIF, by publication date",
    basis: "publication",
    frameworks: SIF_FRAMEWORKS,
    description: "single inspection framework (SIF) judgements only, first inspections and re-inspections, each placed in the financial year its report was published",
  },
  {
    key: "publishedSafeguarding",
    label: "Safeguarding and SIF, by publication date",
    basis: "publication",
    frameworks: SAFEGUARDING_FRAMEWORKS,
    description:
      "judgements on safeguarding or the whole service (the safeguarding judgement of the 2009–2012 inspections of safeguarding and looked-after children, child protection inspections and SIF, each with its re-inspections), each placed in the financial year its report was published",
  },
  {
    key: "publishedAll",
    label: "Every framework, by publication date",
    basis: "publication",
    frameworks: PRE_ILACS_FRAMEWORKS,
    description: "every judgement before the 2018 framework, the looked-after-children judgements included, each placed in the financial year its report was published",
  },
  {
    key: "startDate",
    label: "SIF, by start date, undated left out",
    basis: "inspection_start",
    frameworks: SIF_FRAMEWORKS,
    undated: "exclude",
    description: "SIF judgements only, each placed in the financial year its inspection started (as read from the report); SIF judgements whose start date is not known are left out",
  },
  {
    key: "startDateFilled",
    label: "SIF, by start date, undated with their batch",
    basis: "inspection_start",
    frameworks: SIF_FRAMEWORKS,
    undated: "same_day_batch",
    description:
      "SIF judgements only, each placed in the financial year its inspection started (as read from the report); a SIF judgement whose start date is not known takes the earliest start date of the SIF reports published the same day",
  },
  {
    key: "startDateWithCpi",
    label: "SIF by start date, child protection inspections six weeks before publication",
    ...INSPECTED_RULE,
    description:
      `SIF judgements and child protection inspections (with their re-inspections), each placed in the financial year its inspection took place: SIF by the start date read from the report (undated SIF reports take the earliest start of the SIF reports published the same day), child protection inspections, whose dates the data lacks, by their publication date less ${CPI_REPORT_LAG_DAYS} days (any gap from 23 to 58 days gives the same result); targeted looked-after-children inspections are not counted`,
  },
  {
    key: "startDateSafeguarding",
    label: "Safeguarding and SIF, SIF by start date",
    basis: "inspection_start",
    frameworks: SAFEGUARDING_FRAMEWORKS,
    undated: "publication",
    description:
      "judgements on safeguarding or the whole service, SIF judgements placed by the financial year their inspection started and every judgement without a known start date (all the earlier frameworks, and SIF reports not read) by the year of publication",
  },
  {
    key: "startDateAll",
    label: "Every framework, SIF by start date",
    basis: "inspection_start",
    frameworks: PRE_ILACS_FRAMEWORKS,
    undated: "publication",
    description:
      "every judgement before the 2018 framework, SIF judgements placed by the financial year their inspection started and every judgement without a known start date by the year of publication",
  },
];

export interface RuleShares {
  readonly rule: NamedShareRule;
  readonly shares: GradeShares;
  /** The recounted whole percentages under the report's grade names. */
  readonly percent: Readonly<Record<Grade, number>>;
  /** Grades whose recounted percentage equals the published one (0–4). */
  readonly matches: number;
  /** Σ over the four grades of |recounted − published|, in percentage points. */
  readonly distance: number;
  /** All four grades equal the published percentages. */
  readonly reproduces: boolean;
}

export interface YearRecount {
  readonly year: string;
  /** The published shares of the report's grade table. */
  readonly published: Readonly<Record<Grade, number>>;
  /** One per rule, in SHARE_RULES order. */
  readonly byRule: readonly RuleShares[];
  /** The rules that reproduce all four shares. */
  readonly reproducedBy: readonly NamedShareRule[];
  /** The rule with the smallest distance (the first such in SHARE_RULES order on a tie). */
  readonly closest: RuleShares;
}

/** Grade shares of `year` under every rule, against the published row of that year. */
export function recountYear(events: readonly JudgementEvent[], published: readonly YearOutcomes[], year: string, rules: readonly NamedShareRule[] = SHARE_RULES): YearRecount {
  const row = published.find((p) => p.year === year);
  if (!row) throw new Error(`the report's grade table has no row for ${year}`);
  const byRule = rules.map((rule): RuleShares => {
    const shares = gradeShares(events, year, rule);
    const percent = Object.fromEntries(GRADES.map((g) => [g, shares.percent[JUDGEMENT_OF_GRADE[g]]])) as Record<Grade, number>;
    const matches = GRADES.filter((g) => percent[g] === row.shares[g]).length;
    const distance = GRADES.reduce((sum, g) => sum + Math.abs(percent[g] - row.shares[g]), 0);
    return { rule, shares, percent, matches, distance, reproduces: shares.counted > 0 && matches === GRADES.length };
  });
  if (byRule.length === 0) throw new Error("no counting rules to recount with");
  const closest = byRule.reduce((best, r) => (r.distance < best.distance ? r : best));
  return { year, published: row.shares, byRule, reproducedBy: byRule.filter((r) => r.reproduces).map((r) => r.rule), closest };
}

export interface Period {
  /** ISO dates, inclusive. */
  readonly from: string;
  readonly to: string;
}

export interface InadequateRecount extends Period {
  /** Financial years the period spans: it must run from 1 April to 31 March. */
  readonly years: number;
  /** Safeguarding and whole-service judgements (SAFEGUARDING_FRAMEWORKS). */
  readonly safeguarding: { readonly judgements: number; readonly councils: number };
  /** The same plus the looked-after-children judgements (PRE_ILACS_FRAMEWORKS). */
  readonly withLookedAfter: number;
  /** SIF and SIF re-inspection only. */
  readonly sifOnly: number;
  /** safeguarding.judgements ÷ years. */
  readonly perYear: number;
}

/** Inadequate judgements published from `from` to `to`, a whole number of financial years. */
export function recountInadequate(events: readonly JudgementEvent[], period: Period): InadequateRecount {
  if (period.from.slice(5) !== "04-01" || period.to.slice(5) !== "03-31") throw new Error(`the period ${period.from} to ${period.to} is not a whole number of financial years (1 April to 31 March)`);
  const years = Number(financialYear(period.to).slice(0, 4)) - Number(financialYear(period.from).slice(0, 4)) + 1;
  const safeguarding = inadequateCount(events, period.from, period.to, SAFEGUARDING_FRAMEWORKS);
  return {
    ...period,
    years,
    safeguarding,
    withLookedAfter: inadequateCount(events, period.from, period.to, PRE_ILACS_FRAMEWORKS).judgements,
    sifOnly: inadequateCount(events, period.from, period.to, SIF_FRAMEWORKS).judgements,
    perYear: safeguarding.judgements / years,
  };
}

export interface RepeatRecount extends Period {
  readonly frameworks: readonly Framework[];
  readonly ours: RepeatTransitions;
  /** Councils whose first judgement in the period was Inadequate. */
  readonly firstInadequate: number;
  /** Councils whose first judgement in the period was RI (or adequate). */
  readonly firstRi: number;
  /** First and last both Inadequate or both RI. */
  readonly stayedLow: number;
  /** 100 × stayedLow ÷ councils. */
  readonly stayedLowShare: number | undefined;
  /** 100 × stayed Inadequate ÷ first Inadequate. */
  readonly stayedInadequateShare: number | undefined;
  /** 100 × stayed RI ÷ first RI. */
  readonly stayedRiShare: number | undefined;
  /** The report's published counts. */
  readonly report: TransitionSummary;
  /** The report's printed shares, 0–100: stayed Inadequate or RI of all; still Inadequate of those Inadequate in 2010; still RI of those RI in 2010. */
  readonly printed: { readonly stayedLow: number; readonly stayedInadequate: number; readonly stayedRi: number };
}

const share = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : undefined);

/** Councils judged twice or more (safeguarding and whole-service judgements) in the period. */
export function recountRepeat(events: readonly JudgementEvent[], period: Period, report: TransitionAnalysis): RepeatRecount {
  const ours = repeatTransitions(events, { frameworks: SAFEGUARDING_FRAMEWORKS, ...period });
  const sum = (row: Readonly<Record<Judgement, number>>) => Object.values(row).reduce((a, b) => a + b, 0);
  const firstInadequate = sum(ours.firstLast.inadequate);
  const firstRi = sum(ours.firstLast.requires_improvement);
  const stayedLow = ours.stayedInadequate + ours.stayedRequiresImprovement;
  return {
    ...period,
    frameworks: SAFEGUARDING_FRAMEWORKS,
    ours,
    firstInadequate,
    firstRi,
    stayedLow,
    stayedLowShare: share(stayedLow, ours.councils),
    stayedInadequateShare: share(ours.stayedInadequate, firstInadequate),
    stayedRiShare: share(ours.stayedRequiresImprovement, firstRi),
    report: report.summary,
    printed: { stayedLow: report.statedStayedLowShare, stayedInadequate: report.stayedInadequate.stated, stayedRi: report.stayedRi.stated },
  };
}

export interface NamedCohortRule extends CohortRule {
  readonly key: string;
  readonly label: string;
  readonly description: string;
}

/**
 * The readings of "councils inspected in `year`" tried for the report's cohort: the report
 * names neither its councils nor its rule. Calendar and financial years, dating by
 * inspection or by publication, SIF alone or with the child protection inspections that
 * preceded it; and the SIF's first school year of reports (September to August).
 */
export function cohortReadings(year: number): readonly NamedCohortRule[] {
  const calendar = { from: `${year}-01-01`, to: `${year}-12-31` };
  const lag = `their publication date less ${CPI_REPORT_LAG_DAYS} days`;
  return [
    {
      key: "sifStarted",
      label: `SIF started in ${year}`,
      basis: "inspection_start",
      frameworks: SIF_FRAMEWORKS,
      undated: "exclude",
      ...calendar,
      description: `councils whose SIF inspection (first or re-inspection) started in calendar ${year}, by the start date read from the report`,
    },
    {
      key: "childProtectionInspected",
      label: `Child protection inspection in ${year}`,
      basis: "inspection_start",
      frameworks: CHILD_PROTECTION_FRAMEWORKS,
      nonSifLagDays: CPI_REPORT_LAG_DAYS,
      ...calendar,
      description: `councils with a child protection inspection (or re-inspection) in calendar ${year}, dated by ${lag}`,
    },
    {
      key: "inspected",
      label: `Inspected in ${year}`,
      ...INSPECTED_RULE,
      ...calendar,
      description: `councils with a SIF or child protection inspection in calendar ${year}, dated as in the counting rule that reproduces the grade table (SIF by start date, child protection inspections by ${lag})`,
    },
    {
      key: "published",
      label: `Judged in ${year}`,
      basis: "publication",
      frameworks: SAFEGUARDING_FRAMEWORKS,
      ...calendar,
      description: `councils with a judgement on safeguarding or the whole service (child protection inspection, SIF or an earlier safeguarding inspection, or a re-inspection) published in calendar ${year}`,
    },
    {
      key: "inspectedFinancialYear",
      label: `Inspected in ${financialYearFrom(year)}`,
      ...INSPECTED_RULE,
      from: `${year}-04-01`,
      to: `${year + 1}-03-31`,
      description: `councils with a SIF or child protection inspection in the financial year April ${year} to March ${year + 1}, dated as in the counting rule that reproduces the grade table`,
    },
    {
      key: "sifSchoolYear",
      label: `SIF reports of ${financialYearFrom(year)}`,
      basis: "publication",
      frameworks: SIF_FRAMEWORKS,
      from: `${year}-09-01`,
      to: `${year + 1}-08-31`,
      description: `councils whose SIF report (first inspection or re-inspection) was published from September ${year} to August ${year + 1}, the framework's first school year`,
    },
  ];
}

export interface RecountOptions {
  /** Financial years of the grade table to recount, e.g. "2014/15". */
  readonly shareYears: readonly string[];
  /** Whole financial years for the Inadequate count. */
  readonly inadequatePeriod: Period;
  /** Publication dates for the repeat inspections. */
  readonly repeatPeriod: Period;
  /** Calendar year of the cohort. */
  readonly cohortYear: number;
  /** Years ending March compared for the cohort's demand. */
  readonly demandYears: { readonly from: number; readonly to: number };
  /** The date "time since the last Outstanding judgement" is measured to. */
  readonly outstandingAsOf: string;
}

export interface CohortRecountNamed extends CohortRecount {
  readonly named: NamedCohortRule;
}

export interface RecountAnalysis {
  readonly options: RecountOptions;
  readonly years: readonly YearRecount[];
  readonly inadequate: InadequateRecount;
  readonly repeat: RepeatRecount;
  /** Every reading of the cohort tried, in cohortReadings order. */
  readonly cohorts: readonly CohortRecountNamed[];
  /** The readings that give as many councils as the report's sample. */
  readonly cohortMatches: readonly CohortRecountNamed[];
  /** The first reading that matches the report's sample size, or else the first reading. */
  readonly cohort: CohortRecountNamed;
  readonly outstanding: OutstandingRecount;
  /** Every council with the values in both years, for reference. */
  readonly allCouncils: Readonly<Record<DemandMeasure, RateChange | undefined>>;
  /** The first year ending March in the demand rows (the report's before year cannot be earlier than this). */
  readonly firstDemandYear: number | undefined;
  /** Council names by code, for lists in the text. */
  readonly names: ReadonlyMap<string, string>;
  readonly reportCohort: ReportCohort;
}

export interface RecountInput {
  readonly events: readonly JudgementEvent[];
  readonly demand: readonly DemandFigures[];
  readonly councils: readonly { readonly code: string; readonly name: string }[];
  readonly published: readonly YearOutcomes[];
  readonly reportTransitions: TransitionAnalysis;
  /** The report's cohort as published: its size and the two years it compares. */
  readonly reportCohort: ReportCohort;
}

export interface ReportCohort {
  readonly councils: number;
  readonly beforeYear: number;
  readonly afterYear: number;
}

/** The report's cohort from the published design rows (data/national/cohort-2013-design.csv). */
export function reportCohortDesign(rows: readonly MeasureRow<"councils" | "inspection_year" | "before_year" | "after_year">[]): ReportCohort {
  const v = measureValues(rows);
  return { councils: v.councils, beforeYear: v.before_year, afterYear: v.after_year };
}

export function analyseRecount(input: RecountInput, options: RecountOptions): RecountAnalysis {
  const cohorts = cohortReadings(options.cohortYear).map((named): CohortRecountNamed => ({ ...recountCohort(input.events, input.demand, named, options.demandYears), named }));
  const cohortMatches = cohorts.filter((c) => c.members.length === input.reportCohort.councils);
  const everyone = [...new Set(input.demand.map((d) => d.council_code))];
  const years = input.demand.map((d) => d.year_ending_march);
  return {
    options,
    years: options.shareYears.map((year) => recountYear(input.events, input.published, year)),
    inadequate: recountInadequate(input.events, options.inadequatePeriod),
    repeat: recountRepeat(input.events, options.repeatPeriod, input.reportTransitions),
    cohorts,
    cohortMatches,
    cohort: cohortMatches[0] ?? cohorts[0],
    outstanding: recountOutstanding(input.events, options.outstandingAsOf),
    allCouncils: Object.fromEntries(DEMAND_MEASURES.map((m) => [m, rateChange(input.demand, everyone, m, options.demandYears)])) as Record<DemandMeasure, RateChange | undefined>,
    firstDemandYear: years.length > 0 ? Math.min(...years) : undefined,
    names: new Map(input.councils.map((c) => [c.code, c.name])),
    reportCohort: input.reportCohort,
  };
}

export interface LastOutstanding {
  /** The latest Outstanding judgement published on or before asOf (the earliest framework in list order on a tie). */
  readonly judgement: JudgementEvent;
  /** Whole days from its publication to asOf. */
  readonly days: number;
  /** days ÷ 365.25. */
  readonly years: number;
  /** The same council's next judgement of the same frameworks published after it, whenever that was. */
  readonly next: JudgementEvent | undefined;
}

export interface OutstandingRecount {
  readonly asOf: string;
  /** Judgements on safeguarding or the whole service (SAFEGUARDING_FRAMEWORKS), as in the grade table. */
  readonly safeguarding: LastOutstanding | undefined;
  /** Every framework before ILACS, the looked-after-children judgements included. */
  readonly any: LastOutstanding | undefined;
}

/**
 * The last Outstanding judgement up to `asOf`, the time since, and what its council was
 * judged next. E.g. Outstanding published 2012-05-29, asOf 2015-03-31: 1,036 days = 2.8 years.
 */
export function lastOutstanding(events: readonly JudgementEvent[], frameworks: readonly Framework[], asOf: string): LastOutstanding | undefined {
  const order = (e: JudgementEvent) => frameworks.indexOf(e.framework);
  const byDate = (a: JudgementEvent, b: JudgementEvent) => (a.published < b.published ? -1 : a.published > b.published ? 1 : order(a) - order(b));
  const eligible = events.filter((e) => frameworks.includes(e.framework)).sort(byDate);
  const outstanding = eligible.filter((e) => e.overall === "outstanding" && e.published <= asOf);
  const judgement = outstanding[outstanding.length - 1];
  if (judgement === undefined) return undefined;
  const days = daysBetween(judgement.published, asOf);
  const next = eligible.find((e) => e.council_code === judgement.council_code && e.published > judgement.published);
  return { judgement, days, years: days / DAYS_PER_YEAR, next };
}

export function recountOutstanding(events: readonly JudgementEvent[], asOf: string): OutstandingRecount {
  return { asOf, safeguarding: lastOutstanding(events, SAFEGUARDING_FRAMEWORKS, asOf), any: lastOutstanding(events, PRE_ILACS_FRAMEWORKS, asOf) };
}
