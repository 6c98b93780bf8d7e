/**
 * Template tags left open, found with Nunjucks's own lexer. Nunjucks reports neither kind where
 * it is written: a block tag or paired shortcode with no end tag runs to the end of the file
 * ("unexpected end of file", no line), and a tag missing its "%}" swallows text up to the next
 * tag's, where it fails with something unrelated ("expected comma after expression") or, for a
 * `{% figure %}`, is not seen as a figure at all (the page's cross-reference then blames another
 * page). Checked in each content page before rendering, and used to place an error Nunjucks
 * gives without a line (../eleventy/template-errors.ts).
 */
import nunjucks from "nunjucks";
import { PAIRED_SHORTCODES } from "../eleventy/paired-shortcodes.ts";

/** Nunjucks's own tags that need an end tag ({% set %} only when it captures a block: `{% set x %}…{% endset %}`). */
const NUNJUCKS_BLOCK_TAGS = ["if", "for", "asyncEach", "asyncAll", "macro", "call", "filter", "block", "raw", "verbatim", "switch", "set"];
const PAIRED_TAGS: ReadonlySet<string> = new Set([...NUNJUCKS_BLOCK_TAGS, ...PAIRED_SHORTCODES]);

interface LexToken {
  readonly type: string;
  readonly value: string;
  /** 0-based. */
  readonly lineno: number;
  readonly colno: number;
}
// nunjucks exports its lexer (index.js), though its type definitions leave it out.
const { lexer } = nunjucks as unknown as { lexer: { lex(source: string): { nextToken(): LexToken | null } } };

/** A tag left open, 1-based: `{% name %}` with no `{% endname %}`, or a tag whose closing "%}" (or "}}") never comes. */
export interface OpenTag {
  /** The tag's name; "{{" for an output tag. */
  readonly name: string;
  readonly line: number;
  readonly column: number;
  readonly unterminated: boolean;
}

/**
 * The tags a template leaves open. A tag missing its "%}" or "}}" (the next "{%" or "{{" comes
 * first, or the file ends) is returned alone: what follows it cannot be read as the author meant.
 * Otherwise every block tag and paired shortcode without its end tag, outermost first. Empty
 * when every tag is closed, or when the lexer cannot read the template at all (Nunjucks then says why).
 */
export function openTags(source: string, paired: ReadonlySet<string> = PAIRED_TAGS): OpenTag[] {
  const open: OpenTag[] = [];
  try {
    const tokens = lexer.lex(source);
    for (let token = tokens.nextToken(); token; token = tokens.nextToken()) {
      if (token.type !== "block-start" && token.type !== "variable-start") continue;
      const block = token.type === "block-start";
      const start = token;
      let name: string | undefined = block ? undefined : "{{";
      let assigns = false;
      let reopened = false;
      let previous: LexToken | undefined;
      const end = block ? "block-end" : "variable-end";
      for (token = tokens.nextToken(); token && token.type !== end; previous = token, token = tokens.nextToken()) {
        if (name === undefined && token.type === "symbol") name = token.value;
        else if (token.type === "operator" && token.value === "=") assigns = true;
        // Inside a tag, "{%" or "{{" lexes as "{" then "%" or "{": a new tag began before this one ended.
        if (previous?.type === "left-curly" && ((token.type === "operator" && token.value === "%") || token.type === "left-curly")) reopened = true;
      }
      const at = { name: name ?? "", line: start.lineno + 1, column: start.colno + 1 };
      if (!token || reopened) return [{ ...at, unterminated: true }];
      if (!block || name === undefined) continue;
      if (name.startsWith("end")) {
        const opened = open.findLastIndex((t) => t.name === name.slice(3));
        if (opened !== -1) open.length = opened;
      } else if (paired.has(name) && !(name === "set" && assigns)) {
        open.push({ ...at, unterminated: false });
      }
    }
  } catch {
    return [];
  }
  return open;
}

/** What is wrong with an open tag, in plain words. */
export function openTagMessage(tag: OpenTag): string {
  if (tag.name === "{{") return "this {{ is never closed with }}";
  if (tag.unterminated) return `the {% ${tag.name} tag is never closed with %}`;
  return `{% ${tag.name} %} is never closed; end it with {% end${tag.name} %}`;
}
