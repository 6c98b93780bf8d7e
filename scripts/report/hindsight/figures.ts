/**
 * The hindsight family's figure: the long run of overall grades with the framework changes
 * marked. Title, labels and caption are written from the computed results.
 */
import { count, formatValue, percent, SMALL_BASE } from "../../engine/stats/format.ts";
import type { FigureDefinition } from "../../engine/figures/types.ts";
import { GRADES, GRADE_LABELS } from "../shared/grades.ts";
import { inspections } from "../councils/datasets.ts";
import { ilacsJudgements } from "../ilacs/datasets.ts";
import { inspectionOutcomesByYear } from "../outcomes/datasets.ts";
import { longRunSpec, type LongRunRow } from "./charts.ts";
import { reportsIn, type HindsightAnalysis, type LongRunYear } from "./analysis.ts";

const pct = (value: number) => formatValue(value, percent(0));
const n = (value: number) => formatValue(value, count());
const reports = (k: number) => `${n(k)} ${k === 1 ? "report" : "reports"}`;
const goodOrBetter = (y: LongRunYear) => y.shares.good + y.shares.outstanding;

/** `sources`: the 2015 report's table, and the council records after it. */
export function longRunFigure(a: HindsightAnalysis, sources: { readonly published: string; readonly records: string }): FigureDefinition {
  const firstRecords = a.longRun.find((y) => y.source === "records");
  const labelLines = (y: LongRunYear) => {
    const lines = [`${y.year}${y.partYear ? " (part-year)" : ""}`];
    for (const f of a.frameworkStarts.filter((s) => s.year === y.year)) lines.push(f.marker);
    if (y === firstRecords) lines.push("council records");
    const counted = reportsIn(y);
    if (counted !== null) lines.push(reports(counted));
    if (y.source === "published" && Math.abs(y.total - 100) > 2) lines.push(`${pct(y.total)} as published`);
    return lines.join("|");
  };
  const rows: LongRunRow[] = a.longRun.flatMap((y) =>
    GRADES.map((g, order) => ({ year: y.year, axisLabel: labelLines(y), source: y.source === "published" ? "2015 report, as published" : "Council records", grade: GRADE_LABELS[g], order, percent: y.shares[g] })),
  );
  const full = a.longRun.filter((y) => !y.partYear);
  const [first, last] = [a.longRun[0], full[full.length - 1]];
  // The low point among whole years a headline can rest on: the published table's, or a records year of SMALL_BASE reports or more.
  const solid = full.filter((y) => (reportsIn(y) ?? SMALL_BASE) >= SMALL_BASE);
  const low = solid.reduce((best, y) => (goodOrBetter(y) < goodOrBetter(best) ? y : best), solid[0]);
  return {
    key: "hindsight-long-run",
    title:
      low !== first && low !== last
        ? `Councils judged Good or Outstanding fell from ${pct(goodOrBetter(first))} of those inspected in ${first.year} to ${pct(goodOrBetter(low))} in ${low.year}, then rose to ${pct(goodOrBetter(last))} in ${last.year}`
        : `Councils judged Good or Outstanding: ${pct(goodOrBetter(first))} of those inspected in ${first.year}, ${pct(goodOrBetter(last))} in ${last.year}`,
    description:
      `Stacked bar chart, one bar per year from ${first.year} to ${a.longRun[a.longRun.length - 1].year}, of the share of councils inspected that year given each overall grade; ` +
      `to ${a.longRun.filter((y) => y.source === "published").at(-1)?.year} as the 2015 report published it, after that counted from the council records. ` +
      a.frameworkStarts.map((f) => `${f.year}: ${f.marker}.`).join(" ") +
      " " +
      a.longRun.map((y) => `${y.year}${y.partYear ? " (part-year)" : ""}: ${GRADES.map((g) => `${GRADE_LABELS[g]} ${pct(y.shares[g])}`).join(", ")}${reportsIn(y) !== null ? ` (${reports(reportsIn(y) as number)})` : ""}.`).join(" "),
    caption:
      `Share of councils inspected each year given each overall grade, by financial year; before 2013 the second grade was adequate, then requires improvement. ` +
      `Years to ${a.longRun.filter((y) => y.source === "published").at(-1)?.year} are the 2015 report's table; later years are counted from the council records. ` +
      `SLAC, SIF and ILACS are Ofsted's successive inspection frameworks.`,
    source: `${sources.published} ${sources.records}`,
    rows,
    columns: [
      { field: "year", label: "Year" },
      { field: "source", label: "Source" },
      { field: "grade", label: "Overall grade" },
      { field: "order", label: "Grade order" },
      { field: "percent", label: "Share of councils inspected", format: percent(0) },
    ],
    pivot: { row: "year", column: "grade", value: "percent" },
    spec: longRunSpec(rows),
    dataFiles: [inspectionOutcomesByYear.file, inspections.file, ilacsJudgements.file],
  };
}
