/**
 * Load stage of the pipeline: provenance first, then every dataset through its schema
 * and checks. The first problem stops the build with file:line:column.
 */
import { BuildError } from "./errors.ts";
import { ExceptionLedger } from "./checks.ts";
import type { Dataset, RowOf } from "./dataset.ts";
import { REPORT_DATASETS } from "./datasets/index.ts";
import { knownExceptions } from "./datasets/exceptions.ts";
import { loadCsv, type Table } from "./load.ts";
import { verifyProvenance, type ProvenanceEntry } from "./provenance.ts";

export class ReportData {
  constructor(
    readonly provenance: readonly ProvenanceEntry[],
    readonly exceptions: ExceptionLedger,
    private readonly tables: ReadonlyMap<Dataset, Table<unknown>>,
  ) {}

  /** The loaded, checked table of a dataset. */
  table<D extends Dataset>(dataset: D): Table<RowOf<D>> {
    const table = this.tables.get(dataset);
    if (!table) throw new BuildError(`${dataset.file} is not among the loaded datasets; add it to scripts/data/datasets/index.ts`);
    return table as Table<RowOf<D>>;
  }

  /** Just the typed rows of a dataset. */
  rows<D extends Dataset>(dataset: D): RowOf<D>[] {
    return this.table(dataset).rows.map(({ row }) => row);
  }
}

export async function loadReportData(root: string, datasets: readonly Dataset[] = REPORT_DATASETS): Promise<ReportData> {
  const provenance = await verifyProvenance(root);
  const exceptionTable = await loadCsv(root, knownExceptions.file, knownExceptions.schema);
  const exceptions = new ExceptionLedger(
    knownExceptions.file,
    exceptionTable.rows.map(({ row, line }) => ({ ...row, line })),
  );
  const tables = new Map<Dataset, Table<unknown>>();
  for (const dataset of datasets) {
    const table = await loadCsv(root, dataset.file, dataset.schema);
    for (const check of dataset.checks) check(table, exceptions);
    tables.set(dataset, table);
  }
  exceptions.assertAllUsed(new Set(datasets.map((d) => d.file)));
  return new ReportData(provenance, exceptions, tables);
}
