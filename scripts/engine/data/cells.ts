/**
 * zod schemas for single CSV cells. Every cell arrives as a string; these schemas
 * turn it into a typed value or fail with a plain sentence about that one cell
 * (the loader adds file:line:column).
 */
import { z } from "zod";
import { slugProblem } from "../slug.ts";
import { quoted } from "./errors.ts";

type NumberOptions = { min?: number; max?: number; integer?: boolean; unit?: string };

/** A finite number, optionally bounded. Empty cells are not numbers. */
export function numberCell(options: NumberOptions = {}) {
  const { min, max, integer = false, unit = "" } = options;
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    // Plain decimal notation only: Number() would also accept "0x1F", "1e3" or ".5".
    const value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    const fail = (message: string) => {
      ctx.issues.push({ code: "custom", message, input: raw });
      return z.NEVER;
    };
    if (!Number.isFinite(value)) return fail(text === "" ? "the value is empty, a number is needed" : `${quoted(text)} is not a number`);
    if (integer && !Number.isInteger(value)) return fail(`${quoted(text)} is not a whole number`);
    if (min !== undefined && value < min) return fail(`${text}${unit} is below the minimum of ${min}${unit}`);
    if (max !== undefined && value > max) return fail(`${text}${unit} is above the maximum of ${max}${unit}`);
    return value;
  });
}

/** A percentage on the 0–100 scale. */
export const percentCell = () => numberCell({ min: 0, max: 100, unit: "%" });

/** One of a fixed set of codes. */
export function codeCell<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if ((values as readonly string[]).includes(text)) return text as T[number];
    // The cell as written, so a stray space ("Good ") shows inside the quotes.
    ctx.issues.push({ code: "custom", message: `${quoted(raw)} is not one of: ${values.join(", ")}`, input: raw });
    return z.NEVER;
  });
}

/**
 * Why a cell would run as a formula in a spreadsheet, or undefined: text starting with "=", "+",
 * "-" or "@", or a raw cell starting with a tab or carriage return (OWASP's CSV injection list).
 * The data files are published as they are (the data page, the zip), so such a cell is refused
 * where it is read rather than rewritten on the way out. A number ("-4.5") is not a formula.
 */
export function formulaStart(raw: string): string | undefined {
  if (/^[\t\r]/.test(raw)) return `starts with a ${raw[0] === "\t" ? "tab" : "carriage return"}`;
  const text = raw.trim();
  if (/^[=+\-@]/.test(text) && !Number.isFinite(Number(text))) return `starts with "${text[0]}"`;
  return undefined;
}

export const formulaMessage = (raw: string, why: string) => `${quoted(raw.trim())} ${why}, which a spreadsheet opening the published file would run as a formula; write it without that first character`;

/** Non-empty free text (names, notes, source references). Escaping happens at output. */
export function textCell(what = "text") {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    const formula = formulaStart(raw);
    if (formula !== undefined) {
      ctx.issues.push({ code: "custom", message: formulaMessage(raw, formula), input: raw });
      return z.NEVER;
    }
    if (text !== "") return text;
    ctx.issues.push({ code: "custom", message: `the ${what} is empty`, input: raw });
    return z.NEVER;
  });
}

/**
 * A proper name (a council, a region): non-empty text with no markup. A name holding
 * "<" or ">" is a broken import (HTML copied from a web page), not a name; free text
 * such as notes and labels uses textCell and is escaped wherever it is shown.
 */
export function nameCell(what = "name") {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    const fail = (message: string) => {
      ctx.issues.push({ code: "custom", message, input: raw });
      return z.NEVER;
    };
    if (text === "") return fail(`the ${what} is empty`);
    const formula = formulaStart(raw);
    if (formula !== undefined) return fail(formulaMessage(raw, formula));
    if (/[<>]/.test(text)) return fail(`${quoted(text)} contains markup (< or >); a ${what} is plain text`);
    return text;
  });
}

/**
 * A name that pages are named from (a council's page, /councils/<slug>/): a nameCell whose slug
 * (../slug.ts) has at least one letter or digit and is no longer than MAX_SLUG_LENGTH. Refused
 * here, at the cell: otherwise "!!!" makes an empty address that collides with the index page,
 * and a 300-character name a file name the file system refuses, each reported by Eleventy with
 * every page of the template.
 */
export function pageNameCell(what = "name") {
  const name = nameCell(what);
  return z.string().transform((raw, ctx) => {
    const result = name.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.issues.push({ code: "custom", message: issue.message, input: raw });
      return z.NEVER;
    }
    const problem = slugProblem(result.data);
    if (problem === undefined) return result.data;
    ctx.issues.push({ code: "custom", message: `the ${what} ${quoted(result.data)} ${problem}`, input: raw });
    return z.NEVER;
  });
}

// ---------------------------------------------------------------------------
// Dates, and the date of the file that holds them.

/**
 * What a cell that names a time holds about it: the first day of that time (ISO), and
 * whether it may be later than the file's date. The loader (load.ts) refuses a value whose
 * first day is after the date the file's provenance entry records: a file cannot hold an
 * event that had not happened when the file was made. A date that may be later (a forecast's
 * horizon, a planned change) says so where its column is defined, so events are the default.
 */
export interface DatedCell {
  /** The first day of the time a typed value names, as YYYY-MM-DD; null for none (an empty optional cell). */
  readonly firstDay: (value: unknown) => string | null;
  /** True for a date that may be later than the file: a forecast's horizon, a planned change. */
  readonly mayBeLaterThanFile: boolean;
}

/** The cell schemas that name a time, with what they say about it (zod's registry of schema metadata). */
export const datedCells = z.registry<DatedCell>();

export interface DateOptions {
  /**
   * The value may be later than the date of the file that holds it (the ledger's Date): a
   * forecast's horizon, a planned change. Without it, a value later than that date is refused.
   */
  readonly mayBeLaterThanFile?: boolean;
}

/** `schema`, registered as naming a time that starts on `firstDay(value)`. */
function dated<S extends z.ZodType>(schema: S, firstDay: (value: z.output<S>) => string, options: DateOptions): S {
  datedCells.add(schema as z.ZodType, { firstDay: (value) => firstDay(value as z.output<S>), mayBeLaterThanFile: options.mayBeLaterThanFile ?? false });
  return schema;
}

/** A financial or academic year written `2007/08`; the second part must follow the first. It starts in April of its first year at the earliest. */
export function yearSpanCell(options: DateOptions = {}) {
  const cell = z.string().transform((raw, ctx) => {
    const text = raw.trim();
    const match = /^(\d{4})\/(\d{2})$/.exec(text);
    if (match && (Number(match[1]) + 1) % 100 === Number(match[2])) return text;
    ctx.issues.push({ code: "custom", message: `${quoted(text)} is not a year span like 2007/08`, input: raw });
    return z.NEVER;
  });
  // A financial year starts on 1 April, an academic one later: April is the earliest either can.
  return dated(cell, (span) => `${span.slice(0, 4)}-04-01`, options);
}

/** A calendar year written `2014`, a whole number (optionally bounded); it starts on 1 January. */
export function yearCell(options: DateOptions & { readonly min?: number; readonly max?: number } = {}) {
  return dated(numberCell({ integer: true, min: options.min, max: options.max }), (year) => `${String(year).padStart(4, "0")}-01-01`, options);
}

/** Whether year-month-day names a day that exists in the Gregorian calendar (2014-02-30 does not). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/**
 * A calendar date written `2014-02-28` (ISO 8601, four-digit year); impossible days are rejected.
 * An event by default: not later than the file's date (see DatedCell).
 */
export function isoDateCell(options: DateOptions = {}) {
  const cell = z.string().transform((raw, ctx) => {
    const text = raw.trim();
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (match && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return text;
    const message = match ? `${quoted(text)} is not a day in the calendar` : text === "" ? "the date is empty, a date like 2014-02-28 is needed" : `${quoted(text)} is not a date like 2014-02-28`;
    ctx.issues.push({ code: "custom", message, input: raw });
    return z.NEVER;
  });
  return dated(cell, (date) => date, options);
}

/**
 * An optional cell: an empty or blank cell becomes null; anything else must pass `cell`
 * (whose message is passed on unchanged). An optional date is dated like its cell.
 */
export function optionalCell<T>(cell: z.ZodType<T, string>) {
  const optional = z.string().transform((raw, ctx): T | null => {
    if (raw.trim() === "") return null;
    const result = cell.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.issues.push({ code: "custom", message: issue.message, input: raw });
    return z.NEVER;
  });
  const inner = datedCells.get(cell);
  if (inner) datedCells.add(optional, { ...inner, firstDay: (value) => (value === null ? null : inner.firstDay(value)) });
  return optional;
}
