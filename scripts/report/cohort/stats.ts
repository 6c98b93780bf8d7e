/**
 * Stats of the 2013 cohort family (chapter 2). For each indicator (`ia`, `cpReview`,
 * `referrals`, `cpPlans`) and group (`inadequate`, `riOrGood`):
 *   .before / .after                 published averages (where printed)
 *   .drop.stated / .rise.stated      the change as printed, as a size (the word says the direction)
 *   .drop.computed / .rise.computed  after − before, as a size (where both are printed)
 *   .discrepancy                     |computed − stated|
 * and per indicator: .ratio.stated, .ratio.computed (Inadequate change ÷ the rest's),
 * .gap.before, .gap.after, .gap.widening (rest minus Inadequate, where printed).
 */
import { COHORT_GROUPS, type CohortGroup, type Indicator } from "./datasets.ts";
import { inconsistentChanges, type CohortAnalysis } from "./compute.ts";
import { count, percent, plainNumber, points, text, type Format } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";

export const INDICATOR_KEYS: Readonly<Record<Indicator, string>> = {
  ia_timeliness: "ia",
  cp_review_timeliness: "cpReview",
  referrals_per_10k: "referrals",
  cp_plans_per_10k: "cpPlans",
};

export const INDICATOR_NAMES: Readonly<Record<Indicator, string>> = {
  ia_timeliness: "initial assessments on time",
  cp_review_timeliness: "child protection reviews on time",
  referrals_per_10k: "referrals per 10,000 children",
  cp_plans_per_10k: "child protection cases per 10,000 children",
};

export const GROUP_KEYS: Readonly<Record<CohortGroup, string>> = { inadequate: "inadequate", ri_or_good: "riOrGood" };
export const GROUP_NAMES: Readonly<Record<CohortGroup, string>> = { inadequate: "rated Inadequate", ri_or_good: "rated RI or Good" };

/** Decimals a published value is printed with: 94.7 → 1, 31.39 → 2 (at most 2). */
export const decimalsOf = (value: number) => Math.min(2, (String(value).split(".")[1] ?? "").length);

export function cohortStats({ design, comparisons }: CohortAnalysis): Stat[] {
  const stats: Stat[] = [
    { key: "cohort.councils", value: design.councils, format: count(), label: "councils in the 2013 cohort, as published" },
    { key: "cohort.year.inspected", value: String(design.inspectionYear), format: text(), label: "year the cohort was inspected" },
    { key: "cohort.year.before", value: String(design.beforeYear), format: text(), label: "year compared before inspection" },
    { key: "cohort.year.after", value: String(design.afterYear), format: text(), label: "year compared after inspection" },
  ];
  for (const c of comparisons) {
    const ind = INDICATOR_KEYS[c.indicator];
    const name = INDICATOR_NAMES[c.indicator];
    const level = (decimals: number): Format => (c.unit === "percent" ? percent(decimals) : plainNumber(decimals));
    const change = (decimals: number): Format => (c.unit === "percent" ? points(decimals) : plainNumber(decimals));
    for (const group of COHORT_GROUPS) {
      const g = c.groups[group];
      const key = `cohort.${ind}.${GROUP_KEYS[group]}`;
      const who = GROUP_NAMES[group];
      const decimals = Math.max(decimalsOf(g.before ?? 0), decimalsOf(g.after ?? 0));
      if (g.before !== undefined && g.after !== undefined) {
        stats.push(
          { key: `${key}.before`, value: g.before, format: level(decimalsOf(g.before)), label: `${name}, councils ${who}, ${design.beforeYear}, as published` },
          { key: `${key}.after`, value: g.after, format: level(decimalsOf(g.after)), label: `${name}, councils ${who}, ${design.afterYear}, as published` },
        );
      }
      if (g.stated !== undefined) {
        const word = g.stated < 0 ? "drop" : "rise";
        stats.push({ key: `${key}.${word}.stated`, value: Math.abs(g.stated), format: change(decimalsOf(g.stated)), label: `${word} in ${name}, councils ${who}, as printed` });
      }
      if (g.computed !== undefined) {
        const word = g.computed < 0 ? "drop" : "rise";
        stats.push({ key: `${key}.${word}.computed`, value: Math.abs(g.computed), format: change(decimals), label: `${word} in ${name}, councils ${who}, from the published before and after values` });
      }
      if (g.discrepancy !== undefined) {
        stats.push({ key: `${key}.discrepancy`, value: Math.abs(g.discrepancy), format: change(decimals), label: `difference between the printed change and the published before and after values, ${name}, councils ${who}` });
      }
    }
    if (c.statedRatio !== undefined) stats.push({ key: `cohort.${ind}.ratio.stated`, value: c.statedRatio, format: plainNumber(1), label: `printed change of the Inadequate group ÷ that of the rest, ${name}` });
    if (c.computedRatio !== undefined) stats.push({ key: `cohort.${ind}.ratio.computed`, value: c.computedRatio, format: plainNumber(1), label: `change from before and after values, Inadequate ÷ the rest, ${name}` });
    if (c.gapBefore !== undefined && c.gapAfter !== undefined) {
      const format = change(2);
      stats.push(
        { key: `cohort.${ind}.gap.before`, value: c.gapBefore, format, label: `how far the Inadequate group trailed the rest in ${design.beforeYear}, ${name}` },
        { key: `cohort.${ind}.gap.after`, value: c.gapAfter, format, label: `how far the Inadequate group trailed the rest in ${design.afterYear}, ${name}` },
        { key: `cohort.${ind}.gap.widening`, value: Math.round((c.gapAfter - c.gapBefore) * 1e9) / 1e9, format, label: `how much the gap between the groups grew, ${name}` },
      );
    }
  }
  const ratios = comparisons.flatMap((c) => (c.statedRatio === undefined ? [] : [c.statedRatio]));
  if (ratios.length > 0) {
    stats.push(
      { key: "cohort.ratio.stated.min", value: Math.min(...ratios), format: plainNumber(1), label: "smallest ratio of the Inadequate group's printed change to the rest's" },
      { key: "cohort.ratio.stated.max", value: Math.max(...ratios), format: plainNumber(1), label: "largest ratio of the Inadequate group's printed change to the rest's" },
    );
  }
  const checkable = comparisons.flatMap((c) => COHORT_GROUPS.filter((g) => c.groups[g].check !== "unchecked"));
  stats.push(
    { key: "cohort.changes.checkable", value: checkable.length, format: count(), label: "printed changes that have before and after values to check them against" },
    { key: "cohort.changes.differ", value: inconsistentChanges(comparisons).length, format: count(), label: "printed changes that disagree with their own before and after values" },
  );
  return stats;
}
