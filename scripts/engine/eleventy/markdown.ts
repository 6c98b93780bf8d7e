/**
 * The report's Markdown: markdown-it with raw HTML (figures are HTML blocks) and
 * typographic quotes and dashes, footnotes (markdown-it-footnote) rendered as a
 * "Notes" section with labelled links both ways, and a stable id on every h2 and h3
 * (markdown-it-anchor) with a "link to this section" link after the heading.
 */
import markdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import footnote from "markdown-it-footnote";
import { slug as slugOf } from "../slug.ts";

/** The id of the Notes heading; ids made from headings are never this (see `headingSlug`). */
export const NOTES_HEADING_ID = "notes";

/**
 * A heading's id: its words in lower case joined by hyphens, anything but letters and
 * digits dropped ("Is Outstanding still within reach?" → "is-outstanding-still-within-reach").
 * Derived from the text alone, so it stays the same while the heading does. Ids the
 * layouts use for themselves (the figures' "figure-…", the footnotes' "fn…", "notes",
 * "main") are kept out of the heading ids' way by a "section-" prefix.
 */
export function headingSlug(text: string): string {
  // Character references in the rendered heading ("&amp;") are markup, not words.
  const slug = slugOf(text.replace(/&[a-zA-Z]+;|&#\d+;/g, " ")) || "section";
  return /^(figure-|fn|notes$|sources$|main$|on-this-page$|cite)/.test(slug) ? `section-${slug}` : slug;
}

// Footnote numbers as markdown-it-footnote counts them: the note's number, and which
// reference to it this is when the text refers to one note more than once.
// markdown-it-footnote keeps both in the token's meta ({ id, subId }, counted from 0).
interface FootnoteToken {
  meta: Record<string, unknown> | null;
}
const noteNumber = (token: FootnoteToken) => Number(token.meta?.id) + 1;
const refSuffix = (token: FootnoteToken) => {
  const subId = Number(token.meta?.subId ?? 0);
  return subId > 0 ? `-${subId + 1}` : "";
};

/** Footnote markup: a numbered link named "Note n", a Notes section with a heading, and a named link back. */
function renderFootnotes(md: ReturnType<typeof markdownIt>): void {
  const rules = md.renderer.rules;
  rules.footnote_ref = (tokens, idx) => {
    const n = noteNumber(tokens[idx]);
    return `<sup class="footnote-ref"><a href="#fn${n}" id="fnref${n}${refSuffix(tokens[idx])}" aria-label="Note ${n}">${n}</a></sup>`;
  };
  rules.footnote_block_open = () =>
    `<section class="footnotes" aria-labelledby="${NOTES_HEADING_ID}">\n<h2 id="${NOTES_HEADING_ID}">Notes</h2>\n<ol class="footnotes-list">\n`;
  rules.footnote_block_close = () => "</ol>\n</section>\n";
  rules.footnote_open = (tokens, idx) => `<li id="fn${noteNumber(tokens[idx])}" class="footnote-item">`;
  rules.footnote_close = () => "</li>\n";
  rules.footnote_anchor = (tokens, idx) => {
    const n = noteNumber(tokens[idx]);
    const suffix = refSuffix(tokens[idx]);
    const which = suffix ? ` (reference ${suffix.slice(1)})` : "";
    return ` <a href="#fnref${n}${suffix}" class="footnote-backref" aria-label="Back to the text of note ${n}${which}">\u21a9\uFE0E</a>`;
  };
}

export function reportMarkdown(): ReturnType<typeof markdownIt> {
  const md = markdownIt({ html: true, typographer: true });
  md.use(footnote);
  renderFootnotes(md);
  md.use(anchor, {
    level: [2, 3],
    slugify: headingSlug,
    tabIndex: false,
    // A real link after the heading, named for screen readers by hidden text ("Link to
    // the section …"), so the heading's own name stays its words; the stylesheet shows
    // the "#" when the heading is hovered or the link has focus.
    permalink: anchor.permalink.linkAfterHeader({
      style: "visually-hidden",
      class: "heading-anchor",
      symbol: "#",
      assistiveText: (title) => `Link to the section “${title}”`,
      visuallyHiddenClass: "visually-hidden",
      wrapper: ['<div class="heading-wrapper">', "</div>"],
    }),
  });
  return md;
}
