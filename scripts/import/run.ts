/**
 * The inspections import end to end: read and validate the sources, build the council
 * lookup, the inspection events (with SIF dates) and the demand rows, check the outputs
 * against their own dataset definitions, then write them and say what changed.
 * Writing is idempotent: the same sources give the same bytes, and unchanged files are
 * not rewritten.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ExceptionLedger } from "../engine/data/checks.ts";
import type { Dataset } from "../engine/data/dataset.ts";
import { councils as councilsDataset, demand as demandDataset, inspections as inspectionsDataset, knownCouncilCodes } from "../report/councils/datasets.ts";
import { parseCsv, type RowSchema } from "../engine/data/load.ts";
import { buildCouncils } from "./councils.ts";
import { buildDemand } from "./demand.ts";
import { importReport } from "./import-report.ts";
import { ofstedEvents } from "./ofsted-events.ts";
import { compareCsv, compareLines, councilsCsv, demandCsv, inspectionsCsv, type Change } from "./outputs.ts";
import { matchSifDates } from "./sif-dates.ts";
import { readSources, sourceLabel } from "./sources.ts";

export const REPORT_FILE = "data/councils/import-report.md";

export interface ImportOptions {
  /** The folder holding the outside datasets (as laid out in /work/shared/data-sources). */
  readonly sources: string;
  /** The project root the canonical files are written under. */
  readonly root: string;
}

export interface FileSummary extends Change {
  readonly file: string;
  /** "rows" for CSV files (compared by key), "lines" for the report. */
  readonly unit: "rows" | "lines";
}

/** Build every output in memory; no files are written. */
export async function buildOutputs(sourcesDir: string): Promise<Map<string, string>> {
  const sources = await readSources(sourcesDir);
  const councils = buildCouncils([sources.referrals, sources.plans, sources.population], sources.ofsted);
  const { events: rawEvents, notes: eventNotes } = ofstedEvents(sources.ofsted, councils.ofstedCouncil);
  const { events, notes: sifNotes } = matchSifDates(rawEvents, sources.sifDates, councils.lookup);
  const { rows: demand, notes: demandNotes } = buildDemand(sources.referrals, sources.plans, sources.population, councils.lookup);

  const files = new Map<string, string>([
    [councilsDataset.file, councilsCsv(councils.councils)],
    [inspectionsDataset.file, inspectionsCsv(events)],
    [demandDataset.file, demandCsv(demand)],
  ]);
  checkOutputs(files);
  files.set(REPORT_FILE, importReport({ sources, councils, events, eventNotes, sifNotes, demand, demandNotes, sourcesLabel: sourceLabel(sourcesDir) }));
  return files;
}

/**
 * The outputs must load with their own dataset definitions, exactly as the build would
 * load them, and refer only to known councils. A failure here is a bug in the import.
 */
function checkOutputs(files: ReadonlyMap<string, string>): void {
  const ledger = new ExceptionLedger("data/known-exceptions.csv", []);
  const load = <S extends RowSchema>(dataset: Dataset<S>) => {
    const table = parseCsv(dataset.file, files.get(dataset.file)!, dataset.schema);
    for (const check of dataset.checks) check(table, ledger);
    return table;
  };
  const codes = new Set(load(councilsDataset).rows.map(({ row }) => row.code));
  knownCouncilCodes(codes)(load(inspectionsDataset), ledger);
  knownCouncilCodes(codes)(load(demandDataset), ledger);
}

const KEYS: Readonly<Record<string, readonly string[]>> = {
  [councilsDataset.file]: ["code"],
  [inspectionsDataset.file]: ["council_code", "framework", "published"],
  [demandDataset.file]: ["council_code", "year_ending_march"],
};

/** Run the import: build, compare with the files on disk, write what changed. */
export async function runImport(options: ImportOptions): Promise<FileSummary[]> {
  return writeOutputs(options.root, await buildOutputs(options.sources), KEYS);
}

/**
 * Compare each built file with the one on disk under `root` (CSV files by their key
 * columns in `keys`, other files line by line) and write only those that differ.
 */
export async function writeOutputs(root: string, files: ReadonlyMap<string, string>, keys: Readonly<Record<string, readonly string[]>>): Promise<FileSummary[]> {
  const summaries: FileSummary[] = [];
  for (const [file, text] of files) {
    const target = path.join(root, file);
    const before = await readFile(target, "utf8").catch(() => null);
    const key = keys[file];
    const change = key ? compareCsv(before, text, key) : compareLines(before, text);
    summaries.push({ file, unit: key ? "rows" : "lines", ...change });
    if (before === text) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  return summaries;
}

/** One line per file: "data/councils/councils.csv: 158 rows; 0 added, 0 changed, 0 removed". */
export function formatSummary(summaries: readonly FileSummary[]): string {
  return summaries
    .map((s) => `${s.file}: ${s.rows} ${s.unit}; ${s.added} added, ${s.changed} changed, ${s.removed} removed${s.added + s.changed + s.removed === 0 ? " (unchanged)" : ""}`)
    .join("\n");
}
