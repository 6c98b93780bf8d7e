/**
 * Where things are in a content file's front matter, so that a fault in it (a chapter number
 * already taken, a source id the bibliography lacks) is reported at the line and column the
 * author wrote it, and how many lines the front matter takes, so that a line Nunjucks counts
 * from the first line after the front matter can be given as a line of the file.
 *
 * The front matter is parsed by gray-matter (js-yaml), which keeps no positions; this reads the
 * lines only to find what the parsed data already holds. It understands what authors write:
 * a top-level `key: value`, and a key's list written as items under it (`  - id`) or in
 * brackets on its line (`key: [a, b]`). Anything else is not found, and the caller then names
 * the file alone.
 */

/** A 1-based line and column in a file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** One item of a front-matter list, as written (quotes removed), and where it starts. */
export interface ListItem extends Position {
  readonly value: string;
}

// gray-matter's delimiters: a first line "---" and the next line that starts with "---".
const isDelimiter = (line: string) => line.startsWith("---");

/** The file's lines, without carriage returns, and the 0-based index of the closing "---" (-1 when there is no front matter). */
function frontMatterLines(text: string): { lines: string[]; closing: number } {
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
  if (lines[0]?.trimEnd() !== "---") return { lines, closing: -1 };
  const closing = lines.findIndex((line, index) => index > 0 && isDelimiter(line));
  return { lines, closing };
}

/**
 * How many lines come before the body: the front matter and its two "---" lines, or 0 when
 * there is none. Eleventy hands a template engine the body alone, so a body's line n is the
 * file's line n + this.
 */
export function frontMatterLineCount(text: string): number {
  const { closing } = frontMatterLines(text);
  return closing === -1 ? 0 : closing + 1;
}

/** The text with its front matter's lines emptied: the body alone, with every line where it is in the file. */
export function withoutFrontMatter(text: string): string {
  const count = frontMatterLineCount(text);
  if (count === 0) return text;
  const lines = text.split("\n");
  return lines.map((line, index) => (index < count ? "" : line)).join("\n");
}

const unquote = (value: string) => (/^(["']).*\1$/.test(value) ? value.slice(1, -1) : value);

/** The 0-based index of a top-level key's line, and the 0-based column where its value starts (its line's end when the value is below it). */
function keyLine(text: string, key: string): { lines: string[]; closing: number; index: number; valueAt: number } | undefined {
  const { lines, closing } = frontMatterLines(text);
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^(["']?)${escaped}\\1[ \\t]*:([ \\t]*)`);
  for (let index = 1; index < closing; index++) {
    const match = pattern.exec(lines[index]);
    if (match) return { lines, closing, index, valueAt: match[0].length };
  }
  return undefined;
}

/** Where a top-level key's value starts (`chapter: 2` → the "2"), or the key itself when its value is written below it. */
export function frontMatterValueAt(text: string, key: string): Position | undefined {
  const found = keyLine(text, key);
  if (!found) return undefined;
  const rest = found.lines[found.index].slice(found.valueAt);
  const column = rest.trim() === "" || rest.startsWith("#") ? 1 : found.valueAt + 1;
  return { line: found.index + 1, column };
}

/** The items of a top-level key's list, in order, each where it is written; empty when the list is written some other way. */
export function frontMatterListAt(text: string, key: string): ListItem[] {
  const found = keyLine(text, key);
  if (!found) return [];
  const { lines, closing, index, valueAt } = found;
  const rest = lines[index].slice(valueAt).replace(/\s+#.*$/, "");
  const items: ListItem[] = [];
  if (rest.startsWith("[")) {
    const end = rest.indexOf("]");
    if (end === -1) return [];
    let offset = valueAt + 1;
    for (const part of rest.slice(1, end).split(",")) {
      const start = part.length - part.trimStart().length;
      if (part.trim() !== "") items.push({ value: unquote(part.trim()), line: index + 1, column: offset + start + 1 });
      offset += part.length + 1;
    }
    return items;
  }
  if (rest.trim() !== "") return [];
  // Block items: every line until the next top-level key, skipping blank lines and comments.
  for (let at = index + 1; at < closing; at++) {
    const line = lines[at];
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const item = /^([ \t]*-[ \t]+)(.*?)(?:[ \t]+#.*)?[ \t]*$/.exec(line);
    if (item) items.push({ value: unquote(item[2]), line: at + 1, column: item[1].length + 1 });
    else if (!/^[ \t]/.test(line)) break;
  }
  return items;
}
