/**
 * A Nunjucks error as the author needs it. Nunjucks names the template by the path it was given
 * (relative to wherever the build was started) and counts lines from the first line it was
 * handed, which for a page is the line after its front matter: Eleventy strips the front matter
 * first. Its message reads "(../../x/content/chapters/a.md) [Line 7, Column 4]\n  unknown block
 * tag: x", under Eleventy's "Having trouble rendering njk template …" (or, for a layout, "…
 * writing to … from <page>", while Nunjucks names the layout). This turns it into one
 * line, `file:line:column: what is wrong`, with the file relative to the project (or to the
 * engine, for its layouts and partials) and the line counted in the file as the author sees it.
 *
 * Where Nunjucks gives no line — a block tag or paired shortcode never closed runs to the end of
 * the file, a filter that does not exist is found while compiling — the place is found in the
 * file: the innermost tag left open (../check/open-tags.ts), or the filter's first use. A tag
 * missing its "%}" is named in place of what Nunjucks tripped on further on. (Content pages have
 * their tags checked before rendering; this serves the layouts, partials and anything missed.)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { openTagMessage, openTags } from "../check/open-tags.ts";
import { lineAndColumn } from "../data/json.ts";
import { frontMatterLineCount, withoutFrontMatter } from "../front-matter.ts";
import { ENGINE_ROOT } from "../locations.ts";

/** Where a filter is first used (`| name`), 1-based. */
function filterUse(source: string, name: string): { line: number; column: number } | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`\\|\\s*${escaped}\\b`).exec(source);
  return match ? lineAndColumn(source, match.index) : undefined;
}

// Nunjucks prefixes its message with "(path)", and with " [Line n, Column m]" the first time;
// a template included by another gets "(outer)" before its own "(inner) [Line …]".
const NUNJUCKS_PLACE = /\(([^()\n]+)\)(?: \[Line (\d+)(?:, Column (\d+))?\])?\n {1,2}/g;

/** A file for a message: relative to the project, or to the engine for its own layouts, with forward slashes. */
function shownPath(file: string, root: string): string {
  for (const base of [root, ENGINE_ROOT]) {
    const relative = path.relative(base, file);
    if (!relative.startsWith("..") && !path.isAbsolute(relative)) return relative.split(path.sep).join("/");
  }
  return file;
}

/**
 * The message for a Nunjucks error in Eleventy's chain of errors (outermost first), or
 * undefined when none of them is one. `root` is the project folder.
 */
export function templateErrorMessage(chain: readonly Error[], root: string): string | undefined {
  for (const error of chain) {
    const places = [...error.message.matchAll(NUNJUCKS_PLACE)];
    const place = places.at(-1);
    if (!place || place.index === undefined) continue;
    const file = path.resolve(place[1]);
    const what = error.message
      .slice(place.index + place[0].length)
      .split("\n")[0]
      .replace(/^Error: /, "")
      // Nunjucks names its parser's function ("parseSignature: expected comma"): the reader needs only what was expected.
      .replace(/^parse\w*: /, "");
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return `${shownPath(file, root)}: ${what}`;
    }
    // Eleventy hands Nunjucks every page and layout without its front matter, so Nunjucks's line 1 is
    // the one after it. (An include is read whole, but one with front matter would print it into the page.)
    const source = withoutFrontMatter(text);
    const shown = shownPath(file, root);
    const line = place[2] ? Number(place[2]) + frontMatterLineCount(text) : undefined;
    // A tag missing its "%}" makes Nunjucks fail further on, at whatever it swallowed: name the tag instead.
    const tags = openTags(source);
    const unterminated = tags[0]?.unterminated && (line === undefined || tags[0].line <= line) ? tags[0] : undefined;
    if (unterminated) return `${shown}:${unterminated.line}:${unterminated.column}: ${openTagMessage(unterminated)}`;
    if (line !== undefined) return `${shown}:${line}:${place[3] ?? 1}: ${what}`;
    const innermost = tags.at(-1);
    if (innermost && /end of file|got EOF/.test(what)) return `${shown}:${innermost.line}:${innermost.column}: ${openTagMessage(innermost)}`;
    const filter = /^filter not found: (\S+)/.exec(what);
    const used = filter && filterUse(source, filter[1]);
    if (used) return `${shown}:${used.line}:${used.column}: ${what}`;
    return `${shown}: ${what}`;
  }
  return undefined;
}
