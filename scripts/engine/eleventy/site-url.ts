/**
 * The address the site is published at (https://example.org/brave-new-world/), when the
 * project knows it: `npm run build -- --site-url URL`, else the REPORT_SITE_URL environment
 * variable, else content/_data/report.json's "url". It is the address of the cover; every
 * other page's address is its path under it. With it, "Cite this report" ends with the
 * report's address and the print edition's links to pages it does not hold are absolute;
 * without it the citation names no address (a bare "/" is no use on paper or in a
 * reference list) and those links are left for `npm run pdf` to print as text.
 *
 * The site URL does not replace the path prefix: the prefix says where the pages' own links
 * point on the host; the site URL says where a reader who holds no page can find them.
 */
import { BuildError } from "../data/errors.ts";
import { SITE_URL_ENV } from "../locations.ts";

export { SITE_URL_ENV };

/**
 * The site URL as the build uses it: an http(s) address ending in "/", or undefined when
 * none is set (an empty value is none). Anything else fails the build, saying what is wrong.
 */
export function normaliseSiteUrl(value: string | undefined, from = "the site URL"): string | undefined {
  const trimmed = (value ?? "").trim();
  if (trimmed === "") return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new BuildError(`${from} "${trimmed}" is not a web address: give the whole address, as in https://example.org/brave-new-world/`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new BuildError(`${from} "${trimmed}" must start with https:// or http://`);
  if (url.search || url.hash) throw new BuildError(`${from} "${trimmed}" must be the address of the site's home page, without "?" or "#"`);
  return url.pathname.endsWith("/") ? url.href : `${url.href}/`;
}

/** The command line's --site-url wins over REPORT_SITE_URL; either wins over the project's own setting. */
export function siteUrlFrom(argument: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (argument !== undefined) return normaliseSiteUrl(argument, "--site-url");
  return normaliseSiteUrl(env[SITE_URL_ENV], SITE_URL_ENV);
}

/** The absolute address of a page or file of the site, given its root-relative path ("/chapter-1/#x"). */
export function siteAddress(siteUrl: string, rootRelative: string): string {
  return new URL(rootRelative.replace(/^\/+/, ""), siteUrl).href;
}
