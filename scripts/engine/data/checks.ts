/**
 * Whole-table checks that a row schema cannot express: unique keys, complete grids,
 * shares that add up. Each failure points at a cell. Published data is never
 * corrected: where a source is known to be inconsistent, the exception is listed in
 * data/known-exceptions.csv and the check lets exactly that case through.
 */
import { DataError } from "./errors.ts";
import type { Table } from "./load.ts";

export interface KnownException {
  readonly file: string;
  readonly check: string;
  readonly key: string;
  readonly note: string;
  /** Where the exception itself is recorded, for errors about stale entries. */
  readonly line: number;
}

/** Hands out known exceptions and remembers which ones were needed. */
export class ExceptionLedger {
  private readonly used = new Set<KnownException>();
  constructor(
    readonly ledgerFile: string,
    private readonly entries: readonly KnownException[],
  ) {}

  /** The exception for this file, check and key, if one is listed. */
  claim(file: string, check: string, key: string): KnownException | undefined {
    const entry = this.entries.find((e) => e.file === file && e.check === check && e.key === key);
    if (entry) this.used.add(entry);
    return entry;
  }

  /** Every exception that was listed for the given files but never needed is a stale entry. */
  assertAllUsed(checkedFiles: ReadonlySet<string>): void {
    for (const entry of this.entries) {
      if (checkedFiles.has(entry.file) && !this.used.has(entry)) {
        throw new DataError(this.ledgerFile, entry.line, 1, `the known exception ${entry.check} for ${entry.key} in ${entry.file} no longer occurs; remove it from the list`);
      }
    }
  }

  all(): readonly KnownException[] {
    return this.entries;
  }
}

export type Check<T> = (table: Table<T>, ledger: ExceptionLedger) => void;

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;
type NumberKeys<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T] & string;

/** No two rows share the same values in `fields`. */
export function uniqueKey<T>(fields: readonly (keyof T & string)[]): Check<T> {
  return (table) => {
    const seen = new Map<string, number>();
    for (const { row, line } of table.rows) {
      const key = fields.map((f) => String(row[f])).join(" / ");
      const first = seen.get(key);
      if (first !== undefined) {
        throw new DataError(table.file, line, table.column(fields[0]), `duplicate row for ${fields.join(" / ")} = ${key} (first given on line ${first})`);
      }
      seen.set(key, line);
    }
  };
}

/** Every value of `group` has a row for every one of `members` in `field`. */
export function completeGrid<T>(group: StringKeys<T>, field: StringKeys<T>, members: readonly string[]): Check<T> {
  return (table) => {
    const byGroup = new Map<string, { line: number; present: Set<string> }>();
    for (const { row, line } of table.rows) {
      const key = row[group] as string;
      const entry = byGroup.get(key) ?? { line, present: new Set<string>() };
      entry.present.add(row[field] as string);
      byGroup.set(key, entry);
    }
    for (const [key, { line, present }] of byGroup) {
      const missing = members.filter((m) => !present.has(m));
      if (missing.length > 0) {
        throw new DataError(table.file, line, table.column(field), `${group} ${key} has no row for ${field} ${missing.join(", ")}`);
      }
    }
  };
}

export const SHARES_SUM_CHECK = "shares-sum-to-100";

/**
 * The shares within each `group` add up to 100, allowing for the rounding of each
 * published share to a whole number (at most half a point per share).
 */
export function sharesSumTo100<T>(group: StringKeys<T>, value: NumberKeys<T>, tolerancePerShare = 0.5): Check<T> {
  return (table, ledger) => {
    const sums = new Map<string, { line: number; total: number; count: number }>();
    for (const { row, line } of table.rows) {
      const key = row[group] as string;
      const entry = sums.get(key) ?? { line, total: 0, count: 0 };
      entry.total += row[value] as number;
      entry.count += 1;
      sums.set(key, entry);
    }
    for (const [key, { line, total, count }] of sums) {
      const tolerance = tolerancePerShare * count;
      const rounded = Math.round(total * 1000) / 1000;
      if (Math.abs(rounded - 100) <= tolerance) continue;
      if (ledger.claim(table.file, SHARES_SUM_CHECK, key)) continue;
      throw new DataError(table.file, line, table.column(value), `the shares for ${group} ${key} add up to ${rounded}, not 100 (allowing ±${tolerance} for rounding); if this is how the source publishes it, list it in ${ledger.ledgerFile}`);
    }
  };
}
