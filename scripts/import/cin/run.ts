/**
 * The children-in-need 2012–2014 import as one function: DfE's three "Characteristics of
 * children in need" underlying-data files and the council lookup in;
 * data/councils/children-in-need-2012-2014.csv and its import report out, in memory. The
 * canonical rows are checked with their own dataset definition before anything is written
 * (`npm run data:update`, ../update.ts, writes them, all or nothing).
 */
import { ExceptionLedger } from "../../engine/data/checks.ts";
import { parseCsv } from "../../engine/data/load.ts";
import { childrenInNeed2012To2014, childrenInNeedSchema, knownCouncilCodes, type ChildrenInNeedRow, type CouncilRow } from "../../report/councils/datasets.ts";
import type { CanonicalFile } from "../losses.ts";
import { toCsv } from "../outputs.ts";
import { importFiles, type PublicationId, type SourceFile } from "../publisher/publications.ts";
import { SFR_SYMBOLS, SFR_YEARS, sfrFile, sfrSchema, type SfrFile } from "./sfr.ts";
import { buildChildrenInNeed, type ChildrenInNeedBuild } from "./transform.ts";

export const CIN_REPORT_FILE = "data/councils/children-in-need-import-report.md";

export const CIN_PUBLICATIONS: readonly PublicationId[] = SFR_YEARS.map((y) => y.publication);

const CIN_COLUMNS = Object.keys(childrenInNeedSchema.shape);

export const childrenInNeedCsv = (rows: readonly ChildrenInNeedRow[]) => toCsv(CIN_COLUMNS, rows);

/** The canonical file the import writes, its key, and which year's file each row comes from (../losses.ts). */
export const CIN_CANONICAL: Readonly<Record<string, CanonicalFile>> = {
  [childrenInNeed2012To2014.file]: {
    key: ["council_code", "year_ending_march"],
    council: "council_code",
    unit: { one: "council year", many: "council years" },
    dated: { column: "year_ending_march", span: (first, last) => (first === last ? `the year ending March ${first}` : `years ending March ${first} to ${last}`) },
    from: (row) => SFR_YEARS.filter((y) => String(y.year) === row.year_ending_march).map((y) => y.publication),
  },
};

/** The three years' files, read and checked. */
export function readChildrenInNeedSources(publications: ReadonlyMap<PublicationId, SourceFile>): { files: SfrFile[]; sources: SourceFile[] } {
  const { file, csv } = importFiles(publications, "children in need 2012–2014");
  return {
    files: SFR_YEARS.map((year) => sfrFile(year, csv(year.publication, sfrSchema(year)))),
    sources: SFR_YEARS.map((year) => file(year.publication)),
  };
}

/** Build the canonical file and its report in memory; nothing is written. */
export function buildChildrenInNeedOutputs(publications: ReadonlyMap<PublicationId, SourceFile>, councils: readonly CouncilRow[]): Map<string, string> {
  const { files, sources } = readChildrenInNeedSources(publications);
  const build = buildChildrenInNeed(files, councils);
  const csv = childrenInNeedCsv(build.rows);
  // The output must load with its own definition, as the build loads it. A failure here is a bug in the import.
  const table = parseCsv(childrenInNeed2012To2014.file, csv, childrenInNeed2012To2014.schema);
  const ledger = new ExceptionLedger("data/known-exceptions.csv", []);
  for (const check of childrenInNeed2012To2014.checks) check(table, ledger);
  knownCouncilCodes<ChildrenInNeedRow>(new Set(councils.flatMap((c) => [c.code, ...c.former_codes])))(table, ledger);
  return new Map([
    [childrenInNeed2012To2014.file, csv],
    [CIN_REPORT_FILE, childrenInNeedReport(build, files, sources, councils)],
  ]);
}

/** The import report: what was read, every symbol counted by file and column, the missing returns, the source errors named. */
export function childrenInNeedReport(build: ChildrenInNeedBuild, files: readonly SfrFile[], sources: readonly SourceFile[], councils: readonly CouncilRow[]): string {
  const name = (code: string) => councils.find((c) => c.code === code)?.name ?? code;
  const lines = [
    "# Import report: children in need, years ending March 2012–2014",
    "",
    "Written by `npm run data:update` (scripts/import/cin/). It says what the import read from DfE's three",
    "\"Characteristics of children in need\" underlying-data files and what it left empty, and why.",
    "",
    "## Read",
    "",
    "| Year ending March | Release | File | Council rows |",
    "|---|---|---|---|",
    ...files.map((f, i) => `| ${f.year.year} | ${f.year.release} | ${sources[i].name} | ${f.rows.length} |`),
    "",
    `${build.rows.length} council years written to data/councils/children-in-need-2012-2014.csv. Councils are joined by DfE's number (geog_c) to data/councils/councils.csv; the 2013 and 2014 area codes (new_la_code) were checked against the council's code.`,
    "",
    "Rates per 10,000 children are kept as DfE published them: they use the population estimates of the time (the file's own 0–17 population column), not ONS's later revisions.",
    "",
    "## Councils that sent no return",
    "",
    ...(build.noReturn.length === 0
      ? ["None."]
      : build.noReturn.map((n) => `- ${n.council.name} (${n.council.code}), year ending March ${n.year}: every measure is DfE's ".." (not submitted), ${n.file} line ${n.line}. The row is kept with its cells empty and \`submitted\` = no.`)),
    "",
    "## Source errors named",
    "",
    ...(build.nationalCodes.length === 0 ? ["None."] : build.nationalCodes.map((n) => `- ${n.file} line ${n.line}: the National row carries the area code ${n.code}, which is a council's (${name(n.code)}), not England's. The National row is not imported; the code is ignored.`)),
    ...build.oldCodes.map((o) => `- ${o.file} line ${o.line}: ${o.council.name} has its code before 1 April 2013, ${o.code}; joined by its DfE number to ${o.council.code}.`),
    ...build.absent.map((a) => `- ${a.council.name} (${a.council.code}) has no row in the file for the year ending March ${a.year}.`),
    "",
    "## DfE's symbols, counted",
    "",
    `Cells of council rows holding a symbol in place of a number, by file and column: ${Object.entries(SFR_SYMBOLS).map(([s, why]) => `\`${s}\` ${why}`).join("; ")}. Each leaves its cell empty.`,
    "",
    "| File | Column | x | .. | . |",
    "|---|---|---|---|---|",
    ...files.flatMap((f) =>
      Object.values(f.year.columns)
        .filter((c): c is string => c !== null)
        .map((column) => {
          const counts = build.symbols.get(f.file)?.get(column);
          return `| ${f.file} | ${column} | ${counts?.get("x") ?? 0} | ${counts?.get("..") ?? 0} | ${counts?.get(".") ?? 0} |`;
        }),
    ),
    "",
    "## Initial assessments within 10 working days left empty",
    "",
    `The sum of DfE's three bands (same day, 1–5 and 6–10 working days) is empty where a band holds a symbol though the total does not: ${build.iaSumEmpty.length} council years.`,
    "",
    ...build.iaSumEmpty.map((e) => `- ${name(e.council)} (${e.council}), ${e.year}: "${e.symbol}" at ${e.file}:${e.line}:${e.column}`),
    "",
    "## Single assessments (2014)",
    "",
    `Councils that reported single assessments in the year ending March 2014 (a number, or "x" for 1 to 5): ${build.rows.filter((r) => r.year_ending_march === 2014 && r.single_assessments_reported === "yes").length}. Those that still report initial assessments did so for part of the year only; ${build.rows.filter((r) => r.year_ending_march === 2014 && r.single_assessments_reported === "yes" && r.initial_assessments_within_10_days !== null).length} of them have a 10-day figure for initial assessments.`,
    "",
  ];
  return `${lines.join("\n")}`;
}
