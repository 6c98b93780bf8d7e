/**
 * Chapter 2's four indicators recomputed for the 2013 cohort, 2012 → 2014, from DfE's own
 * council figures (data/councils/children-in-need-2012-2014.csv), under every reading of
 * "councils inspected in 2013" and every way of averaging the report could have used, and
 * the search for the combination closest to each value the report prints.
 *
 * The report prints ten numbers (data/national/cohort-2013-indicators.csv): initial
 * assessments (IA) completed within 10 working days, as each group's average in 2012 and in
 * 2014; and the change 2012 → 2014 in plans reviewed within timescales (percentage points),
 * referrals per 10,000 children and children on a plan per 10,000. It names neither its
 * councils nor how it averaged, so every combination is computed and none is chosen by hand:
 *
 *   reading   each of cohortReadings(2013) (./analysis.ts) and the year ending March 2013
 *             (April 2012 to March 2013, which the year-ending-March data now allows);
 *   average   mean   the plain mean of the councils' own values (each council counts once);
 *             pooled the group as one area: Σ numerators ÷ Σ denominators;
 *   rates     published  DfE's rates as printed (population estimates of the time);
 *             revised    the count over ONS's revised estimate (data/councils/demand.csv) for
 *                        2014; 2012 keeps the estimate of the time, as ONS's revision of
 *                        mid-2011 is not in the data;
 *   IA scope  all        every council with a 10-day figure;
 *             full year  without the councils that reported single assessments in 2014
 *                        (their 2014 initial assessments cover part of the year);
 *   IA panel  same councils  2012 and 2014 over the councils with a figure in both years;
 *             each year      each year over the councils with that year's figure.
 * A change is always worked on the councils with the value in both years.
 *
 * E.g. two councils with 90 of 100 and 150 of 300 initial assessments in 10 days:
 *   mean (90% + 50%) ÷ 2 = 70%; pooled (90 + 150) ÷ (100 + 300) = 60%.
 *
 * Pure functions: rows in, typed results out; no I/O, no clock.
 */
import type { CohortGroup, CohortIndicatorRow, Indicator } from "../cohort/datasets.ts";
import { COHORT_GROUPS } from "../cohort/datasets.ts";
import type { ChildrenInNeedRow, DemandRow } from "../councils/datasets.ts";
import { cohortReadings, type NamedCohortRule } from "./analysis.ts";
import { selectCohort } from "./cohort-recount.ts";
import type { JudgementEvent } from "./counting.ts";

export type CinFigures = Pick<
  ChildrenInNeedRow,
  | "council_code"
  | "year_ending_march"
  | "referrals"
  | "referrals_rate_published"
  | "initial_assessments"
  | "initial_assessments_within_10_days"
  | "single_assessments_reported"
  | "cpp_at_31_march"
  | "cpp_rate_published"
  | "cpp_reviewed_percent_published"
  | "population_0_17_published"
>;

export type RevisedPopulation = Pick<DemandRow, "council_code" | "year_ending_march" | "population_0_17">;

export const AVERAGES = ["mean", "pooled"] as const;
export type Average = (typeof AVERAGES)[number];
export const RATE_SOURCES = ["published", "revised"] as const;
export type RateSource = (typeof RATE_SOURCES)[number];
export const IA_SCOPES = ["all", "fullYear"] as const;
export type IaScope = (typeof IA_SCOPES)[number];
export const IA_PANELS = ["sameCouncils", "eachYear"] as const;
export type IaPanel = (typeof IA_PANELS)[number];

/** The years the report compares. */
export const BEFORE_YEAR = 2012;
export const AFTER_YEAR = 2014;

/** One of the report's printed values. */
export interface Target {
  /** e.g. "iaWithin10.inadequate.before". */
  readonly key: string;
  readonly indicator: Indicator;
  readonly group: CohortGroup;
  /** `before` (2012 level), `after` (2014 level) or `change` (2014 − 2012). */
  readonly measure: "before" | "after" | "change";
  readonly printed: number;
}

/** The report's ten values, in its order, from the published indicator rows. */
export function targetsOf(rows: readonly CohortIndicatorRow[]): Target[] {
  return rows.flatMap((row): Target[] => {
    if (row.indicator === "ia_timeliness" ? row.measure === "change_as_stated" : row.measure !== "change_as_stated") return [];
    const measure = row.measure === "change_as_stated" ? "change" : row.measure;
    return [{ key: `${row.indicator}.${row.group}.${measure}`, indicator: row.indicator, group: row.group, measure, printed: row.value }];
  });
}

/** How a value was worked out: the reading and the choices that apply to its indicator (null where one does not). */
export interface Combination {
  readonly reading: NamedCohortRule;
  readonly average: Average;
  readonly rates: RateSource | null;
  readonly iaScope: IaScope | null;
  readonly iaPanel: IaPanel | null;
}

export interface Computed {
  readonly combination: Combination;
  /** Councils in the group under the reading. */
  readonly groupSize: number;
  /** Councils the value is worked on. */
  readonly councils: number;
  readonly value: number;
}

/** A combination's value for a target, or why it has none. */
export type Outcome = Computed | { readonly combination: Combination; readonly groupSize: number; readonly unavailable: string };

export const isComputed = (o: Outcome): o is Computed => "value" in o;

/** The readings searched: the project's readings of "inspected in 2013", and the year ending March 2013. */
export function searchReadings(year: number): NamedCohortRule[] {
  const readings = [...cohortReadings(year)];
  const before = cohortReadings(year - 1).find((r) => r.key === "inspectedFinancialYear");
  if (before) {
    readings.push({
      ...before,
      key: "inspectedYearEndingMarch",
      label: `Inspected in the year ending March ${year}`,
      description: `councils with a SIF or child protection inspection from April ${year - 1} to March ${year} (the year ending March ${year}, DfE's statistical year), dated as in the counting rule that reproduces the grade table`,
    });
  }
  return readings;
}

/** A council's figures by year. */
export type Panel = ReadonlyMap<string, ReadonlyMap<number, CinFigures>>;

export const panelOf = (rows: readonly CinFigures[]): Panel => {
  const panel = new Map<string, Map<number, CinFigures>>();
  for (const row of rows) {
    const years = panel.get(row.council_code) ?? new Map<number, CinFigures>();
    years.set(row.year_ending_march, row);
    panel.set(row.council_code, years);
  }
  return panel;
};

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/** A ratio's numerator and denominator for one council and year; undefined without both. */
type Ratio = { readonly part: number; readonly whole: number } | undefined;

/** Σ part ÷ Σ whole (pooled) or the mean of part ÷ whole (mean), × scale. */
const average = (ratios: readonly { part: number; whole: number }[], kind: Average, scale: number) =>
  kind === "pooled" ? (ratios.reduce((s, r) => s + r.part, 0) / ratios.reduce((s, r) => s + r.whole, 0)) * scale : mean(ratios.map((r) => (r.part / r.whole) * scale));

/** Initial assessments within 10 working days of a council's year, as a ratio. */
const iaRatio = (row: CinFigures | undefined): Ratio =>
  row && row.initial_assessments !== null && row.initial_assessments > 0 && row.initial_assessments_within_10_days !== null ? { part: row.initial_assessments_within_10_days, whole: row.initial_assessments } : undefined;

/** Whether a council's 2014 initial assessments cover part of the year (it reported single assessments). */
export const partYear = (panel: Panel, council: string) => panel.get(council)?.get(AFTER_YEAR)?.single_assessments_reported === "yes";

/** The IA average of a group in `year` under the scope and panel; or why there is none. */
export function iaLevel(panel: Panel, councils: readonly string[], year: number, kind: Average, scope: IaScope, panelKind: IaPanel): { value: number; councils: number } | undefined {
  const inScope = councils.filter((c) => scope === "all" || !partYear(panel, c));
  const used = inScope.filter((c) => iaRatio(panel.get(c)?.get(year)) !== undefined && (panelKind === "eachYear" || (iaRatio(panel.get(c)?.get(BEFORE_YEAR)) !== undefined && iaRatio(panel.get(c)?.get(AFTER_YEAR)) !== undefined)));
  if (used.length === 0) return undefined;
  return { value: average(used.map((c) => iaRatio(panel.get(c)?.get(year)) as { part: number; whole: number }), kind, 100), councils: used.length };
}

/** A count and its population for a rate, by source; undefined without both. */
function rateRatio(row: CinFigures | undefined, revised: ReadonlyMap<string, number>, measure: "referrals" | "cpPlans", source: RateSource): Ratio {
  if (!row) return undefined;
  const count = measure === "referrals" ? row.referrals : row.cpp_at_31_march;
  if (count === null) return undefined;
  const population = source === "revised" && row.year_ending_march !== BEFORE_YEAR ? revised.get(`${row.council_code}|${row.year_ending_march}`) : row.population_0_17_published;
  return population === undefined || population === null || population <= 0 ? undefined : { part: count, whole: population };
}

const publishedRate = (row: CinFigures | undefined, measure: "referrals" | "cpPlans") => (row ? (measure === "referrals" ? row.referrals_rate_published : row.cpp_rate_published) : null);

/** A rate's change 2012 → 2014 over the councils with it in both years. */
export function rateChangeOf(panel: Panel, revised: ReadonlyMap<string, number>, councils: readonly string[], measure: "referrals" | "cpPlans", kind: Average, source: RateSource): { value: number; councils: number } | undefined {
  const year = (c: string, y: number) => panel.get(c)?.get(y);
  if (kind === "mean" && source === "published") {
    const used = councils.filter((c) => publishedRate(year(c, BEFORE_YEAR), measure) !== null && publishedRate(year(c, AFTER_YEAR), measure) !== null);
    if (used.length === 0) return undefined;
    return { value: mean(used.map((c) => (publishedRate(year(c, AFTER_YEAR), measure) as number) - (publishedRate(year(c, BEFORE_YEAR), measure) as number))), councils: used.length };
  }
  // Pooled over the published rates' own denominators, or any average over the revised ones.
  const used = councils.filter((c) => rateRatio(year(c, BEFORE_YEAR), revised, measure, source) && rateRatio(year(c, AFTER_YEAR), revised, measure, source));
  if (used.length === 0) return undefined;
  const at = (y: number) => used.map((c) => rateRatio(year(c, y), revised, measure, source) as { part: number; whole: number });
  return { value: average(at(AFTER_YEAR), kind, 10_000) - average(at(BEFORE_YEAR), kind, 10_000), councils: used.length };
}

/** The change in plans reviewed within timescales, percentage points, mean of the councils' published percentages. */
export function reviewChangeOf(panel: Panel, councils: readonly string[]): { value: number; councils: number } | undefined {
  const pct = (c: string, y: number) => panel.get(c)?.get(y)?.cpp_reviewed_percent_published ?? null;
  const used = councils.filter((c) => pct(c, BEFORE_YEAR) !== null && pct(c, AFTER_YEAR) !== null);
  if (used.length === 0) return undefined;
  return { value: mean(used.map((c) => (pct(c, AFTER_YEAR) as number) - (pct(c, BEFORE_YEAR) as number))), councils: used.length };
}

/** Why the pooled review change cannot be worked: DfE's 2014 file gives no count of plans due a review. */
export const REVIEWS_NOT_POOLED = "the 2014 file gives no count of plans due a review, so the group cannot be pooled";

export interface SearchInput {
  readonly events: readonly JudgementEvent[];
  readonly cin: readonly CinFigures[];
  readonly revised: readonly RevisedPopulation[];
  readonly targets: readonly Target[];
  readonly cohortYear: number;
}

export interface TargetSearch {
  readonly target: Target;
  /** Every combination's outcome, in the order tried. */
  readonly outcomes: readonly Outcome[];
  /** Those with a value, nearest first (ties in the order tried). */
  readonly ranked: readonly Computed[];
  /** The nearest, and its distance (value − printed); undefined when nothing could be computed. */
  readonly closest: Computed | undefined;
  readonly distance: number | undefined;
  /** Other combinations exactly as near as the closest. */
  readonly tied: number;
}

export interface ReadingGroups {
  readonly reading: NamedCohortRule;
  readonly groups: Readonly<Record<CohortGroup, readonly string[]>>;
}

export interface IndicatorSearch {
  readonly readings: readonly ReadingGroups[];
  readonly targets: readonly TargetSearch[];
  /** Councils whose 2014 initial assessments cover part of the year (single assessments reported), with a 10-day figure. */
  readonly partYear: readonly string[];
  /** Councils with a 2014 10-day figure. */
  readonly ia2014: number;
}

/** Every combination that applies to an indicator's value, in a fixed order. */
function combinationsFor(target: Target, reading: NamedCohortRule): Combination[] {
  const out: Combination[] = [];
  for (const avg of AVERAGES) {
    if (target.indicator === "ia_timeliness") {
      for (const iaScope of IA_SCOPES) for (const iaPanel of IA_PANELS) out.push({ reading, average: avg, rates: null, iaScope, iaPanel });
    } else if (target.indicator === "cp_review_timeliness") out.push({ reading, average: avg, rates: null, iaScope: null, iaPanel: null });
    else for (const rates of RATE_SOURCES) out.push({ reading, average: avg, rates, iaScope: null, iaPanel: null });
  }
  return out;
}

/** The value of one combination for one target. */
function outcomeOf(target: Target, combination: Combination, councils: readonly string[], panel: Panel, revised: ReadonlyMap<string, number>): Outcome {
  const groupSize = councils.length;
  const none = (why: string): Outcome => ({ combination, groupSize, unavailable: why });
  let result: { value: number; councils: number } | undefined;
  if (target.indicator === "ia_timeliness") result = iaLevel(panel, councils, target.measure === "before" ? BEFORE_YEAR : AFTER_YEAR, combination.average, combination.iaScope ?? "all", combination.iaPanel ?? "eachYear");
  else if (target.indicator === "cp_review_timeliness") {
    if (combination.average === "pooled") return none(REVIEWS_NOT_POOLED);
    result = reviewChangeOf(panel, councils);
  } else result = rateChangeOf(panel, revised, councils, target.indicator === "referrals_per_10k" ? "referrals" : "cpPlans", combination.average, combination.rates ?? "published");
  return result === undefined ? none("no council of the group has the values") : { combination, groupSize, councils: result.councils, value: result.value };
}

/** Round away binary noise before comparing distances (as the claims audit does). */
const tidy = (x: number) => Math.round(x * 1e9) / 1e9;

/** Every combination for every target, and the closest to each printed value. */
export function searchIndicators(input: SearchInput): IndicatorSearch {
  const panel = panelOf(input.cin);
  const revised = new Map(input.revised.flatMap((r) => (r.population_0_17 === null ? [] : [[`${r.council_code}|${r.year_ending_march}`, r.population_0_17] as const])));
  const readings: ReadingGroups[] = searchReadings(input.cohortYear).map((reading) => {
    const members = selectCohort(input.events, reading).members;
    return { reading, groups: Object.fromEntries(COHORT_GROUPS.map((g) => [g, members.filter((m) => m.group === g).map((m) => m.council_code)])) as Record<CohortGroup, string[]> };
  });
  const targets = input.targets.map((target): TargetSearch => {
    const outcomes = readings.flatMap(({ reading, groups }) => combinationsFor(target, reading).map((c) => outcomeOf(target, c, groups[target.group], panel, revised)));
    const ranked = outcomes.filter(isComputed).map((o, order) => ({ o, order, d: Math.abs(tidy(o.value - target.printed)) })).sort((a, b) => a.d - b.d || a.order - b.order);
    const closest = ranked[0]?.o;
    return {
      target,
      outcomes,
      ranked: ranked.map((r) => r.o),
      closest,
      distance: closest === undefined ? undefined : tidy(closest.value - target.printed),
      tied: ranked.length === 0 ? 0 : ranked.filter((r) => r.d === ranked[0].d).length - 1,
    };
  });
  const ia2014 = [...panel.keys()].filter((c) => iaRatio(panel.get(c)?.get(AFTER_YEAR)) !== undefined);
  return { readings, targets, partYear: ia2014.filter((c) => partYear(panel, c)).sort(), ia2014: ia2014.length };
}

/** A combination in words, for tables and stat labels. */
export function describeCombination(c: Combination): string {
  const parts = [c.reading.label, c.average === "mean" ? "mean of councils" : "pooled"];
  if (c.rates !== null) parts.push(c.rates === "published" ? "published rates" : "revised population for 2014");
  if (c.iaScope !== null) parts.push(c.iaScope === "all" ? "part-year 2014 councils in" : "full-year councils only");
  if (c.iaPanel !== null) parts.push(c.iaPanel === "sameCouncils" ? "same councils both years" : "each year's councils");
  return parts.join(", ");
}

/** Published against recomputed-on-revised-population rates, council by council, for one measure and year. */
export interface RateRevision {
  readonly measure: "referrals" | "cpPlans";
  readonly year: number;
  /** Councils with both a published rate and a count over a revised estimate. */
  readonly councils: number;
  /** Of those, the ones whose recomputed rate differs from the published one by more than its rounding (0.05). */
  readonly differing: number;
  /** The largest difference, recomputed − published, and its council. */
  readonly largest: { readonly council: string; readonly difference: number } | undefined;
}

export function rateRevisions(cin: readonly CinFigures[], revised: readonly RevisedPopulation[], measure: "referrals" | "cpPlans", year: number): RateRevision {
  const population = new Map(revised.flatMap((r) => (r.population_0_17 === null ? [] : [[`${r.council_code}|${r.year_ending_march}`, r.population_0_17] as const])));
  const diffs = cin.flatMap((row) => {
    if (row.year_ending_march !== year) return [];
    const published = publishedRate(row, measure);
    const count = measure === "referrals" ? row.referrals : row.cpp_at_31_march;
    const pop = population.get(`${row.council_code}|${year}`);
    if (published === null || count === null || pop === undefined || pop <= 0) return [];
    return [{ council: row.council_code, difference: tidy((count / pop) * 10_000 - published) }];
  });
  const largest = [...diffs].sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || (a.council < b.council ? -1 : 1))[0];
  return { measure, year, councils: diffs.length, differing: diffs.filter((d) => Math.abs(d.difference) > 0.05).length, largest };
}

/** Whether, under one reading, the Inadequate group fared worse than the rest on an indicator (mean of councils, published rates; initial assessments of full-year councils only). */
export interface Direction {
  readonly reading: NamedCohortRule;
  readonly indicator: Indicator;
  /** Inadequate's change and the rest's (2014 − 2012; for initial assessments, each group's own years), or undefined without values. */
  readonly inadequate: number | undefined;
  readonly rest: number | undefined;
  /** Falls further (timeliness) or rises more (demand); undefined without both values. */
  readonly worse: boolean | undefined;
  /** Councils each group's change is worked on. */
  readonly councils: { readonly inadequate: number; readonly rest: number };
}

/** The direction of the report's finding under every reading searched: does the Inadequate group do worse? */
export function directions(search: IndicatorSearch, cin: readonly CinFigures[], revised: readonly RevisedPopulation[]): Direction[] {
  const panel = panelOf(cin);
  const population = new Map(revised.flatMap((r) => (r.population_0_17 === null ? [] : [[`${r.council_code}|${r.year_ending_march}`, r.population_0_17] as const])));
  const change = (indicator: Indicator, councils: readonly string[]): { value: number; councils: number } | undefined => {
    if (indicator === "ia_timeliness") {
      // Full-year councils only: no finding rests on a part-year figure.
      const before = iaLevel(panel, councils, BEFORE_YEAR, "mean", "fullYear", "sameCouncils");
      const after = iaLevel(panel, councils, AFTER_YEAR, "mean", "fullYear", "sameCouncils");
      return before && after ? { value: after.value - before.value, councils: after.councils } : undefined;
    }
    if (indicator === "cp_review_timeliness") return reviewChangeOf(panel, councils);
    return rateChangeOf(panel, population, councils, indicator === "referrals_per_10k" ? "referrals" : "cpPlans", "mean", "published");
  };
  const INDICATOR_ORDER: readonly Indicator[] = ["ia_timeliness", "cp_review_timeliness", "referrals_per_10k", "cp_plans_per_10k"];
  return search.readings.flatMap(({ reading, groups }) =>
    INDICATOR_ORDER.map((indicator): Direction => {
      const inadequate = change(indicator, groups.inadequate);
      const rest = change(indicator, groups.ri_or_good);
      const falls = indicator === "ia_timeliness" || indicator === "cp_review_timeliness";
      const worse = inadequate === undefined || rest === undefined ? undefined : falls ? inadequate.value < rest.value : inadequate.value > rest.value;
      return { reading, indicator, inadequate: inadequate?.value, rest: rest?.value, worse, councils: { inadequate: inadequate?.councils ?? 0, rest: rest?.councils ?? 0 } };
    }),
  );
}
