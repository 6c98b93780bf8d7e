/**
 * The print edition (/print/): every page of the report's contents on one page, in
 * order, so that `npm run pdf` prints one document. Pages were written to stand alone,
 * so their ids repeat across pages (every chapter has "fn1" and "sources"). Each page's
 * HTML is rewritten here with a real parser (parse5): every id gets the page's slug in
 * front, and every reference to an id (in-page links, links to other printed pages,
 * aria-labelledby and similar lists, SVG `url(#…)` paint and clip references) follows.
 *
 * A page is printed whole, in brief, or not at all (its front matter's `inPrintEdition`:
 * `false` or `brief`). A brief page is the site's machinery — a register, a list of data
 * files with their fingerprints, a comparison of releases — which runs to pages of tables
 * a reader of paper cannot use: the print edition holds its title, its opening paragraph
 * and where the whole page is online. Links into a brief page's detail go to that address
 * when the site URL is known, and to the brief page otherwise.
 */
import { parseFragment, serialize, serializeOuter } from "parse5";
import { BuildError } from "../data/errors.ts";
import { siteAddress } from "./site-url.ts";
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

/** What the print edition holds, and where the rest is. */
export interface PrintPlan {
  /** Pages printed whole: the cover ("/") and every page of the contents not printed in brief. */
  readonly whole: ReadonlySet<string>;
  /** Pages printed in brief: their title, opening paragraph and address. */
  readonly brief: ReadonlySet<string>;
  /** The site's address (ending "/"), when known: links to what the document does not hold point there. */
  readonly siteUrl?: string;
}

/** How a page of the contents is printed, from its front matter's `inPrintEdition`. */
export type PrintTreatment = "whole" | "brief" | "left out";

export function printTreatment(inPrintEdition: unknown, where: string): PrintTreatment {
  if (inPrintEdition === undefined || inPrintEdition === true) return "whole";
  if (inPrintEdition === false) return "left out";
  if (inPrintEdition === "brief") return "brief";
  throw new BuildError(`${where}: inPrintEdition must be true, false or "brief" (its title, opening paragraph and address only), not ${JSON.stringify(inPrintEdition)}`);
}

/**
 * Where a link goes in the print edition: "#x" → this page's x; "/other/#x" → that page's
 * x when the other page is printed whole ("/other/" alone → its start); a link into a page
 * printed in brief → its online address when the site URL is known, else the brief page;
 * a link to anything else of the site → its online address when the site URL is known,
 * else as it was (`npm run pdf` prints it as text). Other sites' links are left alone.
 */
export function printHref(href: string, slug: string, plan: PrintPlan): string {
  if (href.startsWith("#")) return href.length > 1 ? `#${printId(slug, href.slice(1))}` : href;
  if (!href.startsWith("/") || href.startsWith("//")) return href;
  const hashAt = href.indexOf("#");
  const path = normalisePath(hashAt === -1 ? href : href.slice(0, hashAt));
  const fragment = hashAt === -1 ? "" : href.slice(hashAt + 1);
  const target = printSlug(path);
  if (plan.whole.has(path)) return fragment ? `#${printId(target, fragment)}` : `#${target}`;
  if (plan.siteUrl) return siteAddress(plan.siteUrl, href);
  return plan.brief.has(path) ? `#${target}` : href;
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
export function printSection(html: string, pageUrl: string, plan: PrintPlan): string {
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
        else if (attr.name === "href") attr.value = printHref(attr.value, slug, plan);
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

/** The print plan of the cover and the pages of the contents the print edition holds (each with its treatment). */
export function printPlan(pages: readonly { readonly url: string; readonly treatment: PrintTreatment }[], siteUrl?: string): PrintPlan {
  const printed = pages.filter((page) => page.treatment !== "left out");
  return {
    whole: new Set(["/", ...printed.filter((page) => page.treatment === "whole").map((page) => normalisePath(page.url))]),
    brief: new Set(printed.filter((page) => page.treatment === "brief").map((page) => normalisePath(page.url))),
    siteUrl,
  };
}

/**
 * A page's opening paragraph, for its brief in the print edition: the first paragraph at
 * the top level of its HTML (before or after a heading), or nothing when it has none.
 */
export function openingParagraph(html: string): string {
  const first = parseFragment(html).childNodes.find((node): node is Element => isElement(node) && node.tagName === "p");
  return first ? serializeOuter(first).replace(EMPTY_BOOLEAN, "$1") : "";
}
