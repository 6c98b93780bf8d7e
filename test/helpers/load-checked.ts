/**
 * Loading one data file the way the build does, for tests that wire a single family
 * without loading every dataset: its schema, then its table checks against the project's
 * known exceptions (data/known-exceptions.csv).
 */
import { ExceptionLedger } from "../../scripts/engine/data/checks.ts";
import type { Dataset, RowOf } from "../../scripts/engine/data/dataset.ts";
import { knownExceptions } from "../../scripts/engine/data/exceptions.ts";
import { loadCsv } from "../../scripts/engine/data/load.ts";

/** The known exceptions of the project at `root`. */
export async function exceptionLedger(root: string): Promise<ExceptionLedger> {
  const table = await loadCsv(root, knownExceptions.file, knownExceptions.schema);
  return new ExceptionLedger(knownExceptions.file, table.rows.map(({ row, line }) => ({ ...row, line })));
}

/** The rows of one data file of the project at `root`, after its schema and table checks. */
export async function loadChecked<D extends Dataset>(root: string, dataset: D, ledger: ExceptionLedger): Promise<RowOf<D>[]> {
  const table = await loadCsv(root, dataset.file, dataset.schema);
  for (const check of dataset.checks) check(table, ledger);
  return table.rows.map(({ row }) => row as RowOf<D>);
}
