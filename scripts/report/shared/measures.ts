/**
 * Measure tables: single published numbers, one per row, each named by a code.
 *
 *   measure,value,unit,source
 *   councils,86,councils,"A Brave New World (2015), ch. 1 section 3 …; as published"
 *
 * A family declares its measures and the unit each must carry. The checks make sure
 * every declared measure occurs exactly once, with its declared unit, and that values in
 * whole-number units (councils, ratings, years) are whole. Values are kept as published.
 */
import { z } from "zod";
import { codeCell, numberCell, textCell } from "../../engine/data/cells.ts";
import { uniqueKey, type Check } from "../../engine/data/checks.ts";
import { defineDataset } from "../../engine/data/dataset.ts";
import { DataError } from "../../engine/data/errors.ts";

/** Units whose values must be whole numbers. */
export const WHOLE_UNITS: ReadonlySet<string> = new Set(["councils", "ratings", "year"]);

export interface MeasureRow<M extends string> {
  readonly measure: M;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
}

/** Every declared measure is present, with its declared unit; whole units hold whole numbers. */
export function declaredMeasures<M extends string>(units: Readonly<Record<M, string>>): Check<MeasureRow<M>> {
  return (table) => {
    for (const { row, line } of table.rows) {
      const expected = units[row.measure];
      if (row.unit !== expected) {
        throw new DataError(table.file, line, table.column("unit"), `the measure ${row.measure} is in ${expected}, not ${row.unit}`);
      }
      if (WHOLE_UNITS.has(row.unit) && !Number.isInteger(row.value)) {
        throw new DataError(table.file, line, table.column("value"), `${row.value} ${row.unit} is not a whole number`);
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
export function defineMeasureTable<const M extends string>(file: string, units: Readonly<Record<M, string>>) {
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
    checks: [uniqueKey(["measure"]), declaredMeasures(units)],
  });
}

/** The rows of a checked measure table as code → value. */
export function measureValues<M extends string>(rows: readonly MeasureRow<M>[]): Record<M, number> {
  return Object.fromEntries(rows.map((r) => [r.measure, r.value])) as Record<M, number>;
}
