/**
 * The source lines of the figures drawn from Ofsted's records, naming the editions the
 * canonical files were last made from: the ledger's "Sources as read" (data/README.md,
 * written by npm run data:update). A source line so follows the data to its next edition
 * instead of naming the one that was current when it was written. A project whose ledger
 * records no edition (a made-up data set) gets the same lines without one.
 */
import type { SourceRead } from "../../engine/data/provenance.ts";

/** The publications, by the start of their titles in the ledger (scripts/import/publisher/publications.ts). */
const OFSTED_INSPECTIONS = "Children's social care data in England";
const OFSTED_OUTCOMES = "Local authority inspection outcomes";
const ILACS_SCRAPE = "ILACS report history";

const edition = (sources: readonly SourceRead[], title: string) => sources.find((s) => s.publication.startsWith(title))?.edition ?? null;

export interface OfstedSources {
  /** Ofsted's table of inspections 2009 to its last year, and the SIF report dates: data/councils/inspections.csv. */
  readonly inspections: string;
  /** The ILACS history as at Ofsted's latest 31 March, and the scrape after it: data/ilacs/judgements.csv. */
  readonly ilacs: string;
}

export function ofstedSources(sources: readonly SourceRead[]): OfstedSources {
  // "inspections 2009–2023, published 12 July 2023"
  const inspections = edition(sources, OFSTED_INSPECTIONS);
  const years = inspections?.match(/^inspections (\d{4}–\d{4}), published (.+)$/);
  const table = years ? `the table of inspections ${years[1]} in Children's social care data in England (published ${years[2]})` : `the table of inspections from 2009 in Children's social care data in England`;
  // "as at 31 March 2026, published 23 September 2026"
  const outcomes = edition(sources, OFSTED_OUTCOMES);
  const asAt = outcomes?.match(/^(as at \d{1,2} \w+ \d{4})/)?.[1];
  // "reports published up to 15 July 2026"
  const scraped = edition(sources, ILACS_SCRAPE);
  return {
    inspections: `Ofsted, official statistics on local authority children's services inspections and outcomes: ${table}; SIF inspection start dates read from the inspection report PDFs. Both re-shaped by our importer (scripts/import) into data/councils/inspections.csv; Open Government Licence v3.0.`,
    ilacs:
      `Ofsted, Local authority inspection outcomes${asAt ? ` ${asAt}` : ""} (the ILACS inspection history), and for reports published after it, a daily scrape of Ofsted's published ILACS reports (JT-39/ofsted-ilacs-scrape-tool${scraped ? `; ${scraped}` : ""}); ` +
      `re-shaped by our importer into data/ilacs/judgements.csv. Open Government Licence v3.0.`,
  };
}
