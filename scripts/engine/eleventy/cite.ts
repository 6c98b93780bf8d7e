/**
 * "Cite this report": how to cite this rebuild (title, what it is, version, the date its
 * data runs to, where to find it) and the original 2015 report. Pure: the report's own
 * settings, its release manifest's version and data-as-of date and the original's
 * catalogue entry in, the words out.
 */
import { readableDate } from "../release/page.ts";
import { siteAddress } from "./site-url.ts";
import type { Source } from "./sources.ts";

export interface CitationInput {
  readonly title: string;
  readonly subtitle: string;
  /** From the release manifest (package.json's version). */
  readonly version: string;
  /** From the release manifest: the latest publication date in the dated data (never the clock). */
  readonly dataAsOf: string | null;
  /**
   * The address the site is published at, when one is set (./site-url.ts: --site-url,
   * REPORT_SITE_URL or report.json's "url"). Without it the citation gives no address: a
   * path such as "/" means nothing in a reference list or on paper.
   */
  readonly siteUrl?: string;
  readonly original: Source;
}

export interface Citation {
  readonly rebuild: { readonly title: string; readonly description: string; readonly version: string; readonly dataAsOf: string; readonly url: string | null };
  readonly original: { readonly author: string; readonly year: string; readonly title: string; readonly url: string | null };
  /** Each citation as one line of plain text, to copy. */
  readonly rebuildText: string;
  readonly originalText: string;
}

/** A title ending in "?" or "!" takes no full stop after it. */
const closed = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

export function citation(input: CitationInput): Citation {
  const url = input.siteUrl ? siteAddress(input.siteUrl.endsWith("/") ? input.siteUrl : `${input.siteUrl}/`, "/") : null;
  const rebuild = {
    title: `${input.title}: ${input.subtitle}`,
    description: `A reproducible rebuild of the ${input.original.year} report by ${input.original.publisher}`,
    version: input.version,
    dataAsOf: readableDate(input.dataAsOf),
    url,
  };
  const original = { author: input.original.publisher, year: input.original.year, title: input.original.title, url: input.original.url ?? null };
  return {
    rebuild,
    original,
    rebuildText: `${closed(rebuild.title)} ${rebuild.description}. Version ${rebuild.version}, data as of ${rebuild.dataAsOf}.${rebuild.url ? ` Available at ${rebuild.url}` : ""}`,
    originalText: `${original.author} (${original.year}). ${closed(original.title)}${original.url ? ` ${original.url}` : ""}`,
  };
}
