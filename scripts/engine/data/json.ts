/**
 * JSON read with a place for its fault. JSON.parse decides what is valid; when it refuses a
 * text, Node 20's message gives a position for some faults ("… in JSON at position 8") and none
 * for others, so the text is read again by jsonc-parser (the VS Code JSON parser; comments and
 * trailing commas disallowed, as JSON has neither) for the offset of its first fault, given as
 * line and column.
 */
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";

/** 1-based line and column (in characters) of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: [...(before.at(-1) ?? "")].length + 1 };
}

/** JSON.parse's reason without what the line and column say better: the position, or a quote of the text. */
const jsonReason = (message: string) => message.replace(/, (\.\.\.)?"[\s\S]*" is not valid JSON$/, "").replace(/ in JSON at position \d+[\s\S]*$/, "");

/** Where a text JSON.parse refused first goes wrong, or null when jsonc-parser finds no fault either. */
export function jsonFault(text: string): { line: number; column: number; code: string } | null {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  return first ? { ...lineAndColumn(text, first.offset), code: printParseErrorCode(first.error) } : null;
}

/**
 * Parse `text`, the contents of the file shown as `shown`; a text that is not JSON fails with
 * `shown:line:column: the file is not valid JSON (JSON.parse's reason)`.
 */
export function parseJsonFile(shown: string, text: string, fail: (message: string) => Error = (message) => new Error(message)): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const fault = jsonFault(text);
    throw fail(`${shown}${fault ? `:${fault.line}:${fault.column}` : ""}: the file is not valid JSON (${jsonReason((error as Error).message)})`);
  }
}
