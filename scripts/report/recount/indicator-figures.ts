/**
 * The figure of the closest-match search (./indicators.ts): every combination of cohort
 * reading and averaging, for each of chapter 2's ten printed values, at its distance from
 * the printed value, the closest marked. Its CSV is the whole search.
 */
import type { FigureDefinition } from "../../engine/figures/types.ts";
import { count, formatValue, plainNumber } from "../../engine/stats/format.ts";
import { cohort2013Indicators } from "../cohort/datasets.ts";
import { childrenInNeed2012To2014, demand, inspections } from "../councils/datasets.ts";
import { searchSpec, type SearchRow } from "./charts.ts";
import { targetWords } from "./indicator-stats.ts";
import { describeCombination, type IndicatorSearch, type Target } from "./indicators.ts";

const SHORT: Readonly<Record<Target["indicator"], string>> = { ia_timeliness: "IA in 10 days", cp_review_timeliness: "CP reviews", referrals_per_10k: "Referrals", cp_plans_per_10k: "CP plans" };

/** "IA in 10 days: Inadequate, 2012", the chart's row label. */
export const shortTarget = (t: Target) => `${SHORT[t.indicator]}: ${t.group === "inadequate" ? "Inadequate" : "RI or Good"}, ${t.measure === "before" ? "2012" : t.measure === "after" ? "2014" : "change"}`;

export function indicatorSearchFigure(search: IndicatorSearch, inspectionsSource: string): FigureDefinition {
  const rows: SearchRow[] = search.targets.flatMap((t) =>
    t.ranked.map((c) => ({
      value: shortTarget(t.target),
      unit: t.target.indicator === "ia_timeliness" || t.target.indicator === "cp_review_timeliness" ? "points" : "rate",
      printed: t.target.printed,
      computed: Math.round(c.value * 1e4) / 1e4,
      distance: Math.round((c.value - t.target.printed) * 1e4) / 1e4,
      reading: c.combination.reading.label,
      combination: describeCombination(c.combination),
      councils: c.councils,
      closest: c === t.closest ? "yes" : "no",
    })),
  );
  const order = search.targets.map((t) => shortTarget(t.target));
  const n = (v: number) => formatValue(v, count());
  const num = (v: number) => formatValue(v, plainNumber(2));
  const within = search.targets.filter((t) => t.distance !== undefined && Math.abs(t.distance) < 0.005).length;
  const readingsOfClosest = new Set(search.targets.flatMap((t) => (t.closest ? [t.closest.combination.reading.key] : [])));
  return {
    key: "recount-indicator-search",
    title:
      rows.length === 0
        ? "No combination of cohort reading and averaging has values to compare with the report's"
        : within === search.targets.length
        ? `One combination of cohort reading and averaging gives each of the report's ${n(search.targets.length)} values`
        : `No reading of the 2013 cohort gives the report's values: the closest combinations come from ${n(readingsOfClosest.size)} different readings`,
    description:
      `Strip plot in two panels (percentage points; per 10,000 children), one row for each of the report's ${n(search.targets.length)} chapter 2 values, a dot for each of ${n(rows.length)} combinations of cohort reading and averaging at its distance from the printed value, the closest in dark ink. ` +
      search.targets.map((t) => (t.closest && t.distance !== undefined ? `${targetWords(t.target)}: printed ${num(t.target.printed)}, closest ${num(t.closest.value)} (${describeCombination(t.closest.combination)}; ${n(t.closest.councils)} councils), ${num(t.distance)} away.` : `${targetWords(t.target)}: nothing could be computed.`)).join(" "),
    caption: "Each dot is one way of choosing the councils inspected in 2013 and averaging their figures, placed by how far its result falls from the report's value (the dashed line). The larger dark dot is the nearest. Methods lists the readings and averages.",
    source: `Department for Education, Characteristics of children in need, underlying data for the years ending March 2012, 2013 and 2014 (SFR27/2012, SFR45/2013, SFR43/2014), re-shaped into data/councils/children-in-need-2012-2014.csv; ONS revised population from data/councils/demand.csv; ${inspectionsSource} Printed values: A Brave New World (iMPOWER for the Local Government Association, 2015), chapter 2, as published.`,
    rows,
    columns: [
      { field: "value", label: "Report's value" },
      { field: "printed", label: "Printed" },
      { field: "computed", label: "Combination gives", format: plainNumber(2) },
      { field: "distance", label: "Distance", format: plainNumber(2) },
      { field: "combination", label: "Reading and averaging" },
      { field: "councils", label: "Councils", format: count() },
      { field: "closest", label: "Closest" },
      { field: "unit", label: "Unit" },
      { field: "reading", label: "Reading" },
    ],
    spec: searchSpec(rows, order),
    narrowSpec: searchSpec(rows, order, true),
    dataFiles: [childrenInNeed2012To2014.file, demand.file, inspections.file, cohort2013Indicators.file],
  };
}
