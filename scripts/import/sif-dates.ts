/**
 * SIF inspection dates, read from the report PDFs (sif_era_report_dates_from_pdfs.csv),
 * matched to Ofsted's table of inspections.
 *
 * 1. Each PDF row's dates are checked against its own raw text ("Inspection date(s): …"):
 *    when the text reads differently from the ISO columns, the text wins and the change is
 *    reported; when the text names a further visit ("… and 28 – 30"), the end date is left
 *    empty because the last day is not given.
 * 2. A PDF row matches a SIF event (first SIF or SIF re-inspection) of the same council when
 *    the two publication dates are at most MATCH_WINDOW_DAYS apart. Closest pairs are taken
 *    first; an event with two equally close PDF rows is left unmatched.
 * 3. Matched dates must end on or before Ofsted's publication date and start no more than a
 *    year before it; otherwise they are not used.
 * Everything not matched, and why, goes to the import report.
 */
import { isCalendarDate } from "../engine/data/cells.ts";
import type { Table } from "../engine/data/load.ts";
import { SIF_FRAMEWORKS } from "../report/councils/datasets.ts";
import { CouncilLookup, type MatchedBy } from "./councils.ts";
import { addDays, daysBetween } from "./dates.ts";
import type { InspectionEvent } from "./ofsted-events.ts";
import type { SifDatesRow } from "./sources.ts";

export const MATCH_WINDOW_DAYS = 10;

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export interface DateRange {
  readonly start: string;
  readonly end: string;
  /** The text goes on to name a further visit whose days are not fully given. */
  readonly continues: boolean;
}

interface PartialDate {
  day: number;
  month?: number;
  year?: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

function readPart(text: string): PartialDate | undefined {
  const numeric = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (numeric) return { day: Number(numeric[1]), month: Number(numeric[2]), year: Number(numeric[3]) };
  const words = /^(\d{1,2})(?:\s+([A-Za-z]+))?(?:\s+(\d{4}))?$/.exec(text);
  if (!words) return undefined;
  const month = words[2] === undefined ? undefined : MONTHS[words[2].toLowerCase()];
  if (words[2] !== undefined && month === undefined) return undefined;
  return { day: Number(words[1]), month, year: words[3] === undefined ? undefined : Number(words[3]) };
}

/**
 * Read an inspection period as printed on a report: "11 March – 2 April 2014",
 * "9–24 November 2017", "1/06/2015 – 25/06/2015", "28 July 2016". The first date borrows
 * month and year from the second when it leaves them out. Undefined when the text is not
 * one of these forms or names an impossible or backwards period.
 */
export function parseDateText(raw: string): DateRange | undefined {
  let text = raw.trim().replace(/\s+/g, " ");
  const further = / and /.exec(text);
  const continues = further !== null;
  if (further) text = text.slice(0, further.index);
  const parts = text.split(/\s*(?:[-‐–—─]|\bto\b)\s*/);
  if (parts.length > 2) return undefined;
  const last = readPart(parts[parts.length - 1]);
  const first = parts.length === 2 ? readPart(parts[0]) : last;
  if (!first || !last || last.month === undefined || last.year === undefined) return undefined;
  const start = { day: first.day, month: first.month ?? last.month, year: first.year ?? last.year };
  if (first.month === undefined && first.year !== undefined) return undefined;
  const valid = (d: { day: number; month: number; year: number }) => isCalendarDate(d.year, d.month, d.day);
  const end = { day: last.day, month: last.month, year: last.year };
  if (!valid(start) || !valid(end)) return undefined;
  const iso = (d: typeof end) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  if (iso(start) > iso(end)) return undefined;
  return { start: iso(start), end: iso(end), continues };
}

/** A PDF row with the dates the import will use and how they were decided. */
export interface PdfDates {
  readonly line: number;
  readonly row: SifDatesRow;
  readonly start: string | null;
  readonly end: string | null;
  /** Set when the dates used differ from the row's ISO columns, saying why. */
  readonly change?: string;
}

/** Decide each PDF row's dates from its ISO columns and raw text (rule 1 above). */
export function pdfDates(line: number, row: SifDatesRow): PdfDates {
  const parsed = parseDateText(row.inspection_date_text);
  const iso = { start: row.inspection_start, end: row.inspection_end };
  const text = JSON.stringify(row.inspection_date_text);
  if (!parsed) {
    if (iso.start !== null && iso.end !== null && iso.start <= iso.end) return { line, row, ...iso };
    return { line, row, start: null, end: null, change: `the text ${text} cannot be read and the ISO dates (${iso.start ?? "none"} to ${iso.end ?? "none"}) are not a period; no dates used` };
  }
  if (parsed.continues) {
    return { line, row, start: parsed.start, end: null, change: `the text ${text} names a further visit without its full dates; start ${parsed.start} kept, end (${iso.end ?? "none"} in the ISO column) left empty` };
  }
  if (parsed.start === iso.start && parsed.end === iso.end) return { line, row, start: parsed.start, end: parsed.end };
  return { line, row, start: parsed.start, end: parsed.end, change: `the text ${text} reads ${parsed.start} to ${parsed.end}, but the ISO columns say ${iso.start ?? "none"} to ${iso.end ?? "none"}; the text's dates are used` };
}

export interface SifMatch {
  readonly event: InspectionEvent;
  readonly pdf: PdfDates;
  readonly councilBy: MatchedBy;
  /** PDF publication date minus Ofsted's. */
  readonly days: number;
  readonly used: boolean;
  /** Why the matched dates were not used, or the PDF's re-inspection flag disagrees. */
  readonly remark?: string;
}

export interface SifDateNotes {
  readonly matches: SifMatch[];
  /** SIF events with no PDF row, and why. */
  readonly unmatchedEvents: { event: InspectionEvent; why: string }[];
  /** PDF rows not matched to any SIF event, and why. */
  readonly unusedPdfs: { pdf: PdfDates; why: string }[];
  /** PDF rows whose dates differ from their ISO columns (rule 1). */
  readonly changed: PdfDates[];
  /** PDF rows whose folder name matched a council only through an alias or Ofsted's name. */
  readonly aliasNames: { line: number; name: string; code: string; by: MatchedBy }[];
}

/** Fill in SIF inspection dates; returns the events (same order) and what happened. */
export function matchSifDates(events: readonly InspectionEvent[], table: Table<SifDatesRow>, lookup: CouncilLookup): { events: InspectionEvent[]; notes: SifDateNotes } {
  const notes: SifDateNotes = { matches: [], unmatchedEvents: [], unusedPdfs: [], changed: [], aliasNames: [] };
  const pdfs = table.rows.map(({ row, line }) => pdfDates(line, row));
  notes.changed.push(...pdfs.filter((p) => p.change !== undefined));

  // Each PDF row's council, resolved by its folder name as at its publication date.
  const councilOf = new Map<PdfDates, { code: string; by: MatchedBy }>();
  for (const pdf of pdfs) {
    const match = lookup.resolve(pdf.row.la_folder_name, pdf.row.report_published);
    if (!match) {
      notes.unusedPdfs.push({ pdf, why: `no single council answers to ${JSON.stringify(pdf.row.la_folder_name)} on ${pdf.row.report_published}` });
      continue;
    }
    councilOf.set(pdf, { code: match.council.code, by: match.by });
    if (match.by !== "name") notes.aliasNames.push({ line: pdf.line, name: pdf.row.la_folder_name, code: match.council.code, by: match.by });
  }

  const sif = events.filter((e) => SIF_FRAMEWORKS.includes(e.framework));
  const pairs = sif.flatMap((event) =>
    pdfs.flatMap((pdf) => {
      const council = councilOf.get(pdf);
      if (!council || council.code !== event.councilCode) return [];
      const days = daysBetween(event.published, pdf.row.report_published);
      return Math.abs(days) <= MATCH_WINDOW_DAYS ? [{ event, pdf, days, by: council.by }] : [];
    }),
  );
  pairs.sort((a, b) => Math.abs(a.days) - Math.abs(b.days) || a.event.sourceLine - b.event.sourceLine || a.pdf.line - b.pdf.line);

  const matched = new Map<InspectionEvent, SifMatch>();
  const ambiguous = new Set<InspectionEvent>();
  const taken = new Set<PdfDates>();
  for (const pair of pairs) {
    if (matched.has(pair.event) || ambiguous.has(pair.event) || taken.has(pair.pdf)) continue;
    const rival = pairs.find((p) => p !== pair && p.event === pair.event && !taken.has(p.pdf) && Math.abs(p.days) === Math.abs(pair.days));
    if (rival) {
      ambiguous.add(pair.event);
      continue;
    }
    taken.add(pair.pdf);
    matched.set(pair.event, checkMatch(pair.event, pair.pdf, pair.days, pair.by));
  }

  const result = events.map((event) => {
    const match = matched.get(event);
    if (!match) return event;
    notes.matches.push(match);
    if (!match.used) return event;
    return { ...event, inspectionStart: match.pdf.start, inspectionEnd: match.pdf.end, datesLine: match.pdf.line };
  });

  for (const event of sif) {
    if (matched.has(event)) continue;
    const why = ambiguous.has(event)
      ? "two report PDFs are equally close in publication date"
      : `no report PDF of this council was published within ${MATCH_WINDOW_DAYS} days of ${event.published}`;
    notes.unmatchedEvents.push({ event, why });
  }
  for (const pdf of pdfs) {
    if (taken.has(pdf) || !councilOf.has(pdf)) continue;
    notes.unusedPdfs.push({ pdf, why: unusedReason(pdf, councilOf.get(pdf)!.code, events, matched) });
  }
  notes.unusedPdfs.sort((a, b) => a.pdf.line - b.pdf.line);
  return { events: result, notes };
}

function checkMatch(event: InspectionEvent, pdf: PdfDates, days: number, by: MatchedBy): SifMatch {
  const remarks: string[] = [];
  let used = pdf.start !== null;
  const last = pdf.end ?? pdf.start;
  if (pdf.start === null) remarks.push("the PDF row has no usable dates");
  else if (last !== null && last > event.published) {
    used = false;
    remarks.push(`dates not used: the inspection (to ${last}) would end after Ofsted's publication date`);
  } else if (pdf.start < addDays(event.published, -366)) {
    used = false;
    remarks.push(`dates not used: the inspection would start more than a year before publication`);
  }
  const pdfSaysReinspection = pdf.row.is_reinspection === "True";
  if (pdfSaysReinspection !== (event.framework === "sif-reinspection")) {
    remarks.push(`the PDF's re-inspection flag is ${pdf.row.is_reinspection}; Ofsted's table (${event.framework}) is followed`);
  }
  return { event, pdf, councilBy: by, days, used, ...(remarks.length > 0 ? { remark: remarks.join("; ") } : {}) };
}

function unusedReason(pdf: PdfDates, code: string, events: readonly InspectionEvent[], matched: ReadonlyMap<InspectionEvent, SifMatch>): string {
  const near = events.filter((e) => e.councilCode === code && Math.abs(daysBetween(e.published, pdf.row.report_published)) <= MATCH_WINDOW_DAYS);
  const other = near.find((e) => !SIF_FRAMEWORKS.includes(e.framework));
  if (other) return `it is the report of the ${other.framework} inspection published ${other.published}; inspection dates are imported for SIF inspections only`;
  const sifTaken = near.find((e) => matched.has(e));
  if (sifTaken) return `the SIF event published ${sifTaken.published} was matched to a closer PDF row (line ${matched.get(sifTaken)!.pdf.line})`;
  return `no inspection of ${code} in Ofsted's table was published within ${MATCH_WINDOW_DAYS} days of ${pdf.row.report_published}`;
}
