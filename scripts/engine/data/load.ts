/**
 * Load one CSV file into typed rows, keeping each row's line number so that later
 * checks can point at the exact cell. Parsing is csv-parse (BOM and CRLF handled);
 * typing is a zod object whose keys are the expected header, in order.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { datedCells, formulaMessage, formulaStart } from "./cells.ts";
import { DataError, quoted } from "./errors.ts";
import type { DataFolder } from "./folder.ts";
import { LEDGER, type RecordedDate } from "./provenance.ts";
import { utf8Text } from "./utf8.ts";

export interface Located<T> {
  /** The typed row. */
  readonly row: T;
  /** 1-based line on which the row starts in the file. */
  readonly line: number;
}

export interface Table<T> {
  /** Path relative to the project root, forward slashes. */
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly Located<T>[];
  /** 1-based column of a header field, for error positions. */
  column(field: string): number;
  /** The date the file's provenance entry records (provenance.ts); none when read without the ledger (importers, tools). */
  readonly recorded?: RecordedDate;
}

/** How a table is read: with the date its ledger entry records, no cell of an event may be later (cells.ts DatedCell). */
export interface ReadOptions {
  readonly recorded?: RecordedDate;
}

// zod's object type with string-typed input cells.
export type RowSchema = z.ZodObject<Record<string, z.ZodType<unknown, string>>>;

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** Read and parse `file` (relative to `root`), validating every row with `schema`: one file, for importers and tools. */
export async function loadCsv<S extends RowSchema>(root: string, file: string, schema: S, options: ReadOptions = {}): Promise<Table<z.output<S>>> {
  const text = await readText(root, file);
  return parseCsv(file, text, schema, options);
}

/**
 * The table each data file was last read into, with what it was read from: the preview
 * (`npm start`) reads the whole data folder again after an edit to one file, and the other
 * files' tables are the same (tables are not changed once read). One entry per file path.
 */
const lastRead = new Map<string, { readonly text: string; readonly schema: RowSchema; readonly options: string; readonly table: Table<unknown> }>();

/** Parse `file` from the data folder the build has read, validating every row with `schema` (the last table of the same text and schema is reused). */
export function tableFrom<S extends RowSchema>(folder: DataFolder, file: string, schema: S, options: ReadOptions = {}): Table<z.output<S>> {
  const text = folder.text(file);
  if (text === undefined) throw new DataError(file, 1, 1, "the file does not exist");
  const optionsKey = JSON.stringify(options.recorded ?? null);
  const last = lastRead.get(file);
  if (last && last.text === text && last.schema === schema && last.options === optionsKey) return last.table as Table<z.output<S>>;
  const table = parseCsv(file, text, schema, options);
  lastRead.set(file, { text, schema, options: optionsKey, table });
  return table;
}

async function readText(root: string, file: string): Promise<string> {
  const bytes = await readFile(path.join(root, file)).catch((error: NodeJS.ErrnoException) => {
    throw new DataError(file, 1, 1, error.code === "ENOENT" ? "the file does not exist" : `the file cannot be read (${error.code})`);
  });
  return utf8Text(file, bytes);
}

/**
 * A data file is published as it is (the data page, the zip), so no cell of it may be one a
 * spreadsheet would run as a formula, whatever its column's type: a free-text note as much as a
 * name. Checked on every cell before the schema reads the row.
 */
function refuseFormulas(file: string, line: number, header: readonly string[], record: readonly string[]): void {
  record.forEach((raw, index) => {
    const why = formulaStart(raw);
    if (why !== undefined) throw new DataError(file, line, index + 1, `${header[index]}: ${formulaMessage(raw, why)}`);
  });
}

/** Parse CSV text already in memory; exported for tests and importers. */
export function parseCsv<S extends RowSchema>(file: string, text: string, schema: S, options: ReadOptions = {}): Table<z.output<S>> {
  const expected = Object.keys(schema.shape);
  const { header, rows: records } = csvRecords(file, text, (found) => checkHeader(file, found, expected));
  const column = (field: string) => header.indexOf(field) + 1;
  const rows = records.map(({ record, line }) => {
    refuseFormulas(file, line, header, record);
    return { row: typedRow(file, line, schema, Object.fromEntries(header.map((name, index) => [name, record[index]])), column), line };
  });
  const table: Table<z.output<S>> = { file, header, rows, column, ...(options.recorded ? { recorded: options.recorded } : {}) };
  // Every event's date is checked against the file's: the columns whose cell is dated, but for those that may be later.
  const events = Object.entries(schema.shape).flatMap(([field, cell]) => {
    const dated = datedCells.get(cell);
    return dated && !dated.mayBeLaterThanFile ? [{ field, firstDay: dated.firstDay }] : [];
  });
  for (const { row, line } of rows) {
    for (const { field, firstDay } of events) {
      const value = (row as Record<string, unknown>)[field];
      const first = firstDay(value);
      if (first !== null) notLaterThanFile(table, line, field, first, String(value));
    }
  }
  return table;
}

/**
 * Refuse a value of `field` on `line` whose first day is after the date the file's ledger entry
 * records: nothing in a file can be dated after the file was made. `written` is the value as the
 * file writes it. Nothing is checked for a table read without its ledger entry.
 */
export function notLaterThanFile(table: Table<unknown>, line: number, field: string, firstDay: string, written: string): void {
  const recorded = table.recorded;
  if (recorded === undefined || firstDay <= recorded.lastDay) return;
  throw new DataError(
    table.file,
    line,
    table.column(field),
    `${field}: ${written} is later than ${recorded.written}, the date ${LEDGER}:${recorded.line} records for this file (the latest date in its Date column); nothing in a file can be dated after the file was made: correct the value, or the entry's Date if the file is newer`,
  );
}

/**
 * A CSV file's header (trimmed) and its records with the line each starts on; every record
 * has as many fields as the header. An empty file, an unclosed quote or a row of the wrong
 * length fails at its line and column. `checkHeader` runs on the header before any row is read.
 */
export function csvRecords(file: string, text: string, checkHeader: (header: string[]) => void = () => {}): { header: string[]; rows: { line: number; record: string[] }[] } {
  if (text.replace(/^\uFEFF/, "").trim() === "") throw new DataError(file, 1, 1, "the file is empty; a header line is needed");
  const records = parseRecords(file, text);
  const [headerRecord, ...body] = records;
  const header = headerRecord.record.map((cell) => cell.trim());
  checkHeader(header);
  const rows: { line: number; record: string[] }[] = [];
  let nextLine = 1 + lineBreaks(headerRecord.raw);
  for (const { record, raw } of body) {
    // A record's raw text starts with any empty lines skipped before it.
    const line = nextLine + lineBreaks(/^[\r\n]*/.exec(raw)?.[0] ?? "");
    nextLine += lineBreaks(raw);
    if (record.length !== header.length) {
      const column = Math.min(record.length, header.length) + 1;
      throw new DataError(file, line, column, `the row has ${record.length} fields but the header has ${header.length}`);
    }
    rows.push({ line, record });
  }
  return { header, rows };
}

/** One row's cells, by column name, typed by `schema`; a bad cell fails at its line and column (`columnOf` its name). */
export function typedRow<S extends RowSchema>(file: string, line: number, schema: S, cells: Record<string, string>, columnOf: (field: string) => number): z.output<S> {
  const result = schema.safeParse(cells);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = String(issue.path[0] ?? Object.keys(schema.shape)[0]);
  throw new DataError(file, line, columnOf(field), `${field}: ${issue.message}`);
}

function parseRecords(file: string, text: string): ParsedRecord[] {
  try {
    return parse(text, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as ParsedRecord[];
  } catch (error) {
    const csvError = error as { code?: string; lines?: number; column?: number; message: string };
    if (csvError.code === "CSV_QUOTE_NOT_CLOSED") {
      const open = unclosedQuote(text);
      throw new DataError(file, open.line, open.column, "a quoted value is opened here and never closed");
    }
    if (csvError.code === "CSV_INVALID_CLOSING_QUOTE") {
      throw new DataError(file, csvError.lines ?? 1, (csvError.column ?? 0) + 1, "a quoted value is followed by more text before the next comma");
    }
    throw new DataError(file, csvError.lines ?? 1, (csvError.column ?? 0) + 1, `the CSV cannot be read: ${csvError.message}`);
  }
}

function checkHeader(file: string, header: readonly string[], expected: readonly string[]): void {
  // Not one expected name in the first line: the header is missing (the file starts with data), not misspelt.
  if (header.every((cell) => !expected.includes(cell))) {
    throw new DataError(file, 1, 1, `the file has no header line: the first line should be ${expected.join(",")} but is ${quoted(header.join(","))}`);
  }
  for (let index = 0; index < Math.max(header.length, expected.length); index += 1) {
    if (header[index] === expected[index]) continue;
    const found = header[index] === undefined ? "nothing" : quoted(header[index]);
    const wanted = expected[index] === undefined ? "no further column" : quoted(expected[index]);
    throw new DataError(file, 1, index + 1, `header column ${index + 1} should be ${wanted} but is ${found} (expected header: ${expected.join(",")})`);
  }
}

/**
 * Line breaks in a record's raw text. Start lines are counted from these rather than
 * from csv-parse's `info.lines`, which counts a CRLF inside a quoted value twice.
 */
function lineBreaks(raw: string): number {
  return raw.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Find where the quote that csv-parse found unclosed was opened. */
function unclosedQuote(text: string): { line: number; column: number } {
  let line = 1;
  let field = 1;
  let inQuote = false;
  let opened = { line: 1, column: 1 };
  for (const char of text.replace(/^\uFEFF/, "")) {
    if (char === '"') {
      if (!inQuote) opened = { line, column: field };
      inQuote = !inQuote;
    } else if (!inQuote && char === ",") field += 1;
    else if (char === "\n") {
      line += 1;
      if (!inQuote) field = 1;
    }
  }
  return opened;
}
