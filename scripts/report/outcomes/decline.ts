/**
 * Small readings of the grade table that chapter 1 and the summary quote: how many
 * inspection years the table spans, how a grade's share moved between two years, and
 * how long a grade has been absent at the end of the table.
 *
 * With the published table: 2007/08 to 2014/15 is eight inspection years; Good fell
 * 69 → 46 (−23 points) and Adequate/RI rose 22 → 41 (+19) between 2007/08 and 2010/11;
 * Outstanding was 1% in 2012/13 and 0% in 2013/14 and 2014/15, so the table's last two
 * years have none and the last year with any is 2012/13.
 */

import type { YearOutcomes } from "./compute.ts";
import type { Grade } from "../shared/grades.ts";

function yearOf(years: readonly YearOutcomes[], year: string): YearOutcomes {
  const found = years.find((y) => y.year === year);
  if (!found) throw new Error(`no year ${year} in the grade table`);
  return found;
}

/** Later share minus earlier share, in points. */
export function shareChange(years: readonly YearOutcomes[], grade: Grade, from: string, to: string): number {
  return yearOf(years, to).shares[grade] - yearOf(years, from).shares[grade];
}

/** How many years at the end of the table have a zero share for the grade. */
export function trailingYearsWithout(years: readonly YearOutcomes[], grade: Grade): number {
  let count = 0;
  for (let i = years.length - 1; i >= 0 && years[i].shares[grade] === 0; i -= 1) count += 1;
  return count;
}

/** The latest year with a share above zero for the grade, if any. */
export function lastYearWith(years: readonly YearOutcomes[], grade: Grade): string | undefined {
  return [...years].reverse().find((y) => y.shares[grade] > 0)?.year;
}
