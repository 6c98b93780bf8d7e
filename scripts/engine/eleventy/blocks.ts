/**
 * The report's set pieces, as HTML: key-stat tiles, callout boxes and pull quotes.
 * Pure functions of their text (already escaped or rendered where said); the plugin
 * wires them to shortcodes. Markdown ends an HTML block at a blank line, so every block
 * is written on lines without blank ones, except where a callout deliberately leaves
 * its body to Markdown.
 */
import markdownIt from "markdown-it";
import { escapeHtml } from "../render/escape.ts";
import { slug } from "../slug.ts";

// Inline Markdown with the page's typography (curly quotes, dashes), so a callout's title and a
// pull quote's words come out exactly as the same words do in the page's paragraphs.
const inline = markdownIt({ html: false, typographer: true });

/** Plain text from front matter (a standfirst) set like the page's Markdown: curly quotes, dashes, escaped. */
export function typeset(text: string): string {
  return inline.renderInline(text);
}

/** One tile: a computed value (formatted, not yet escaped) and what it counts. */
export function keyStatTile(value: string, label: string): string {
  return `<p class="key-stat"><span class="key-stat-value">${escapeHtml(value)}</span> <span class="key-stat-label">${escapeHtml(label)}</span></p>`;
}

/** A row of tiles around the tiles' HTML (one per line, as the shortcodes write them). */
export function keyStatRow(tilesHtml: string): string {
  return `<div class="key-stats">${tilesHtml
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("")}</div>`;
}

/**
 * A callout box: a note (role="note", not a landmark: two callouts may share a title, as
 * two "Kept as published" do in the print edition) named by its title. The body is left
 * to Markdown (blank lines around it), so paragraphs, lists, links, stats and footnotes
 * inside it read as they do anywhere else on the page.
 */
export function callout(title: string, body: string, id: string): string {
  const titleId = `${id}-title`;
  return [
    `<div class="callout" role="note" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(titleId)}">`,
    `<p class="callout-title" id="${escapeHtml(titleId)}">${inline.renderInline(title)}</p>`,
    "",
    body.trim(),
    "",
    "</div>",
    "",
  ].join("\n");
}

/** "What a callout is about" → "callout-what-a-callout-is-about": the id a callout's title gives it. */
export function calloutId(title: string): string {
  return `callout-${slug(title) || "note"}`;
}


/**
 * A pull quote: a sentence of the page's own text set large beside it. It repeats what
 * the page already says, so it is hidden from screen readers (they would read it twice);
 * `pullQuoteProblems` checks at build time that the page does say it, and not in the block right beside it.
 */
export function pullQuote(text: string): string {
  const rendered = inline.renderInline(text.trim().replace(/\s+/g, " "));
  // A paragraph, not an <aside>: a landmark would need a name, and this one is hidden anyway.
  return `<p class="pull-quote" aria-hidden="true">${rendered}</p>\n`;
}
