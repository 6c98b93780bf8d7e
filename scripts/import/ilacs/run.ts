/**
 * The ILACS import end to end: read and validate the three sources and the council lookup
 * (data/councils/councils.csv under the project root), build the canonical rows, check
 * them with their own dataset definition and the known councils, then write
 * data/ilacs/judgements.csv and data/ilacs/import-report.md and say what changed.
 * Idempotent: the same inputs give the same bytes, and unchanged files are not rewritten.
 */
import { ExceptionLedger } from "../../engine/data/checks.ts";
import { knownCouncilCodes } from "../../report/councils/datasets.ts";
import { ilacsJudgementSchema, ilacsJudgements, type IlacsJudgementRow } from "../../report/ilacs/datasets.ts";
import { parseCsv } from "../../engine/data/load.ts";
import { loadCouncilLookup } from "../councils.ts";
import { toCsv } from "../outputs.ts";
import { writeOutputs, type FileSummary, type ImportOptions } from "../run.ts";
import { ilacsImportReport } from "./report.ts";
import { readIlacsSources } from "./sources.ts";
import { buildIlacs } from "./transform.ts";

export const ILACS_REPORT_FILE = "data/ilacs/import-report.md";

export const ILACS_COLUMNS = Object.keys(ilacsJudgementSchema.shape);

export const ilacsCsv = (rows: readonly IlacsJudgementRow[]) => toCsv(ILACS_COLUMNS, rows);

const KEYS: Readonly<Record<string, readonly string[]>> = {
  [ilacsJudgements.file]: ["council_code", "published"],
};

/** Build both outputs in memory; nothing is written. */
export async function buildIlacsOutputs(options: ImportOptions): Promise<Map<string, string>> {
  const councils = await loadCouncilLookup(options.root);
  const sources = await readIlacsSources(options.sources);
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

/** Run the import: build, compare with the files on disk, write what changed. */
export async function runIlacsImport(options: ImportOptions): Promise<FileSummary[]> {
  return writeOutputs(options.root, await buildIlacsOutputs(options), KEYS);
}
