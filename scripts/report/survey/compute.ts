/**
 * The sector scoring survey: which numbers of respondents could have produced the
 * percentages the report prints, what is left over when both agreement and
 * disagreement are given, and whether the workforce exhaustion figures add up.
 *
 * The report prints percentages only, never counts; its footnotes give "n80", which
 * we read as "at most 80 respondents" (a statement can have been answered by fewer).
 * A percentage printed with d decimals is consistent with n respondents when some
 * whole number k of them, 0 ≤ k ≤ n, gives 100·k/n which rounds to the printed value:
 *
 *   65.3% (one decimal), n = 75:  k = 49 → 100·49/75 = 65.333… → 65.3 ✓
 *   65.3% (one decimal), n = 80:  k = 52 → 65.0, k = 53 → 66.25 → neither is 65.3 ✗
 *
 * Pure functions: rows in, typed results out. All comparisons are made in whole
 * numbers, so a value exactly halfway (87.5 for 70 of 80) is never misjudged by
 * binary floating point.
 */

/** One printed share of a statement, e.g. agree or strongly agree = 65.3 (one decimal). */
export interface PublishedShare {
  /** Response group, e.g. "agree_or_strongly_agree". */
  readonly response: string;
  /** The share as printed, 0–100. */
  readonly percent: number;
  /** Decimals as printed: 1 for "65.3%", 0 for "87%". */
  readonly decimals: number;
  /** Printed with a qualifier such as "approximately": judged with `approximateTolerance`, not by rounding. */
  readonly approximate: boolean;
}

/**
 * How a true share is taken to have been rounded to the printed value:
 *   halfUp    ties go up:   87.5 → 88 (the usual spreadsheet rounding)
 *   halfDown  ties go down: 87.5 → 87
 * Only values exactly halfway differ, such as 100·k/80 for odd k at one decimal.
 */
export type Rounding = "halfUp" | "halfDown";

export interface ConsistencyOptions {
  /** Largest number of respondents considered; the footnotes' n80 gives 80. */
  readonly maxN?: number;
  /**
   * For approximate shares: the largest distance, in percentage points, between
   * 100·k/n and the printed value that is still consistent. Default 1 point, so
   * "approximately 44%" accepts any true share from 43% to 45% inclusive — twice
   * the ±0.5 that rounding to a whole number alone would allow.
   */
  readonly approximateTolerance?: number;
  readonly rounding?: Rounding;
}

export const DEFAULT_MAX_N = 80;
export const DEFAULT_APPROXIMATE_TOLERANCE = 1;

/** One sample size consistent with every printed share of a statement. */
export interface SampleSizeCandidate {
  readonly n: number;
  /**
   * Respondents in each response group, in the order of the shares: the combination
   * closest to the printed values whose total does not exceed n.
   */
  readonly counts: readonly number[];
  /** 100·count/n for each count: the unrounded share the counts give. */
  readonly shares: readonly number[];
}

const unitsOf = (share: PublishedShare) => {
  const scale = 10 ** share.decimals;
  // The printed value in units of its last decimal: 65.3 → 653 (exact, as it was printed with `decimals` places).
  return { scale, printed: Math.round(share.percent * scale) };
};

/**
 * Every k in 0..n whose share 100·k/n matches the printed value. In units of the last
 * printed decimal (s = 10^d, P = printed·s), 100·k/n rounds half up to P when
 *
 *   P − ½ ≤ 100·s·k/n < P + ½   ⇔   (2P − 1)·n ≤ 200·s·k < (2P + 1)·n
 *
 * (half down: the same with < on the left and ≤ on the right). For 87% (s = 1,
 * P = 87) and n = 80: 173·80 = 13,840 ≤ 200·k < 14,000 = 175·80, so 69.2 ≤ k < 70:
 * no whole k; half down admits k = 70 (70 of 80 is exactly 87.5%).
 *
 * An approximate share is consistent when |100·k/n − printed| ≤ tolerance, that is
 * |100·s·k − P·n| ≤ tolerance·s·n.
 */
export function consistentCounts(share: PublishedShare, n: number, options: ConsistencyOptions = {}): number[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`a sample size must be a whole number of at least 1, not ${n}`);
  if (!Number.isInteger(share.decimals) || share.decimals < 0) throw new Error(`decimals must be a whole number ≥ 0, not ${share.decimals}`);
  const rounding = options.rounding ?? "halfUp";
  const tolerance = options.approximateTolerance ?? DEFAULT_APPROXIMATE_TOLERANCE;
  const { scale, printed } = unitsOf(share);
  const counts: number[] = [];
  for (let k = 0; k <= n; k += 1) {
    const twice = 200 * scale * k;
    const low = (2 * printed - 1) * n;
    const high = (2 * printed + 1) * n;
    const ok = share.approximate
      ? Math.abs(100 * scale * k - printed * n) <= tolerance * scale * n
      : rounding === "halfUp"
        ? low <= twice && twice < high
        : low < twice && twice <= high;
    if (ok) counts.push(k);
  }
  return counts;
}

/** Every way of picking one count per share; small, as each share admits at most a few counts. */
function combinations(lists: readonly (readonly number[])[]): number[][] {
  return lists.reduce<number[][]>((acc, list) => acc.flatMap((prefix) => list.map((k) => [...prefix, k])), [[]]);
}

/**
 * All n in 1..maxN for which every printed share of a statement has a consistent
 * count and the counts together do not exceed n (the response groups are disjoint:
 * nobody both agrees and disagrees). Where several combinations fit, the one closest
 * to the printed values is reported (smallest sum of |100·k/n − printed|).
 *
 *   65.3% and 17.3% (both one decimal), n = 75: 49/75 = 65.333… → 65.3 and
 *   13/75 = 17.333… → 17.3; 49 + 13 = 62 ≤ 75 ✓
 */
export function consistentSampleSizes(shares: readonly PublishedShare[], options: ConsistencyOptions = {}): SampleSizeCandidate[] {
  if (shares.length === 0) throw new Error("a statement needs at least one printed share to constrain its sample size");
  const maxN = options.maxN ?? DEFAULT_MAX_N;
  const candidates: SampleSizeCandidate[] = [];
  for (let n = 1; n <= maxN; n += 1) {
    const fitting = combinations(shares.map((share) => consistentCounts(share, n, options))).filter((counts) => counts.reduce((a, b) => a + b, 0) <= n);
    if (fitting.length === 0) continue;
    const distance = (counts: readonly number[]) => counts.reduce((sum, k, i) => sum + Math.abs((100 * k) / n - shares[i].percent), 0);
    const best = fitting.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    candidates.push({ n, counts: best, shares: best.map((k) => (100 * k) / n) });
  }
  return candidates;
}

/** The consistent sample sizes under both tie rules, and where they differ. */
export interface RoundingSensitivity {
  readonly halfUp: readonly number[];
  readonly halfDown: readonly number[];
  /** Consistent only when ties round up. */
  readonly onlyHalfUp: readonly number[];
  /** Consistent only when ties round down. */
  readonly onlyHalfDown: readonly number[];
  /** True when the tie rule changes the answer at all. */
  readonly matters: boolean;
}

/**
 * Whether rounding ties down instead of up would change the consistent sample sizes.
 * Example: 87% alone, n ≤ 80. The only tie is 100·k/n = 87.5 exactly, that is
 * k/n = 7/8, so n must be a multiple of 8. Half up sends 87.5 to 88, half down to 87:
 * half down adds n = 8, 16, …, 80 (k = 7, 14, …, 70) and takes nothing away.
 */
export function roundingSensitivity(shares: readonly PublishedShare[], options: Omit<ConsistencyOptions, "rounding"> = {}): RoundingSensitivity {
  const halfUp = consistentSampleSizes(shares, { ...options, rounding: "halfUp" }).map((c) => c.n);
  const halfDown = consistentSampleSizes(shares, { ...options, rounding: "halfDown" }).map((c) => c.n);
  const onlyHalfUp = halfUp.filter((n) => !halfDown.includes(n));
  const onlyHalfDown = halfDown.filter((n) => !halfUp.includes(n));
  return { halfUp, halfDown, onlyHalfUp, onlyHalfDown, matters: onlyHalfUp.length + onlyHalfDown.length > 0 };
}

/** Sample sizes consistent with every one of several statements (each given as its candidate list). */
export function commonSampleSizes(perStatement: readonly (readonly number[])[]): number[] {
  if (perStatement.length === 0) return [];
  return perStatement.slice(1).reduce<number[]>((common, ns) => common.filter((n) => ns.includes(n)), [...perStatement[0]]);
}

/** What is left of 100% when agreement and disagreement are both printed. */
export interface Remainder {
  /** 100 − agree − disagree, rounded to the finer of the two printed decimals. */
  readonly percent: number;
  readonly decimals: number;
  /**
   * How far the true remainder can be from `percent` because the two shares were
   * rounded: half a unit of the last decimal of each (approximate shares: their tolerance).
   */
  readonly uncertainty: number;
}

/**
 * The share that neither agreed nor disagreed (or gave no answer), when the report
 * prints both sides:
 *
 *   code of conduct:   100 − 65.3 − 17.3 = 17.4   (± 0.05 + 0.05 = ± 0.1)
 *   moratorium:        100 − 44 − 39     = 17     (approximate; ± 1 + 1 = ± 2 with the default tolerance)
 *   new organisation:  100 − 51.4 − 23.6 = 25.0   (± 0.1)
 */
export function remainder(agree: PublishedShare, disagree: PublishedShare, options: Pick<ConsistencyOptions, "approximateTolerance"> = {}): Remainder {
  const tolerance = options.approximateTolerance ?? DEFAULT_APPROXIMATE_TOLERANCE;
  const decimals = Math.max(agree.decimals, disagree.decimals);
  const scale = 10 ** decimals;
  // Work in units of the finer decimal so 100 − 65.3 − 17.3 is exactly 17.4, not 17.400000000000006.
  const units = 100 * scale - Math.round(agree.percent * scale) - Math.round(disagree.percent * scale);
  const slack = (share: PublishedShare) => (share.approximate ? tolerance : 0.5 / 10 ** share.decimals);
  return { percent: units / scale, decimals, uncertainty: Math.round((slack(agree) + slack(disagree)) * scale * 10) / (scale * 10) };
}

/** Whether printed parts add up to a printed total, allowing for the rounding of each. */
export interface PartsCheck {
  readonly sum: number;
  /** sum of parts − printed total */
  readonly difference: number;
  /**
   * Largest difference rounding alone can explain: half a unit of the last decimal for
   * each part and for the total (three whole numbers: 0.5 + 0.5 + 0.5 = 1.5).
   */
  readonly tolerance: number;
  readonly consistent: boolean;
}

/**
 * Check that parts add up to a total, all printed to `decimals` places.
 * Workforce: high 73% + moderate 18% = 91%, the printed total; difference 0 ✓.
 */
export function partsAddUp(parts: readonly number[], total: number, decimals = 0): PartsCheck {
  const scale = 10 ** decimals;
  const units = (x: number) => Math.round(x * scale);
  const sumUnits = parts.reduce((sum, part) => sum + units(part), 0);
  const difference = (sumUnits - units(total)) / scale;
  const tolerance = (0.5 * (parts.length + 1)) / scale;
  return { sum: sumUnits / scale, difference, tolerance, consistent: Math.abs(difference) <= tolerance };
}

/** Sample sizes as a short list for prose and tables: [49, 75] → "49 and 75"; [] → "none". */
export function listSizes(ns: readonly number[]): string {
  if (ns.length === 0) return "none";
  if (ns.length === 1) return String(ns[0]);
  // Collapse runs of three or more: 50, 51, 52, 53 → "50–53".
  const parts: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j += 1;
    if (j - i >= 2) parts.push(`${ns[i]}–${ns[j]}`);
    else for (let m = i; m <= j; m += 1) parts.push(String(ns[m]));
    i = j + 1;
  }
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** The nearest share any whole count of at most `maxN` respondents can give to a printed value. */
export function nearestAchievableShare(percent: number, maxN = DEFAULT_MAX_N): { n: number; k: number; share: number } {
  let best = { n: 1, k: Math.round(percent / 100), share: Math.round(percent / 100) * 100 };
  for (let n = 1; n <= maxN; n += 1) {
    const k = Math.round((percent * n) / 100);
    const share = (100 * k) / n;
    if (Math.abs(share - percent) < Math.abs(best.share - percent)) best = { n, k, share };
  }
  return best;
}

/** One row of the survey register, as the analysis needs it. */
export interface SurveyRegisterRow {
  readonly statement: string;
  readonly response: string;
  readonly stated: string;
  readonly percent: number | null;
  readonly decimals: number | null;
  readonly precision: string;
  readonly label: string;
}

export interface PrintedShare extends PublishedShare {
  /** As printed: "65.3%", "approximately 44%". */
  readonly stated: string;
}

/** Everything the report gives about one statement, and what its numbers allow. */
export interface StatementAnalysis {
  readonly statement: string;
  readonly label: string;
  /** Printed percentages (exact or approximate), in register order. */
  readonly shares: readonly PrintedShare[];
  /** Results given in words only, e.g. "a majority". */
  readonly words: readonly { readonly response: string; readonly stated: string }[];
  /** Sample sizes 1..maxN consistent with every printed share (half-up rounding); empty without shares. */
  readonly candidates: readonly SampleSizeCandidate[];
  /** The tie-rule comparison; undefined without shares. */
  readonly sensitivity: RoundingSensitivity | undefined;
  /** 100 − agree − disagree when both are printed. */
  readonly remainder: Remainder | undefined;
}

export const AGREE = "agree_or_strongly_agree";
export const DISAGREE = "disagree_or_strongly_disagree";

/**
 * Group the register by statement (in order of first appearance) and work out, for
 * each, the consistent sample sizes, the tie-rule sensitivity and the remainder.
 */
export function analyseStatements(rows: readonly SurveyRegisterRow[], options: ConsistencyOptions = {}): StatementAnalysis[] {
  const statements = [...new Set(rows.map((r) => r.statement))];
  return statements.map((statement) => {
    const own = rows.filter((r) => r.statement === statement);
    const shares: PrintedShare[] = own
      .filter((r) => r.percent !== null && r.decimals !== null)
      .map((r) => ({ response: r.response, percent: r.percent as number, decimals: r.decimals as number, approximate: r.precision === "approximate", stated: r.stated }));
    const words = own.filter((r) => r.precision === "words").map((r) => ({ response: r.response, stated: r.stated }));
    const agree = shares.find((s) => s.response === AGREE);
    const disagree = shares.find((s) => s.response === DISAGREE);
    return {
      statement,
      label: own[0].label,
      shares,
      words,
      candidates: shares.length > 0 ? consistentSampleSizes(shares, options) : [],
      sensitivity: shares.length > 0 ? roundingSensitivity(shares, { maxN: options.maxN, approximateTolerance: options.approximateTolerance }) : undefined,
      remainder: agree && disagree ? remainder(agree, disagree, options) : undefined,
    };
  });
}

/** The workforce exhaustion figures: the two levels, the printed total and whether they agree. */
export interface ExhaustionSummary {
  readonly high: number;
  readonly moderate: number;
  /** As printed: high or moderate. */
  readonly total: number;
  /** high + moderate against the printed total: 73 + 18 = 91, difference 0. */
  readonly check: PartsCheck;
}

export function exhaustionSummary(rows: readonly { level: string; percent: number }[]): ExhaustionSummary {
  const level = (name: string) => {
    const row = rows.find((r) => r.level === name);
    if (!row) throw new Error(`no exhaustion share for level ${name}`);
    return row.percent;
  };
  const high = level("high");
  const moderate = level("moderate");
  const total = level("high_or_moderate");
  return { high, moderate, total, check: partsAddUp([high, moderate], total, 0) };
}
