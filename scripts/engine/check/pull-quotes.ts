/**
 * A pull quote must repeat the page's own words: its text has to appear, as written, in
 * the text of the page's main content outside the pull quotes and figures. (Our pull quotes are of
 * our own text, never a quotation from the 2015 report or anyone else, and they are
 * hidden from screen readers because they say nothing the page does not.)
 */
import { parseFragment } from "parse5";
import type { DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.ChildNode;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

const isPullQuote = (node: Node) =>
  "attrs" in node && node.attrs.some((attr) => attr.name === "class" && attr.value.split(/\s+/).includes("pull-quote"));

/** The text of `node`, with pull quotes either left out or collected. */
function textOf(node: ParentNode, quotes: string[] | null): string {
  let text = "";
  for (const child of node.childNodes) {
    if (child.nodeName === "#text") text += (child as DefaultTreeAdapterTypes.TextNode).value;
    else if (isPullQuote(child)) {
      if (quotes) quotes.push(textOf(child as ParentNode, null));
    } else if ("childNodes" in child) text += textOf(child as ParentNode, quotes);
    // Block boundaries separate words; inline elements do not.
    if ("tagName" in child && !INLINE.has(child.tagName)) text += BLOCK_END;
  }
  return text;
}

/** Elements that sit inside a line of text; any other element ends a run of words. */
const INLINE = new Set(["a", "abbr", "b", "cite", "code", "data", "em", "i", "q", "small", "span", "strong", "sub", "sup", "time"]);

/** Marks where a block ends, so a quote cannot join the end of one paragraph to the start of the next. */
const BLOCK_END = "\u0000";

const normalise = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/ ?\u0000 ?/g, BLOCK_END)
    .replace(/^\u0000+|\u0000+$/g, "")
    .trim();

/**
 * Every pull quote on a page (its HTML: the <main> element's text counts, or all of it
 * when there is none) whose
 * words do not appear elsewhere on the page, as plain sentences.
 */
export function pullQuoteProblems(html: string): string[] {
  if (!html.includes("pull-quote")) return [];
  // Only the main content vouches for a quote, not the header, menus or footer.
  const start = html.indexOf("<main");
  const end = html.lastIndexOf("</main>");
  const main = start >= 0 && end > start ? html.slice(start, end + "</main>".length) : html;
  // A pull quote sets a sentence of the argument, never of a figure: leave the figures
  // (chart, caption, data table) out, which is most of a chapter's bytes and makes the
  // parse ten times cheaper. Our figures never nest.
  const content = main.replace(/<figure\b[\s\S]*?<\/figure>/g, "");
  const quotes: string[] = [];
  const body = normalise(textOf(parseFragment(content), quotes));
  return quotes
    .map(normalise)
    .filter((quote) => quote === "" || !body.includes(quote))
    .map((quote) =>
      quote === "" ? "a pull quote is empty" : `the pull quote "${quote}" does not repeat the page's own words; a pull quote must quote a sentence of the page`,
    );
}
