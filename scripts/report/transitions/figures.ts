/**
 * Figures of the repeat-inspection family (chapter 1, section 3). Titles and captions are
 * written from the computed results.
 */
import type { DenominatorReconstruction, TransitionAnalysis } from "./compute.ts";
import { denominatorsSpec, movementsSpec } from "./charts.ts";
import { repeatInspectionTransitions } from "./datasets.ts";
import { count, formatValue, percent } from "../../engine/stats/format.ts";
import type { FigureDefinition } from "../../engine/figures/types.ts";

const n = (value: number) => formatValue(value, count());
const pct = (value: number, decimals = 0) => formatValue(value, percent(decimals));

const SOURCE =
  "A Brave New World (iMPOWER for the Local Government Association, 2015), chapter 1, section 3, and the executive summary, drawing on Ofsted data and published reports. Counts as published; the remainder and the percentage are our arithmetic.";

export function movementsFigure({ summary: s, statedStayedLowShare: statedShare }: TransitionAnalysis): FigureDefinition {
  const rows = [
    { movement: "Stayed Inadequate", councils: s.stayedInadequate, end: "inadequate" as const },
    { movement: "Stayed requires improvement", councils: s.stayedRi, end: "ri_or_adequate" as const },
    { movement: "Became Inadequate", councils: s.becameInadequate, end: "inadequate" as const },
    { movement: "Moved towards Good", councils: s.towardsGood, end: "good" as const },
    { movement: "Not described by the report", councils: s.undescribed, end: "undescribed" as const },
  ];
  return {
    key: "transitions-repeat-inspections",
    title: `Of ${n(s.councils)} councils inspected twice or more since 2010, ${n(s.becameInadequate)} became Inadequate, ${n(s.towardsGood)} moved towards Good and ${n(s.stayedLow)} stayed Inadequate or requires improvement; the report does not place the other ${n(s.undescribed)}`,
    description:
      `Horizontal bar chart of ${n(s.councils)} councils inspected at least twice since 2010, by how their judgement moved. ` +
      rows.map((r) => `${r.movement}: ${n(r.councils)}.`).join(" "),
    caption:
      `The four published movements cover ${n(s.described)} of the ${n(s.councils)} councils; the report does not say where the remaining ${n(s.undescribed)} went, and nothing published lets us tell. ` +
      `The report's ${pct(statedShare)} is the ${n(s.stayedLow)} councils that stayed Inadequate or requires improvement out of ${n(s.councils)}: ${pct(s.stayedLowShare, 1)}.`,
    source: SOURCE,
    rows,
    columns: [
      { field: "movement", label: "Movement between first and latest inspection" },
      { field: "councils", label: "Councils", format: count() },
      { field: "end", label: "Grade at the end (colour)" },
    ],
    spec: movementsSpec(rows),
    dataFiles: [repeatInspectionTransitions.file],
  };
}

export function denominatorsFigure({ stayedInadequate, stayedRi }: TransitionAnalysis): FigureDefinition {
  const groups = [
    { label: "Inadequate at first inspection", r: stayedInadequate },
    { label: "RI or adequate at first inspection", r: stayedRi },
  ];
  const rows = groups.flatMap(({ label, r }) => [
    { group: label, outcome: "Kept the rating (published count)", councils: r.numerator, order: 0 },
    { group: label, outcome: "Rating changed (implied by the printed share)", councils: r.nearest - r.numerator, order: 1 },
  ]);
  const fits = (r: DenominatorReconstruction) => `${n(r.numerator)} of ${n(r.nearest)}`;
  const only = (r: DenominatorReconstruction) => (r.denominators.length === 1 ? `only ${n(r.nearest)} fits` : `${r.denominators.map(n).join(", ")} fit; ${n(r.nearest)} is nearest`);
  return {
    key: "transitions-implied-group-sizes",
    title: `The printed ${pct(stayedInadequate.stated)} and ${pct(stayedRi.stated)} fit ${fits(stayedInadequate)} and ${fits(stayedRi)} councils keeping their rating; the report gives neither group size`,
    description:
      `Stacked bar chart of our reconstruction of two group sizes the report does not print. ` +
      groups.map(({ label, r }) => `${label}: ${n(r.numerator)} kept the rating out of an implied ${n(r.nearest)} (${pct(r.nearestShare, 1)}).`).join(" "),
    caption:
      // How the group sizes were searched for, and what they add up to, is in Methods ("The group sizes behind two shares").
      `Our reconstruction, not published figures. Each bar is a published count of councils that kept their rating, on the whole group size that turns it into the printed share when rounded: for ${pct(stayedInadequate.stated)}, ${only(stayedInadequate)}; for ${pct(stayedRi.stated)}, ${only(stayedRi)}.`,
    source: `Our calculation from the counts and percentages published in chapter 1, section 3, and the executive summary of A Brave New World (2015).`,
    rows,
    columns: [
      { field: "group", label: "Judgement at first inspection" },
      { field: "outcome", label: "At re-inspection" },
      { field: "councils", label: "Councils", format: count() },
      { field: "order", label: "Stacking order" },
    ],
    spec: denominatorsSpec(rows),
    dataFiles: [repeatInspectionTransitions.file],
  };
}
