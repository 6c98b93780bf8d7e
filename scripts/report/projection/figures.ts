/**
 * The projection figure (executive summary): councils Inadequate by April 2017 under our
 * stated methods, next to the report's 38, whose method the report does not give.
 */
import { impliedShare, type ProjectionAnalysis } from "./compute.ts";
import { projectionSpec, type ProjectionKind } from "./charts.ts";
import { inspectionOutcomesByYear } from "../outcomes/datasets.ts";
import { projectionInputs } from "./datasets.ts";
import { count, formatValue, percent, plainNumber } from "../../engine/stats/format.ts";
import type { FigureDefinition } from "../../engine/figures/types.ts";

export function projectionFigure({ projection: p, report }: ProjectionAnalysis): FigureDefinition {
  const n = (v: number) => formatValue(v, count());
  const pct = (v: number) => formatValue(v, percent(0));
  const first = p.window[0].year;
  const last = p.window[p.window.length - 1].year;
  const rows: { method: string; kind: ProjectionKind; councils: number }[] = [
    { method: "The report (method not given)", kind: "report", councils: report.inadequate },
    { method: `Our method: mean ${first}–${last} rate (${pct(p.meanShare)})`, kind: "ours", councils: p.constantRate },
    ...p.byYear.map((y) => ({ method: `Check: ${y.year} rate only (${pct(y.share)})`, kind: "check" as const, councils: y.councils })),
    { method: `Check: ${first}–${last} trend to ${p.horizonSpan} (${pct(p.trendShare)})`, kind: "check", councils: p.trendCouncils },
  ];
  const methodText =
    `Our method assumes every one of the ${n(p.councils)} councils has been inspected on the current timetable by April ${report.horizonYear} and is judged Inadequate at the average rate of ${first} to ${last} in the grade table: ${n(p.councils)} × ${pct(p.meanShare)} = ${formatValue(p.constantRate, plainNumber(2))}. ` +
    `The checks use each year's rate alone, and a straight line fitted to the ${p.window.length} yearly rates and extended to ${p.horizonSpan}. ` +
    `All of them ignore councils that leave Inadequate on re-inspection. The report does not say how it reached ${n(report.inadequate)}, which is ${pct(impliedShare(report.inadequate, p.councils))} of ${n(p.councils)}.`;
  return {
    key: "projection-inadequate-2017",
    title: `Carrying the ${first}–${last} Inadequate rate of ${pct(p.meanShare)} forward to all ${n(p.councils)} councils gives about ${n(p.constantRate)} judged Inadequate by April ${report.horizonYear}, against the report's ${n(report.inadequate)}, whose method is not given`,
    description:
      `Horizontal bar chart of the number of councils judged Inadequate by April ${report.horizonYear} under different assumptions. ` +
      rows.map((r) => `${r.method}: ${formatValue(r.councils, plainNumber(Number.isInteger(r.councils) ? 0 : 1))}.`).join(" "),
    caption: methodText,
    source: `Our calculation from the grade table of A Brave New World (iMPOWER for the Local Government Association, 2015), chapter 1, with ${n(p.councils)} councils (the local authorities in England responsible for children's services in 2015; not a figure from the report). The report's ${n(report.inadequate)} is from its executive summary, as published.`,
    rows,
    columns: [
      { field: "method", label: "Method" },
      { field: "kind", label: "Kind" },
      { field: "councils", label: "Councils Inadequate (unrounded)", format: plainNumber(1) },
    ],
    spec: projectionSpec(rows, `Councils judged Inadequate by April ${report.horizonYear}`),
    dataFiles: [inspectionOutcomesByYear.file, projectionInputs.file],
  };
}
