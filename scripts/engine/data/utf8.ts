/**
 * Text files are read as UTF-8, and only as UTF-8. Decoding other bytes (a Latin-1 "é",
 * byte 0xE9, from a spreadsheet saved in a Windows code page) would not fail: each byte that
 * is not UTF-8 becomes U+FFFD, "�", and would be published as such. So a file that is not
 * UTF-8 is refused at the first byte that cannot be read, with what to do about it.
 * A UTF-8 byte-order mark is UTF-8 and stays accepted (the loader skips it).
 */
import { isUtf8 } from "node:buffer";
import { csvPosition } from "./csv-position.ts";
import { DataError } from "./errors.ts";

/** The bytes as a Buffer, without copying them. */
const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** How the column of a message is counted: a CSV file's field (as every data message counts it), or a character of the line. */
export type ColumnKind = "field" | "character";

/**
 * The text of `bytes`, read as UTF-8; `file` (relative to the project root) names it in the
 * message when it is not UTF-8. A CSV file's column is its field, other files' the character.
 */
export function utf8Text(file: string, bytes: Uint8Array, columns: ColumnKind = file.endsWith(".csv") ? "field" : "character"): string {
  const buffer = asBuffer(bytes);
  if (isUtf8(buffer)) return buffer.toString("utf8");
  const at = firstNonUtf8Byte(buffer);
  // Everything before the bad byte is UTF-8: its text gives the line and column.
  const before = buffer.subarray(0, at).toString("utf8");
  const lines = before.split(/\r\n|\r|\n/);
  const line = lines.length;
  const column = columns === "field" ? csvPosition(before, before.length).column : [...lines[line - 1]].length + 1;
  const byte = `0x${buffer[at].toString(16).toUpperCase().padStart(2, "0")}`;
  throw new DataError(file, line, column, `the file is not UTF-8 (byte ${byte} here is not UTF-8 text: the file was probably saved as Latin-1 or Windows-1252); save it as UTF-8`);
}

/**
 * Offset of the first byte that does not belong to well-formed UTF-8 (a stray byte, a sequence
 * cut short, an overlong form or a surrogate, as Node's isUtf8 judges), or -1 when every byte
 * does. A line break (0x0A) is never part of a multi-byte character, so the bad line is found
 * first; within it, the longest prefix that is UTF-8 ends where the first bad sequence starts
 * (a longer prefix holds that sequence, which nothing after it can complete). The data loader
 * and the importers' check of publishers' files both use it.
 */
export function firstNonUtf8Byte(bytes: Uint8Array): number {
  const buffer = asBuffer(bytes);
  let start = 0;
  for (;;) {
    const newline = buffer.indexOf(0x0a, start);
    const end = newline < 0 ? buffer.length : newline;
    const line = buffer.subarray(start, end);
    if (!isUtf8(line)) {
      for (let length = line.length; length >= 0; length -= 1) if (isUtf8(line.subarray(0, length))) return start + length;
    }
    if (newline < 0) return -1;
    start = newline + 1;
  }
}
