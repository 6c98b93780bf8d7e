/**
 * Report addresses for the judgements of Ofsted's table (SLAC to SIF and its re-inspections,
 * and the early ILACS columns). Ofsted's table gives no report address, but the report scrape
 * (JT-39/ofsted-ilacs-scrape-tool) lists every report on Ofsted's site back to 2012 with its
 * `inspection_link`, so a judgement takes the scrape's address of the same report, by the same
 * rule as the ILACS import's official rows (ilacs/transform.ts):
 *
 * - Match rule: a scrape row's URN resolves to the judgement's council through the scrape's
 *   lookup (its area code, current or former, else its DfE number) and it was published the
 *   same day. Nothing else is tried: no near-miss days, no names.
 * - When the scrape rows that match give exactly one address (a report listed twice under one
 *   address is one address), the judgement takes it. When they give more than one, the
 *   judgement gets none and is listed as ambiguous; with none, it is listed as having no
 *   scrape row. The two judgements of one SLAC report (safeguarding and looked-after
 *   children) share its address.
 * - A scrape row whose publication date cannot be read, or that has no address, gives none.
 */
import type { Table } from "../engine/data/load.ts";
import type { CouncilLookup } from "./councils.ts";
import { lookupSchema, scrapeSchema, uniqueUrns, type LookupRow, type ScrapeRow } from "./ilacs/sources.ts";
import { resolveUrn } from "./ilacs/transform.ts";
import type { InspectionEvent } from "./ofsted-events.ts";
import { importFiles, type PublicationId, type SourceFile } from "./publisher/publications.ts";

/** The report scrape and its URN lookup, as the inspections import reads them. */
export interface ReportScrape {
  readonly scrape: Table<ScrapeRow>;
  readonly lookup: Table<LookupRow>;
}

/** Read and validate the scrape and its lookup with the ILACS import's schemas; a URN listed twice in the lookup is an error at its second line. */
export function readReportScrape(files: ReadonlyMap<PublicationId, SourceFile>): ReportScrape {
  const { csv } = importFiles(files, "inspections");
  return { scrape: csv("ilacs-report-scrape", scrapeSchema), lookup: uniqueUrns(csv("ilacs-scrape-lookup", lookupSchema)) };
}

export interface ReportLinkNotes {
  /** Judgements given the scrape's address, with the scrape line it came from. */
  readonly linked: readonly { readonly event: InspectionEvent; readonly scrapeLine: number }[];
  /** Judgements the scrape has no report for (same council, same day). */
  readonly noScrapeRow: readonly InspectionEvent[];
  /** Judgements left without an address because the matching scrape rows give several. */
  readonly ambiguous: readonly { readonly event: InspectionEvent; readonly scrapeLines: readonly number[]; readonly links: readonly string[] }[];
}

/** The scrape's addresses by council and publication day, each with its scrape line. */
function scrapeAddresses(scrape: Table<ScrapeRow>, lookup: Table<LookupRow>, councils: CouncilLookup): ReadonlyMap<string, readonly { line: number; link: string }[]> {
  const byUrn = new Map(lookup.rows.map(({ row }) => [row.urn, row]));
  const councilOfUrn = new Map<string, string | null>();
  const addresses = new Map<string, { line: number; link: string }[]>();
  for (const { row, line } of scrape.rows) {
    if (row.inspection_link === null || !row.publication_date.ok || row.publication_date.value === null) continue;
    if (!councilOfUrn.has(row.urn)) {
      const entry = byUrn.get(row.urn);
      councilOfUrn.set(row.urn, entry ? (resolveUrn(entry, councils)?.council.code ?? null) : null);
    }
    const code = councilOfUrn.get(row.urn);
    if (code === null || code === undefined) continue;
    const key = `${code}\u0000${row.publication_date.value}`;
    addresses.set(key, [...(addresses.get(key) ?? []), { line, link: row.inspection_link }]);
  }
  return addresses;
}

/** Each judgement with the scrape's address of its report where exactly one matches (see the rule above); same order. */
export function linkReports(events: readonly InspectionEvent[], { scrape, lookup }: ReportScrape, councils: CouncilLookup): { events: InspectionEvent[]; notes: ReportLinkNotes } {
  const addresses = scrapeAddresses(scrape, lookup, councils);
  const linked: ReportLinkNotes["linked"][number][] = [];
  const noScrapeRow: InspectionEvent[] = [];
  const ambiguous: ReportLinkNotes["ambiguous"][number][] = [];
  const result = events.map((event) => {
    const found = addresses.get(`${event.councilCode}\u0000${event.published}`) ?? [];
    const links = [...new Set(found.map((f) => f.link))];
    if (links.length === 1) {
      const withLink = { ...event, reportUrl: links[0] };
      linked.push({ event: withLink, scrapeLine: found[0].line });
      return withLink;
    }
    if (links.length === 0) noScrapeRow.push(event);
    else ambiguous.push({ event, scrapeLines: found.map((f) => f.line), links });
    return event;
  });
  return { events: result, notes: { linked, noScrapeRow, ambiguous } };
}
