/**
 * The 2013 cohort (chapter 2): for each indicator and group (Inadequate, RI or Good),
 * the published before and after values, the change the report states, the change its
 * own before and after values give, and how the two groups compare.
 *
 * Initial assessment timeliness, with the published values:
 *   Inadequate: 52.63 − 68.62 = −15.99 points; the report states a fall of 15.89 (0.10 less)
 *   RI or Good: 66.15 − 78.27 = −12.12 points; the report states a fall of 11.32 (0.80 less)
 * The ratio of the Inadequate group's change to the rest's:
 *   stated 15.89 ÷ 11.32 = 1.40; from before and after 15.99 ÷ 12.12 = 1.32.
 * The gap between the groups: 78.27 − 68.62 = 9.65 points before, 66.15 − 52.63 = 13.52 after.
 *
 * Pure functions: rows in, typed results out; nothing here corrects the source.
 */
import { COHORT_GROUPS, INDICATORS, type CohortGroup, type CohortMeasure, type Indicator } from "./datasets.ts";
import { measureValues, type MeasureRow } from "../shared/measures.ts";

export interface CohortValue {
  readonly indicator: Indicator;
  readonly group: CohortGroup;
  readonly measure: CohortMeasure;
  readonly value: number;
  readonly unit: string;
}

/** stated and computed agree when within this (the published values have two decimals). */
export const CHANGE_TOLERANCE = 0.005;

export type ChangeCheck = "consistent" | "differs" | "unchecked";

export interface GroupChange {
  readonly group: CohortGroup;
  readonly before: number | undefined;
  readonly after: number | undefined;
  /** The change as the report states it, signed. */
  readonly stated: number | undefined;
  /** after − before, when both are published. */
  readonly computed: number | undefined;
  /** computed − stated, when both exist. */
  readonly discrepancy: number | undefined;
  readonly check: ChangeCheck;
}

export interface IndicatorComparison {
  readonly indicator: Indicator;
  readonly unit: string;
  readonly groups: Readonly<Record<CohortGroup, GroupChange>>;
  /** Inadequate group's stated change ÷ the rest's stated change. */
  readonly statedRatio: number | undefined;
  /** The same from before and after values, when both groups have them. */
  readonly computedRatio: number | undefined;
  /** Rest minus Inadequate before inspection, when published: how far behind the Inadequate group started. */
  readonly gapBefore: number | undefined;
  /** The same after inspection. */
  readonly gapAfter: number | undefined;
}

/** Round away binary noise (68.62 − 52.63 = 15.990000000000002) at the ninth decimal. */
const clean = (value: number) => Math.round(value * 1e9) / 1e9;

function groupChange(rows: readonly CohortValue[], indicator: Indicator, group: CohortGroup): GroupChange {
  const pick = (measure: CohortMeasure) => rows.find((r) => r.indicator === indicator && r.group === group && r.measure === measure)?.value;
  const before = pick("before");
  const after = pick("after");
  const stated = pick("change_as_stated");
  const computed = before !== undefined && after !== undefined ? clean(after - before) : undefined;
  const discrepancy = computed !== undefined && stated !== undefined ? clean(computed - stated) : undefined;
  const check: ChangeCheck = discrepancy === undefined ? "unchecked" : Math.abs(discrepancy) <= CHANGE_TOLERANCE ? "consistent" : "differs";
  return { group, before, after, stated, computed, discrepancy, check };
}

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b !== 0 ? a / b : undefined);
const gap = (rest: number | undefined, inadequate: number | undefined) => (rest !== undefined && inadequate !== undefined ? clean(rest - inadequate) : undefined);

/** One comparison per indicator present, in the order of INDICATORS. */
export function compareCohort(rows: readonly CohortValue[]): IndicatorComparison[] {
  return INDICATORS.filter((indicator) => rows.some((r) => r.indicator === indicator)).map((indicator) => {
    const groups = Object.fromEntries(COHORT_GROUPS.map((g) => [g, groupChange(rows, indicator, g)])) as Record<CohortGroup, GroupChange>;
    const { inadequate, ri_or_good: rest } = groups;
    return {
      indicator,
      unit: rows.find((r) => r.indicator === indicator)?.unit ?? "",
      groups,
      statedRatio: ratio(inadequate.stated, rest.stated),
      computedRatio: ratio(inadequate.computed, rest.computed),
      gapBefore: gap(rest.before, inadequate.before),
      gapAfter: gap(rest.after, inadequate.after),
    };
  });
}

/** The comparison for one indicator; fails if the indicator is absent. */
export function comparisonOf(comparisons: readonly IndicatorComparison[], indicator: Indicator): IndicatorComparison {
  const found = comparisons.find((c) => c.indicator === indicator);
  if (!found) throw new Error(`no cohort values for ${indicator}`);
  return found;
}

/** Every group whose stated change disagrees with its own before and after values. */
export function inconsistentChanges(comparisons: readonly IndicatorComparison[]): { indicator: Indicator; change: GroupChange }[] {
  return comparisons.flatMap((c) => COHORT_GROUPS.map((g) => ({ indicator: c.indicator, change: c.groups[g] }))).filter((x) => x.change.check === "differs");
}

export interface CohortDesign {
  readonly councils: number;
  readonly inspectionYear: number;
  readonly beforeYear: number;
  readonly afterYear: number;
}

export interface CohortAnalysis {
  readonly design: CohortDesign;
  readonly comparisons: readonly IndicatorComparison[];
}

type DesignMeasure = "councils" | "inspection_year" | "before_year" | "after_year";

/** Everything the family reports, from the published indicator and design rows. */
export function analyseCohort(indicatorRows: readonly CohortValue[], designRows: readonly MeasureRow<DesignMeasure>[]): CohortAnalysis {
  const d = measureValues(designRows);
  return {
    design: { councils: d.councils, inspectionYear: d.inspection_year, beforeYear: d.before_year, afterYear: d.after_year },
    comparisons: compareCohort(indicatorRows),
  };
}
