/**
 * The inspections import as one function: the recognised publications in, the canonical
 * files of data/councils/ out, in memory. It reads and validates the sources, builds the
 * council lookup, the inspection events (with SIF dates and report addresses) and the demand rows, and checks
 * the outputs against their own dataset definitions before anything is written
 * (`npm run data:update`, ./update.ts, writes them, all or nothing).
 */
import { ExceptionLedger } from "../engine/data/checks.ts";
import type { Dataset } from "../engine/data/dataset.ts";
import { parseCsv, type RowSchema } from "../engine/data/load.ts";
import { councils as councilsDataset, demand as demandDataset, inspections as inspectionsDataset, knownCouncilCodes } from "../report/councils/datasets.ts";
import { buildCouncils } from "./councils.ts";
import { buildDemand } from "./demand.ts";
import { importReport } from "./import-report.ts";
import { ofstedEvents } from "./ofsted-events.ts";
import { councilsCsv, demandCsv, inspectionsCsv } from "./outputs.ts";
import type { PublicationId, SourceFile } from "./publisher/publications.ts";
import { matchSifDates } from "./sif-dates.ts";
import { linkReports, readReportScrape } from "./report-links.ts";
import { readSources } from "./sources.ts";

export const REPORT_FILE = "data/councils/import-report.md";

/** The canonical files the import writes, each CSV with the columns that key its rows. */
export const INSPECTION_KEYS: Readonly<Record<string, readonly string[]>> = {
  [councilsDataset.file]: ["code"],
  [inspectionsDataset.file]: ["council_code", "framework", "published"],
  [demandDataset.file]: ["council_code", "year_ending_march"],
};

/** Build every output in memory; nothing is written. */
export function buildInspectionOutputs(publications: ReadonlyMap<PublicationId, SourceFile>): Map<string, string> {
  const sources = readSources(publications);
  const councils = buildCouncils([sources.referrals, sources.plans, sources.population], sources.ofsted);
  const { events: rawEvents, notes: eventNotes } = ofstedEvents(sources.ofsted, councils.ofstedCouncil);
  const { events: dated, notes: sifNotes } = matchSifDates(rawEvents, sources.sifDates, councils.lookup);
  const scrape = readReportScrape(publications);
  const { events, notes: linkNotes } = linkReports(dated, scrape, councils.lookup);
  const { rows: demand, notes: demandNotes } = buildDemand(sources.referrals, sources.plans, sources.population, councils.lookup);

  const files = new Map<string, string>([
    [councilsDataset.file, councilsCsv(councils.councils)],
    [inspectionsDataset.file, inspectionsCsv(events)],
    [demandDataset.file, demandCsv(demand)],
  ]);
  checkOutputs(files);
  files.set(REPORT_FILE, importReport({ sources, scrape, councils, events, eventNotes, sifNotes, linkNotes, demand, demandNotes }));
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
