/**
 * data/README.md is the provenance ledger: one table row per data file with its
 * source, licence, date and sha256. The build refuses data that is not listed or
 * whose bytes no longer match the listed hash, so a number on the site can always be
 * traced to a file whose origin is written down. `npm run data:sign` refreshes hashes
 * after a deliberate change.
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { isCalendarDate } from "./cells.ts";
import { DataError } from "./errors.ts";
import type { DataFolder } from "./folder.ts";
import { utf8Text } from "./utf8.ts";

export const LEDGER = "data/README.md";
const HEADER = ["File", "Contents", "Source", "Licence", "Date", "sha256"] as const;

export interface ProvenanceEntry {
  readonly file: string;
  readonly contents: string;
  readonly source: string;
  readonly licence: string;
  readonly date: string;
  readonly sha256: string;
  /** Line of the entry in data/README.md. */
  readonly line: number;
}

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => cell.trim());

const unticked = (cell: string) => cell.replace(/^`|`$/g, "");

/** Parse the provenance table: rows whose first cell is a back-ticked data path. */
export function parseProvenance(markdown: string): ProvenanceEntry[] {
  const lines = markdown.split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => {
    const cells = cellsOf(line);
    return line.trim().startsWith("|") && HEADER.every((name, i) => cells[i] === name);
  });
  if (headerIndex < 0) throw new DataError(LEDGER, 1, 1, `no provenance table with the header | ${HEADER.join(" | ")} |`);
  const entries: ProvenanceEntry[] = [];
  for (let index = headerIndex + 2; index < lines.length && lines[index].trim().startsWith("|"); index += 1) {
    const cells = cellsOf(lines[index]);
    const line = index + 1;
    if (cells.length !== HEADER.length) throw new DataError(LEDGER, line, 1, `the entry has ${cells.length} cells; ${HEADER.length} are needed`);
    const [file, contents, source, licence, date, sha256] = cells.map(unticked);
    HEADER.forEach((name, i) => {
      if (cells[i] === "") throw new DataError(LEDGER, line, i + 1, `the ${name} of ${file || "this entry"} is empty`);
    });
    entries.push({ file, contents, source, licence, date, sha256, line });
  }
  return entries;
}

/**
 * The date a ledger entry records for its file: the latest date written in its Date cell —
 * `2026-11-23`, `2026-11` (its last day) or `2015` (its last day, 31 December), in any words
 * ("2023-07-06 (Ofsted table); 2026-08-21 (scrape); imported 2026-11-23" records 2026-11-23).
 * Nothing in a file can be dated after the file was made, so a date cell later than this is
 * refused (load.ts); it is read from the ledger, never the clock, so a build is reproducible.
 */
export interface RecordedDate {
  /** The date as the entry writes it: "2026-11-23", "2015". */
  readonly written: string;
  /** Its last day, YYYY-MM-DD: what a cell's first day is compared with. */
  readonly lastDay: string;
  /** Line of the entry in data/README.md. */
  readonly line: number;
}

/** Which column of the ledger is the Date, for messages (1-based, as the table's cells are counted). */
const DATE_COLUMN = HEADER.indexOf("Date") + 1;

/** A run of digits and hyphens standing alone (not part of a word or a longer code): "2026-11-23", "2015", "2013-2025". */
const NUMBERS_IN_WORDS = /(?<![\w.-])\d+(?:-\d+)*(?![\w-])/g;

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) => `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** The dates a run of digits writes, each as written and its last day (undefined for a day that does not exist): a date, or years joined by hyphens. */
function datesIn(run: string): { written: string; lastDay: string | undefined }[] {
  const parts = run.split("-");
  if (parts[0].length === 4 && parts.length <= 3 && parts.slice(1).every((part) => part.length === 2)) {
    const [year, month, day] = parts.map(Number);
    if (month === undefined) return [{ written: run, lastDay: iso(year, 12, 31) }];
    if (day === undefined) return [{ written: run, lastDay: month >= 1 && month <= 12 ? iso(year, month, lastDayOfMonth(year, month)) : undefined }];
    return [{ written: run, lastDay: isCalendarDate(year, month, day) ? iso(year, month, day) : undefined }];
  }
  return parts.filter((part) => part.length === 4).map((year) => ({ written: year, lastDay: iso(Number(year), 12, 31) }));
}

/** The date an entry records (see RecordedDate); an entry with none, or with a day that does not exist, fails at its Date cell. */
export function recordedDate(entry: ProvenanceEntry): RecordedDate {
  let latest: RecordedDate | undefined;
  for (const [run] of entry.date.matchAll(NUMBERS_IN_WORDS)) {
    for (const { written, lastDay } of datesIn(run)) {
      if (lastDay === undefined) throw new DataError(LEDGER, entry.line, DATE_COLUMN, `the Date of ${entry.file} holds ${JSON.stringify(written)}, which is not a day in the calendar`);
      if (latest === undefined || lastDay > latest.lastDay) latest = { written, lastDay, line: entry.line };
    }
  }
  if (latest === undefined) {
    throw new DataError(LEDGER, entry.line, DATE_COLUMN, `the Date of ${entry.file} holds no date (${JSON.stringify(entry.date)}); write when the file was made, as 2026-11-23, 2026-11 or 2026: the latest date written is the file's date`);
  }
  return latest;
}

/**
 * The ledger's "Sources as read": the publishers' files the canonical files were last made
 * from, as downloaded, each with the edition it holds (written by the project's update
 * command). Families cite those editions in their source lines, so a source line follows
 * the data to its next edition.
 */
export const SOURCES_HEADING = "## Sources as read";
export const SOURCES_HEADER = ["Publication", "Publisher", "Edition", "File", "sha256"] as const;

export interface SourceRead {
  readonly publication: string;
  readonly publisher: string;
  /** The edition in words, e.g. "as at 31 March 2026, published 23 September 2026". */
  readonly edition: string;
  /** The file's name as downloaded. */
  readonly file: string;
  readonly sha256: string;
  /** Line of the row in data/README.md. */
  readonly line: number;
}

/** A cell as the ledger writes it: a "|" inside a cell is escaped as "\|". */
export const sourceCell = (text: string) => text.replace(/\|/g, "\\|");

/** The "Sources as read" rows of the ledger; none when it has no such section. */
export function parseSourcesRead(markdown: string): SourceRead[] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.indexOf(SOURCES_HEADING);
  if (start < 0) return [];
  const sources: SourceRead[] = [];
  for (let index = start + 1; index < lines.length && !lines[index].startsWith("## "); index += 1) {
    const text = lines[index].trim();
    if (!text.startsWith("|") || /^\|[-| :]+\|$/.test(text)) continue;
    const cells = text
      .replace(/^\||(?<!\\)\|$/g, "")
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, "|"));
    if (SOURCES_HEADER.every((name, i) => cells[i] === name)) continue;
    if (cells.length !== SOURCES_HEADER.length) throw new DataError(LEDGER, index + 1, 1, `the source read has ${cells.length} cells; ${SOURCES_HEADER.length} are needed (${SOURCES_HEADER.join(", ")})`);
    const [publication, publisher, edition, file, sha256] = cells;
    sources.push({ publication, publisher, edition, file, sha256, line: index + 1 });
  }
  return sources;
}

export async function sha256File(file: string): Promise<string> {
  return sha256(await readFile(file));
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function readLedger(root: string): Promise<string> {
  const bytes = await readFile(path.join(root, LEDGER)).catch(() => {
    throw missingLedger();
  });
  return utf8Text(LEDGER, bytes);
}

const missingLedger = () => new DataError(LEDGER, 1, 1, "the provenance ledger is missing; every data file must be listed there");

/** A listed file whose bytes are not those the ledger signed: what the preview says of it on every page. */
export interface UnsignedFile {
  readonly file: string;
  /** "data/x.csv changed since it was signed — run npm run data:sign before publishing". */
  readonly notice: string;
}

export interface VerifyOptions {
  /**
   * Under `npm start` (the author's preview) a changed file is not a fault yet: it is
   * handed here, and built, so the author sees the edit without leaving the editor to sign.
   * `npm run build` gives no such handler, and refuses it. Files not listed, or listed and
   * missing, are refused either way: their provenance is not written down at all.
   */
  readonly onUnsigned?: (unsigned: UnsignedFile) => void;
}

/** Check that the ledger and the files read agree exactly: every CSV listed, every listed file there with its recorded sha256. Returns the entries. */
export function verifyProvenance(folder: DataFolder, options: VerifyOptions = {}): ProvenanceEntry[] {
  const ledger = folder.text(LEDGER);
  if (ledger === undefined) throw missingLedger();
  const entries = parseProvenance(ledger);
  // Every entry records a date, whether or not its file has dates to check against it.
  for (const entry of entries) recordedDate(entry);
  const listed = new Map(entries.map((entry) => [entry.file, entry]));
  for (const file of folder.csvPaths()) {
    if (!listed.has(file)) throw new DataError(file, 1, 1, `the file is not listed in ${LEDGER}; add its source, licence, date and sha256`);
  }
  for (const entry of entries) {
    const bytes = folder.bytes(entry.file);
    if (bytes === undefined) throw new DataError(LEDGER, entry.line, 1, `${entry.file} is listed but does not exist`);
    const actual = sha256(bytes);
    if (actual !== entry.sha256) {
      const signed = /^[0-9a-f]{64}$/.test(entry.sha256);
      if (options.onUnsigned) {
        const what = signed ? "changed since it was signed" : "has not been signed yet";
        options.onUnsigned({ file: entry.file, notice: `${entry.file} ${what} — run npm run data:sign before publishing` });
        continue;
      }
      const why = signed ? "has changed since its sha256 was recorded" : "has no sha256 recorded yet";
      throw new DataError(LEDGER, entry.line, 6, `${entry.file} ${why} (its sha256 is ${actual}); check the file and run npm run data:sign`);
    }
  }
  return entries;
}

/** Rewrite the sha256 cell of every listed file with the file's current hash. */
export async function signProvenance(root: string): Promise<string[]> {
  const markdown = await readLedger(root);
  const entries = parseProvenance(markdown);
  const lines = markdown.split("\n");
  const changed: string[] = [];
  for (const entry of entries) {
    const actual = await sha256File(path.join(root, entry.file)).catch(() => {
      throw new DataError(LEDGER, entry.line, 1, `${entry.file} is listed but does not exist`);
    });
    if (actual === entry.sha256) continue;
    // The sha256 is the last cell: replace its last occurrence, not a match in an earlier
    // cell (a placeholder such as "-" also occurs in the file name).
    const text = lines[entry.line - 1];
    const at = text.lastIndexOf(entry.sha256);
    lines[entry.line - 1] = text.slice(0, at) + actual + text.slice(at + entry.sha256.length);
    changed.push(entry.file);
  }
  if (changed.length > 0) await writeFile(path.join(root, LEDGER), lines.join("\n"));
  return changed;
}
