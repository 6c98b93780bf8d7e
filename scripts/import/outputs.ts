/**
 * The canonical files as text (CSV with "\n" line endings, columns in schema order) and
 * the comparison with what was there before, for the run summary.
 */
import { parse } from "csv-parse/sync";
import { SUB_JUDGEMENTS, councilSchema, demandSchema, inspectionSchema, type CouncilRow, type DemandRow } from "../report/councils/datasets.ts";
import type { InspectionEvent } from "./ofsted-events.ts";

type CellValue = string | number | null | readonly string[];

function csvCell(value: CellValue): string {
  const text = value === null ? "" : Array.isArray(value) ? value.join("|") : String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text: header, then one line per row, every line ending in "\n". */
export function toCsv(header: readonly string[], rows: readonly Readonly<Record<string, CellValue>>[]): string {
  const lines = [header.join(","), ...rows.map((row) => header.map((column) => csvCell(row[column] ?? null)).join(","))];
  return `${lines.join("\n")}\n`;
}

export const COUNCIL_COLUMNS = Object.keys(councilSchema.shape);
export const INSPECTION_COLUMNS = Object.keys(inspectionSchema.shape);
export const DEMAND_COLUMNS = Object.keys(demandSchema.shape);

export const councilsCsv = (rows: readonly CouncilRow[]) => toCsv(COUNCIL_COLUMNS, rows);

export const demandCsv = (rows: readonly DemandRow[]) => toCsv(DEMAND_COLUMNS, rows);

export function inspectionsCsv(events: readonly InspectionEvent[]): string {
  return toCsv(
    INSPECTION_COLUMNS,
    events.map((e) => ({
      council_code: e.councilCode,
      framework: e.framework,
      ilacs_type: e.ilacsType,
      published: e.published,
      inspection_start: e.inspectionStart,
      inspection_end: e.inspectionEnd,
      overall: e.overall,
      ...Object.fromEntries(SUB_JUDGEMENTS.map((field) => [field, e.subs[field]])),
      source_table: e.sourceTable,
      source_line: e.sourceLine,
      dates_line: e.datesLine,
      report_url: e.reportUrl,
    })),
  );
}

export interface Change {
  /** Data rows now in the file (lines, for text files). */
  readonly rows: number;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

/** A CSV row by column name. */
export type CsvRow = Readonly<Record<string, string>>;

/** What changed in a CSV file, row by row: the rows added and removed, and for each changed row its key and the cells that differ. */
export interface CsvDiff extends Change {
  readonly addedRows: readonly CsvRow[];
  readonly removedRows: readonly CsvRow[];
  readonly changedRows: readonly { readonly row: CsvRow; readonly cells: readonly { readonly column: string; readonly before: string; readonly after: string }[] }[];
}

function rowsByKey(text: string | null, key: readonly string[]): Map<string, CsvRow> {
  const map = new Map<string, CsvRow>();
  if (text === null || text.trim() === "") return map;
  const [header, ...records] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const positions = key.map((k) => header.indexOf(k));
  records.forEach((record, i) => {
    const named = Object.fromEntries(header.map((h, j) => [h, record[j] ?? ""]));
    // A file without the key columns (another layout) is compared as entirely different.
    map.set(positions.some((p) => p < 0) ? `\u0000${i}` : positions.map((p) => record[p]).join("\u0000"), named);
  });
  return map;
}

/**
 * Compare two versions of a CSV by key: a key only in the new file is added, only in the
 * old one removed, in both with different cells changed. A file whose header lacks the key
 * columns counts as entirely removed. Rows come in the new file's order (removed ones in the old's).
 */
export function diffCsv(before: string | null, after: string, key: readonly string[]): CsvDiff {
  const old = rowsByKey(before, key);
  const now = rowsByKey(after, key);
  const addedRows: CsvRow[] = [];
  const changedRows: CsvDiff["changedRows"][number][] = [];
  for (const [k, row] of now) {
    const previous = old.get(k);
    if (previous === undefined) {
      addedRows.push(row);
      continue;
    }
    const columns = [...new Set([...Object.keys(previous), ...Object.keys(row)])];
    // A column only one version has is a change of every row, even where its cell is empty.
    const cells = columns.filter((column) => previous[column] !== row[column]).map((column) => ({ column, before: previous[column] ?? "(no column)", after: row[column] ?? "(no column)" }));
    if (cells.length > 0) changedRows.push({ row, cells });
  }
  const removedRows = [...old].filter(([k]) => !now.has(k)).map(([, row]) => row);
  return { rows: now.size, added: addedRows.length, changed: changedRows.length, removed: removedRows.length, addedRows, changedRows, removedRows };
}

/** Compare two versions of a CSV by key: the counts of rows added, changed and removed. */
export function compareCsv(before: string | null, after: string, key: readonly string[]): Change {
  const { rows, added, changed, removed } = diffCsv(before, after, key);
  return { rows, added, changed, removed };
}

/** Compare two versions of a text file line by line (as multisets: moved lines count as unchanged). */
export function compareLines(before: string | null, after: string): Change {
  const count = (text: string | null) => {
    const map = new Map<string, number>();
    for (const line of text === null || text === "" ? [] : text.replace(/\n$/, "").split("\n")) map.set(line, (map.get(line) ?? 0) + 1);
    return map;
  };
  const old = count(before);
  const now = count(after);
  let added = 0;
  let removed = 0;
  for (const [line, n] of now) added += Math.max(0, n - (old.get(line) ?? 0));
  for (const [line, n] of old) removed += Math.max(0, n - (now.get(line) ?? 0));
  return { rows: after.split("\n").length - (after.endsWith("\n") ? 1 : 0), added, changed: 0, removed };
}
