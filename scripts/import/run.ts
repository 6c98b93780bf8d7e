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
import { DATED_BY_PUBLICATION, type CanonicalFile } from "./losses.ts";
import type { PublicationId, SourceFile } from "./publisher/publications.ts";
import { matchSifDates } from "./sif-dates.ts";
import { linkReports, readReportScrape } from "./report-links.ts";
import { readSources } from "./sources.ts";

export const REPORT_FILE = "data/councils/import-report.md";

/** The scrape gives a report's address, through its lookup of URNs. */
const REPORT_ADDRESSES: readonly PublicationId[] = ["ilacs-report-scrape", "ilacs-scrape-lookup"];
/** DfE's files name the councils, and each of their rows gives a council's year. */
const DFE_FILES: readonly PublicationId[] = ["dfe-referrals", "dfe-protection-plans", "ons-population-0-17"];

/**
 * The canonical CSV files the import writes: the columns that key their rows, and where
 * their rows and values come from, for naming what an update would lose (./losses.ts).
 */
export const INSPECTION_CANONICAL: Readonly<Record<string, CanonicalFile>> = {
  [councilsDataset.file]: {
    key: ["code"],
    council: "code",
    unit: { one: "council", many: "councils" },
    from: (_row, column) => (column === "ofsted_name" || column === "ofsted_region" ? ["ofsted-csc-data"] : DFE_FILES),
  },
  [inspectionsDataset.file]: {
    key: ["council_code", "framework", "published"],
    council: "council_code",
    unit: { one: "inspection judgement", many: "inspection judgements" },
    dated: DATED_BY_PUBLICATION,
    // A council has one judgement of each framework (its table has a set of columns for each).
    sameAs: ["framework"],
    sourceColumn: "source_table",
    from: (_row, column) =>
      column === "report_url" ? REPORT_ADDRESSES
      : column === "inspection_start" || column === "inspection_end" || column === "dates_line" ? ["sif-report-dates"]
      : ["ofsted-csc-data"],
  },
  [demandDataset.file]: {
    key: ["council_code", "year_ending_march"],
    council: "council_code",
    unit: { one: "council year", many: "council years" },
    dated: { column: "year_ending_march", span: (first, last) => (first === last ? `the year ending March ${first}` : `years ending March ${first} to ${last}`) },
    from: (_row, column) =>
      column === "referrals" ? ["dfe-referrals"]
      : column === "cpp_at_31_march" ? ["dfe-protection-plans"]
      : column === "population_0_17" || column === "population_mid_year" ? ["ons-population-0-17"]
      : ["dfe-referrals", "dfe-protection-plans"],
  },
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
