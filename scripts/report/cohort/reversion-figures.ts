/**
 * The mean-reversion figure (chapter 2): a made-up illustration of what reversion to the
 * mean looks like, beside what the report found for its 2013 cohort. The left panel is
 * NOT data, and its title, description and caption all say so.
 */
import { comparisonOf, type CohortAnalysis } from "./compute.ts";
import type { Reversion } from "./reversion.ts";
import { slopesSpec, type SlopeRole } from "./reversion-charts.ts";
import { cohort2013Design, cohort2013Indicators } from "./datasets.ts";
import { meanReversionIllustration } from "./reversion-dataset.ts";
import { formatValue, percent, plainNumber, points } from "../../engine/stats/format.ts";
import type { FigureDefinition } from "../../engine/figures/types.ts";

const ILLUSTRATION = "Illustration: made-up numbers";
const REPORT = "The report's 2013 cohort, as published";

const ROLES: readonly { label: string; role: SlopeRole }[] = [
  { label: "Made-up example council", role: "example" },
  { label: "Mean of the made-up examples", role: "mean" },
  { label: "Rated Inadequate (report)", role: "inadequate" },
  { label: "Rated RI or Good (report)", role: "rest" },
];
const label = (role: SlopeRole) => ROLES.find((r) => r.role === role)?.label ?? role;

export function meanReversionFigure(r: Reversion, { design, comparisons }: CohortAnalysis): FigureDefinition {
  const ia = comparisonOf(comparisons, "ia_timeliness");
  const periods = { first: "Extreme year", second: "Next year" };
  const slope = (panel: string, series: string, role: SlopeRole, first: string, second: string, before: number, after: number) => [
    { panel, series, role: label(role), period: first, step: 0, value: before },
    { panel, series, role: label(role), period: second, step: 1, value: after },
  ];
  const rows = [
    ...r.examples.flatMap((e) => slope(ILLUSTRATION, e.example, "example", periods.first, periods.second, e.before, e.after)),
    ...slope(ILLUSTRATION, "Mean", "mean", periods.first, periods.second, r.mean, r.mean),
    ...slope(REPORT, "Rated Inadequate", "inadequate", String(design.beforeYear), String(design.afterYear), ia.groups.inadequate.before ?? 0, ia.groups.inadequate.after ?? 0),
    ...slope(REPORT, "Rated RI or Good", "rest", String(design.beforeYear), String(design.afterYear), ia.groups.ri_or_good.before ?? 0, ia.groups.ri_or_good.after ?? 0),
  ];
  const num = (v: number) => formatValue(v, plainNumber(Number.isInteger(v) ? 0 : 1));
  const pts = (v: number) => formatValue(v, points(2));
  const two = (v: number) => formatValue(v, plainNumber(2));
  const share = formatValue(r.fraction * 100, percent(0));
  const gapBefore = ia.gapBefore ?? 0;
  const gapAfter = ia.gapAfter ?? 0;
  return {
    key: "mean-reversion-illustration",
    title: `Reversion to the mean would narrow gaps (here, made-up scores ${num(r.spreadBefore)} points apart end up ${num(r.spreadAfter)} apart), but in the report's cohort the timeliness gap between Inadequate councils and the rest widened from ${two(gapBefore)} to ${two(gapAfter)} percentage points`,
    description:
      `Two panels of slope lines. Left, an illustration with made-up numbers, not data: ${r.examples.length} example councils whose scores in an extreme year move ${share} of the way back to their mean of ${num(r.mean)} the next year; ` +
      r.examples.map((e) => `${e.example} ${num(e.before)} to ${num(e.after)}`).join(", ") +
      `. Right, the report's published averages of initial assessments on time for councils inspected in ${design.inspectionYear}: rated Inadequate ${formatValue(ia.groups.inadequate.before ?? 0, percent(2))} in ${design.beforeYear} to ${formatValue(ia.groups.inadequate.after ?? 0, percent(2))} in ${design.afterYear}; rated RI or Good ${formatValue(ia.groups.ri_or_good.before ?? 0, percent(2))} to ${formatValue(ia.groups.ri_or_good.after ?? 0, percent(2))}.`,
    caption:
      `Left, made-up scores, not data: each moves ${share} of the way back to the examples' mean, so their spread shrinks from ${num(r.spreadBefore)} to ${num(r.spreadAfter)} points. ` +
      `Right, the report's figures: the Inadequate group's gap of ${pts(gapBefore)} grew to ${pts(gapAfter)} instead of closing, while both groups' scores fell.`,
    source: `Left: made up for this illustration (data/illustrations/mean-reversion.csv). Right: A Brave New World (iMPOWER for the Local Government Association, 2015), chapter 2, The growing divide, as published.`,
    rows,
    columns: [
      { field: "panel", label: "Panel" },
      { field: "series", label: "Series" },
      { field: "role", label: "Kind" },
      { field: "period", label: "Period" },
      { field: "step", label: "Order" },
      { field: "value", label: "Score or share on time" },
    ],
    spec: slopesSpec(rows, ROLES, "Score / share on time (%)"),
    dataFiles: [meanReversionIllustration.file, cohort2013Indicators.file, cohort2013Design.file],
  };
}
