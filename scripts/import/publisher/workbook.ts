/**
 * A publisher's spreadsheet (.ods as Ofsted publishes, or .xlsx) read with SheetJS: its sheet
 * names, and a sheet's rows as the text each cell shows (a date as "27/07/2012", the way the
 * publisher formatted it), with their row numbers. Nothing is parsed by hand: SheetJS reads
 * the zip and the XML. A file SheetJS cannot read is refused with a plain message.
 */
import * as XLSX from "@e965/xlsx";
import { DataError } from "../../engine/data/errors.ts";

export interface SheetRow {
  /** 1-based row number in the sheet. */
  readonly row: number;
  /** Each cell's displayed text, trimmed; "" for an empty cell. Index 0 is column A. */
  readonly cells: readonly string[];
}

export interface Workbook {
  /** The file as messages name it. */
  readonly file: string;
  readonly sheetNames: readonly string[];
  /** The rows of a sheet, empty ones included (a blank row parts two tables). */
  rows(sheet: string): readonly SheetRow[];
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  return XLSX.utils.encode_col(column - 1);
}

/**
 * SheetJS writes a line to stderr for every ODS number format it reads approximately; the
 * import reads each cell's displayed text, never its number format, so those lines say
 * nothing about the import and would bury its own report.
 */
function quietly<T>(read: () => T): T {
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("ODS number format may be incorrect")) return;
    error(...args);
  };
  try {
    return read();
  } finally {
    console.error = error;
  }
}

/** Read a spreadsheet's bytes. `sheets` limits which sheets are parsed (all when left out). */
export function readWorkbook(file: string, bytes: Uint8Array, sheets?: readonly string[]): Workbook {
  let book: XLSX.WorkBook;
  try {
    book = quietly(() => XLSX.read(bytes, { type: "buffer", dense: true, cellFormula: false, cellHTML: false, cellText: true, sheets: sheets ? [...sheets] : undefined }));
  } catch (error) {
    throw new DataError(file, 1, 1, `the file cannot be read as a spreadsheet (${(error as Error).message}); it may be truncated or not an .ods or .xlsx file`);
  }
  if (book.SheetNames.length === 0) throw new DataError(file, 1, 1, "the file holds no sheets; it may be truncated or not an .ods or .xlsx file");
  const cache = new Map<string, SheetRow[]>();
  return {
    file,
    sheetNames: book.SheetNames,
    rows(sheet) {
      const cached = cache.get(sheet);
      if (cached) return cached;
      const ws = book.Sheets[sheet];
      if (!ws) throw new DataError(file, 1, 1, `the sheet ${JSON.stringify(sheet)} was not read`);
      const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: "", blankrows: true });
      const range = ws["!ref"] ? XLSX.utils.decode_range(ws["!ref"]) : { s: { r: 0 } };
      const rows = grid.map((cells, index) => ({ row: range.s.r + index + 1, cells: cells.map((cell) => String(cell ?? "").trim()) }));
      cache.set(sheet, rows);
      return rows;
    },
  };
}

/** Whether the bytes look like a zip (.ods and .xlsx are zips): their first four bytes. */
export const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
