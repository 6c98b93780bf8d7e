/** Small helpers for ISO calendar dates (`yyyy-mm-dd`), computed in UTC so the time zone never matters. */

const DAY = 86_400_000;

const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: string, b: string) => Math.round((toUtc(b) - toUtc(a)) / DAY);

/** The date `days` after `iso`. */
export const addDays = (iso: string, days: number) => new Date(toUtc(iso) + days * DAY).toISOString().slice(0, 10);

/** 31 March of the year ending then, e.g. 2014 → 2014-03-31. */
export const yearEndingMarch = (year: number) => `${year}-03-31`;

/** The reference day of an ONS mid-year estimate, e.g. 2013 → 2013-06-30. */
export const midYear = (year: number) => `${year}-06-30`;
