/**
 * Figures of the 2013 cohort family (chapter 2): initial assessment timeliness before and
 * after inspection, and the printed changes of all four indicators.
 */
import { comparisonOf, type CohortAnalysis, type IndicatorComparison } from "./compute.ts";
import { dumbbellSpec, statedChangesSpec } from "./charts.ts";
import { cohort2013Design, cohort2013Indicators, COHORT_GROUPS, type CohortGroup } from "./datasets.ts";
import { decimalsOf, GROUP_NAMES, INDICATOR_NAMES } from "./stats.ts";
import { count, formatValue, percent, plainNumber, points } from "../../engine/stats/format.ts";
import type { FigureDefinition } from "../../engine/figures/types.ts";

export const GROUP_LABELS: Readonly<Record<CohortGroup, string>> = { inadequate: "Rated Inadequate", ri_or_good: "Rated RI or Good" };
const groupOrder = [GROUP_LABELS.inadequate, GROUP_LABELS.ri_or_good] as const;

const SOURCE =
  "A Brave New World (iMPOWER for the Local Government Association, 2015), chapter 2, The growing divide; the report drew on the Department for Education's Local Authority Interactive Tool (LAIT). Values as published.";

const pts = (value: number) => formatValue(value, points(2));

export function iaTimelinessFigure({ design, comparisons }: CohortAnalysis): FigureDefinition {
  const ia = comparisonOf(comparisons, "ia_timeliness");
  const years = [String(design.beforeYear), String(design.afterYear)] as const;
  const rows = COHORT_GROUPS.flatMap((g) => {
    const { before, after } = ia.groups[g];
    if (before === undefined || after === undefined) throw new Error(`no before and after values for ${g} initial assessment timeliness`);
    return [
      { group: GROUP_LABELS[g], year: years[0], percent: before },
      { group: GROUP_LABELS[g], year: years[1], percent: after },
    ];
  });
  const { inadequate, ri_or_good: rest } = ia.groups;
  const size = (v: number | undefined) => pts(Math.abs(v ?? Number.NaN));
  const moved = (v: number | undefined) => ((v ?? 0) < 0 ? "fell" : "rose");
  const statedNote = COHORT_GROUPS.filter((g) => ia.groups[g].check === "differs");
  return {
    key: "cohort-ia-timeliness",
    title: `Initial assessments on time ${moved(inadequate.computed)} by ${size(inadequate.computed)} in councils rated Inadequate in ${design.inspectionYear}, against ${size(rest.computed)} in those rated RI or Good, between ${years[0]} and ${years[1]}`,
    description:
      `Dot chart of the average share of initial assessments completed on time in ${years[0]} (before inspection) and ${years[1]} (after), for the ${formatValue(design.councils, count())} councils inspected in ${design.inspectionYear}. ` +
      COHORT_GROUPS.map((g) => `${GROUP_LABELS[g]}: ${formatValue(ia.groups[g].before ?? 0, percent(2))} to ${formatValue(ia.groups[g].after ?? 0, percent(2))}.`).join(" ") +
      ` The Inadequate group trailed the rest by ${pts(ia.gapBefore ?? 0)} before and ${pts(ia.gapAfter ?? 0)} after.`,
    caption:
      // The printed falls themselves are given beside the chart, in the chapter's "Kept as published" note (stats cohort.ia.*.drop.stated).
      `Hollow circles ${years[0]}, filled circles ${years[1]}. The changes in the title are worked out from the report's own before and after values.` +
      (statedNote.length > 0
        ? ` The report prints different falls for ${statedNote.length === 1 ? "one group" : "both groups"} (${statedNote.map((g) => `${pts(Math.abs(ia.groups[g].stated ?? 0))} for councils ${GROUP_NAMES[g]}`).join(", ")}); they are kept as published and listed in the claims register.`
        : ""),
    source: SOURCE,
    rows,
    columns: [
      { field: "group", label: "Group" },
      { field: "year", label: "Year" },
      { field: "percent", label: "Initial assessments on time", format: percent(2) },
    ],
    pivot: { row: "group", column: "year", value: "percent" },
    spec: dumbbellSpec(rows, groupOrder, years, "Initial assessments completed on time (%)"),
    dataFiles: [cohort2013Indicators.file, cohort2013Design.file],
  };
}

export function statedChangesFigure({ design, comparisons }: CohortAnalysis): FigureDefinition {
  const withStated = comparisons.filter((c) => COHORT_GROUPS.every((g) => c.groups[g].stated !== undefined));
  const heading = (c: IndicatorComparison) => {
    const signs = new Set(COHORT_GROUPS.map((g) => Math.sign(c.groups[g].stated ?? 0)));
    const direction = signs.size === 1 ? ([...signs][0] < 0 ? "fall" : "rise") : "change";
    const unit = c.unit === "percent" ? "percentage points" : "per 10,000 children";
    const name = INDICATOR_NAMES[c.indicator].replace(/ per 10,000 children$/, "");
    return `${name[0].toUpperCase()}${name.slice(1)}: ${direction} (${unit})`;
  };
  const rows = withStated.flatMap((c) => COHORT_GROUPS.map((g) => ({ indicator: heading(c), group: GROUP_LABELS[g], change: Math.abs(c.groups[g].stated ?? 0) })));
  const ratios = withStated.map((c) => Math.abs(c.statedRatio ?? 0));
  const larger = withStated.filter((c) => Math.abs(c.groups.inadequate.stated ?? 0) > Math.abs(c.groups.ri_or_good.stated ?? 0)).length;
  const times = (v: number) => formatValue(v, plainNumber(1));
  const scope = larger === withStated.length ? `On all ${formatValue(withStated.length, count())} indicators` : `On ${formatValue(larger, count())} of ${formatValue(withStated.length, count())} indicators`;
  return {
    key: "cohort-stated-changes",
    title: `${scope} the report's change after inspection was larger for councils rated Inadequate than for the rest: from ${times(Math.min(...ratios))} to ${times(Math.max(...ratios))} times as large`,
    description:
      `Bar charts in ${formatValue(withStated.length, count())} panels, one per indicator, of the average change between ${design.beforeYear} and ${design.afterYear} that the report prints for councils inspected in ${design.inspectionYear}, by group. ` +
      withStated
        .map((c) => `${heading(c)}: Inadequate ${formatValue(Math.abs(c.groups.inadequate.stated ?? 0), plainNumber(decimalsOf(c.groups.inadequate.stated ?? 0)))}, RI or Good ${formatValue(Math.abs(c.groups.ri_or_good.stated ?? 0), plainNumber(decimalsOf(c.groups.ri_or_good.stated ?? 0)))}, ratio ${times(Math.abs(c.statedRatio ?? 0))}.`)
        .join(" "),
    caption:
      // Which printed changes can be checked, and against what, is said in Methods ("The 2013 cohort's indicators").
      "Each panel has its own scale, so compare the two bars within a panel, not across panels. The timeliness measures fell and the demand measures rose for both groups. These are the changes as the report prints them; Methods says which of them can be checked.",
    source: SOURCE,
    rows,
    columns: [
      { field: "indicator", label: "Indicator" },
      { field: "group", label: "Group" },
      { field: "change", label: "Printed change (size)" },
    ],
    pivot: { row: "indicator", column: "group", value: "change" },
    spec: statedChangesSpec(rows, groupOrder),
    dataFiles: [cohort2013Indicators.file, cohort2013Design.file],
  };
}
