/**
 * Where an offset of a CSV text falls, read as CSV: its line, its cell of the row (1-based, as
 * every data and import message counts columns), where that cell starts, and whether the offset
 * is inside a quoted value. The data loader's message for a byte that is not UTF-8 (./utf8.ts)
 * and the importers' checks of publishers' files (scripts/import/publisher/text.ts) use it.
 */
/** Where an offset of a CSV text falls: its line, the cell of its row, where that cell starts, and whether the offset is inside a quoted value. */
export interface CsvPosition {
  readonly line: number;
  readonly column: number;
  readonly cellStart: number;
  readonly inQuotes: boolean;
}

/** The position of `offset` in `text`, read as CSV (commas and line breaks inside quotes belong to the value). */
export function csvPosition(text: string, offset: number): CsvPosition {
  let line = 1;
  let column = 1;
  let cellStart = 0;
  let inQuotes = false;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    const char = text[i];
    if (char === "\n") line += 1;
    // A doubled quote inside a quoted value toggles twice: out and back in.
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === "," || char === "\n" || char === "\r")) {
      column = char === "," ? column + 1 : 1;
      cellStart = i + 1;
    }
  }
  return { line, column, cellStart, inQuotes };
}
