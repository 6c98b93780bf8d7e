/**
 * A publisher's CSV file as bytes and text, checked where a damaged download shows: bytes
 * that are not UTF-8 (a file saved in another encoding would otherwise be read with U+FFFD
 * in place of each accented letter, and a council's name would silently no longer match),
 * and a file that ends in the middle of a row (a download cut short there parses cleanly
 * when the cut falls inside the last cell). Positions are given as every import message
 * gives them: the line, and the cell of the row (1-based).
 */
import { quoted } from "../../engine/data/errors.ts";
import { csvPosition } from "../../engine/data/csv-position.ts";
import { firstNonUtf8Byte } from "../../engine/data/utf8.ts";

/** The value of the cell that starts at `start`, up to the next comma or line break outside quotes (a quoted value without its quotes). */
export function cellFrom(text: string, start: number): string {
  let inQuotes = false;
  let end = start;
  for (; end < text.length; end += 1) {
    const char = text[end];
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === "," || char === "\n" || char === "\r")) break;
  }
  const raw = text.slice(start, end);
  return raw.startsWith('"') ? raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined).replace(/""/g, '"') : raw;
}

/**
 * Why a CSV file that is not UTF-8 is refused, and where: the line and cell of its first
 * byte that is not, with that cell as Windows-1252 (the usual other encoding) reads it, so
 * the maintainer sees which letter it was. Null when every byte is UTF-8.
 */
export function notUtf8(bytes: Uint8Array): { line: number; column: number; plain: string } | null {
  const at = firstNonUtf8Byte(bytes);
  if (at < 0) return null;
  // Windows-1252 gives one character per byte, so offsets in its text are offsets in the bytes,
  // and commas, quotes and line breaks (ASCII, never inside a UTF-8 sequence) stand where they do in the file.
  const text = new TextDecoder("windows-1252").decode(bytes);
  const position = csvPosition(text, at);
  const byte = bytes[at].toString(16).toUpperCase().padStart(2, "0");
  const cell = cellFrom(text, position.cellStart);
  return {
    line: position.line,
    column: position.column,
    plain: `the file is not UTF-8 text: byte 0x${byte} in this cell (${quoted(cell)} if the file is Windows-1252) is not UTF-8; save the file as UTF-8, as the publisher does, and run the update again`,
  };
}

/** Where a CSV text that does not end with a line break is cut, and why that is refused; null when it ends with one (or is empty: that is said elsewhere). */
export function cutShort(text: string): { line: number; column: number; plain: string } | null {
  if (text.trim() === "" || /[\r\n]$/.test(text)) return null;
  const position = csvPosition(text, text.length);
  return {
    line: position.line,
    column: position.column,
    plain: `the file ends in the middle of a row${position.inQuotes ? ", inside a quoted value" : ""}, with no line break after it: it looks cut short (an interrupted download); download it again`,
  };
}
