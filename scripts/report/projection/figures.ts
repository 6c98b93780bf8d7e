/**
 * The projection figure (executive summary): councils Inadequate by April 2017 under our
 * stated methods, next to the report's 38, whose method the report does not give.
 */
import type { ProjectionAnalysis } from "./compute.ts";
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
  // The assumptions and the arithmetic are set out in Methods ("The projection to April 2017").
  const methodText =
    `Councils judged Inadequate by April ${report.horizonYear} if all ${n(p.councils)} are inspected by then at the rate of ${first} to ${last} (ours), at each year's rate alone, or on the straight-line trend (checks). None allows for councils leaving Inadequate on re-inspection. The report does not say how it reached ${n(report.inadequate)}.`;
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
