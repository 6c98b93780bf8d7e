/**
 * The report itself: which computations, stats and figures it has. This is the one
 * place that knows the report's analytical choices (such as the two three-year
 * cycles compared for variation); everything else is generic machinery.
 *
 * Each family turns loaded data into stats and figures; the claims audit runs last,
 * since a claim may name any family's stat.
 */
import { analyseStatements, exhaustionSummary } from "./survey/compute.ts";
import { analyseCohort } from "./cohort/compute.ts";
import { analyseCost } from "./cost/compute.ts";
import { analyseProjection } from "./projection/compute.ts";
import { revertTowardMean } from "./cohort/reversion.ts";
import { analyseRecount, reportCohortDesign, type RecountOptions } from "./recount/analysis.ts";
import { analyseTransitions } from "./transitions/compute.ts";
import { analyseIlacs, type IlacsAnalysis, type IlacsInput, type IlacsOptions } from "./ilacs/compute.ts";
import { cohort2013Design, cohort2013Indicators } from "./cohort/datasets.ts";
import { costOfFailure } from "./cost/datasets.ts";
import { councils, demand, inspections, SIF_FRAMEWORKS } from "./councils/datasets.ts";
import { ilacsJudgements } from "./ilacs/datasets.ts";
import { ilacsFigures } from "./ilacs/figures.ts";
import { ilacsStats } from "./ilacs/stats.ts";
import { projectionInputs } from "./projection/datasets.ts";
import { meanReversionIllustration } from "./cohort/reversion-dataset.ts";
import { repeatInspectionTransitions } from "./transitions/datasets.ts";
import { iaTimelinessFigure, statedChangesFigure } from "./cohort/figures.ts";
import { annualCostFigure } from "./cost/figures.ts";
import { projectionFigure } from "./projection/figures.ts";
import { meanReversionFigure } from "./cohort/reversion-figures.ts";
import { denominatorsFigure, movementsFigure } from "./transitions/figures.ts";
import { cohortStats } from "./cohort/stats.ts";
import { costStats } from "./cost/stats.ts";
import { declineStats } from "./outcomes/decline-stats.ts";
import { projectionStats } from "./projection/stats.ts";
import { recountStats } from "./recount/stats.ts";
import { reversionStats } from "./cohort/reversion-stats.ts";
import { transitionStats } from "./transitions/stats.ts";
import type { ClaimAssessment } from "../engine/claims/assess.ts";
import { outcomesByYear } from "./outcomes/compute.ts";
import { futuresVisions } from "./futures/datasets.ts";
import { inspectionOutcomesByYear } from "./outcomes/datasets.ts";
import { surveyStatements, workforceExhaustion } from "./survey/datasets.ts";
import type { ReportData } from "../engine/data/report-data.ts";
import { futuresFigure } from "./futures/figures.ts";
import { gradeStackFigure, gradeTrendFigure, yearlySwingFigure } from "./outcomes/figures.ts";
import { recountFigures } from "./recount/figures.ts";
import { surveyStatementsFigure, workforceExhaustionFigure } from "./survey/figures.ts";
import type { FigureDefinition } from "../engine/figures/types.ts";
import { auditClaims, claimStats } from "../engine/claims/audit.ts";
import { futuresStats } from "./futures/stats.ts";
import { outcomeStats, type VariationWindow } from "./outcomes/stats.ts";
import { StatRegistry, type Stat } from "../engine/stats/registry.ts";
import { surveyStats, workforceStats } from "./survey/stats.ts";

/** The report compares the three years before the single inspection framework settled in with the three after. */
export const VARIATION_WINDOWS: readonly [VariationWindow, VariationWindow] = [
  { name: "early", first: "2009/10", last: "2011/12" },
  { name: "late", first: "2012/13", last: "2014/15" },
];

/** The survey's footnotes give n80 (at most 80 respondents); "approximately" is read as ±1 point. */
export const SURVEY_OPTIONS = { maxN: 80, approximateTolerance: 1 } as const;

/** Chapter 1 quotes how each grade's share moved from 2007/08 to 2010/11. */
export const DECLINE_CHANGES = [{ from: "2007/08", to: "2010/11" }] as const;
/** Our April 2017 projection carries forward the Inadequate rate of the settled cycle (the "late" variation window). */
export const PROJECTION_WINDOW = VARIATION_WINDOWS[1];
/** The mean-reversion illustration moves each made-up score half-way back to the mean. */
export const REVERSION_FRACTION = 0.5;
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

/**
 * "Ten years on": spells Inadequate are counted from the single inspection framework's
 * start (November 2013), so that spells begun under it and ended under ILACS count.
 */
export const ILACS_OPTIONS: IlacsOptions = { spellsSince: "2013-11-01" };

/** The ILACS analysis's input: ILACS reports, the SIF reports before them, and the current councils with their region. */
function ilacsInput(data: ReportData): IlacsInput {
  return {
    rows: data.rows(ilacsJudgements),
    earlierReports: data.rows(inspections).filter((r) => SIF_FRAMEWORKS.includes(r.framework)),
    councils: data.rows(councils).filter((c) => c.status === "current"),
  };
}

// The ILACS family and the council pages both read the analysis: made once per loaded data.
const ilacsAnalyses = new WeakMap<ReportData, IlacsAnalysis>();

/** The ILACS analysis of the loaded data (computed on first use, then shared). */
export function ilacsAnalysis(data: ReportData): IlacsAnalysis {
  let analysis = ilacsAnalyses.get(data);
  if (!analysis) {
    analysis = analyseIlacs(ilacsInput(data), ILACS_OPTIONS);
    ilacsAnalyses.set(data, analysis);
  }
  return analysis;
}

interface Family {
  readonly stats: readonly Stat[];
  readonly figures: readonly FigureDefinition[];
}

/** "Ten years on": the ILACS stats and figures, set against the 2015 report's stuck share. */
export function ilacsFamily(data: ReportData): Family {
  const analysis = ilacsAnalysis(data);
  const stuck2015 = analyseTransitions(data.rows(repeatInspectionTransitions)).statedStayedLowShare;
  return { stats: ilacsStats(analysis, stuck2015), figures: ilacsFigures(analysis, stuck2015) };
}

const FAMILIES: readonly ((data: ReportData) => Family)[] = [
  function outcomes(data) {
    const years = outcomesByYear(data.rows(inspectionOutcomesByYear));
    return { stats: outcomeStats(years, VARIATION_WINDOWS), figures: [gradeTrendFigure(years), gradeStackFigure(years), yearlySwingFigure(years, VARIATION_WINDOWS)] };
  },
  function decline(data) {
    const years = outcomesByYear(data.rows(inspectionOutcomesByYear));
    return { stats: declineStats(years, DECLINE_CHANGES), figures: [] };
  },
  function transitions(data) {
    const analysis = analyseTransitions(data.rows(repeatInspectionTransitions));
    return { stats: transitionStats(analysis), figures: [movementsFigure(analysis), denominatorsFigure(analysis)] };
  },
  function projection(data) {
    const years = outcomesByYear(data.rows(inspectionOutcomesByYear));
    const analysis = analyseProjection(years, data.rows(projectionInputs), PROJECTION_WINDOW);
    return { stats: projectionStats(analysis), figures: [projectionFigure(analysis)] };
  },
  function cohort(data) {
    const analysis = analyseCohort(data.rows(cohort2013Indicators), data.rows(cohort2013Design));
    const reversion = revertTowardMean(data.rows(meanReversionIllustration), REVERSION_FRACTION);
    return {
      stats: [...cohortStats(analysis), ...reversionStats(reversion)],
      figures: [iaTimelinessFigure(analysis), statedChangesFigure(analysis), meanReversionFigure(reversion, analysis)],
    };
  },
  function cost(data) {
    const analysis = analyseCost(data.rows(costOfFailure));
    return { stats: costStats(analysis), figures: [annualCostFigure(analysis)] };
  },
  function survey(data) {
    const statements = analyseStatements(data.rows(surveyStatements), SURVEY_OPTIONS);
    const exhaustion = exhaustionSummary(data.rows(workforceExhaustion));
    return {
      stats: [...surveyStats(statements, SURVEY_OPTIONS), ...workforceStats(exhaustion)],
      figures: [surveyStatementsFigure(statements, SURVEY_OPTIONS.maxN), workforceExhaustionFigure(exhaustion)],
    };
  },
  function futures(data) {
    const rows = data.rows(futuresVisions);
    return { stats: futuresStats(rows), figures: [futuresFigure(rows)] };
  },
  function recount(data) {
    const analysis = analyseRecount(
      {
        events: data.rows(inspections),
        demand: data.rows(demand),
        councils: data.rows(councils),
        published: outcomesByYear(data.rows(inspectionOutcomesByYear)),
        reportTransitions: analyseTransitions(data.rows(repeatInspectionTransitions)),
        reportCohort: reportCohortDesign(data.rows(cohort2013Design)),
      },
      RECOUNT_OPTIONS,
    );
    return { stats: recountStats(analysis), figures: recountFigures(analysis) };
  },
  ilacsFamily,
];

export interface Report {
  readonly stats: StatRegistry;
  readonly figures: ReadonlyMap<string, FigureDefinition>;
  readonly claims: readonly ClaimAssessment[];
}

export function buildReport(data: ReportData): Report {
  const families = FAMILIES.map((family) => family(data));
  const stats = new StatRegistry(families.flatMap((f) => f.stats));
  const figures = families.flatMap((f) => f.figures);
  const claims = auditClaims(data.claims, stats);
  for (const stat of claimStats(claims)) stats.add(stat);
  return { stats, figures: new Map(figures.map((f) => [f.key, f])), claims };
}
