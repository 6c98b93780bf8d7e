/**
 * The report's 2013 cohort rebuilt from council rows (chapter 2): which councils a stated
 * rule puts in the cohort, how they split between Inadequate and the rest, and their demand
 * (referrals in the year, children on a child protection plan at 31 March) per 10,000
 * children aged 0–17, in two years ending March and the change between them.
 *
 * Two averages, because the report does not say which it used:
 *   pooled  Σ count ÷ Σ population × 10,000 over the group's councils (the group as one area);
 *   mean    the plain mean of each council's own rate (every council counts once, whatever its size).
 * E.g. councils of 10,000 and 20,000 children with 500 and 900 referrals: rates 500 and 450;
 *   pooled (500 + 900) ÷ 30,000 × 10,000 = 466.7; mean (500 + 450) ÷ 2 = 475.
 * A change is worked on the councils that have every value in both years, so the two
 * years compare the same councils: pooled change = pooled(to) − pooled(from), mean change =
 * mean over councils of (rate to − rate from), which equals mean(to) − mean(from).
 *
 * Pure functions: rows in, typed results out; no I/O, no clock.
 */
import type { CohortGroup } from "../cohort/datasets.ts";
import type { DemandRow } from "../councils/datasets.ts";
import { judgementDater, type JudgementEvent, type ShareRule } from "./counting.ts";
import { compareText } from "../../engine/compare.ts";

/** A reading of "councils inspected in a year": a dating rule and a window of dates. */
export interface CohortRule extends ShareRule {
  /** ISO dates, inclusive: a council is in the cohort when one of its judgements is dated in this window. */
  readonly from: string;
  readonly to: string;
}

export interface CohortMember {
  readonly council_code: string;
  /** Inadequate when any of its judgements placed in the window is Inadequate; otherwise RI or Good. */
  readonly group: CohortGroup;
  /** Its judgements placed in the window, in date order, with the date the rule gave each. */
  readonly judgements: readonly (JudgementEvent & { readonly placed: string })[];
}

export interface CohortSelection {
  readonly rule: CohortRule;
  /** Sorted by council code. */
  readonly members: readonly CohortMember[];
  /**
   * Judgements of the rule's frameworks that the rule cannot date (no start date and no
   * stand-in) published in the window or the year after it: they may belong in the
   * window, but cannot be placed.
   */
  readonly undated: number;
}

/** The ISO date one year after `iso` (same month and day). */
const yearAfter = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;

/** Councils with a judgement of `rule.frameworks` that `rule` dates from `rule.from` to `rule.to`. */
export function selectCohort(events: readonly JudgementEvent[], rule: CohortRule): CohortSelection {
  const dateOf = judgementDater(events, rule);
  const byCouncil = new Map<string, (JudgementEvent & { placed: string })[]>();
  let undated = 0;
  for (const e of events) {
    if (!rule.frameworks.includes(e.framework)) continue;
    const placed = dateOf(e);
    if (placed === undefined) {
      if (rule.from <= e.published && e.published <= yearAfter(rule.to)) undated += 1;
      continue;
    }
    if (placed.date < rule.from || placed.date > rule.to) continue;
    byCouncil.set(e.council_code, [...(byCouncil.get(e.council_code) ?? []), { ...e, placed: placed.date }]);
  }
  const members = [...byCouncil.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([council_code, list]): CohortMember => {
      const judgements = [...list].sort((a, b) => (a.placed < b.placed ? -1 : a.placed > b.placed ? 1 : a.published < b.published ? -1 : a.published > b.published ? 1 : 0));
      const group: CohortGroup = judgements.some((j) => j.overall === "inadequate") ? "inadequate" : "ri_or_good";
      return { council_code, group, judgements };
    });
  return { rule, members, undated };
}

/** The demand measures: referrals in the year, and children on a plan at 31 March. */
export const DEMAND_MEASURES = ["referrals", "cpPlans"] as const;
export type DemandMeasure = (typeof DEMAND_MEASURES)[number];

const FIELD: Readonly<Record<DemandMeasure, "referrals" | "cpp_at_31_march">> = { referrals: "referrals", cpPlans: "cpp_at_31_march" };

export type DemandFigures = Pick<DemandRow, "council_code" | "year_ending_march" | "referrals" | "cpp_at_31_march" | "population_0_17">;

export interface RateSummary {
  /** Year ending 31 March. */
  readonly year: number;
  readonly councils: number;
  /** Σ of the measure over the councils. */
  readonly count: number;
  /** Σ of children aged 0–17 over the councils. */
  readonly population: number;
  /** count ÷ population × 10,000. */
  readonly pooled: number;
  /** Mean of the councils' own rates per 10,000. */
  readonly mean: number;
}

export interface RateChange {
  readonly measure: DemandMeasure;
  readonly from: RateSummary;
  readonly to: RateSummary;
  /** to.pooled − from.pooled. */
  readonly pooledChange: number;
  /** Mean of the councils' own changes = to.mean − from.mean. */
  readonly meanChange: number;
  /** Councils asked for but left out for a missing count or population in either year, sorted. */
  readonly leftOut: readonly string[];
}

const perTenThousand = (count: number, population: number) => (count / population) * 10_000;

/**
 * The measure's rates per 10,000 for `councils` in years ending March `years.from` and
 * `years.to`, over the councils with the count and population in both; undefined when none has.
 */
export function rateChange(rows: readonly DemandFigures[], councils: readonly string[], measure: DemandMeasure, years: { readonly from: number; readonly to: number }): RateChange | undefined {
  const field = FIELD[measure];
  const lookup = new Map(rows.map((r) => [`${r.council_code}|${r.year_ending_march}`, r]));
  const values = (code: string, year: number) => {
    const row = lookup.get(`${code}|${year}`);
    return row && row[field] !== null && row.population_0_17 !== null && row.population_0_17 > 0 ? { count: row[field], population: row.population_0_17 } : undefined;
  };
  const used: { from: { count: number; population: number }; to: { count: number; population: number } }[] = [];
  const leftOut: string[] = [];
  for (const code of [...new Set(councils)].sort()) {
    const from = values(code, years.from);
    const to = values(code, years.to);
    if (from && to) used.push({ from, to });
    else leftOut.push(code);
  }
  if (used.length === 0) return undefined;
  const summary = (year: number, pick: (u: (typeof used)[number]) => { count: number; population: number }): RateSummary => {
    const count = used.reduce((sum, u) => sum + pick(u).count, 0);
    const population = used.reduce((sum, u) => sum + pick(u).population, 0);
    const mean = used.reduce((sum, u) => sum + perTenThousand(pick(u).count, pick(u).population), 0) / used.length;
    return { year, councils: used.length, count, population, pooled: perTenThousand(count, population), mean };
  };
  const from = summary(years.from, (u) => u.from);
  const to = summary(years.to, (u) => u.to);
  return { measure, from, to, pooledChange: to.pooled - from.pooled, meanChange: to.mean - from.mean, leftOut };
}

export interface GroupDemand {
  /** Council codes in the group, sorted. */
  readonly councils: readonly string[];
  /** Per measure; undefined when no council of the group has the values. */
  readonly demand: Readonly<Record<DemandMeasure, RateChange | undefined>>;
}

export interface CohortRecount extends CohortSelection {
  readonly years: { readonly from: number; readonly to: number };
  readonly groups: Readonly<Record<CohortGroup, GroupDemand>>;
}

/** Select the cohort under `rule`, then each group's demand between the two years ending March. */
export function recountCohort(events: readonly JudgementEvent[], demand: readonly DemandFigures[], rule: CohortRule, years: { readonly from: number; readonly to: number }): CohortRecount {
  const selection = selectCohort(events, rule);
  const group = (g: CohortGroup): GroupDemand => {
    const councils = selection.members.filter((m) => m.group === g).map((m) => m.council_code);
    return { councils, demand: { referrals: rateChange(demand, councils, "referrals", years), cpPlans: rateChange(demand, councils, "cpPlans", years) } };
  };
  return { ...selection, years, groups: { inadequate: group("inadequate"), ri_or_good: group("ri_or_good") } };
}
