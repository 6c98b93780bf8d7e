/**
 * The print edition (/print/): every page of the report's contents on one page, in
 * order, so that `npm run pdf` prints one document. Pages were written to stand alone,
 * so their ids repeat across pages (every chapter has "fn1" and "sources"). Each page's
 * HTML is rewritten here with a real parser (parse5): every id gets the page's slug in
 * front, and every reference to an id (in-page links, links to other printed pages,
 * aria-labelledby and similar lists, SVG `url(#…)` paint and clip references) follows.
 */
import { parseFragment, serialize } from "parse5";
import type { DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/** The id a printed page gets: its URL's path with slashes as hyphens ("/appendix/x/" → "appendix-x"); the home page is "cover". */
export function printSlug(url: string): string {
  const slug = url.split(/[?#]/)[0].split("/").filter(Boolean).join("-");
  return slug === "" ? "cover" : slug;
}

/** An id of a page in the print edition. */
export const printId = (slug: string, id: string) => `${slug}--${id}`;

/** Attributes that hold a space-separated list of ids. */
const ID_LIST_ATTRIBUTES = new Set(["aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-details", "aria-flowto", "for", "headers", "list", "form"]);

const normalisePath = (path: string) => (path.endsWith("/") ? path : path.endsWith(".html") ? path.replace(/index\.html$/, "") : `${path}/`);

/**
 * Where a link goes in the print edition: "#x" → this page's x; "/other/#x" → that page's
 * x when the other page is printed too ("/other/" alone → its start); anything else as it was.
 */
export function printHref(href: string, slug: string, printedUrls: ReadonlySet<string>): string {
  if (href.startsWith("#")) return href.length > 1 ? `#${printId(slug, href.slice(1))}` : href;
  if (!href.startsWith("/") || href.startsWith("//")) return href;
  const hashAt = href.indexOf("#");
  const path = normalisePath(hashAt === -1 ? href : href.slice(0, hashAt));
  const fragment = hashAt === -1 ? "" : href.slice(hashAt + 1);
  if (!printedUrls.has(path)) return href;
  const target = printSlug(path);
  return fragment ? `#${printId(target, fragment)}` : `#${target}`;
}

const isElement = (node: Node): node is Element => "tagName" in node;

/**
 * The id the print layout gives each printed page's title. Every chapter has a "Notes"
 * and a "Sources" section; on one page their names must differ, so a named section
 * is also named by its page's title ("Sources, Does inspection drive improvement?").
 */
export const PAGE_TITLE_ID = "page-title";

/** Attributes written without a value (parse5 writes `download=""`, which the HTML gate rejects). */
const BOOLEAN_ATTRIBUTES = ["allowfullscreen", "async", "autofocus", "checked", "default", "defer", "disabled", "download", "hidden", "inert", "ismap", "itemscope", "multiple", "novalidate", "open", "readonly", "required", "reversed", "selected"];
const EMPTY_BOOLEAN = new RegExp(`(<[a-zA-Z][^<>]*?\\s(?:${BOOLEAN_ATTRIBUTES.join("|")}))=""`, "g");

/** One printed page's HTML with its ids made unique in the print edition and its links pointing into it. */
export function printSection(html: string, pageUrl: string, printedUrls: ReadonlySet<string>): string {
  const slug = printSlug(pageUrl);
  const fragment = parseFragment(html);
  const titleId = printId(slug, PAGE_TITLE_ID);
  let hasTitle = false;
  const namedSections: Element["attrs"][number][] = [];
  const walk = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      for (const attr of node.attrs) {
        if (attr.name === "id") {
          hasTitle ||= attr.value === PAGE_TITLE_ID;
          attr.value = printId(slug, attr.value);
        }
        else if (attr.name === "href") attr.value = printHref(attr.value, slug, printedUrls);
        else if (ID_LIST_ATTRIBUTES.has(attr.name)) attr.value = attr.value.split(/\s+/).filter(Boolean).map((id) => printId(slug, id)).join(" ");
        if (attr.value.includes("url(#")) attr.value = attr.value.replace(/url\(#([^)\s]+)\)/g, (_, id: string) => `url(#${printId(slug, id)})`);
        if (node.tagName === "section" && attr.name === "aria-labelledby") namedSections.push(attr);
      }
      walk(node.childNodes);
      // A <template>'s content lives apart from its children.
      if (node.tagName === "template") walk((node as DefaultTreeAdapterTypes.Template).content.childNodes);
    }
  };
  walk(fragment.childNodes);
  if (hasTitle) for (const attr of namedSections) attr.value = `${attr.value} ${titleId}`;
  // Every match is inside a start tag: parse5 escapes "<" and ">" in text and quotes in attribute values.
  return serialize(fragment).replace(EMPTY_BOOLEAN, "$1");
}

/** The URLs the print edition holds: the cover and every page of the contents. */
export function printedUrlSet(urls: readonly string[]): Set<string> {
  return new Set(["/", ...urls.map(normalisePath)]);
}
