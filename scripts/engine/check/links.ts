/**
 * Link check over a built site: every internal link (href or src) must name a file
 * of the site, and every #fragment an id (or <a name>) on the target page. External
 * links (another host, mailto:, tel:) are only listed, never fetched. The check is
 * a pure function of the site's files; `readSite` loads a built folder for it.
 *
 * A site built for a sub-path (`--path-prefix /brave-new-world/`) is checked as it will be
 * served: every page is at <prefix><file>, and a root-relative link must start with the
 * prefix. The "page not found" page (404.html) is served by static hosts at whatever
 * address was asked for, so its links must not be relative to where it is.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { parse } from "parse5";
import type { DefaultTreeAdapterTypes } from "parse5";

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/**
 * The built site: path relative to the site root with forward slashes ("chapter-1/index.html")
 * → the page's HTML for .html files, or null for any other file (only its existence counts).
 */
export type SiteFiles = ReadonlyMap<string, string | null>;

export interface LinkUse {
  /** The page that holds the link, e.g. "chapter-1/index.html". */
  readonly page: string;
  /** 1-based line and column of the attribute in the page's HTML. */
  readonly line: number;
  readonly column: number;
  /** The attribute's value as written. */
  readonly url: string;
}

export interface BrokenLink extends LinkUse {
  /** What is wrong, in a plain sentence. */
  readonly problem: string;
}

export interface LinkReport {
  readonly broken: readonly BrokenLink[];
  /** Links that leave the site, in page order; never fetched. */
  readonly external: readonly LinkUse[];
  /** How many internal links (and fragments) were checked. */
  readonly internalCount: number;
}

/** A host name that cannot be a real one (RFC 2606), to resolve site paths with the URL parser. */
const SITE_ORIGIN = "https://site.invalid";
/** The page static hosts serve for a missing address, at that address. */
export const NOT_FOUND_PAGE = "404.html";
/** Attributes that hold a URL. */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "poster", "data"]);

interface Anchor {
  readonly url: string;
  readonly line: number;
  readonly column: number;
}

interface ParsedPage {
  readonly ids: ReadonlySet<string>;
  readonly links: readonly Anchor[];
}

function childrenOf(node: ParentNode): ParentNode[] {
  const children = node.childNodes.filter((child): child is Element => "tagName" in child);
  // <template> keeps its children in a separate fragment.
  return "content" in node && node.content ? [...children, node.content] : children;
}

/** The ids (and <a name>s) a fragment can point at, and every URL-valued attribute, with positions. */
export function parsePage(html: string): ParsedPage {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const ids = new Set<string>();
  const links: Anchor[] = [];
  const stack: ParentNode[] = [document];
  while (stack.length > 0) {
    const node = stack.pop() as ParentNode;
    if ("tagName" in node) {
      for (const attribute of node.attrs) {
        if (attribute.name === "id" || (attribute.name === "name" && node.tagName === "a")) ids.add(attribute.value);
        if (!URL_ATTRIBUTES.has(attribute.name)) continue;
        const written = attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;
        const location = node.sourceCodeLocation?.attrs?.[written] ?? node.sourceCodeLocation?.startTag ?? node.sourceCodeLocation;
        links.push({ url: attribute.value, line: location?.startLine ?? 1, column: location?.startCol ?? 1 });
      }
    }
    stack.push(...childrenOf(node).reverse());
  }
  return { ids, links };
}

/** The site file a path names: "/" and "/chapter-1/" are folders, served by their index.html. */
function fileFor(pathname: string): string {
  const relative = decodeURIComponent(pathname).replace(/^\/+/, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

export interface LinkCheckOptions {
  /** Where the site is served from: "/" (the default) or a sub-path such as "/brave-new-world/". */
  readonly pathPrefix?: string;
}

/** "/", or the prefix with one leading and one trailing slash. */
const prefixOf = (value = "/") => `/${value.split("/").filter(Boolean).join("/")}/`.replace(/^\/\/$/, "/");

/** A link that names neither a scheme, nor a root-relative path, nor only a fragment. */
const isPathRelative = (url: string) => !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("/") && !url.startsWith("#");

/** Check every link of every page of the site. */
export function checkLinks(site: SiteFiles, options: LinkCheckOptions = {}): LinkReport {
  const prefix = prefixOf(options.pathPrefix);
  const parsed = new Map<string, ParsedPage>();
  const pageOf = (file: string): ParsedPage | undefined => {
    const html = site.get(file);
    if (typeof html !== "string") return undefined;
    if (!parsed.has(file)) parsed.set(file, parsePage(html));
    return parsed.get(file);
  };
  const broken: BrokenLink[] = [];
  const external: LinkUse[] = [];
  let internalCount = 0;
  const pages = [...site.keys()].filter((file) => typeof site.get(file) === "string").sort();
  for (const page of pages) {
    const base = `${SITE_ORIGIN}${prefix}${page}`;
    for (const link of (pageOf(page) as ParsedPage).links) {
      const use = { page, line: link.line, column: link.column, url: link.url };
      const fail = (problem: string) => broken.push({ ...use, problem });
      if (link.url.trim() === "") {
        fail("the link is empty");
        continue;
      }
      if (page === NOT_FOUND_PAGE && isPathRelative(link.url.trim())) {
        fail("the page-not-found page is served at any missing address, so a relative link would point somewhere else on each; start it with /");
        continue;
      }
      let target: URL;
      try {
        target = new URL(link.url.trim(), base);
      } catch {
        fail("the link is not a valid URL");
        continue;
      }
      // data: URLs carry their content with them (the empty favicon); nothing to find.
      if (target.protocol === "data:") continue;
      if (target.origin !== SITE_ORIGIN) {
        external.push(use);
        continue;
      }
      internalCount += 1;
      if (!target.pathname.startsWith(prefix)) {
        fail(`${target.pathname} is outside the site, which is served under ${prefix}`);
        continue;
      }
      const file = fileFor(target.pathname.slice(prefix.length - 1));
      if (!site.has(file)) {
        const folder = site.has(`${file}/index.html`) ? `; the folder has an index page: link to ${target.pathname}/` : "";
        fail(`${file} is not a file of the site${folder}`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment === "") continue;
      const targetPage = pageOf(file);
      if (!targetPage) fail(`#${fragment} points into ${file}, which is not a page`);
      else if (!targetPage.ids.has(fragment)) fail(`${file} has no element with id "${fragment}"`);
    }
  }
  return { broken, external, internalCount };
}

/** Read a built site into the form checkLinks takes. */
export async function readSite(dir: string): Promise<Map<string, string | null>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  const site = new Map<string, string | null>();
  for (const file of files.sort()) site.set(file, file.endsWith(".html") ? await readFile(path.join(dir, file), "utf8") : null);
  return site;
}

/** One line per broken link: `page:line:column: url: problem`. */
export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  return broken.map((link) => `${link.page}:${link.line}:${link.column}: ${link.url}: ${link.problem}`).join("\n");
}

/** The external links as a Markdown list: each address once, with the pages that use it. */
export function externalLinksReport(external: readonly LinkUse[]): string {
  const byUrl = new Map<string, Set<string>>();
  for (const link of external) {
    const pages = byUrl.get(link.url) ?? new Set<string>();
    pages.add(link.page);
    byUrl.set(link.url, pages);
  }
  const lines = ["# External links", "", "Listed by the link check after a build; never fetched.", ""];
  if (byUrl.size === 0) lines.push("None.");
  for (const url of [...byUrl.keys()].sort()) lines.push(`- <${url}> on ${[...(byUrl.get(url) as Set<string>)].sort().join(", ")}`);
  return `${lines.join("\n")}\n`;
}
