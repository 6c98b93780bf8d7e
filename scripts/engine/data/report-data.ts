/**
 * Load stage of the pipeline: provenance first, then every dataset through its schema
 * and checks. The first problem stops the build with file:line:column.
 */
import { BuildError } from "./errors.ts";
import { ExceptionLedger } from "./checks.ts";
import type { Dataset, RowOf } from "./dataset.ts";
import { CROSS_CHECKS, REPORT_DATASETS } from "../../data/datasets/index.ts";
import { knownExceptions } from "./exceptions.ts";
import { claimsDataset, type ClaimRow } from "../claims/dataset.ts";
import { DataError } from "./errors.ts";
import { loadCsv, type Table } from "./load.ts";
import { listDataFiles, verifyProvenance, type ProvenanceEntry } from "./provenance.ts";

export class ReportData {
  constructor(
    readonly provenance: readonly ProvenanceEntry[],
    readonly exceptions: ExceptionLedger,
    private readonly tables: ReadonlyMap<Dataset, Table<unknown>>,
    /** Every claims file under data/claims/, in file name order. */
    readonly claims: readonly Table<ClaimRow>[] = [],
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
  const data = new ReportData(provenance, exceptions, tables);
  for (const check of CROSS_CHECKS) {
    if (check.datasets.every((d) => tables.has(d))) check.run((dataset) => data.table(dataset), exceptions);
  }
  exceptions.assertAllUsed(new Set(datasets.map((d) => d.file)));
  return new ReportData(provenance, exceptions, tables, await loadClaims(root));
}

/** The claims register is every CSV in data/claims/ (one per chapter family), ids unique across all. */
async function loadClaims(root: string): Promise<Table<ClaimRow>[]> {
  const files = (await listDataFiles(root)).filter((file) => /^data\/claims\/[^/]+\.csv$/.test(file));
  const tables: Table<ClaimRow>[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const dataset = claimsDataset(file.replace(/^data\/claims\/|\.csv$/g, ""));
    const table = await loadCsv(root, dataset.file, dataset.schema);
    for (const check of dataset.checks) check(table, new ExceptionLedger(knownExceptions.file, []));
    for (const { row, line } of table.rows) {
      const first = seen.get(row.id);
      if (first) throw new DataError(file, line, table.column("id"), `the claim id "${row.id}" is already used in ${first}`);
      seen.set(row.id, `${file}:${line}`);
    }
    tables.push(table);
  }
  return tables;
}
