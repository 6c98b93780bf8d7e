/**
 * Shared set-up for the import tests: the made-up publishers' files of
 * test/fixtures/import-sources, held in memory so a test can change one cell, rename a
 * sheet or break a file before writing them out; a scratch folder to write them to; and a
 * project root with a provenance ledger for `npm run data:update` to update.
 *
 * Ofsted's workbooks are kept as readable text — a folder `<file>.ods.sheets/` with one
 * CSV file per sheet, `<n>.<sheet name>.csv`, whose line N is the sheet's row N — and
 * written as .ods by SheetJS when the sources are written out. Cells are text, as Ofsted's
 * cells display ("27/07/2012").
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as XLSX from "@e965/xlsx";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { recognise, type PublicationId, type SourceFile } from "../../scripts/import/publisher/publications.ts";
import { applyUpdate, planUpdate, type UpdatePlan } from "../../scripts/import/update.ts";

export const FIXTURE = fileURLToPath(new URL("../fixtures/import-sources/", import.meta.url));

const DFE = "dfe-analytical-services__CSC_outcomes_and_enablers";
const JT = "JT-39__ofsted-ilacs-scrape-tool";

/** Ofsted's "Children's social care data in England 2023" and the sheet of every council's inspections. */
export const OFSTED = `${DFE}/Childrens_social_care_in_England_2023_underlying_data.ods`;
export const OFSTED_SHEET = "LA_inspections_2009-2023";
/** Ofsted's "Local authority inspection outcomes as at 31 March 2025" and its sheets. */
export const OUTCOMES = `${DFE}/LA_Inspection_Outcomes_as_at_31_March_2025.ods`;
export const HISTORY_SHEET = "ILACS_inspection_history";
export const PDFS = `${JT}/derived/sif_era_report_dates_from_pdfs.csv`;
export const C1 = `${DFE}/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv`;
export const D5 = `${DFE}/d5_cpps_at31march_by_duration_2013_to_2025.csv`;
export const ONS = `${DFE}/ons_mid-year_population_estimates_2012_to_2024.csv`;
export const SCRAPE = `${JT}/ofsted_csc_ilacs_history.csv`;
export const LOOKUP = `${JT}/Provider_data_lookup.csv`;

/** The later edition's files (test/fixtures/import-sources/editions/2026), by the paths they have in a sources folder. */
export const OUTCOMES_2026 = `${DFE}/LA_Inspection_Outcomes_as_at_31_March_2026.ods`;
export const C1_2026 = `${DFE}/c1_children_in_need_referrals_and_rereferrals_2013_to_2026.csv`;
export const D5_2026 = `${DFE}/d5_cpps_at31march_by_duration_2013_to_2026.csv`;
export const ONS_2026 = `${DFE}/ons_mid-year_population_estimates_2012_to_2025.csv`;

/** The publications each import reads, as fixture paths. */
export const INSPECTION_FILES = [OFSTED, PDFS, C1, D5, ONS, SCRAPE, LOOKUP];
export const ILACS_FILES = [OUTCOMES, SCRAPE, LOOKUP];

/** How messages name a file (its name) or a sheet of it (`name[sheet]`). */
export const named = (file: string, sheet?: string) => `${path.basename(file)}${sheet === undefined ? "" : `[${sheet}]`}`;

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

// ---------------------------------------------------------------------------
// Sources in memory

export interface Sheet {
  name: string;
  /** Row N of the sheet is rows[N - 1]; an empty array is a blank row. */
  rows: string[][];
}

type Content = { kind: "text"; text: string } | { kind: "workbook"; sheets: Sheet[]; bookType: "ods" | "xlsx" } | { kind: "bytes"; bytes: Uint8Array };

const clone = (content: Content): Content => (content.kind === "workbook" ? { ...content, sheets: content.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) })) } : { ...content });

/** The cells of one line of a CSV file (or sheet text): a record of csv-parse. */
const records = (text: string): string[][] => parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];

/** A sheet's rows as written in its text file: one line per row, a blank line a blank row. */
async function readSheets(dir: string): Promise<Sheet[]> {
  const files = (await readdir(dir)).filter((f) => /^\d+\..+\.csv$/.test(f)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  return Promise.all(
    files.map(async (file) => ({
      name: file.replace(/^\d+\./, "").replace(/\.csv$/, ""),
      rows: records(await readFile(path.join(dir, file), "utf8")).map((r) => (r.length === 1 && r[0] === "" ? [] : r)),
    })),
  );
}

/** A workbook's bytes as SheetJS writes it. */
export function workbookBytes(sheets: readonly Sheet[], bookType: "ods" | "xlsx" = "ods"): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const sheet of sheets) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheet.rows), sheet.name);
  return new Uint8Array(XLSX.write(book, { bookType, type: "buffer" }) as Buffer);
}

const csvLine = (cells: readonly string[]) => stringify([cells]).replace(/\r?\n$/, "");

/** A set of publishers' files in memory, by path relative to the sources folder. */
export class Sources {
  private constructor(private readonly files: Map<string, Content>) {}

  /**
   * Load fixture files by their paths in test/fixtures/import-sources (a workbook by the
   * path its .ods has: its sheets are read from `<path>.sheets/`). `as` gives the paths
   * they take in the set (by default the same).
   */
  static async load(paths: readonly string[], as: readonly string[] = paths): Promise<Sources> {
    const files = new Map<string, Content>();
    for (const [index, file] of paths.entries()) {
      const full = path.join(FIXTURE, file);
      const sheets = await stat(`${full}.sheets`).then(
        () => true,
        () => false,
      );
      files.set(as[index], sheets ? { kind: "workbook", sheets: await readSheets(`${full}.sheets`), bookType: "ods" } : { kind: "text", text: await readFile(full, "utf8") });
    }
    return new Sources(files);
  }

  copy(): Sources {
    return new Sources(new Map([...this.files].map(([file, content]) => [file, clone(content)])));
  }

  /** Another set with these files and those of `other` (which win). */
  with(other: Sources): Sources {
    return new Sources(new Map([...this.copy().files, ...other.copy().files]));
  }

  get paths(): string[] {
    return [...this.files.keys()];
  }

  private get(file: string): Content {
    const content = this.files.get(file);
    if (!content) throw new Error(`no file ${file} in the set (${this.paths.join(", ")})`);
    return content;
  }

  /** A workbook's sheets, free to change. */
  sheets(file: string): Sheet[] {
    const content = this.get(file);
    if (content.kind !== "workbook") throw new Error(`${file} is not a workbook`);
    return content.sheets;
  }

  /** A sheet's rows (row N is index N − 1), free to change. */
  sheet(file: string, name: string): string[][] {
    const sheet = this.sheets(file).find((s) => s.name === name);
    if (!sheet) throw new Error(`${file} has no sheet ${name}`);
    return sheet.rows;
  }

  /** Set one cell of a sheet (1-based row and column). */
  cell(file: string, sheet: string, row: number, column: number, value: string): this {
    const rows = this.sheet(file, sheet);
    while (rows.length < row) rows.push([]);
    const cells = rows[row - 1];
    while (cells.length < column) cells.push("");
    cells[column - 1] = value;
    return this;
  }

  /** A CSV file's text. */
  text(file: string): string {
    const content = this.get(file);
    if (content.kind !== "text") throw new Error(`${file} is not text`);
    return content.text;
  }

  setText(file: string, text: string): this {
    this.files.set(file, { kind: "text", text });
    return this;
  }

  /** Set one cell (1-based line and column) of a CSV file. */
  csvCell(file: string, line: number, column: number, value: string): this {
    const lines = this.text(file).split("\n");
    const cells = records(`${lines[line - 1]}\n`)[0];
    cells[column - 1] = value;
    lines[line - 1] = csvLine(cells);
    return this.setText(file, lines.join("\n"));
  }

  /** Replace a whole line (1-based) of a CSV file; `null` deletes it. */
  csvLine(file: string, line: number, text: string | null): this {
    const lines = this.text(file).split("\n");
    if (text === null) lines.splice(line - 1, 1);
    else lines[line - 1] = text;
    return this.setText(file, lines.join("\n"));
  }

  /** The bytes a file is written as. */
  bytes(file: string): Uint8Array {
    const content = this.get(file);
    if (content.kind === "text") return new TextEncoder().encode(content.text);
    if (content.kind === "bytes") return content.bytes;
    return workbookBytes(content.sheets, content.bookType);
  }

  setBytes(file: string, bytes: Uint8Array): this {
    this.files.set(file, { kind: "bytes", bytes });
    return this;
  }

  /** Write a workbook as .xlsx instead of .ods (under the path given). */
  asXlsx(file: string, to: string): this {
    const content = this.get(file);
    if (content.kind !== "workbook") throw new Error(`${file} is not a workbook`);
    this.files.delete(file);
    this.files.set(to, { ...content, bookType: "xlsx" });
    return this;
  }

  move(file: string, to: string): this {
    const content = this.get(file);
    this.files.delete(file);
    this.files.set(to, content);
    return this;
  }

  remove(file: string): this {
    this.get(file);
    this.files.delete(file);
    return this;
  }

  /** Write every file under `dir` (emptied first); returns their paths, as given to the update. */
  async write(dir: string): Promise<string[]> {
    await rm(dir, { recursive: true, force: true });
    const written: string[] = [];
    for (const file of this.paths) {
      const target = path.join(dir, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, this.bytes(file));
      written.push(target);
    }
    return written;
  }

  /** Every file recognised as the import would (in memory, no disk): publication → file. */
  recognised(): Map<PublicationId, SourceFile> {
    const map = new Map<PublicationId, SourceFile>();
    for (const file of this.paths) {
      const recognition = recognise(file, this.bytes(file));
      if (recognition.kind === "source") map.set(recognition.source.publication.id, recognition.source);
    }
    return map;
  }
}

/** Files of an edition folder (test/fixtures/import-sources/editions/<year>), under the paths they have in a sources folder. */
export const edition = (year: number, files: readonly string[]) =>
  Sources.load(
    files.map((f) => `editions/${year}/${f}`),
    files,
  );

/**
 * The publishers' files of the made-up 2025 state: the inspections fixture, and the
 * outcomes workbook "as at 31 March 2025" with a scrape and its lookup for the same councils.
 */
export async function sourcesOf2025(): Promise<Sources> {
  return (await Sources.load(INSPECTION_FILES)).with(await edition(2025, [OUTCOMES, SCRAPE, LOOKUP]));
}

/**
 * A folder of the 2026 editions: the outcomes "as at 31 March 2026", DfE's files with the
 * year ending March 2026 (ONS with mid-2025) and a newer scrape, with the files that have no
 * new edition (Ofsted's 2023 workbook, the SIF dates, the lookup).
 */
export async function sourcesOf2026(): Promise<Sources> {
  return (await Sources.load([OFSTED, PDFS])).with(await edition(2025, [LOOKUP])).with(await edition(2026, [OUTCOMES_2026, SCRAPE, C1_2026, D5_2026, ONS_2026]));
}

// ---------------------------------------------------------------------------
// A scratch folder: sources to write, a project root to update

/** A made-up provenance ledger listing the canonical files the imports write. */
export const LEDGER_TEXT = [
  "# Data",
  "",
  "A made-up ledger for the import tests.",
  "",
  "## Files",
  "",
  "| File | Contents | Source | Licence | Date | sha256 |",
  "|---|---|---|---|---|---|",
  "| `data/councils/councils.csv` | Councils | The made-up sources | none | 2026 | none |",
  "| `data/councils/inspections.csv` | Inspections | The made-up sources | none | 2026 | none |",
  "| `data/councils/demand.csv` | Demand | The made-up sources | none | 2026 | none |",
  "| `data/ilacs/judgements.csv` | ILACS judgements | The made-up sources | none | 2026 | none |",
  "",
  "## Columns",
  "",
  "None here.",
  "",
].join("\n");

export interface Scratch {
  /** Where a test writes its sources. */
  readonly sources: string;
  /** The project root the update writes into: data/README.md (the ledger) and nothing else at first. */
  readonly root: string;
  remove(): Promise<void>;
}

export async function scratch(): Promise<Scratch> {
  const base = await mkdtemp(path.join(tmpdir(), "import-"));
  const sources = path.join(base, "sources");
  const root = path.join(base, "project");
  await mkdir(path.join(root, "data"), { recursive: true });
  await writeFile(path.join(root, "data", "README.md"), LEDGER_TEXT);
  return { sources, root, remove: () => rm(base, { recursive: true, force: true }) };
}

/** How the update is told to run: `allowRemovals` as `--allow-removals`. */
export interface UpdateFlags {
  readonly allowRemovals?: boolean;
}

/** Write the sources and plan the update of the scratch root with them (nothing is written to data/). */
export async function plan(dir: Scratch, sources: Sources, root = dir.root, flags: UpdateFlags = {}): Promise<UpdatePlan> {
  await sources.write(dir.sources);
  return planUpdate({ inputs: [dir.sources], root, ...flags });
}

/** Write the sources and run the update: planned, then written. Returns the plan and the files written. */
export async function update(dir: Scratch, sources: Sources, flags: UpdateFlags = {}): Promise<{ plan: UpdatePlan; written: string[] }> {
  const planned = await plan(dir, sources, dir.root, flags);
  return { plan: planned, written: await applyUpdate(dir.root, planned) };
}

/** A file of the project root as text. */
export const read = (root: string, file: string) => readFile(path.join(root, file), "utf8");

/** Every file and folder under a folder, by relative path: a file by its sha256 and mtime, a folder as "folder". */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(dir, full);
    out[key] = entry.isDirectory() ? "folder" : `${sha256(await readFile(full))} ${(await stat(full)).mtimeMs}`;
  }
  return out;
}
