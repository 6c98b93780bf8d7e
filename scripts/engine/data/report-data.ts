/**
 * Load stage of the pipeline, over the data folder read once (./folder.ts): provenance
 * first (and the editions of the sources read, which the ledger records), then every dataset the report's families declare through its schema and checks,
 * then the checks across datasets, then the claims register. The first problem stops the
 * build with file:line:column.
 */
import { BuildError, DataError } from "./errors.ts";
import { ExceptionLedger } from "./checks.ts";
import { loadOrder, type Dataset, type RowOf } from "./dataset.ts";
import { knownExceptions } from "./exceptions.ts";
import { CLAIMS_FOLDER, claimsDataset, type ClaimGroup, type ClaimRow } from "../claims/dataset.ts";
import type { DataFolder } from "./folder.ts";
import { tableFrom, type ReadOptions, type Table } from "./load.ts";
import { LEDGER, parseSourcesRead, recordedDate, verifyProvenance, type ProvenanceEntry, type SourceRead, type VerifyOptions } from "./provenance.ts";

export class ReportData {
  constructor(
    /** The data folder as read: every file's bytes. */
    readonly folder: DataFolder,
    readonly provenance: readonly ProvenanceEntry[],
    readonly exceptions: ExceptionLedger,
    private readonly tables: ReadonlyMap<Dataset, Table<unknown>>,
    /** Every claims file under data/claims/, in file name order. */
    readonly claims: readonly Table<ClaimRow>[] = [],
    /** The publishers' files the data was last made from, with their editions (the ledger's "Sources as read"). */
    readonly sourcesRead: readonly SourceRead[] = [],
  ) {}

  /** The loaded, checked table of a dataset. */
  table<D extends Dataset>(dataset: D): Table<RowOf<D>> {
    const table = this.tables.get(dataset);
    if (!table) throw new BuildError(`${dataset.file} is not among the loaded datasets; declare it in the datasets of the family that reads it`);
    return table as Table<RowOf<D>>;
  }

  /** Just the typed rows of a dataset. */
  rows<D extends Dataset>(dataset: D): RowOf<D>[] {
    return this.table(dataset).rows.map(({ row }) => row);
  }

  /** Every loaded dataset with its table, in load order. */
  loaded(): [Dataset, Table<unknown>][] {
    return [...this.tables];
  }
}

/**
 * Load `datasets` (and those their cross-checks need) from the folder, and the claims
 * register with the report's claim groups; `null` leaves the register out (a build of some
 * families only, which runs no claims audit).
 */
export function loadReportData(folder: DataFolder, datasets: readonly Dataset[], claimGroups: readonly ClaimGroup[] | null = null, provenanceOptions: VerifyOptions = {}): ReportData {
  const provenance = verifyProvenance(folder, provenanceOptions);
  // Each file is read with the date its entry records: no event in it may be later.
  const entries = new Map(provenance.map((entry) => [entry.file, entry]));
  const read = (file: string) => {
    const entry = entries.get(file);
    return entry === undefined ? {} : { recorded: recordedDate(entry) };
  };
  const exceptionTable = tableFrom(folder, knownExceptions.file, knownExceptions.schema, read(knownExceptions.file));
  const exceptions = new ExceptionLedger(
    knownExceptions.file,
    exceptionTable.rows.map(({ row, line }) => ({ ...row, line })),
  );
  const ordered = loadOrder(datasets);
  const tables = new Map<Dataset, Table<unknown>>();
  for (const dataset of ordered) {
    const table = tableFrom(folder, dataset.file, dataset.schema, read(dataset.file));
    for (const check of dataset.checks) check(table, exceptions);
    tables.set(dataset, table);
  }
  const data = new ReportData(folder, provenance, exceptions, tables);
  for (const dataset of ordered) {
    for (const check of dataset.crossChecks ?? []) check.run(data.table(dataset), (other) => data.table(other), exceptions);
  }
  exceptions.assertAllUsed(new Set(ordered.map((d) => d.file)));
  const sourcesRead = parseSourcesRead(folder.text(LEDGER) ?? "");
  return new ReportData(folder, provenance, exceptions, tables, claimGroups === null ? [] : loadClaims(folder, claimGroups, read), sourcesRead);
}

/** The claims register is every CSV in data/claims/ (one per part of the report), ids unique across all. */
function loadClaims(folder: DataFolder, groups: readonly ClaimGroup[], read: (file: string) => ReadOptions): Table<ClaimRow>[] {
  const files = folder.csvPaths().filter((file) => file.startsWith(CLAIMS_FOLDER) && !file.slice(CLAIMS_FOLDER.length).includes("/"));
  const tables: Table<ClaimRow>[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const dataset = claimsDataset(file.slice(CLAIMS_FOLDER.length, -".csv".length), groups);
    const table = tableFrom(folder, dataset.file, dataset.schema, read(dataset.file));
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
