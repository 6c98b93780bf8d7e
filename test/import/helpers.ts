/** Shared set-up for the import tests: a scratch copy of the made-up sources and an empty project root. */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURE = fileURLToPath(new URL("../fixtures/import-sources/", import.meta.url));

export const OFSTED = "dfe-analytical-services__CSC_outcomes_and_enablers/derived/Childrens_social_care_in_England_2023__LA_inspections_2009-2023.csv";
export const PDFS = "JT-39__ofsted-ilacs-scrape-tool/derived/sif_era_report_dates_from_pdfs.csv";
export const C1 = "dfe-analytical-services__CSC_outcomes_and_enablers/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";
export const D5 = "dfe-analytical-services__CSC_outcomes_and_enablers/d5_cpps_at31march_by_duration_2013_to_2025.csv";
export const ONS = "dfe-analytical-services__CSC_outcomes_and_enablers/ons_mid-year_population_estimates_2012_to_2024.csv";

export interface Scratch {
  /** A copy of the fixture sources, free to edit. */
  readonly sources: string;
  /** An empty project root to write into. */
  readonly root: string;
  remove(): Promise<void>;
}

export async function scratch(): Promise<Scratch> {
  const base = await mkdtemp(path.join(tmpdir(), "import-"));
  const sources = path.join(base, "sources");
  const root = path.join(base, "project");
  await cp(FIXTURE, sources, { recursive: true });
  return { sources, root, remove: () => rm(base, { recursive: true, force: true }) };
}

/** Replace the text of one cell (1-based line and column) of a simple CSV file without quoted commas before it. */
export async function editCell(file: string, line: number, column: number, value: string): Promise<void> {
  const lines = (await readFile(file, "utf8")).split("\n");
  const cells = splitCsvLine(lines[line - 1]);
  cells[column - 1] = value;
  lines[line - 1] = cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
  await writeFile(file, lines.join("\n"));
}

/** Replace a whole line (1-based) of a file; `null` deletes it. */
export async function editLine(file: string, line: number, text: string | null): Promise<void> {
  const lines = (await readFile(file, "utf8")).split("\n");
  if (text === null) lines.splice(line - 1, 1);
  else lines[line - 1] = text;
  await writeFile(file, lines.join("\n"));
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
