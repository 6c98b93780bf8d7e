/**
 * Typed formatters for numbers quoted in prose, tables and titles. Every number a
 * reader sees goes through one of these, so "9.4%" is always produced the same way.
 * Formatting is locale-fixed (en-GB) so the output does not depend on LANG.
 */

export type Format =
  /** A share on the 0–100 scale: 9.375 → "9.4%". */
  | { readonly kind: "percent"; readonly decimals: number }
  /** A difference of shares on the 0–100 scale: 9.375 → "9.4 percentage points". */
  | { readonly kind: "points"; readonly decimals: number }
  /** A signed difference of shares: −4 → "−4 points", 2.5 → "+2.5 points". */
  | { readonly kind: "signedPoints"; readonly decimals: number }
  /** A whole count: 1234 → "1,234". */
  | { readonly kind: "count" }
  /** A plain number with fixed decimals: 3.75 → "3.8". */
  | { readonly kind: "number"; readonly decimals: number }
  /** An amount in pounds shown in millions: 3000000 → "£3m", 9600000 → "£9.6m". */
  | { readonly kind: "gbpMillions"; readonly decimals: number }
  /** A calendar year held as a number, so a claim can be checked against it: 2015 → "2015". */
  | { readonly kind: "year" }
  /** A label taken from the data, such as a year: "2014/15". */
  | { readonly kind: "text" };

export const percent = (decimals = 0): Format => ({ kind: "percent", decimals });
export const points = (decimals = 0): Format => ({ kind: "points", decimals });
export const signedPoints = (decimals = 0): Format => ({ kind: "signedPoints", decimals });
export const count = (): Format => ({ kind: "count" });
export const plainNumber = (decimals = 0): Format => ({ kind: "number", decimals });
export const gbpMillions = (decimals = 0): Format => ({ kind: "gbpMillions", decimals });
export const year = (): Format => ({ kind: "year" });
export const text = (): Format => ({ kind: "text" });

/**
 * Round half away from zero at `decimals` places, on the decimal representation:
 * 9.375 → 9.4 and 0.125 → 0.13, where Number#toFixed would follow the binary value.
 */
export function roundHalfAway(value: number, decimals: number): number {
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  return Math.sign(value) * Number(`${Math.round(shifted)}e-${decimals}`);
}

// One formatter per number of decimals: building an Intl.NumberFormat costs far more than
// using one, and the report formats thousands of values per build.
const formatters = new Map<number, Intl.NumberFormat>();
const formatterFor = (decimals: number): Intl.NumberFormat => {
  let formatter = formatters.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, formatter);
  }
  return formatter;
};

const grouped = (value: number, decimals: number) => formatterFor(decimals).format(roundHalfAway(value, decimals));

// A true minus sign reads better than a hyphen and is what GOV.UK style uses.
const minus = (formatted: string) => formatted.replace(/^-/, "\u2212");

/** Format one value; strings are only accepted by the "text" format and vice versa. */
export function formatValue(value: number | string, format: Format): string {
  if (format.kind === "text") {
    if (typeof value !== "string") throw new TypeError(`a text stat needs a string, got ${value}`);
    return value;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`a ${format.kind} stat needs a finite number, got ${String(value)}`);
  switch (format.kind) {
    case "percent":
      return minus(`${grouped(value, format.decimals)}%`);
    case "points":
      return minus(`${grouped(value, format.decimals)} percentage point${roundHalfAway(Math.abs(value), format.decimals) === 1 ? "" : "s"}`);
    case "signedPoints": {
      const rounded = roundHalfAway(value, format.decimals);
      const sign = rounded > 0 ? "+" : "";
      return minus(`${sign}${grouped(value, format.decimals)} point${Math.abs(rounded) === 1 ? "" : "s"}`);
    }
    case "count":
      return minus(grouped(value, 0));
    case "number":
      return minus(grouped(value, format.decimals));
    case "year":
      if (!Number.isInteger(value)) throw new TypeError(`a year stat needs a whole number, got ${value}`);
      return String(value);
    case "gbpMillions":
      return minus(`£${grouped(value / 1e6, format.decimals)}m`);
  }
}

/**
 * Below this many, a share is shown with its counts ("25% (2 of 8)"): a percentage of a
 * handful reads as more certain than it is, and the reader needs the n to judge it.
 */
export const SMALL_BASE = 30;

/** The count a share is taken of: `part` of `whole`. */
export interface ShareBase {
  readonly part: number;
  readonly whole: number;
}

/**
 * A share as a reader should see it: the percentage, and its counts when the base is small
 * (under SMALL_BASE): 2 of 8 → "25% (2 of 8)", 30 of 60 → "50%".
 */
export function formatShare(base: ShareBase, decimals = 0): string {
  const { part, whole } = base;
  if (!(whole > 0) || part < 0 || part > whole) throw new TypeError(`a share needs 0 ≤ part ≤ whole and whole > 0, got ${part} of ${whole}`);
  const shown = formatValue((100 * part) / whole, percent(decimals));
  return whole < SMALL_BASE ? `${shown} (${grouped(part, 0)} of ${grouped(whole, 0)})` : shown;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2015-03-31" → "March 2015". Fixed English, no locale or clock. */
export function monthYear(date: string): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "2015-03-31" → "31 March 2015". Fixed English, no locale or clock. */
export function dayMonthYear(date: string): string {
  return `${Number(date.slice(8, 10))} ${monthYear(date)}`;
}
