/**
 * Figures of the outcomes family. Titles, captions and descriptions are written from
 * the computed results, so they stay true when the data changes.
 */
import { inspectionOutcomesByYear } from "./datasets.ts";
import { averageYearlyVariation, yearOnYearChanges, yearWindow, type YearOutcomes } from "./compute.ts";
import { END_LABELS_NARROW, gradeStackSpec, gradeTrendSpec, yearlySwingSpec, type GradeTrendRow } from "./charts.ts";
import { narrowSpec } from "../../engine/charts/narrow.ts";

import { formatValue, percent, points } from "../../engine/stats/format.ts";
import type { VariationWindow } from "./stats.ts";
import type { FigureDefinition } from "../../engine/figures/types.ts";
import { GRADES, GRADE_LABELS } from "../shared/grades.ts";

const pct = (value: number) => formatValue(value, percent(0));
const moved = (from: number, to: number) => (to < from ? "fell" : to > from ? "rose" : "stayed");

const PUBLISHED_SOURCE =
  "A Brave New World (iMPOWER for the Local Government Association, 2015), grade table in chapter 1; the report drew on Ofsted annual reports before 2010 and Ofsted's inspection records after. Figures as published.";

/** One plotted row per year and grade, grades labelled for readers. */
const gradeRows = (years: readonly YearOutcomes[]): GradeTrendRow[] =>
  years.flatMap(({ year, shares }) => GRADES.map((grade) => ({ year, grade: GRADE_LABELS[grade], percent: shares[grade] })));

export function gradeTrendFigure(years: readonly YearOutcomes[]): FigureDefinition {
  const first = years[0];
  const last = years[years.length - 1];
  const rows = gradeRows(years);
  const inconsistent = years.filter((y) => Math.abs(y.total - 100) > 2);
  const perGrade = GRADES.map((grade) => {
    const peak = years.reduce((best, y) => (y.shares[grade] > best.shares[grade] ? y : best), first);
    return `${GRADE_LABELS[grade]}: ${pct(first.shares[grade])} in ${first.year}, ${pct(last.shares[grade])} in ${last.year}, highest ${pct(peak.shares[grade])} in ${peak.year}.`;
  });
  return {
    key: "outcomes-by-year",
    title: `Good judgements ${moved(first.shares.good, last.shares.good)} from ${pct(first.shares.good)} to ${pct(last.shares.good)} between ${first.year} and ${last.year}, while Inadequate ${moved(first.shares.inadequate, last.shares.inadequate)} from ${pct(first.shares.inadequate)} to ${pct(last.shares.inadequate)}`,
    description: `Line chart of the share of councils given each overall grade in each year from ${first.year} to ${last.year}. ${perGrade.join(" ")}`,
    caption:
      // What can and cannot be checked against council records is said in Methods ("What the data cannot show", "How the 2015 report counted").
      `Share of the councils inspected in each year that received each overall grade, as the report published it. Before 2013 the second grade was called adequate; since then, requires improvement.` +
      inconsistent.map((y) => ` As published, the shares for ${y.year} add up to ${pct(y.total)}; they are shown unchanged.`).join(""),
    source: PUBLISHED_SOURCE,
    rows,
    columns: [
      { field: "year", label: "Year" },
      { field: "grade", label: "Grade" },
      { field: "percent", label: "Share of councils", format: percent(0) },
    ],
    pivot: { row: "year", column: "grade", value: "percent" },
    spec: gradeTrendSpec(rows),
    narrowSpec: narrowSpec(gradeTrendSpec(rows, END_LABELS_NARROW)),
    dataFiles: [inspectionOutcomesByYear.file],
  };
}

/** The same shares as stacked bars: the mix of grades in each year at a glance. */
export function gradeStackFigure(years: readonly YearOutcomes[]): FigureDefinition {
  const trend = gradeTrendFigure(years);
  const first = years[0];
  const last = years[years.length - 1];
  const lowFirst = first.shares.inadequate + first.shares.ri_or_adequate;
  const lowLast = last.shares.inadequate + last.shares.ri_or_adequate;
  const overshoot = years.filter((y) => Math.abs(y.total - 100) > 2);
  return {
    ...trend,
    key: "outcomes-stacked",
    title: `The two lower grades went from ${pct(lowFirst)} of judgements in ${first.year} to ${pct(lowLast)} in ${last.year}`,
    description:
      `Stacked bar chart of the mix of overall grades in each year from ${first.year} to ${last.year}, Inadequate at the bottom, then requires improvement or adequate, good and outstanding. ` +
      years.map((y) => `${y.year}: ${GRADES.map((g) => `${GRADE_LABELS[g]} ${pct(y.shares[g])}`).join(", ")}.`).join(" "),
    caption:
      "Each bar is one year's mix of grades, as published. The dashed line marks 100%." +
      overshoot.map((y) => ` The bar for ${y.year} reaches ${pct(y.total)} because the published shares for that year add up to more than 100%.`).join(""),
    spec: gradeStackSpec(gradeRows(years)),
  };
}

export function yearlySwingFigure(years: readonly YearOutcomes[], windows: readonly [VariationWindow, VariationWindow]): FigureDefinition {
  const cycles = windows.map((w) => {
    const run = yearWindow(years, w.first, w.last);
    return { label: `${w.first} to ${w.last}`, run, variation: averageYearlyVariation(run) };
  });
  const rows = cycles.flatMap(({ label, run }) =>
    yearOnYearChanges(run).map((c) => ({ cycle: label, change: `${c.from} to ${c.to}`, grade: GRADE_LABELS[c.grade], points: Math.abs(c.change) })),
  );
  const [early, late] = cycles;
  const pts = (value: number) => formatValue(value, points(1));
  return {
    key: "outcomes-yearly-swing",
    title: `Year-on-year swings in the grade shares averaged ${pts(early.variation)} in ${early.label}, against ${pts(late.variation)} in ${late.label}`,
    description:
      `Bar charts in two panels, one per three-year cycle, showing for each pair of consecutive years how far the share of each grade moved, in either direction. ` +
      cycles.map((c) => `${c.label}: average movement ${pts(c.variation)}, largest ${pts(Math.max(...rows.filter((r) => r.cycle === c.label).map((r) => r.points)))}.`).join(" "),
    caption:
      "Each bar is the size of the change in one grade's share from one year to the next, whether up or down. The dashed line in each panel is the average of its bars: the average yearly variation by grade that the report compares between the two cycles.",
    source: `Our calculation from the published grade table. ${PUBLISHED_SOURCE}`,
    rows,
    columns: [
      { field: "cycle", label: "Cycle" },
      { field: "change", label: "Years compared" },
      { field: "grade", label: "Grade" },
      { field: "points", label: "Change in share (points, either direction)", format: points(0) },
    ],
    spec: yearlySwingSpec(rows),
    dataFiles: [inspectionOutcomesByYear.file],
  };
}
