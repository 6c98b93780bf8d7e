/**
 * A council's inspection timeline: every headline judgement (safeguarding or the whole
 * service) from 2009 to the latest report, at its grade. The title states where the
 * council stands now, written from its history.
 */

import { latestGraded, type HistoryEntry } from "./history.ts";
import { daysBetween } from "../shared/dates.ts";
import { councils, inspections } from "./datasets.ts";
import { ilacsJudgements } from "../ilacs/datasets.ts";
import type { OfstedSources } from "../shared/sources.ts";
import { count, formatValue, dayMonthYear } from "../../engine/stats/format.ts";

import type { FigureDefinition } from "../../engine/figures/types.ts";
import { JUDGEMENT_LABELS, JUDGEMENT_WORDS } from "../shared/grades.ts";
import { timelineSpec, type TimelineRow } from "./charts.ts";

const n = (value: number) => formatValue(value, count());

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
  /** The first and last year on the axis (the axis ends at the start of the last). */
  readonly years: readonly [number, number];
  /** The source lines of Ofsted's records, naming their editions. */
  readonly sources: OfstedSources;
}

export function councilTimelineFigure(history: readonly HistoryEntry[], options: TimelineOptions): FigureDefinition | undefined {
  const plotted = history.filter((e): e is HistoryEntry & { overall: NonNullable<HistoryEntry["overall"]> } => e.headline && e.overall !== null);
  if (plotted.length === 0) return undefined;
  const latest = latestGraded(history);
  const inherited = plotted.some((e) => options.names.get(e.council_code) !== options.name);
  const rows: TimelineRow[] = plotted.map((e) => ({
    date: e.published,
    when: decimalYear(e.published),
    grade: JUDGEMENT_LABELS[e.overall],
    framework: inherited ? `${e.inspection}, ${options.names.get(e.council_code) ?? e.council_code}` : e.inspection,
  }));
  const first = plotted[0];
  return {
    key: options.key,
    title: latest
      ? `${options.name} was judged ${JUDGEMENT_WORDS[latest.overall]} in its latest graded inspection (${dayMonthYear(latest.published)}), after ${n(plotted.length - 1)} earlier judgement${plotted.length === 2 ? "" : "s"} since ${first.published.slice(0, 4)}`
      : `${options.name}: inspection judgements since ${first.published.slice(0, 4)}`,
    description:
      `Timeline of ${n(plotted.length)} judgements on safeguarding or the whole service, each a point at its grade, in order of publication. ` +
      rows.map((r) => `${dayMonthYear(r.date)}: ${r.grade} (${r.framework}).`).join(" "),
    caption:
      `Each point is a report on safeguarding or the whole service, placed at its publication date: inspections of safeguarding and looked-after children (to 2012), child protection inspections (2012–13), the single inspection framework (2013–18) and ILACS (from 2018). Separate judgements on looked-after children alone are in the table, not on the chart.` +
      (inherited ? ` Reports before the council was created are those of the councils it replaced, named in the table.` : ""),
    source: `Inspections before ILACS: ${options.sources.inspections} ILACS reports: ${options.sources.ilacs}`,
    rows,
    columns: [
      { field: "date", label: "Published" },
      { field: "grade", label: "Judgement" },
      { field: "framework", label: "Inspection" },
      { field: "when", label: "Year (decimal)", format: { kind: "number", decimals: 2 } },
    ],
    spec: timelineSpec(rows, options.years),
    dataFiles: [inspections.file, ilacsJudgements.file, councils.file],
  };
}
