/**
 * Recounts of the report's inspection figures from the per-council judgements in
 * data/councils/inspections.csv, each under a stated counting rule, so the text can say
 * which rule (if any) gives the published number.
 *
 * - gradeShares: the share of each overall grade among judgements of one financial year
 *   (April to March), dated by publication or by the start of the inspection, counting SIF
 *   inspections only or other frameworks too.
 * - inadequateCount: Inadequate overall judgements published in a period.
 * - repeatTransitions: councils judged twice or more in a period, and how their grade moved.
 *
 * Pure functions: judgement rows in, typed results out; no I/O, no clock.
 */
import { daysBefore, financialYear } from "../shared/dates.ts";
import { FRAMEWORKS, SIF_FRAMEWORKS, type Framework, type InspectionRow } from "../councils/datasets.ts";
import { JUDGEMENTS, type Judgement } from "../shared/grades.ts";

export type JudgementEvent = Pick<InspectionRow, "council_code" | "framework" | "published" | "inspection_start" | "overall">;

type GradeCounts = Record<Judgement, number>;
const zero = (): GradeCounts => ({ inadequate: 0, requires_improvement: 0, good: 0, outstanding: 0 });
const rank = (grade: Judgement) => JUDGEMENTS.indexOf(grade);

/** Every framework in force before ILACS (2009–2018). */
export const PRE_ILACS_FRAMEWORKS: readonly Framework[] = FRAMEWORKS.filter((f) => !f.startsWith("ilacs"));

import { wholePercent } from "../shared/percent.ts";

export { wholePercent };

export type DateBasis = "publication" | "inspection_start";

/**
 * What to do, when dating by inspection start, with a judgement that has no start date:
 * - `exclude`: leave it out (and count how many were left out);
 * - `publication`: date it by its publication instead;
 * - `same_day_batch`: SIF reports were published in batches; give it the earliest start
 *   date of the SIF inspections published the same day, or leave it out if there is none.
 */
export type Undated = "exclude" | "publication" | "same_day_batch";

export interface ShareRule {
  readonly basis: DateBasis;
  readonly frameworks: readonly Framework[];
  readonly undated?: Undated;
  /**
   * Only for frameworks other than SIF, which have no inspection dates in the data: date
   * each such judgement this many days before its publication (an assumed gap between
   * inspection and report). Takes precedence over `undated` for those judgements.
   */
  readonly nonSifLagDays?: number;
}

export interface GradeShares {
  readonly year: string;
  readonly counted: number;
  readonly counts: Readonly<GradeCounts>;
  /** Whole-number percentages (halves up), as the report prints them. */
  readonly percent: Readonly<GradeCounts>;
  /** Judgements left out for want of a start date. */
  readonly leftOut: number;
  /** Judgements dated by a stand-in (publication date or same-day batch). */
  readonly standIn: number;
}

/** Where a judgement's date came from under a rule. */
export type DateSource = "own" | "standIn";

/**
 * The date `rule` places each judgement on: its publication or its inspection start; a
 * judgement of another framework than SIF without a start takes its publication less
 * `nonSifLagDays` (when set); any other judgement without a start follows `rule.undated`.
 * Returns undefined for a judgement the rule leaves out.
 */
export function judgementDater(events: readonly JudgementEvent[], rule: ShareRule): (e: JudgementEvent) => { readonly date: string; readonly source: DateSource } | undefined {
  const undated = rule.undated ?? "exclude";
  const batchStart = new Map<string, string>();
  for (const e of events) {
    if (!SIF_FRAMEWORKS.includes(e.framework) || e.inspection_start === null) continue;
    const earlier = batchStart.get(e.published);
    if (earlier === undefined || e.inspection_start < earlier) batchStart.set(e.published, e.inspection_start);
  }
  return (e) => {
    if (rule.basis === "publication") return { date: e.published, source: "own" };
    if (e.inspection_start !== null) return { date: e.inspection_start, source: "own" };
    if (rule.nonSifLagDays !== undefined && !SIF_FRAMEWORKS.includes(e.framework)) return { date: daysBefore(e.published, rule.nonSifLagDays), source: "standIn" };
    const date = undated === "publication" ? e.published : undated === "same_day_batch" ? batchStart.get(e.published) : undefined;
    return date === undefined ? undefined : { date, source: "standIn" };
  };
}

/**
 * Shares of each overall grade among the judgements of `frameworks` falling in financial
 * year `year` under `rule`. With 40 judgements of which 11 inadequate, 22 requires
 * improvement and 7 good: 11/40 = 27.5% → 28, 22/40 = 55%, 7/40 = 17.5% → 18, 0%.
 */
export function gradeShares(events: readonly JudgementEvent[], year: string, rule: ShareRule): GradeShares {
  const dateOf = judgementDater(events, rule);
  const counts = zero();
  let leftOut = 0;
  let standIn = 0;
  for (const e of events) {
    if (!rule.frameworks.includes(e.framework)) continue;
    const placed = dateOf(e);
    if (placed === undefined) {
      // Left out: count it against the year it would most likely fall in, its publication year.
      if (financialYear(e.published) === year) leftOut += 1;
      continue;
    }
    if (financialYear(placed.date) !== year) continue;
    counts[e.overall] += 1;
    if (placed.source === "standIn") standIn += 1;
  }
  const counted = JUDGEMENTS.reduce((sum, g) => sum + counts[g], 0);
  const percent = zero();
  if (counted > 0) for (const g of JUDGEMENTS) percent[g] = wholePercent(counts[g], counted);
  return { year, counted, counts, percent, leftOut, standIn };
}

/** Inadequate overall judgements of `frameworks` published from `from` to `to` (ISO dates, inclusive). */
export function inadequateCount(events: readonly JudgementEvent[], from: string, to: string, frameworks: readonly Framework[]): { judgements: number; councils: number } {
  const hits = events.filter((e) => e.overall === "inadequate" && frameworks.includes(e.framework) && from <= e.published && e.published <= to);
  return { judgements: hits.length, councils: new Set(hits.map((e) => e.council_code)).size };
}

export interface TransitionRule {
  readonly frameworks: readonly Framework[];
  /** Publication dates from and to (inclusive). */
  readonly from: string;
  readonly to: string;
}

export interface RepeatTransitions {
  /** Councils with two or more judgements under the rule. */
  readonly councils: number;
  /** First judgement → last judgement: firstLast[first][last] councils. */
  readonly firstLast: Readonly<Record<Judgement, Readonly<GradeCounts>>>;
  /** Councils with at least one step from a better grade down to Inadequate. */
  readonly steppedIntoInadequate: number;
  /** Councils with at least one step from Inadequate up to a better grade. */
  readonly steppedOutOfInadequate: number;
  /** First and last both Inadequate. */
  readonly stayedInadequate: number;
  /** First and last both Requires improvement (or adequate). */
  readonly stayedRequiresImprovement: number;
  /** First Inadequate, last better. */
  readonly leftInadequate: number;
  /** Last better than first. */
  readonly improved: number;
  /** Last worse than first. */
  readonly declined: number;
}

/**
 * Councils judged twice or more under `rule`, and how their overall grade moved, taking
 * each council's judgements in publication order (same-day judgements in framework order).
 */
export function repeatTransitions(events: readonly JudgementEvent[], rule: TransitionRule): RepeatTransitions {
  const byCouncil = new Map<string, JudgementEvent[]>();
  for (const e of events) {
    if (!rule.frameworks.includes(e.framework) || e.published < rule.from || e.published > rule.to) continue;
    byCouncil.set(e.council_code, [...(byCouncil.get(e.council_code) ?? []), e]);
  }
  const firstLast = Object.fromEntries(JUDGEMENTS.map((g) => [g, zero()])) as Record<Judgement, GradeCounts>;
  let councils = 0;
  let steppedIntoInadequate = 0;
  let steppedOutOfInadequate = 0;
  for (const list of byCouncil.values()) {
    if (list.length < 2) continue;
    const order = (e: JudgementEvent) => rule.frameworks.indexOf(e.framework);
    const grades = [...list].sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : order(a) - order(b))).map((e) => e.overall);
    councils += 1;
    firstLast[grades[0]][grades[grades.length - 1]] += 1;
    const steps = grades.slice(1).map((to, i) => [grades[i], to] as const);
    if (steps.some(([from, to]) => from !== "inadequate" && to === "inadequate")) steppedIntoInadequate += 1;
    if (steps.some(([from, to]) => from === "inadequate" && to !== "inadequate")) steppedOutOfInadequate += 1;
  }
  let improved = 0;
  let declined = 0;
  for (const first of JUDGEMENTS) {
    for (const last of JUDGEMENTS) {
      if (rank(last) > rank(first)) improved += firstLast[first][last];
      if (rank(last) < rank(first)) declined += firstLast[first][last];
    }
  }
  const fromInadequate = firstLast.inadequate;
  return {
    councils,
    firstLast,
    steppedIntoInadequate,
    steppedOutOfInadequate,
    stayedInadequate: fromInadequate.inadequate,
    stayedRequiresImprovement: firstLast.requires_improvement.requires_improvement,
    leftInadequate: fromInadequate.requires_improvement + fromInadequate.good + fromInadequate.outstanding,
    improved,
    declined,
  };
}
