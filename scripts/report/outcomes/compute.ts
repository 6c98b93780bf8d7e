import { GRADES, type Grade } from "../shared/grades.ts";
/**
 * Overall inspection outcomes by year: the shares of each grade, the share judged
 * good or better, year-on-year changes and the "average yearly variation" the report
 * uses to argue that grades settled into a fixed distribution after 2012/13.
 *
 * Pure functions: rows in, typed results out. Shares are on the 0–100 scale
 * (percentage points), exactly as published; nothing here corrects the source.
 */

export interface OutcomeShare {
  readonly year: string;
  readonly grade: Grade;
  readonly percent: number;
}

export interface YearOutcomes {
  readonly year: string;
  readonly shares: Readonly<Record<Grade, number>>;
  /** Sum of the four published shares; 100 give or take rounding, except where the source is inconsistent. */
  readonly total: number;
}

export interface GradeChange {
  readonly from: string;
  readonly to: string;
  readonly grade: Grade;
  /** Later share minus earlier share, in percentage points. */
  readonly change: number;
}

/** Group tidy rows into one record per year, ordered by year. */
export function outcomesByYear(rows: readonly OutcomeShare[]): YearOutcomes[] {
  const years = [...new Set(rows.map((r) => r.year))].sort();
  return years.map((year) => {
    const shares = Object.fromEntries(GRADES.map((grade) => [grade, shareOf(rows, year, grade)])) as Record<Grade, number>;
    return { year, shares, total: GRADES.reduce((sum, grade) => sum + shares[grade], 0) };
  });
}

function shareOf(rows: readonly OutcomeShare[], year: string, grade: Grade): number {
  const row = rows.find((r) => r.year === year && r.grade === grade);
  if (!row) throw new Error(`no share for ${grade} in ${year}`);
  return row.percent;
}

/** Share judged good or outstanding in each year. */
export function goodOrBetter(years: readonly YearOutcomes[]): { year: string; percent: number }[] {
  return years.map(({ year, shares }) => ({ year, percent: shares.good + shares.outstanding }));
}

/** Change of every grade's share between each pair of consecutive years. */
export function yearOnYearChanges(years: readonly YearOutcomes[]): GradeChange[] {
  return years.slice(1).flatMap((to, index) => {
    const from = years[index];
    return GRADES.map((grade) => ({ from: from.year, to: to.year, grade, change: to.shares[grade] - from.shares[grade] }));
  });
}

/** The years from `first` to `last` inclusive, in order; fails if either is absent. */
export function yearWindow(years: readonly YearOutcomes[], first: string, last: string): YearOutcomes[] {
  const start = years.findIndex((y) => y.year === first);
  const end = years.findIndex((y) => y.year === last);
  if (start < 0 || end < 0 || end <= start) throw new Error(`no window ${first}–${last} in the outcome years`);
  return years.slice(start, end + 1);
}

/**
 * Average yearly variation by grade over a run of years, in percentage points:
 * take every consecutive pair of years in the run and every grade, the absolute
 * change of that grade's share, and average them.
 *
 *   variation = Σ_years Σ_grades |share(g, y+1) − share(g, y)|  ÷  (pairs × grades)
 *
 * For the report's three-year cycle 2009/10–2011/12 that is two pairs × four grades:
 *   (|21−7| + |3−21|) + (|41−26| + |47−41|) + (|46−52| + |44−46|) + (|3−15| + |5−3|)
 *   = 32 + 21 + 8 + 14 = 75, and 75 ÷ 8 = 9.375 → "9.4%".
 * For 2012/13–2014/15: (4+2) + (2+7) + (0+4) + (1+0) = 20, and 20 ÷ 8 = 2.5.
 */
export function averageYearlyVariation(run: readonly YearOutcomes[]): number {
  const changes = yearOnYearChanges(run);
  if (changes.length === 0) throw new Error("a run of at least two years is needed to measure variation");
  return changes.reduce((sum, c) => sum + Math.abs(c.change), 0) / changes.length;
}
