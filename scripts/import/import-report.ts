/**
 * data/councils/import-report.md: everything the import dropped, changed, matched or left
 * empty, with the source line of each. Built only from this run's inputs (no dates, no
 * comparison with the previous run), so the same sources always give the same report.
 */
import { FRAMEWORKS, SIF_FRAMEWORKS, type CouncilRow, type DemandRow, type Framework } from "../report/councils/datasets.ts";
import { compareText } from "../engine/compare.ts";
import type { CouncilBuild } from "./councils.ts";
import type { DemandNotes } from "./demand.ts";
import { COLUMNS_NOT_IMPORTED, type EventNotes, type InspectionEvent } from "./ofsted-events.ts";
import type { ReportLinkNotes, ReportScrape } from "./report-links.ts";
import type { SifDateNotes } from "./sif-dates.ts";
import type { Sources } from "./sources.ts";

export interface ReportInputs {
  readonly sources: Sources;
  readonly scrape: ReportScrape;
  readonly councils: CouncilBuild;
  readonly events: readonly InspectionEvent[];
  readonly eventNotes: EventNotes;
  readonly sifNotes: SifDateNotes;
  readonly linkNotes: ReportLinkNotes;
  readonly demand: readonly DemandRow[];
  readonly demandNotes: DemandNotes;
}

/** "2–5, 9, 12–13" */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j;
  }
  return parts.length === 0 ? "none" : parts.join(", ");
}

const cell = (text: string | number) => String(text).replace(/\|/g, "\\|");
/** A markdown table; "None." when there are no rows. */
export const table = (header: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
  rows.length === 0 ? ["None."] : [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];

export function importReport(inputs: ReportInputs): string {
  const { sources, scrape, councils, events, eventNotes, sifNotes, linkNotes, demand, demandNotes } = inputs;
  // Sources are named by their file names (and sheets), so the report does not depend on where they were kept.
  const rel = (file: string) => file;
  const byCode = new Map(councils.councils.map((c) => [c.code, c]));
  const who = (code: string) => `${byCode.get(code)?.name ?? "?"} (${code})`;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);

  push(
    "# Import report: councils, inspections and demand",
    "",
    "Written by `npm run data:update` (scripts/import/update.ts) whenever it runs the inspections import; do not edit by hand.",
    "It lists every source row the import dropped or changed, every name matched through an alias, every SIF",
    "date match made or missed, every judgement left without a report address, and every empty (suppressed or",
    "missing) value, with file and line.",
    "",
    "## Sources read",
    "",
    ...table(
      ["file", "rows", "used"],
      [
        [rel(sources.ofsted.file), sources.ofsted.rows.length, "all: the tables of current councils and of councils before a restructure"],
        [rel(sources.sifDates.file), sources.sifDates.rows.length, "matched to SIF inspections (see below)"],
        [rel(scrape.scrape.file), scrape.scrape.rows.length, "report addresses (see Report addresses below)"],
        [rel(scrape.lookup.file), scrape.lookup.rows.length, "the scrape's URN to area code, for report addresses"],
        ...[sources.referrals, sources.plans, sources.population].map((f) => [
          rel(f.file),
          f.rows.length + f.otherLevelLines.length,
          `${f.rows.length} local-authority rows; ${f.otherLevelLines.length} national and regional rows not imported (lines ${lineRanges(f.otherLevelLines)})`,
        ]),
      ],
    ),
    "",
  );

  // Councils ---------------------------------------------------------------
  const current = councils.councils.filter((c) => c.status === "current");
  const predecessors = councils.councils.filter((c) => c.status === "predecessor");
  const { notes } = councils;
  push(
    "## Councils",
    "",
    `${councils.councils.length} councils: ${current.length} current and ${predecessors.length} predecessors (abolished in a restructure).`,
    "",
    "### Restructures applied",
    "",
    ...table(
      ["predecessor", "last day", "successors"],
      predecessors.map((p: CouncilRow) => [who(p.code), p.existed_until ?? "", p.successor_codes.map(who).join("; ")]),
    ),
    "",
    "### Code changes",
    "",
    "Same council, area and DfE number, new ONS code: rows under the old code are joined to the council's current code.",
    "",
    ...table(
      ["council", "old code", "new code", "from", "file", "rows re-coded", "periods", "lines"],
      notes.codeChanges.map((c) => [c.change.name, c.change.from, c.change.to, c.change.on, rel(c.file), c.lines.length, `${c.periods[0]}–${c.periods[c.periods.length - 1]}`, lineRanges(c.lines)]),
    ),
    "",
    "### Ofsted names matched through an alias",
    "",
    ...table(
      ["Ofsted table line", "Ofsted's name", "council"],
      notes.ofstedAliasMatches.map((m) => [m.line, m.name, who(m.council.code)]),
    ),
    "",
    "### Other council notes",
    "",
    ...[
      ...notes.ofstedCurrentButAbolished.map((n) => `- ${who(n.council.code)}: listed among current councils in Ofsted's table (line ${n.line}), which describes councils as at 31 March 2023; it was abolished after that (last day ${n.council.existed_until}), so its status here is predecessor.`),
      ...notes.createdAfterOfsted.map((c) => `- ${who(c.code)}: created on ${c.existed_from}, after Ofsted's table was drawn up, so it has no Ofsted name or inspections here.`),
      ...notes.notInOfsted.map((c) => `- ${who(c.code)}: existed when Ofsted's table was drawn up but has no row in it.`),
      ...notes.unusedExplicit.map((n) => `- Not applied: ${n}.`),
    ],
    ...(notes.ofstedCurrentButAbolished.length + notes.createdAfterOfsted.length + notes.notInOfsted.length + notes.unusedExplicit.length === 0 ? ["None."] : []),
    "",
  );

  // Inspections --------------------------------------------------------------
  const countBy = (framework: Framework) => events.filter((e) => e.framework === framework).length;
  push(
    "## Inspections",
    "",
    `${events.length} judgement events. Grades are on Ofsted's four-point scale; the table prints the pre-2013 grade "adequate" as "Requires improvement to be good", and both are \`requires_improvement\` here.`,
    "",
    ...table(["framework", "events"], FRAMEWORKS.map((f) => [f, countBy(f)])),
    "",
    "### Judgements dropped",
    "",
    ...table(
      ["line:column", "council", "framework", "published", "why"],
      eventNotes.dropped.map((d) => [`${d.line}:${d.column}`, who(d.council), d.framework, d.published, d.why]),
    ),
    "",
    '### Sub-judgements given as "-" (left empty)',
    "",
    ...table(
      ["line:column", "council", "framework", "sub-judgement"],
      eventNotes.emptied.map((d) => [`${d.line}:${d.column}`, who(d.council), d.framework, d.field]),
    ),
    "",
    "### Columns not imported",
    "",
    ...table(["column", "why"], COLUMNS_NOT_IMPORTED.map((c) => [c.column, c.why])),
    "",
  );

  // SIF dates ----------------------------------------------------------------
  const sifEvents = events.filter((e) => SIF_FRAMEWORKS.includes(e.framework));
  const matchedUsed = (framework: Framework) => sifNotes.matches.filter((m) => m.used && m.event.framework === framework).length;
  push(
    "## SIF inspection dates",
    "",
    `Report PDFs matched to SIF inspections by council and publication date (at most 10 days apart). Dates used for ${matchedUsed("sif")} of ${countBy("sif")} first SIFs and ${matchedUsed("sif-reinspection")} of ${countBy("sif-reinspection")} SIF re-inspections (${sifEvents.length} SIF events in all).`,
    "",
    "### PDF rows whose dates were changed",
    "",
    ...table(["line", "folder", "why"], sifNotes.changed.map((p) => [p.line, p.row.la_folder_name, p.change ?? ""])),
    "",
    "### PDF folder names matched through an alias or Ofsted's name",
    "",
    ...table(
      ["line", "folder name", "council", "matched by"],
      sifNotes.aliasNames.map((a) => [a.line, a.name, who(a.code), a.by]),
    ),
    "",
    "### Matches made",
    "",
    ...table(
      ["council", "framework", "published (Ofsted)", "PDF line", "published (PDF)", "days apart", "start", "end", "note"],
      [...sifNotes.matches]
        .sort((a, b) => compareText(a.event.councilCode, b.event.councilCode) || compareText(a.event.published, b.event.published))
        .map((m) => [who(m.event.councilCode), m.event.framework, m.event.published, m.pdf.line, m.pdf.row.report_published, m.days, m.used ? (m.pdf.start ?? "") : "", m.used ? (m.pdf.end ?? "") : "", m.remark ?? ""]),
    ),
    "",
    "### SIF inspections without dates",
    "",
    ...table(
      ["council", "framework", "published", "why"],
      sifNotes.unmatchedEvents.map((u) => [who(u.event.councilCode), u.event.framework, u.event.published, u.why]),
    ),
    "",
    "### PDF rows not used",
    "",
    ...table(
      ["line", "folder", "published (PDF)", "why"],
      sifNotes.unusedPdfs.map((u) => [u.pdf.line, u.pdf.row.la_folder_name, u.pdf.row.report_published, u.why]),
    ),
    "",
  );

  // Report addresses ---------------------------------------------------------
  const scrapeDays = scrape.scrape.rows.flatMap(({ row }) => (row.publication_date.ok && row.publication_date.value !== null ? [row.publication_date.value] : [])).sort();
  const scrapeFrom = scrapeDays[0] ?? null;
  const linkedBy = (framework: Framework) => linkNotes.linked.filter((l) => l.event.framework === framework).length;
  const missingBy = (framework: Framework) => linkNotes.noScrapeRow.filter((e) => e.framework === framework).length;
  const ambiguousBy = (framework: Framework) => linkNotes.ambiguous.filter((a) => a.event.framework === framework).length;
  const missedInRange = scrapeFrom === null ? [] : linkNotes.noScrapeRow.filter((e) => e.published >= scrapeFrom);
  push(
    "## Report addresses",
    "",
    `Ofsted's table gives no report address. A judgement takes the report scrape's \`inspection_link\` when exactly one address matches: a scrape row whose URN resolves to the judgement's council through ${rel(scrape.lookup.file)} (its area code, current or former, else its DfE number) and that was published the same day. No near-miss days or names are tried. Where the matching rows give more than one address the judgement gets none (listed below); the two judgements of one SLAC report share its address.`,
    "",
    `${linkNotes.linked.length} of ${events.length} judgements take an address; ${linkNotes.noScrapeRow.length} have no scrape row of their council and day; ${linkNotes.ambiguous.length} ${linkNotes.ambiguous.length === 1 ? "is" : "are"} ambiguous. The scrape's reports begin on ${scrapeFrom ?? "no day (it has no readable publication date)"}.`,
    "",
    ...table(
      ["framework", "judgements", "linked", "no scrape row", "ambiguous"],
      FRAMEWORKS.filter((f) => countBy(f) > 0).map((f) => [f, countBy(f), linkedBy(f), missingBy(f), ambiguousBy(f)]),
    ),
    "",
    "### Ambiguous: more than one address for one report",
    "",
    ...table(
      ["council", "framework", "published", "scrape lines", "addresses"],
      linkNotes.ambiguous.map((a) => [who(a.event.councilCode), a.event.framework, a.event.published, a.scrapeLines.join(", "), a.links.join(" ")]),
    ),
    "",
    "### Judgements published since the scrape's first report that it has no row for",
    "",
    ...table(
      ["council", "framework", "published", "Ofsted table line"],
      missedInRange.map((e) => [who(e.councilCode), e.framework, e.published, e.sourceLine]),
    ),
    "",
  );

  // Demand -------------------------------------------------------------------
  const years = demand.map((d) => d.year_ending_march);
  push(
    "## Demand",
    "",
    `${demand.length} council-years, years ending March ${Math.min(...years)} to ${Math.max(...years)}. The population for the year ending 31 March N is the ONS mid-year estimate for 30 June N−1 (the DfE convention). Rows under a council's old code are joined to its current code (see Code changes).`,
    "",
    "### Empty cells",
    "",
    ...table(
      ["council", "year ending March", "column", "source cell", "why"],
      demandNotes.empty.map((e) => [who(e.council), e.year, e.field, e.at ? `${rel(e.at.file)}:${e.at.line}:${e.at.column}` : "no row", rel(e.why)]),
    ),
    "",
    "### Population rows not used",
    "",
    ...table(
      ["line", "council", "mid-year"],
      demandNotes.unusedPopulation.map((r) => [r.line, `${r.name} (${r.newCode})`, r.period]),
    ),
    "",
  );
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}
