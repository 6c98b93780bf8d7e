/**
 * The 2015 report tested against what happened next, from the council records:
 *
 * - standingAt: each council that existed on a date, at its latest whole-service judgement
 *   published on or before that date, counted by grade. It answers the report's forecast
 *   of councils Inadequate "by April 2017" with the count at 31 March 2017.
 * - inadequateEver: councils given at least one Inadequate judgement under chosen frameworks
 *   between two dates (the other way to read a forecast of councils "judged Inadequate").
 * - gradesByFinancialYear: overall grades of whole-service reports by financial year of
 *   publication, carrying the 2015 report's grade table on past its last year.
 *
 * Pure functions: rows in, typed results out; no I/O, no clock.
 */
import { financialYear, financialYearEnd, financialYearFrom } from "../shared/dates.ts";
import { JUDGEMENTS, type Judgement } from "../shared/grades.ts";
import { compareText } from "../../engine/compare.ts";

type Counts = Record<Judgement, number>;
const zero = (): Counts => ({ inadequate: 0, requires_improvement: 0, good: 0, outstanding: 0 });

/** A judgement of a council's whole service (or its safeguarding, before 2013), from any framework. */
export interface WholeServiceReport {
  readonly council_code: string;
  readonly framework: string;
  readonly published: string;
  /** Null for a report without an overall grade (ILACS after the April 2026 reform). */
  readonly overall: Judgement | null;
}

export interface CouncilSpan {
  readonly code: string;
  /** First day, for a council created by a restructure; null for older councils. */
  readonly existed_from: string | null;
  /** Last day, for an abolished council; null for current councils. */
  readonly existed_until: string | null;
}

export interface Standing {
  readonly date: string;
  /** Councils that existed on the date. */
  readonly councils: number;
  /** Of those, councils with a graded judgement published on or before the date. */
  readonly judged: number;
  /** Councils by the grade of that latest judgement. */
  readonly counts: Readonly<Counts>;
  /** Councils by the framework of their latest judgement, frameworks in name order. */
  readonly frameworks: readonly { readonly framework: string; readonly councils: number }[];
}

const existedOn = (council: CouncilSpan, date: string) => (council.existed_from === null || council.existed_from <= date) && (council.existed_until === null || council.existed_until >= date);

/**
 * Each council that existed on `date`, at its latest graded judgement published on or before
 * it. Two graded reports on one council published the same day would leave "latest" undecided:
 * that is refused rather than settled by the order of the rows.
 */
export function standingAt(date: string, reports: readonly WholeServiceReport[], councils: readonly CouncilSpan[]): Standing {
  const counts = zero();
  const frameworks = new Map<string, number>();
  let present = 0;
  let judged = 0;
  for (const council of councils) {
    if (!existedOn(council, date)) continue;
    present += 1;
    const before = reports.filter((r) => r.council_code === council.code && r.overall !== null && r.published <= date).sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : 0));
    const latest = before[before.length - 1];
    if (!latest || latest.overall === null) continue;
    const tie = before.filter((r) => r.published === latest.published);
    if (tie.length > 1 && new Set(tie.map((r) => r.overall)).size > 1) throw new Error(`${council.code} has two graded reports published on ${latest.published} with different grades`);
    judged += 1;
    counts[latest.overall] += 1;
    frameworks.set(latest.framework, (frameworks.get(latest.framework) ?? 0) + 1);
  }
  return {
    date,
    councils: present,
    judged,
    counts,
    frameworks: [...frameworks.entries()].sort(([a], [b]) => compareText(a, b)).map(([framework, n]) => ({ framework, councils: n })),
  };
}

/** Councils with at least one Inadequate judgement under `frameworks` published from `from` to `to`, both included. */
export function inadequateEver(reports: readonly WholeServiceReport[], frameworks: readonly string[], from: string, to: string): number {
  return new Set(reports.filter((r) => frameworks.includes(r.framework) && r.overall === "inadequate" && r.published >= from && r.published <= to).map((r) => r.council_code)).size;
}

export interface FinancialYearGrades {
  /** "2016/17". */
  readonly year: string;
  readonly counts: Readonly<Counts>;
  readonly graded: number;
  /** Shares of the graded, 0–100, unrounded. */
  readonly shares: Readonly<Counts>;
  /** The data end before the year does. */
  readonly partYear: boolean;
}

/**
 * Overall grades of graded reports by financial year of publication (1 April to 31 March),
 * every year from `first` to the last year with a graded report. A year is a part-year when
 * `asOf`, the data's last date, falls before its 31 March.
 */
export function gradesByFinancialYear(reports: readonly WholeServiceReport[], first: string, asOf: string): FinancialYearGrades[] {
  const graded = reports.filter((r): r is WholeServiceReport & { overall: Judgement } => r.overall !== null);
  const byYear = new Map<string, Counts>();
  for (const r of graded) {
    const year = financialYear(r.published);
    if (year < first) continue;
    const counts = byYear.get(year) ?? zero();
    counts[r.overall] += 1;
    byYear.set(year, counts);
  }
  const years = [...byYear.keys()].sort();
  if (years.length === 0) return [];
  const result: FinancialYearGrades[] = [];
  for (let start = Number(first.slice(0, 4)); start <= Number(years[years.length - 1].slice(0, 4)); start++) {
    const year = financialYearFrom(start);
    const counts = byYear.get(year) ?? zero();
    const total = JUDGEMENTS.reduce((sum, g) => sum + counts[g], 0);
    const shares = zero();
    for (const g of JUDGEMENTS) shares[g] = total > 0 ? (100 * counts[g]) / total : 0;
    result.push({ year, counts, graded: total, shares, partYear: asOf < financialYearEnd(year) });
  }
  return result;
}

/** The first publication date of a report under each of `frameworks`; undefined when none has one. */
export function firstPublished(reports: readonly WholeServiceReport[], frameworks: readonly string[]): string | undefined {
  const dates = reports.filter((r) => frameworks.includes(r.framework)).map((r) => r.published).sort();
  return dates[0];
}
