/**
 * The ILACS import as one function: the recognised publications and the council lookup in,
 * data/ilacs/judgements.csv and its import report out, in memory. The canonical rows are
 * checked with their own dataset definition and the known councils before anything is
 * written (`npm run data:update`, ../update.ts, writes them, all or nothing).
 */
import { ExceptionLedger } from "../../engine/data/checks.ts";
import { parseCsv } from "../../engine/data/load.ts";
import { councils as councilsDataset, knownCouncilCodes } from "../../report/councils/datasets.ts";
import { ilacsJudgementSchema, ilacsJudgements, type IlacsJudgementRow } from "../../report/ilacs/datasets.ts";
import { CouncilLookup } from "../councils.ts";
import { toCsv } from "../outputs.ts";
import { DATED_BY_PUBLICATION, type CanonicalFile } from "../losses.ts";
import type { PublicationId, SourceFile } from "../publisher/publications.ts";
import { ilacsImportReport } from "./report.ts";
import { readIlacsSources } from "./sources.ts";
import { buildIlacs } from "./transform.ts";

export const ILACS_REPORT_FILE = "data/ilacs/import-report.md";

export const ILACS_COLUMNS = Object.keys(ilacsJudgementSchema.shape);

export const ilacsCsv = (rows: readonly IlacsJudgementRow[]) => toCsv(ILACS_COLUMNS, rows);

/**
 * The canonical CSV file the import writes: the columns that key its rows, and where its
 * rows and values come from, for naming what an update would lose (../losses.ts).
 */
export const ILACS_CANONICAL: Readonly<Record<string, CanonicalFile>> = {
  [ilacsJudgements.file]: {
    key: ["council_code", "published"],
    council: "council_code",
    unit: { one: "report", many: "reports" },
    dated: DATED_BY_PUBLICATION,
    // A report re-dated (the scrape's date and Ofsted's table's differ) is the same inspection: the same council and first day on site.
    sameAs: ["inspection_start"],
    sourceColumn: "source",
    from: (row, column) => (column === "report_url" || row.source === "report-scrape" ? ["ilacs-report-scrape", "ilacs-scrape-lookup"] : ["ofsted-la-outcomes"]),
  },
};

/** The council lookup from the text of data/councils/councils.csv (as on disk, or as the inspections import just made it). */
export function councilLookupFrom(text: string): CouncilLookup {
  return new CouncilLookup(parseCsv(councilsDataset.file, text, councilsDataset.schema).rows.map(({ row }) => row));
}

/** Build both outputs in memory; nothing is written. */
export function buildIlacsOutputs(publications: ReadonlyMap<PublicationId, SourceFile>, councils: CouncilLookup): Map<string, string> {
  const sources = readIlacsSources(publications);
  const build = buildIlacs({ ...sources, councils });
  const csv = ilacsCsv(build.rows);
  // The output must load with its own definition, exactly as the build loads it, and name
  // only known councils. A failure here is a bug in the import.
  const table = parseCsv(ilacsJudgements.file, csv, ilacsJudgements.schema);
  const ledger = new ExceptionLedger("data/known-exceptions.csv", []);
  for (const check of ilacsJudgements.checks) check(table, ledger);
  knownCouncilCodes<IlacsJudgementRow>(new Set(councils.councils.flatMap((c) => [c.code, ...c.former_codes])))(table, ledger);
  return new Map([
    [ilacsJudgements.file, csv],
    [ILACS_REPORT_FILE, ilacsImportReport({ sources, build, councils: councils.councils })],
  ]);
}
