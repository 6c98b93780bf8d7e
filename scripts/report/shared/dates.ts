/**
 * Calendar arithmetic on ISO dates ("2015-03-31"), in UTC so the result never depends on
 * the machine's time zone. No clock is read.
 */

/** Days in an average (Julian) year: years = days ÷ 365.25. */
export const DAYS_PER_YEAR = 365.25;

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier): 2012-05-29 → 2015-03-31 = 1,036. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The ISO date `days` before `iso`: 2014-01-20 less 42 days = 2013-12-09. */
export function daysBefore(iso: string, days: number): string {
  return new Date((dayNumber(iso) - days) * 86_400_000).toISOString().slice(0, 10);
}

/** The financial year starting in April of `start`, written "2013/14". */
export function financialYearFrom(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The financial year (1 April to 31 March) of an ISO date, written "2013/14". */
export function financialYear(date: string): string {
  const year = Number(date.slice(0, 4));
  return financialYearFrom(Number(date.slice(5, 7)) >= 4 ? year : year - 1);
}

/** The last day of a financial year: "2016/17" → "2017-03-31". */
export function financialYearEnd(year: string): string {
  return `${Number(year.slice(0, 4)) + 1}-03-31`;
}
