/**
 * Load stage of the pipeline: provenance first, then every dataset through its schema
 * and checks. The first problem stops the build with file:line:column.
 */
import type { z } from "zod";
import { ExceptionLedger } from "./checks.ts";
import { inspectionOutcomesByYear, knownExceptions, type Dataset, type OutcomeShareRow } from "./datasets.ts";
import { loadCsv, type RowSchema, type Table } from "./load.ts";
import { verifyProvenance, type ProvenanceEntry } from "./provenance.ts";

export interface ReportData {
  readonly provenance: readonly ProvenanceEntry[];
  readonly exceptions: ExceptionLedger;
  readonly outcomesByYear: Table<OutcomeShareRow>;
}

async function loadDataset<S extends RowSchema>(root: string, dataset: Dataset<S>, ledger: ExceptionLedger): Promise<Table<z.output<S>>> {
  const table = await loadCsv(root, dataset.file, dataset.schema);
  for (const check of dataset.checks) check(table, ledger);
  return table;
}

export async function loadReportData(root: string): Promise<ReportData> {
  const provenance = await verifyProvenance(root);
  const exceptionTable = await loadCsv(root, knownExceptions.file, knownExceptions.schema);
  const exceptions = new ExceptionLedger(
    knownExceptions.file,
    exceptionTable.rows.map(({ row, line }) => ({ ...row, line })),
  );
  const outcomesByYear = await loadDataset(root, inspectionOutcomesByYear, exceptions);
  exceptions.assertAllUsed(new Set([inspectionOutcomesByYear.file]));
  return { provenance, exceptions, outcomesByYear };
}
