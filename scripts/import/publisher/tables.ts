/**
 * Tables in publishers' files, found by their header text, never by position: in a sheet,
 * a header row is a row holding every column the import needs (wherever they stand, with
 * any others beside them), its rows run to the first blank row, and the row above it, when
 * it has text, is its caption ("Table 11: …"); in a CSV file the first line is the header.
 * Rows are typed with a zod schema of the needed columns, by name; a bad cell fails at
 * `file[sheet]:row:column`. A needed column that is not there is named, with what was found.
 */
import type { z } from "zod";
import { DataError } from "../../engine/data/errors.ts";
import { csvRecords, typedRow, type RowSchema, type Table } from "../../engine/data/load.ts";
import { cutShort } from "./text.ts";
import type { SheetRow, Workbook } from "./workbook.ts";

/** Header text compared as a reader sees it: runs of white space (a line break in a cell) as one space. */
export const headerText = (cell: string) => cell.replace(/\s+/g, " ").trim();

/** Where a sheet is, as messages name it: `file[sheet]`. */
export const sheetLabel = (file: string, sheet: string) => `${file}[${sheet}]`;

/** The needed columns of a schema: its keys. */
const neededOf = (schema: RowSchema) => Object.keys(schema.shape);

export interface SheetTable<T> extends Table<T> {
  /** The text of the row above the header, when it has any ("Table 11: …"); null otherwise. */
  readonly caption: string | null;
  /** The header's row in the sheet. */
  readonly headerRow: number;
}

const isBlank = (row: SheetRow) => row.cells.every((cell) => cell === "");

/** Name the needed columns a near-miss header lacks (`has`: whether it holds one, by its name or another it may have), against what it has. */
function missingColumns(where: string, line: number, found: readonly string[], needed: readonly string[], has = (name: string) => found.includes(name)): DataError {
  const absent = needed.filter((name) => !has(name));
  const present = found.filter((name) => name !== "");
  return new DataError(where, line, 1, `the column${absent.length > 1 ? "s" : ""} ${absent.map((name) => JSON.stringify(name)).join(", ")} ${absent.length > 1 ? "are" : "is"} missing; the header has: ${present.map((name) => JSON.stringify(name)).join(", ")}`);
}

/** How a sheet's columns may differ from the schema's names. */
export interface ColumnRules {
  /** Other header texts a column may have in some tables (a field → its other names). */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  /** Columns some tables do not have: their cells read as empty there. */
  readonly optional?: readonly string[];
}

/**
 * Every table of a sheet whose header holds the schema's columns (by their names or
 * aliases; optional ones may be absent), in sheet order, typed. A sheet with no such table
 * fails: at the header row that comes closest (naming the missing columns), or, when no row
 * holds even half of them, saying what was looked for. A row that holds at least half of
 * them but not all fails the same way even when another table was found.
 */
export function sheetTables<S extends RowSchema>(book: Workbook, sheet: string, schema: S, rules: ColumnRules = {}): SheetTable<z.output<S>>[] {
  const where = sheetLabel(book.file, sheet);
  const rows = book.rows(sheet);
  if (rows.every(isBlank)) throw new DataError(where, 1, 1, "the sheet is empty");
  const fields = neededOf(schema);
  const needed = fields.filter((name) => !rules.optional?.includes(name));
  const positionIn = (found: readonly string[], field: string) => [field, ...(rules.aliases?.[field] ?? [])].map((name) => found.indexOf(name)).find((at) => at >= 0) ?? -1;
  const tables: SheetTable<z.output<S>>[] = [];
  let closest: { row: SheetRow; found: string[]; matched: number } | undefined;
  for (let index = 0; index < rows.length; index += 1) {
    const found = rows[index].cells.map(headerText);
    const matched = needed.filter((name) => positionIn(found, name) >= 0).length;
    if (matched < needed.length) {
      if (matched > (closest?.matched ?? 0)) closest = { row: rows[index], found, matched };
      continue;
    }
    const headerRow = rows[index].row;
    const positions = new Map(fields.map((field) => [field, positionIn(found, field)]));
    const columnOf = (field: string) => (positions.get(field) ?? found.indexOf(field)) + 1;
    const above = index > 0 ? rows[index - 1].cells.filter((cell) => cell !== "").join(" ") : "";
    const body: { row: z.output<S>; line: number }[] = [];
    for (index += 1; index < rows.length && !isBlank(rows[index]); index += 1) {
      const { row, cells } = rows[index];
      body.push({ row: typedRow(where, row, schema, Object.fromEntries(fields.map((name) => [name, columnOf(name) > 0 ? (cells[columnOf(name) - 1] ?? "") : ""])), columnOf), line: row });
    }
    tables.push({ file: where, header: found, rows: body, column: columnOf, caption: above === "" ? null : above, headerRow });
  }
  // A near-miss header fails even beside a complete one: else that table's rows would be left out unsaid.
  const near = closest;
  if (near && near.matched * 2 >= needed.length) throw missingColumns(where, near.row.row, near.found, needed, (name) => positionIn(near.found, name) >= 0);
  if (tables.length > 0) return tables;
  throw new DataError(where, 1, 1, `no table in the sheet has the columns ${needed.map((name) => JSON.stringify(name)).join(", ")}`);
}

/**
 * A CSV file's rows typed by the schema's columns, found by name in its header (other
 * columns are left alone). A file whose last row has no line break after it is refused as cut short.
 */
export function csvTable<S extends RowSchema>(file: string, text: string, schema: S): Table<z.output<S>> {
  // Every publisher's CSV file ends its last row with a line break; one that does not was cut short, perhaps
  // inside its last cell, where the cut would parse as a shorter value.
  const cut = cutShort(text);
  if (cut) throw new DataError(file, cut.line, cut.column, cut.plain);
  const needed = neededOf(schema);
  const { header, rows } = csvRecords(file, text, (found) => {
    if (!needed.every((name) => found.includes(name))) throw missingColumns(file, 1, found, needed);
  });
  const columnOf = (field: string) => header.indexOf(field) + 1;
  return {
    file,
    header,
    rows: rows.map(({ line, record }) => ({ row: typedRow(file, line, schema, Object.fromEntries(needed.map((name) => [name, record[columnOf(name) - 1]])), columnOf), line })),
    column: columnOf,
  };
}
