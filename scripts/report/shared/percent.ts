/**
 * Whole-number percentages as the 2015 report prints them: halves rounded up.
 */

/**
 * A whole-number percentage of k out of n, halves rounded up, in exact integer arithmetic:
 * round(100k/n) = floor((200k + n) / 2n). E.g. 11 of 40 = 27.5% → 28; 7 of 40 = 17.5% → 18.
 */
export function wholePercent(k: number, n: number): number {
  if (n <= 0) throw new Error("a share of nothing has no percentage");
  return Math.floor((200 * k + n) / (2 * n));
}
