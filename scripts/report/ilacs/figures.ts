/**
 * Figures of the ILACS family ("Ten years on"). Titles and captions are written from the
 * computed results, so they stay true when the data is updated.
 */
import { gradesByYearSpec, movesSpec, regionsSpec, spellsSpec, subJudgementsSpec, type MoveRow, type RegionRow, type SpellRow, type SubRow, type YearGradeRow } from "./charts.ts";
import { DAYS_PER_YEAR } from "../shared/dates.ts";
import { rank, type IlacsAnalysis } from "./compute.ts";
import { councils, inspections } from "../councils/datasets.ts";
import { ilacsJudgements } from "./datasets.ts";
import { count, formatShare, formatValue, percent, plainNumber, dayMonthYear } from "../../engine/stats/format.ts";
import { SUB_WORDS } from "./stats.ts";

import type { FigureDefinition } from "../../engine/figures/types.ts";
import { JUDGEMENT_LABELS, JUDGEMENTS } from "../shared/grades.ts";

const n = (value: number) => formatValue(value, count());
const reports = (k: number) => `${n(k)} ${k === 1 ? "report" : "reports"}`;
const pct = (value: number) => formatValue(value, percent(0));
const num = (value: number) => formatValue(value, plainNumber(1));
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The family's figures, in reading order; `source` names the editions of Ofsted's records they are drawn from (shared/sources.ts). */
export function ilacsFigures(a: IlacsAnalysis, stuckShare2015: number, source: string): FigureDefinition[] {
  return [gradesByYearFigure(a, source), movesFigure(a, stuckShare2015, source), spellsFigure(a, source), subJudgementsFigure(a, source), regionsFigure(a, source)];
}

export function gradesByYearFigure(a: IlacsAnalysis, source: string): FigureDefinition {
  const years = a.years.filter((y) => y.graded > 0);
  // The axis names each year with its number of reports, and marks a part-year as such.
  const yearName = (y: (typeof years)[number]) => `${y.year}${y.partYear ? " (part-year)" : ""}`;
  const rows: YearGradeRow[] = years.flatMap((y) => JUDGEMENTS.map((g, order) => ({ year: yearName(y), axisLabel: `${yearName(y)}|${reports(y.graded)}`, grade: JUDGEMENT_LABELS[g], order, reports: y.counts[g], percent: y.shares[g] })));
  const full = years.filter((y) => !y.partYear);
  const goodOrBetter = (y: (typeof years)[number]) => formatShare({ part: y.counts.good + y.counts.outstanding, whole: y.graded });
  const ungraded = a.reports - a.graded;
  const [first, last] = [full[0], full[full.length - 1]];
  const part = years.filter((y) => y.partYear);
  return {
    key: "ilacs-grades-by-year",
    title:
      first && last && first !== last
        ? `Reports judging a council Good or Outstanding went from ${goodOrBetter(first)} of those published in ${first.year} to ${goodOrBetter(last)} in ${last.year}, the first and last full years`
        : `Overall grades of the ILACS reports, by year of publication`,
    description:
      `Stacked bar chart, one bar per year of publication from ${years[0].year} to ${years[years.length - 1].year}, of the share of graded ILACS reports at each overall grade. ` +
      years.map((y) => `${y.year}${y.partYear ? " (part-year)" : ""}: ${JUDGEMENTS.map((g) => `${JUDGEMENT_LABELS[g]} ${pct(y.shares[g])}`).join(", ")} (${reports(y.graded)}).`).join(" "),
    caption:
      `Shares of the reports with an overall grade, by calendar year of publication, with each year's number of reports.` +
      (part.length > 0 ? ` ${part.map((y) => y.year).join(" and ")} ${part.length === 1 ? "is a part-year" : "are part-years"}: the data run from ${dayMonthYear(a.first)} to ${dayMonthYear(a.asOf)}.` : "") +
      (ungraded > 0 ? ` The ${n(ungraded)} ${ungraded === 1 ? "report" : "reports"} published after the April 2026 reform carry no overall grade and are left out.` : ""),
    source,
    rows,
    columns: [
      { field: "year", label: "Year published" },
      { field: "grade", label: "Overall grade" },
      { field: "order", label: "Grade order" },
      { field: "reports", label: "Reports", format: count() },
      { field: "percent", label: "Share of graded reports", format: percent(0) },
    ],
    pivot: { row: "year", column: "grade", value: "percent" },
    spec: gradesByYearSpec(rows),
    dataFiles: [ilacsJudgements.file],
  };
}

export function movesFigure(a: IlacsAnalysis, stuckShare2015: number, source: string): FigureDefinition {
  const m = a.moves;
  const rows: MoveRow[] = JUDGEMENTS.flatMap((from) =>
    JUDGEMENTS.map((to) => ({
      from: JUDGEMENT_LABELS[from],
      to: JUDGEMENT_LABELS[to],
      pairs: m.matrix[from][to],
      direction: rank(to) > rank(from) ? "Better" : rank(to) < rank(from) ? "Worse" : "Same",
    })),
  );
  const f = a.firstLatest;
  const share = (k: number) => pct(m.pairs > 0 ? (100 * k) / m.pairs : 0);
  return {
    key: "ilacs-moves",
    title: `Of ${n(m.pairs)} moves from one ILACS report to the next, ${share(m.improved)} were to a better grade, ${share(m.stayed)} kept the grade and ${share(m.declined)} went to a worse one`,
    description:
      `Grid of ${n(m.pairs)} pairs of a council's consecutive graded ILACS reports, earlier grade down the side, next grade across the top, each cell giving the number of pairs. ` +
      rows.filter((r) => r.pairs > 0).map((r) => `${r.from} to ${r.to}: ${n(r.pairs)}.`).join(" "),
    caption:
      `A pair is two consecutive graded reports on the same council; a council inspected three times gives two pairs. Reports without a grade are skipped. ` +
      `Taking each council's first and latest graded report instead, ${n(f.stuck)} of ${n(f.councils)} councils (${pct(f.stuckShare)}) were Inadequate both times or requires improvement both times, against the 2015 report's ${pct(stuckShare2015)} for 2010–2015.`,
    source,
    rows,
    columns: [
      { field: "from", label: "Earlier report" },
      { field: "to", label: "Next report" },
      { field: "pairs", label: "Pairs", format: count() },
      { field: "direction", label: "Direction" },
    ],
    pivot: { row: "from", column: "to", value: "pairs" },
    spec: movesSpec(rows),
    dataFiles: [ilacsJudgements.file],
  };
}

export function spellsFigure(a: IlacsAnalysis, source: string): FigureDefinition {
  const s = a.spells;
  const { steps, median } = s.survival;
  const years = (days: number) => days / DAYS_PER_YEAR;
  const rows: SpellRow[] = [
    { years: 0, still: 100, atRisk: s.spells.length, ended: 0, censored: 0 },
    ...steps.map((step) => ({ years: years(step.days), still: 100 * step.survival, atRisk: step.atRisk, ended: step.events, censored: step.censored })),
  ];
  // The estimate at whole years, with the spells still at risk: the table printed under a survival curve.
  const atYear = (y: number) => {
    const before = steps.filter((step) => years(step.days) <= y);
    const survival = before.length > 0 ? before[before.length - 1].survival : 1;
    return { y, still: 100 * survival, atRisk: s.spells.filter((spell) => years(spell.days) >= y).length };
  };
  const whole = Array.from({ length: Math.floor(Math.max(0, ...rows.map((r) => r.years))) }, (_, i) => atYear(i + 1)).filter((p) => p.atRisk > 0);
  const since = a.spellsSince.slice(0, 4);
  return {
    key: "ilacs-inadequate-spells",
    title: median
      ? `Half the spells Inadequate that began since ${since} lasted ${num(years(median.days))} years or more; ${n(s.running)} ${s.running === 1 ? "is" : "are"} still running`
      : `Fewer than half the spells Inadequate that began since ${since} have yet ended; ${n(s.running)} ${s.running === 1 ? "is" : "are"} still running`,
    description:
      `Step chart of the estimated share of ${n(s.spells.length)} spells Inadequate still running, by years since the council was judged Inadequate: ${n(s.ended)} spells ended with a better grade and ${n(s.running)} were still running at ${dayMonthYear(a.asOf)}. ` +
      (median ? `The estimate falls to half at ${num(years(median.days))} years, with ${n(median.atRisk)} spells still at risk then. ` : "") +
      whole.map((p) => `After ${p.y} ${p.y === 1 ? "year" : "years"}: ${pct(p.still)} still Inadequate, ${n(p.atRisk)} at risk.`).join(" "),
    caption:
      `The share of spells still Inadequate, by years since the judgement. A spell runs from an Inadequate report to the council's next report with a better grade (SIF and ILACS, since ${dayMonthYear(a.spellsSince)}). ` +
      `Spells still running at ${dayMonthYear(a.asOf)} count for as long as they have lasted (ticks), not as ended.`,
    source: `${source} SIF reports: Ofsted's inspection records in data/councils/inspections.csv.`,
    rows,
    columns: [
      { field: "years", label: "Years since judged Inadequate", format: plainNumber(2) },
      { field: "still", label: "Estimated share still Inadequate", format: percent(0) },
      { field: "atRisk", label: "Spells at risk", format: count() },
      { field: "ended", label: "Ended then", format: count() },
      { field: "censored", label: "Still running, observed to then", format: count() },
    ],
    spec: spellsSpec(rows, median ? { years: years(median.days), label: `Median ${num(years(median.days))} years|${n(median.atRisk)} spells at risk` } : undefined),
    dataFiles: [ilacsJudgements.file, inspections.file],
  };
}

export function subJudgementsFigure(a: IlacsAnalysis, source: string): FigureDefinition {
  const short: Readonly<Record<string, string>> = { leadership: "Leadership", help_protection: "Help and protection", in_care: "Children in care", care_leavers: "Care leavers" };
  const rows: SubRow[] = a.subs
    .filter((s) => s.reports > 0)
    .flatMap((s) =>
      (
        [
          ["Worse than overall", s.worse],
          ["Same as overall", s.same],
          ["Better than overall", s.better],
        ] as const
      ).map(([comparison, reports], order) => ({ sub: short[s.sub], comparison, order, reports, percent: (100 * reports) / s.reports })),
    );
  const subs = a.subs.filter((s) => s.reports > 0);
  const closest = [...subs].sort((x, y) => y.sameShare - x.sameShare)[0];
  const furthest = [...subs].sort((x, y) => x.sameShare - y.sameShare)[0];
  return {
    key: "ilacs-sub-judgements",
    title: `The overall grade follows ${SUB_WORDS[closest.sub]} most closely (the same grade in ${pct(closest.sameShare)} of reports) and ${SUB_WORDS[furthest.sub]} least (${pct(furthest.sameShare)})`,
    description:
      `Stacked bar chart, one bar per sub-judgement, of the share of graded ILACS reports where it was graded worse than, the same as, or better than the overall grade. ` +
      subs.map((s) => `${short[s.sub]}: worse ${pct((100 * s.worse) / s.reports)}, same ${pct(s.sameShare)}, better ${pct((100 * s.better) / s.reports)} of ${reports(s.reports)}.`).join(" "),
    caption:
      `Each bar counts the graded reports that give that sub-judgement. ` +
      subs.filter((s) => s.first !== undefined && s.first > a.first).map((s) => `${capitalise(SUB_WORDS[s.sub])} ${s.sub === "care_leavers" ? "were" : "was"} first judged separately in a report published on ${dayMonthYear(s.first as string)}, so that bar has fewer reports. `).join("") +
      `Better or worse means at least one step on the four-point scale.`,
    source,
    rows,
    columns: [
      { field: "sub", label: "Sub-judgement" },
      { field: "comparison", label: "Compared with the overall grade" },
      { field: "order", label: "Order" },
      { field: "reports", label: "Reports", format: count() },
      { field: "percent", label: "Share of reports", format: percent(0) },
    ],
    pivot: { row: "sub", column: "comparison", value: "percent" },
    spec: subJudgementsSpec(rows),
    dataFiles: [ilacsJudgements.file],
  };
}

export function regionsFigure(a: IlacsAnalysis, source: string): FigureDefinition {
  const { regions, england } = a.regional;
  const ordered = [...regions].sort((x, y) => y.goodOrBetterShare - x.goodOrBetterShare || x.region.localeCompare(y.region, "en"));
  const rows: RegionRow[] = ordered.map((r) => ({ region: r.region, axisLabel: `${r.region} (${n(r.councils)} ${r.councils === 1 ? "council" : "councils"})`, councils: r.councils, goodOrBetter: r.goodOrBetterShare, england: england.goodOrBetterShare }));
  const [top, bottom] = [ordered[0], ordered[ordered.length - 1]];
  const share = (r: (typeof ordered)[number]) => formatShare({ part: r.counts.good + r.counts.outstanding, whole: r.councils });
  return {
    key: "ilacs-regions",
    title: `${capitalise(top.region)} has the largest share of councils at Good or better at their latest ILACS report (${share(top)}), ${bottom.region} the smallest (${share(bottom)}); England ${share(england)}`,
    description:
      `Bar chart of the share of councils in each region whose latest graded ILACS report judged them Good or Outstanding, with England's share (${pct(england.goodOrBetterShare)}) as a dashed line. ` +
      ordered.map((r) => `${r.region}: ${pct(r.goodOrBetterShare)} of ${n(r.councils)}.`).join(" "),
    caption: `Each current council counts once, at its latest graded report, whenever that was. Regions are the Department for Education's; some have few councils, so one council moves the share by several points.`,
    source: `${source} Regions: data/councils/councils.csv.`,
    rows,
    columns: [
      { field: "region", label: "Region" },
      { field: "councils", label: "Councils", format: count() },
      { field: "goodOrBetter", label: "Good or Outstanding at latest report", format: percent(0) },
      { field: "england", label: "England", format: percent(0) },
    ],
    spec: regionsSpec(rows),
    dataFiles: [ilacsJudgements.file, councils.file],
  };
}
