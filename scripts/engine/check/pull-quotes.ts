/**
 * A pull quote must repeat the page's own words: its text has to appear, as written, in
 * the text of the page's main content outside the pull quotes and figures. (Our pull quotes are of
 * our own text, never a quotation from the 2015 report or anyone else, and they are
 * hidden from screen readers because they say nothing the page does not.) And it must not
 * sit beside the sentence it repeats: set large next to the paragraph that says the same
 * thing, it makes the reader read it twice in a row and adds nothing, so a pull quote whose
 * words are mostly in the block just before or just after it is refused.
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

/** Words of four letters or more, lower case: the words that carry a sentence's meaning. */
const wordsOf = (text: string) => new Set((text.toLowerCase().match(/[\p{L}\p{N}’']+/gu) ?? []).map((w) => w.replace(/[’']/g, "")).filter((w) => w.length >= 4));

/** More than this share of a pull quote's words in a neighbouring block means it repeats that block. */
const NEIGHBOUR_SHARE = 0.5;

/** The blocks either side of each pull quote (figures already left out), as text, in the order the quotes come. */
function neighbours(node: ParentNode, found: string[][]): void {
  const children = node.childNodes;
  children.forEach((child, index) => {
    if (isPullQuote(child)) {
      const isBlock = (c: Node) => "tagName" in c && !isPullQuote(c);
      const before = children.slice(0, index).reverse().find(isBlock);
      const after = children.slice(index + 1).find(isBlock);
      found.push([before, after].filter((c): c is Node => c !== undefined).map((c) => textOf(c as ParentNode, null)));
    } else if ("childNodes" in child) neighbours(child as ParentNode, found);
  });
}

/** The share of the quote's words that the text also has. */
function sharedShare(quote: string, text: string): number {
  const quoteWords = wordsOf(quote);
  if (quoteWords.size === 0) return 0;
  const textWords = wordsOf(text);
  return [...quoteWords].filter((w) => textWords.has(w)).length / quoteWords.size;
}

/**
 * Every pull quote on a page (its HTML: the <main> element's text counts, or all of it
 * when there is none) whose words do not appear elsewhere on the page, as plain sentences,
 * or whose words are mostly in the block just before or after it.
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
  const tree = parseFragment(content);
  const body = normalise(textOf(tree, quotes));
  const besides: string[][] = [];
  neighbours(tree, besides);
  return quotes.map(normalise).flatMap((quote, index) => {
    if (quote === "") return ["a pull quote is empty"];
    if (!body.includes(quote)) return [`the pull quote "${quote}" does not repeat the page's own words; a pull quote must quote a sentence of the page`];
    if ((besides[index] ?? []).some((text) => sharedShare(quote, text) > NEIGHBOUR_SHARE)) {
      return [`the pull quote "${quote}" sits beside the sentence it repeats; place it by a passage that does not already say it`];
    }
    return [];
  });
}
