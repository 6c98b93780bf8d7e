/**
 * Active content written into a content page's own text, refused before it is published.
 *
 * The site needs no JavaScript and loads nothing from another host, and markdown-it passes
 * raw HTML through (it must: the shortcodes' figures and callouts are HTML blocks in the
 * Markdown they render into). So a pasted `<script>`, embed or event handler would reach the
 * reader as written. The rule:
 *
 * - What is checked is the page file as the author wrote it, not the rendered page: the HTML
 *   the engine writes (shortcodes' figures and SVG, layouts, the search page's script in
 *   `_includes/`) is never in a content file, so it stays allowed without a list of exceptions,
 *   and every fault has a line and column. The front matter is not checked: its values reach
 *   the page escaped (Nunjucks autoescapes; a standfirst is typeset with HTML off). Nunjucks tags
 *   and comments are blanked out (their output is the engine's), and in Markdown so is code —
 *   fenced or indented blocks and `code spans`, which markdown-it prints as text.
 * - Refused: elements that run code, embed another document or program, or change the page
 *   around them (`script`, `iframe`, `frame`, `frameset`, `object`, `embed`, `applet`, `portal`,
 *   `style`, `link`, `meta`, `base`); any `on…` event-handler attribute; and a URL attribute
 *   that markdown-it would refuse in a Markdown link (`javascript:`, `vbscript:`, `file:`, and
 *   `data:` other than an image), checked with markdown-it's own `validateLink`, so raw HTML is
 *   held to the rule Markdown links already are. Any other attribute whose value starts with a
 *   script scheme (an SVG `<set to="javascript:…">`) is refused too.
 * - Plain HTML (`<abbr>`, `<br>`, a table, a link to an https address) stays allowed.
 *
 * Not covered: markup a Nunjucks expression computes (`{{ "<scr" + "ipt>" | safe }}`), which is
 * the template's doing rather than text; the page's own Markdown cannot produce active content
 * otherwise (markdown-it refuses `javascript:` links itself).
 */
import markdownIt from "markdown-it";
import { parseFragment } from "parse5";
import type { DefaultTreeAdapterTypes, Token } from "parse5";
import { withoutFrontMatter } from "../front-matter.ts";

export interface ActiveContentProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Refused elements, each with what it would do to the reader's page. */
const REFUSED_ELEMENTS: ReadonlyMap<string, string> = new Map([
  ["script", "would run a script in the reader's browser"],
  ["iframe", "would embed another page, fetched from wherever it points"],
  ["frame", "would embed another page, fetched from wherever it points"],
  ["frameset", "would replace the page with frames of other pages"],
  ["object", "would embed a file or plug-in, fetched from wherever it points"],
  ["embed", "would embed a file or plug-in, fetched from wherever it points"],
  ["applet", "would run a Java applet"],
  ["portal", "would embed another page, fetched from wherever it points"],
  ["style", "would restyle the whole page, outside the report's stylesheet"],
  ["link", "would load a stylesheet or another file into the page"],
  ["meta", "would change how the page loads (a refresh can send the reader elsewhere)"],
  ["base", "would change where every link on the page points"],
]);

/** Attributes that hold a URL the browser may follow or load. */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "poster", "cite", "background", "ping", "codebase", "manifest", "longdesc", "usemap"]);

// markdown-it's own rule for link targets (its default validateLink), so HTML and Markdown links agree.
const linkRule = markdownIt();
// Browsers drop tabs and newlines anywhere in a URL and spaces and control characters around it, so "java\tscript:" is still one.
// eslint-disable-next-line no-control-regex
const browserUrl = (value: string) => value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
const SCRIPT_SCHEME = /^(javascript|vbscript):/i;

/** Each character but line breaks turned into a space, so what follows keeps its line and column. */
const blank = (text: string) => text.replace(/[^\n]/g, " ");

/** Nunjucks tags, output and comments blanked: what they write is the engine's, not the page's text. */
function withoutNunjucks(text: string): string {
  return text.replace(/\{#[\s\S]*?#\}|\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, blank);
}

/** Markdown code blanked: fenced and indented blocks (found by markdown-it) and code spans, which markdown-it prints as text. */
function withoutMarkdownCode(text: string): string {
  const lines = text.split("\n");
  for (const token of markdownIt({ html: true }).parse(text, {})) {
    if ((token.type === "fence" || token.type === "code_block") && token.map) {
      for (let line = token.map[0]; line < token.map[1]; line++) lines[line] = blank(lines[line]);
    }
  }
  // A code span: a run of backticks to the next run of the same length, within one paragraph.
  return lines.join("\n").replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (span) => (/\n[ \t]*\n/.test(span) ? span : blank(span)));
}

const isElement = (node: Node): node is Element => "tagName" in node;

/** A page's active content, at its line and column in the file; `format` is the file's extension. */
export function activeContentProblems(text: string, format: "md" | "njk"): ActiveContentProblem[] {
  const prose = withoutNunjucks(withoutFrontMatter(text));
  const source = format === "md" ? withoutMarkdownCode(prose) : prose;
  const problems: ActiveContentProblem[] = [];
  const report = (at: Token.Location | undefined, fallback: Token.Location | undefined, message: string) => {
    const where = at ?? fallback;
    if (where) problems.push({ line: where.startLine, column: where.startCol, message });
  };
  const walk = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      const location = node.sourceCodeLocation ?? undefined;
      const tag = node.tagName.toLowerCase();
      const refused = REFUSED_ELEMENTS.get(tag);
      if (refused) report(location?.startTag, location, `<${tag}> ${refused}`);
      for (const attr of node.attrs) {
        const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
        const at = location?.attrs?.[name] ?? location?.attrs?.[attr.name];
        const url = browserUrl(attr.value);
        const scheme = `${name}="${url.slice(0, url.indexOf(":") + 1).toLowerCase()}…" on <${tag}>`;
        if (/^on/i.test(attr.name)) report(at, location?.startTag, `the ${attr.name} attribute of <${tag}> would run a script in the reader's browser`);
        else if (SCRIPT_SCHEME.test(url)) report(at, location?.startTag, `${scheme} would run a script in the reader's browser`);
        else if (URL_ATTRIBUTES.has(attr.name.toLowerCase()) && !linkRule.validateLink(url)) report(at, location?.startTag, `${scheme} points at a local file or at data that is not an image, which a Markdown link may not either`);
      }
      walk(node.childNodes);
      if (tag === "template") walk((node as DefaultTreeAdapterTypes.Template).content.childNodes);
    }
  };
  walk(parseFragment(source, { sourceCodeLocationInfo: true }).childNodes);
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** How to show such markup as text instead, for the message's end. */
export function activeContentAdvice(format: "md" | "njk"): string {
  return format === "md"
    ? "a page's text may hold plain HTML but nothing that runs, embeds or restyles; to show the markup, put it in `backticks`"
    : "a page's text may hold plain HTML but nothing that runs, embeds or restyles; to show the markup, write &lt; for <";
}
