/**
 * The ILACS years (2018 onwards) asked the 2015 report's questions, from the per-council
 * judgements in data/ilacs/judgements.csv and, for spells that began earlier, the SIF
 * judgements in data/councils/inspections.csv:
 *
 * - gradesByYear: overall grades by calendar year of publication, with shares of the graded;
 * - consecutiveMoves: every pair of a council's consecutive graded ILACS inspections, as a
 *   from → to matrix and as improved / stayed / declined;
 * - firstToLatest: councils with two or more graded ILACS inspections, first against latest,
 *   and the share "stuck" (Inadequate both times or requires improvement both times), the
 *   measure behind the 2015 report's 33%;
 * - inadequateSpells: how long councils stayed Inadequate, from the report that judged them
 *   Inadequate to the first later report with a better grade, summarised by a Kaplan–Meier
 *   estimate in which spells still running are censored at the data's last date;
 * - subJudgementAgreement: how each sub-judgement compares with the overall grade;
 * - latestByRegion: each current council's latest grade, by region.
 *
 * Pure functions: rows in, typed results out; no I/O, no clock.
 */

import { DAYS_PER_YEAR, daysBetween } from "../shared/dates.ts";
import { ILACS_SUB_JUDGEMENTS, type IlacsJudgementRow, type IlacsSubJudgement } from "./datasets.ts";
import { JUDGEMENTS, type Judgement } from "../shared/grades.ts";
import { compareText } from "../../engine/compare.ts";

type Counts = Record<Judgement, number>;
const zero = (): Counts => ({ inadequate: 0, requires_improvement: 0, good: 0, outstanding: 0 });
/** 0 = inadequate … 3 = outstanding. */
export const rank = (grade: Judgement) => JUDGEMENTS.indexOf(grade);

export type IlacsRow = Pick<IlacsJudgementRow, "council_code" | "published" | "overall" | "inspection_type"> & Partial<Pick<IlacsJudgementRow, IlacsSubJudgement>>;
type Graded<T> = T & { readonly overall: Judgement };

const graded = <T extends { overall: Judgement | null }>(rows: readonly T[]): Graded<T>[] => rows.filter((r): r is Graded<T> => r.overall !== null);

/** Rows grouped by council, each council's rows in publication order; councils in code order. */
function byCouncil<T extends { council_code: string; published: string }>(rows: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.council_code, [...(groups.get(row.council_code) ?? []), row]);
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([code, list]) => [code, [...list].sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : 0))]);
}

const share = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);

// ---------------------------------------------------------------------------

export interface YearGrades {
  /** Calendar year of publication. */
  readonly year: number;
  readonly counts: Readonly<Counts>;
  /** Reports with an overall grade. */
  readonly graded: number;
  /** Reports without one (after the 2026 reform). */
  readonly ungraded: number;
  /** Shares of the graded reports, 0–100, unrounded. */
  readonly shares: Readonly<Counts>;
  /** The data do not cover the whole calendar year: it holds the first or the last report in the data. */
  readonly partYear: boolean;
}

/** Overall grades by calendar year of publication, every year from the first to the last present. */
export function gradesByYear(rows: readonly IlacsRow[]): YearGrades[] {
  if (rows.length === 0) return [];
  const dates = rows.map((r) => r.published).sort();
  // The data begin at the first report and end at the last: the years holding them are
  // part-years unless those reports fall on 1 January and 31 December.
  const [first, last] = [dates[0], dates[dates.length - 1]];
  const isPart = (year: number) => (year === Number(first.slice(0, 4)) && !first.endsWith("-01-01")) || (year === Number(last.slice(0, 4)) && !last.endsWith("-12-31"));
  const years = rows.map((r) => Number(r.published.slice(0, 4)));
  const result: YearGrades[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    const inYear = rows.filter((r) => Number(r.published.slice(0, 4)) === year);
    const counts = zero();
    for (const r of graded(inYear)) counts[r.overall] += 1;
    const total = JUDGEMENTS.reduce((sum, g) => sum + counts[g], 0);
    const shares = zero();
    for (const g of JUDGEMENTS) shares[g] = share(counts[g], total);
    result.push({ year, counts, graded: total, ungraded: inYear.length - total, shares, partYear: isPart(year) });
  }
  return result;
}

// ---------------------------------------------------------------------------

export interface Moves {
  /** Pairs of consecutive graded inspections of the same council. */
  readonly pairs: number;
  /** matrix[from][to]: pairs from one grade to another. */
  readonly matrix: Readonly<Record<Judgement, Readonly<Counts>>>;
  readonly improved: number;
  readonly stayed: number;
  readonly declined: number;
  /** Pairs that stayed Inadequate, and that stayed requires improvement. */
  readonly stayedInadequate: number;
  readonly stayedRequiresImprovement: number;
}

function tally(pairs: readonly (readonly [Judgement, Judgement])[]): Moves {
  const matrix = Object.fromEntries(JUDGEMENTS.map((g) => [g, zero()])) as Record<Judgement, Counts>;
  let improved = 0;
  let declined = 0;
  for (const [from, to] of pairs) {
    matrix[from][to] += 1;
    if (rank(to) > rank(from)) improved += 1;
    if (rank(to) < rank(from)) declined += 1;
  }
  return {
    pairs: pairs.length,
    matrix,
    improved,
    declined,
    stayed: pairs.length - improved - declined,
    stayedInadequate: matrix.inadequate.inadequate,
    stayedRequiresImprovement: matrix.requires_improvement.requires_improvement,
  };
}

/** Every pair of a council's consecutive graded ILACS inspections (ungraded reports are skipped). */
export function consecutiveMoves(rows: readonly IlacsRow[]): Moves {
  return tally(byCouncil(graded(rows)).flatMap(([, list]) => list.slice(1).map((to, i) => [list[i].overall, to.overall] as const)));
}

export interface FirstToLatest extends Moves {
  /** Councils with two or more graded ILACS inspections (= pairs here). */
  readonly councils: number;
  /** First and latest both Inadequate or both requires improvement. */
  readonly stuck: number;
  /** 100 × stuck ÷ councils. */
  readonly stuckShare: number;
}

/** Each council's first graded ILACS inspection against its latest, for councils with two or more. */
export function firstToLatest(rows: readonly IlacsRow[]): FirstToLatest {
  const pairs = byCouncil(graded(rows))
    .filter(([, list]) => list.length >= 2)
    .map(([, list]) => [list[0].overall, list[list.length - 1].overall] as const);
  const moves = tally(pairs);
  const stuck = moves.stayedInadequate + moves.stayedRequiresImprovement;
  return { ...moves, councils: moves.pairs, stuck, stuckShare: share(stuck, moves.pairs) };
}

// ---------------------------------------------------------------------------

/** A whole-service judgement of any framework, for spells that cross from SIF into ILACS. */
export interface GradedReport {
  readonly council_code: string;
  readonly published: string;
  readonly overall: Judgement | null;
}

export interface InadequateSpell {
  readonly council_code: string;
  /** Publication of the report that first judged the council Inadequate. */
  readonly from: string;
  /** Publication of the first later report with a better grade; null while still Inadequate. */
  readonly to: string | null;
  /** Whole days from → to, or from → asOf for a spell still running. */
  readonly days: number;
  readonly ended: boolean;
}

/** One step of a Kaplan–Meier curve: at `days`, `events` spells ended of the `atRisk` still running just before. */
export interface SurvivalStep {
  readonly days: number;
  /** Spells still Inadequate just before `days` (ended or censored at `days` included). */
  readonly atRisk: number;
  /** Spells that ended at `days`. */
  readonly events: number;
  /** Spells still running whose observation stops at `days` (censored). */
  readonly censored: number;
  /** The estimated share still Inadequate just after `days`, 0–1. */
  readonly survival: number;
}

export interface SurvivalEstimate {
  readonly steps: readonly SurvivalStep[];
  /** The first time the estimate falls to one half or below, and the spells at risk then; undefined while it stays above. */
  readonly median: { readonly days: number; readonly atRisk: number } | undefined;
}

/**
 * The Kaplan–Meier estimate of how long a spell lasts, from spells that ended (events) and
 * spells still running (censored at their length so far). At each distinct length t with d
 * ends among the n spells lasting at least t, the share still running is multiplied by
 * (1 − d ÷ n); a spell censored at t is still counted at risk at t. Counting only the ended
 * spells would leave out exactly the longest ones and bias the median short.
 */
export function kaplanMeier(spells: readonly { readonly days: number; readonly ended: boolean }[]): SurvivalEstimate {
  const times = [...new Set(spells.map((s) => s.days))].sort((a, b) => a - b);
  const steps: SurvivalStep[] = [];
  let survival = 1;
  let median: SurvivalEstimate["median"];
  for (const days of times) {
    const atRisk = spells.filter((s) => s.days >= days).length;
    const events = spells.filter((s) => s.days === days && s.ended).length;
    const censored = spells.filter((s) => s.days === days && !s.ended).length;
    survival *= 1 - events / atRisk;
    steps.push({ days, atRisk, events, censored, survival });
    if (median === undefined && events > 0 && survival <= 0.5) median = { days, atRisk };
  }
  return { steps, median };
}

export interface SpellSummary {
  readonly spells: readonly InadequateSpell[];
  readonly ended: number;
  readonly running: number;
  /** The Kaplan–Meier estimate over every spell, running ones censored at the data's last date. */
  readonly survival: SurvivalEstimate;
  /** Median length in days of the spells that ended only (mean of the middle two for an even count); biased short, kept to show by how much. */
  readonly medianDays: number | undefined;
  readonly shortestDays: number | undefined;
  readonly longestDays: number | undefined;
  /** Spells by their length in whole years (0 = under a year), ended and still running, from 0 to the longest. */
  readonly byYears: readonly { readonly years: number; readonly ended: number; readonly running: number }[];
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Spells Inadequate, from whole-service reports in publication order: a spell starts at an
 * Inadequate report that does not follow another Inadequate one, and ends at the next
 * report with a better grade. Reports without a grade neither start nor end a spell. A spell
 * counts only if it started on or after `since`; one still running is measured to `asOf`.
 */
export function inadequateSpells(reports: readonly GradedReport[], since: string, asOf: string): SpellSummary {
  const spells: InadequateSpell[] = [];
  for (const [code, list] of byCouncil(graded(reports))) {
    let start: string | null = null;
    for (const report of list) {
      if (report.overall === "inadequate") {
        start ??= report.published;
      } else if (start !== null) {
        if (start >= since) spells.push({ council_code: code, from: start, to: report.published, days: daysBetween(start, report.published), ended: true });
        start = null;
      }
    }
    if (start !== null && start >= since) spells.push({ council_code: code, from: start, to: null, days: daysBetween(start, asOf), ended: false });
  }
  const endedDays = spells.filter((s) => s.ended).map((s) => s.days);
  const wholeYears = (s: InadequateSpell) => Math.floor(s.days / DAYS_PER_YEAR);
  const maxYears = Math.max(-1, ...spells.map(wholeYears));
  return {
    spells,
    ended: endedDays.length,
    running: spells.length - endedDays.length,
    survival: kaplanMeier(spells),
    medianDays: median(endedDays),
    shortestDays: endedDays.length > 0 ? Math.min(...endedDays) : undefined,
    longestDays: endedDays.length > 0 ? Math.max(...endedDays) : undefined,
    byYears: Array.from({ length: maxYears + 1 }, (_, years) => {
      const inBucket = spells.filter((s) => wholeYears(s) === years);
      return { years, ended: inBucket.filter((s) => s.ended).length, running: inBucket.filter((s) => !s.ended).length };
    }),
  };
}

// ---------------------------------------------------------------------------

export interface SubAgreement {
  readonly sub: IlacsSubJudgement;
  /** Graded reports that also grade this sub-judgement. */
  readonly reports: number;
  readonly same: number;
  /** Sub-judgement better than the overall grade. */
  readonly better: number;
  readonly worse: number;
  /** 100 × same ÷ reports. */
  readonly sameShare: number;
  /** Publication date of the first graded report that gives this sub-judgement. */
  readonly first: string | undefined;
}

/** How each sub-judgement compares with the overall grade of the same report. */
export function subJudgementAgreement(rows: readonly IlacsRow[]): SubAgreement[] {
  return ILACS_SUB_JUDGEMENTS.map((sub) => {
    let same = 0;
    let better = 0;
    let worse = 0;
    let first: string | undefined;
    for (const row of graded(rows)) {
      const grade = row[sub];
      if (grade === undefined || grade === null) continue;
      if (first === undefined || row.published < first) first = row.published;
      if (rank(grade) === rank(row.overall)) same += 1;
      else if (rank(grade) > rank(row.overall)) better += 1;
      else worse += 1;
    }
    const reports = same + better + worse;
    return { sub, reports, same, better, worse, sameShare: share(same, reports), first };
  });
}

// ---------------------------------------------------------------------------

export interface RegionLatest {
  readonly region: string;
  readonly councils: number;
  readonly counts: Readonly<Counts>;
  /** 100 × (good + outstanding) ÷ councils. */
  readonly goodOrBetterShare: number;
  /** 100 × (inadequate + requires improvement) ÷ councils. */
  readonly belowGoodShare: number;
}

export interface LatestGrades {
  /** Each council's latest graded ILACS report, by code. */
  readonly latest: ReadonlyMap<string, Graded<IlacsRow>>;
  /** Regions in name order. */
  readonly regions: readonly RegionLatest[];
  readonly england: RegionLatest;
}

function regionSummary(region: string, grades: readonly Judgement[]): RegionLatest {
  const counts = zero();
  for (const g of grades) counts[g] += 1;
  return {
    region,
    councils: grades.length,
    counts,
    goodOrBetterShare: share(counts.good + counts.outstanding, grades.length),
    belowGoodShare: share(counts.inadequate + counts.requires_improvement, grades.length),
  };
}

/** Each listed council's latest graded ILACS report, counted by region and for England. */
export function latestByRegion(rows: readonly IlacsRow[], councils: readonly { readonly code: string; readonly region: string }[]): LatestGrades {
  const latest = new Map<string, Graded<IlacsRow>>();
  for (const [code, list] of byCouncil(graded(rows))) latest.set(code, list[list.length - 1]);
  const byRegion = new Map<string, Judgement[]>();
  const all: Judgement[] = [];
  for (const council of councils) {
    const report = latest.get(council.code);
    if (!report) continue;
    byRegion.set(council.region, [...(byRegion.get(council.region) ?? []), report.overall]);
    all.push(report.overall);
  }
  const regions = [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b, "en")).map(([region, grades]) => regionSummary(region, grades));
  return { latest, regions, england: regionSummary("England", all) };
}

// ---------------------------------------------------------------------------

export interface IlacsInput {
  /** ILACS reports (data/ilacs/judgements.csv). */
  readonly rows: readonly IlacsRow[];
  /** Whole-service reports before ILACS (SIF and its re-inspections), for spells that began then. */
  readonly earlierReports: readonly GradedReport[];
  /** The councils counted in the regional view (current councils), with their region. */
  readonly councils: readonly { readonly code: string; readonly region: string }[];
}

export interface IlacsOptions {
  /** Spells Inadequate are counted when they began on or after this date. */
  readonly spellsSince: string;
}

export interface IlacsAnalysis {
  /** The latest publication date in the ILACS rows: the data's "as of" date, and the end of running spells. */
  readonly asOf: string;
  readonly first: string;
  readonly reports: number;
  readonly graded: number;
  readonly councils: number;
  readonly years: readonly YearGrades[];
  readonly moves: Moves;
  readonly firstLatest: FirstToLatest;
  readonly spells: SpellSummary;
  readonly spellsSince: string;
  readonly subs: readonly SubAgreement[];
  readonly regional: LatestGrades;
}

export function analyseIlacs(input: IlacsInput, options: IlacsOptions): IlacsAnalysis {
  if (input.rows.length === 0) throw new Error("there are no ILACS reports to analyse");
  const dates = input.rows.map((r) => r.published).sort();
  const asOf = dates[dates.length - 1];
  return {
    asOf,
    first: dates[0],
    reports: input.rows.length,
    graded: graded(input.rows).length,
    councils: new Set(input.rows.map((r) => r.council_code)).size,
    years: gradesByYear(input.rows),
    moves: consecutiveMoves(input.rows),
    firstLatest: firstToLatest(input.rows),
    spells: inadequateSpells([...input.earlierReports, ...input.rows], options.spellsSince, asOf),
    spellsSince: options.spellsSince,
    subs: subJudgementAgreement(input.rows),
    regional: latestByRegion(input.rows, input.councils),
  };
}
