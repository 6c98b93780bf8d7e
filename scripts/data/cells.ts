/**
 * zod schemas for single CSV cells. Every cell arrives as a string; these schemas
 * turn it into a typed value or fail with a plain sentence about that one cell
 * (the loader adds file:line:column).
 */
import { z } from "zod";
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
    ctx.issues.push({ code: "custom", message: `${quoted(text)} is not one of: ${values.join(", ")}`, input: raw });
    return z.NEVER;
  });
}

/** Non-empty free text (names, notes, source references). Escaping happens at output. */
export function textCell(what = "text") {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (text !== "") return text;
    ctx.issues.push({ code: "custom", message: `the ${what} is empty`, input: raw });
    return z.NEVER;
  });
}

/** A financial or academic year written `2007/08`; the second part must follow the first. */
export function yearSpanCell() {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    const match = /^(\d{4})\/(\d{2})$/.exec(text);
    if (match && (Number(match[1]) + 1) % 100 === Number(match[2])) return text;
    ctx.issues.push({ code: "custom", message: `${quoted(text)} is not a year span like 2007/08`, input: raw });
    return z.NEVER;
  });
}
