/**
 * The hindsight family's analysis: the report's forecast against the council records at its
 * horizon, the councils Inadequate at the data's last date, and the grade table carried on
 * from the report's last year to the data's.
 */
import { financialYear, financialYearFrom } from "../shared/dates.ts";
import { GRADES, GRADE_OF_JUDGEMENT, JUDGEMENTS, type Grade } from "../shared/grades.ts";
import { firstPublished, gradesByFinancialYear, inadequateEver, standingAt, type CouncilSpan, type FinancialYearGrades, type Standing, type WholeServiceReport } from "./compute.ts";

/** A framework change the long-run chart marks, at the financial year of its first report. */
export interface FrameworkStart {
  /** What the chart says at its first year: "ILACS begins". */
  readonly marker: string;
  /** Publication date of its first report in the data. */
  readonly first: string;
  readonly year: string;
}

/** One year of the long run: as the 2015 report published it, or counted from the council records. */
export interface LongRunYear {
  readonly year: string;
  readonly source: "published" | "records";
  /** Shares by grade, 0–100 (as published: may not add to 100). */
  readonly shares: Readonly<Record<Grade, number>>;
  /** Sum of the shares. */
  readonly total: number;
  /** Graded reports counted by grade (records only: the report's table gives shares alone). */
  readonly counts: Readonly<Record<Grade, number>> | null;
  readonly partYear: boolean;
}

/** The graded reports a year of the council records counts; null for a year of the report's table. */
export const reportsIn = (y: LongRunYear): number | null => (y.counts === null ? null : GRADES.reduce((sum, g) => sum + (y.counts as Record<Grade, number>)[g], 0));

export interface HindsightAnalysis {
  /** The report's forecast and the day it is tested at (the day before its horizon). */
  readonly forecast: { readonly inadequate: number; readonly horizonYear: number };
  readonly atHorizon: Standing;
  /** Councils judged Inadequate under the single inspection framework from its first report to the horizon. */
  readonly sifInadequateEver: number;
  readonly sifFirst: string;
  /** Each council at its latest graded report at the data's last date. */
  readonly now: Standing;
  /** Whole-service frameworks of the latest judgements at the horizon that are the single inspection framework's. */
  readonly fromSifAtHorizon: number;
  readonly longRun: readonly LongRunYear[];
  readonly frameworkStarts: readonly FrameworkStart[];
  /** Publication of the first report without an overall grade (the April 2026 reform), if any. */
  readonly firstUngraded: string | undefined;
  readonly asOf: string;
}

export interface HindsightInput {
  /** Whole-service judgements of every framework (SLAC safeguarding, CPI, SIF, ILACS). */
  readonly reports: readonly WholeServiceReport[];
  readonly councils: readonly CouncilSpan[];
  /** The 2015 report's grade table, year by year. */
  readonly published: readonly { readonly year: string; readonly shares: Readonly<Record<Grade, number>>; readonly total: number }[];
  readonly forecast: { readonly inadequate: number; readonly horizonYear: number };
}

export interface HindsightOptions {
  /** The frameworks whose first reports the long-run chart marks, by name, in order. */
  readonly frameworkStarts: readonly { readonly marker: string; readonly frameworks: readonly string[] }[];
  /** The single inspection framework's frameworks (first inspections and re-inspections). */
  readonly sif: readonly string[];
}

export function analyseHindsight(input: HindsightInput, options: HindsightOptions): HindsightAnalysis {
  if (input.published.length === 0) throw new Error("the grade table is empty");
  if (input.reports.length === 0) throw new Error("there are no council reports to test the report against");
  const asOf = input.reports.map((r) => r.published).sort().reverse()[0];
  // "By April 2017": the councils' standing on the last day before it.
  const horizon = `${input.forecast.horizonYear}-03-31`;
  const atHorizon = standingAt(horizon, input.reports, input.councils);
  const sifFirst = firstPublished(input.reports, options.sif);
  if (sifFirst === undefined) throw new Error("the council records hold no report of the single inspection framework");
  const lastPublished = input.published[input.published.length - 1].year;
  const nextYear = financialYearFrom(Number(lastPublished.slice(0, 4)) + 1);
  const records: FinancialYearGrades[] = gradesByFinancialYear(input.reports, nextYear, asOf);
  // A judgement's place in the grade table; each grade of the table holds one judgement.
  const toGrades = (of: Readonly<Record<(typeof JUDGEMENTS)[number], number>>) => Object.fromEntries(GRADES.map((g) => [g, JUDGEMENTS.filter((j) => GRADE_OF_JUDGEMENT[j] === g).reduce((sum, j) => sum + of[j], 0)])) as Record<Grade, number>;
  const longRun: LongRunYear[] = [
    ...input.published.map((y): LongRunYear => ({ year: y.year, source: "published", shares: y.shares, total: y.total, counts: null, partYear: false })),
    ...records.filter((y) => y.graded > 0).map((y): LongRunYear => ({ year: y.year, source: "records", shares: toGrades(y.shares), total: 100, counts: toGrades(y.counts), partYear: y.partYear })),
  ];
  const frameworkStarts = options.frameworkStarts.flatMap(({ marker, frameworks }) => {
    const first = firstPublished(input.reports, frameworks);
    return first === undefined ? [] : [{ marker, first, year: financialYear(first) }];
  });
  const ungraded = input.reports.filter((r) => r.overall === null).map((r) => r.published).sort();
  return {
    forecast: input.forecast,
    atHorizon,
    sifInadequateEver: inadequateEver(input.reports, options.sif, sifFirst, horizon),
    sifFirst,
    now: standingAt(asOf, input.reports, input.councils),
    fromSifAtHorizon: atHorizon.frameworks.filter((f) => options.sif.includes(f.framework)).reduce((sum, f) => sum + f.councils, 0),
    longRun,
    frameworkStarts,
    firstUngraded: ungraded[0],
    asOf,
  };
}
