/**
 * A council's inspection timeline: every headline judgement (safeguarding or the whole
 * service) from 2009 to the latest report, at its grade. The title states where the
 * council stands now, written from its history.
 */

import { ADEQUATE_ERA, gradeInWords, gradeLabel, latestGraded, latestReport, type HistoryEntry } from "./history.ts";
import { daysBetween } from "../shared/dates.ts";
import { councils, inspections } from "./datasets.ts";
import { ilacsJudgements } from "../ilacs/datasets.ts";
import type { OfstedSources } from "../shared/sources.ts";
import { count, formatValue, dayMonthYear } from "../../engine/stats/format.ts";

import type { FigureDefinition } from "../../engine/figures/types.ts";
import { JUDGEMENT_LABELS, JUDGEMENT_WORDS } from "../shared/grades.ts";
import { NO_GRADE, timelineSpec, type TimelineEvent, type TimelineRow } from "./charts.ts";

const n = (value: number) => formatValue(value, count());
/**
 * "Bournemouth, Poole and Dorset". A name with "and" in it goes last, so the list's own "and"
 * comes before it: "Dorset and Bournemouth, Christchurch and Poole".
 */
export const namesInWords = (names: readonly string[]) =>
  new Intl.ListFormat("en-GB", { type: "conjunction" }).format([...names.filter((name) => !/ and |,/.test(name)), ...names.filter((name) => / and |,/.test(name))]);

/** "2014-07-02" → 2014.5: the year plus the fraction of it gone by. */
export function decimalYear(date: string): number {
  const year = Number(date.slice(0, 4));
  const length = daysBetween(`${year}-01-01`, `${year + 1}-01-01`);
  return year + daysBetween(`${year}-01-01`, date) / length;
}

export interface TimelineOptions {
  readonly key: string;
  readonly name: string;
  /** Names of the councils by code, for inherited entries. */
  readonly names: ReadonlyMap<string, string>;
  /** The first year on the axis, and the data's last date (ISO), where the axis ends. */
  readonly span: { readonly firstYear: number; readonly lastDate: string };
  /**
   * Restructures to mark: the day the council began, when it replaced others (`kind`
   * "created", with the councils it replaced), and the last day of a council that was
   * replaced ("abolished", with its successors).
   */
  readonly restructures: readonly { readonly kind: "created" | "abolished"; readonly date: string; readonly others: readonly string[] }[];
  /** The source lines of Ofsted's records, naming their editions. */
  readonly sources: OfstedSources;
}

export function councilTimelineFigure(history: readonly HistoryEntry[], options: TimelineOptions): FigureDefinition | undefined {
  const plotted = history.filter((e): e is HistoryEntry & { overall: NonNullable<HistoryEntry["overall"]> } => e.headline && e.overall !== null);
  if (plotted.length === 0) return undefined;
  const latest = latestGraded(history);
  const latestHeadline = latestReport(history);
  const inherited = plotted.some((e) => options.names.get(e.council_code) !== options.name);
  const rows: TimelineRow[] = plotted.map((e) => ({
    date: e.published,
    when: decimalYear(e.published),
    grade: JUDGEMENT_LABELS[e.overall],
    judgement: gradeLabel(e, e.overall),
    framework: inherited ? `${e.inspection}, ${options.names.get(e.council_code) ?? e.council_code}` : e.inspection,
  }));
  // Reports without an overall grade (after the 2026 reform) sit on a row of their own below the grades, not joined to them.
  const ungraded: TimelineRow[] = history
    .filter((e) => e.headline && e.overall === null)
    .map((e) => ({ date: e.published, when: decimalYear(e.published), grade: NO_GRADE, judgement: NO_GRADE, framework: inherited ? `${e.inspection}, ${options.names.get(e.council_code) ?? e.council_code}` : e.inspection }));
  const first = plotted[0];
  // A council's last day is marked at the end of that day, so it sits where its successor's first day begins.
  const events: TimelineEvent[] = options.restructures.map((r) => ({ when: decimalYear(r.date) + (r.kind === "abolished" ? 1 / 365 : 0), label: r.kind === "created" ? "Council created" : "Council abolished" }));
  const restructureText = options.restructures
    .map((r) => (r.kind === "created" ? `The dashed line marks ${dayMonthYear(r.date)}, when ${options.name} replaced ${namesInWords(r.others)}.` : `The dashed line marks ${dayMonthYear(r.date)}, ${options.name}'s last day; ${namesInWords(r.others)} took over its area.`))
    .join(" ");
  return {
    key: options.key,
    title: latestHeadline && latestHeadline.overall === null
      ? `${options.name}'s latest report (${dayMonthYear(latestHeadline.published)}) gave no overall grade; ${latest ? `the latest that did (${dayMonthYear(latest.published)}) judged it ${gradeInWords(latest, latest.overall)}` : "none before it did either"}`
      : latest
      ? `${options.name} was judged ${gradeInWords(latest, latest.overall)} in its latest graded inspection (${dayMonthYear(latest.published)}), after ${n(plotted.length - 1)} earlier judgement${plotted.length === 2 ? "" : "s"} since ${first.published.slice(0, 4)}`
      : `${options.name}: inspection judgements since ${first.published.slice(0, 4)}`,
    description:
      `Timeline of ${n(plotted.length)} judgements on safeguarding or the whole service, each a point at its grade, in order of publication. ` +
      rows.map((r) => `${dayMonthYear(r.date)}: ${r.judgement} (${r.framework}).`).join(" "),
    caption:
      `Each point is a report on safeguarding or the whole service, placed at its publication date: inspections of safeguarding and looked-after children (to 2012), child protection inspections (2012–13), the single inspection framework (2013–18) and ILACS (from 2018). Separate judgements on looked-after children alone are in the table, not on the chart.` +
      (inherited ? ` Reports before the council was created are those of the councils it replaced, named in the table.` : "") +
      (ungraded.length === 0 ? "" : ` A hollow point on the lowest row is a report that gave no overall grade.`) +
      (restructureText === "" ? "" : ` ${restructureText}`) +
      ` The axis ends at ${dayMonthYear(options.span.lastDate)}, the latest report in the data.`,
    source: `Inspections before ILACS: ${options.sources.inspections} ILACS reports: ${options.sources.ilacs}`,
    rows: [...rows, ...ungraded].sort((a, b) => a.when - b.when),
    columns: [
      { field: "date", label: "Published" },
      { field: "judgement", label: "Judgement" },
      { field: "framework", label: "Inspection" },
    ],
    spec: timelineSpec(rows, [options.span.firstYear, decimalYear(options.span.lastDate)], events, ungraded, plotted.some((e) => ADEQUATE_ERA.includes(e.family))),
    dataFiles: [inspections.file, ilacsJudgements.file, councils.file],
  };
}
