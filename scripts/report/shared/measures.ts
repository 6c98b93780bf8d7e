/**
 * Measure tables: single published numbers, one per row, each named by a code.
 *
 *   measure,value,unit,source
 *   councils,86,councils,"A Brave New World (2015), ch. 1 section 3 …; as published"
 *
 * A family declares its measures and the unit each must carry. The checks make sure
 * every declared measure occurs exactly once, with its declared unit, and that values in
 * whole-number units (councils, ratings, years) are whole. Values are kept as published.
 * A value in years names a time, so it may not be later than the file's date (the ledger's
 * Date, as for a date cell) unless its measure is declared as one that may be: a forecast's horizon.
 */
import { z } from "zod";
import { codeCell, numberCell, textCell } from "../../engine/data/cells.ts";
import { uniqueKey, type Check } from "../../engine/data/checks.ts";
import { defineDataset } from "../../engine/data/dataset.ts";
import { DataError } from "../../engine/data/errors.ts";
import { notLaterThanFile } from "../../engine/data/load.ts";

/** Units whose values must be whole numbers. */
export const WHOLE_UNITS: ReadonlySet<string> = new Set(["councils", "ratings", "year"]);

export interface MeasureRow<M extends string> {
  readonly measure: M;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
}

/** The unit whose values are calendar years: a time, checked against the file's date. */
export const YEAR_UNIT = "year";

export interface MeasureOptions<M extends string> {
  /** Measures in years that may be later than the file's date: a forecast's horizon ("by April 2017" in a file of 2015). */
  readonly mayBeLaterThanFile?: readonly M[];
}

/** Every declared measure is present, with its declared unit; whole units hold whole numbers; a year is not later than the file's date unless declared so. */
export function declaredMeasures<M extends string>(units: Readonly<Record<M, string>>, options: MeasureOptions<M> = {}): Check<MeasureRow<M>> {
  return (table) => {
    for (const { row, line } of table.rows) {
      const expected = units[row.measure];
      if (row.unit !== expected) {
        throw new DataError(table.file, line, table.column("unit"), `the measure ${row.measure} is in ${expected}, not ${row.unit}`);
      }
      if (WHOLE_UNITS.has(row.unit) && !Number.isInteger(row.value)) {
        throw new DataError(table.file, line, table.column("value"), `${row.value} ${row.unit} is not a whole number`);
      }
      if (row.unit === YEAR_UNIT && !options.mayBeLaterThanFile?.includes(row.measure)) {
        notLaterThanFile(table, line, "value", `${String(row.value).padStart(4, "0")}-01-01`, `${row.value} (${row.measure})`);
      }
    }
    const present = new Set(table.rows.map(({ row }) => row.measure));
    const missing = (Object.keys(units) as M[]).filter((m) => !present.has(m));
    if (missing.length > 0) {
      const last = table.rows.length > 0 ? table.rows[table.rows.length - 1].line : 1;
      throw new DataError(table.file, last, table.column("measure"), `no row for measure ${missing.join(", ")}`);
    }
  };
}

/** A measure table whose measures and units are `units` (code → unit). */
export function defineMeasureTable<const M extends string>(file: string, units: Readonly<Record<M, string>>, options: MeasureOptions<NoInfer<M>> = {}) {
  const codes = Object.keys(units) as [M, ...M[]];
  const unitCodes = [...new Set(Object.values<string>(units))] as [string, ...string[]];
  return defineDataset({
    file,
    schema: z.object({
      measure: codeCell(codes),
      value: numberCell(),
      unit: codeCell(unitCodes),
      source: textCell("source"),
    }),
    checks: [uniqueKey(["measure"]), declaredMeasures(units, options)],
  });
}

/** The rows of a checked measure table as code → value. */
export function measureValues<M extends string>(rows: readonly MeasureRow<M>[]): Record<M, number> {
  return Object.fromEntries(rows.map((r) => [r.measure, r.value])) as Record<M, number>;
}
