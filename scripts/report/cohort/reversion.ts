/**
 * Reversion to the mean, as a worked illustration with made-up numbers (chapter 2).
 * If a score in one year is partly luck, the next year's score is expected to sit
 * between it and the average: each score moves a fixed fraction of the way back.
 *
 *   expected next = score + fraction × (mean − score)
 *
 * With scores 40 and 100 (mean 70) and fraction ½: 40 → 40 + ½ × 30 = 55 and
 * 100 → 100 − ½ × 30 = 85; the spread narrows from 60 to 30 points, i.e. by the fraction.
 *
 * Pure functions: numbers in, typed results out.
 */

export interface ScoredExample {
  readonly example: string;
  readonly score: number;
}

export interface RevertedExample {
  readonly example: string;
  readonly before: number;
  readonly after: number;
  /** after − before: positive for scores below the mean, negative above it. */
  readonly move: number;
}

export interface Reversion {
  readonly mean: number;
  readonly fraction: number;
  readonly examples: readonly RevertedExample[];
  /** Highest minus lowest score, before and after. */
  readonly spreadBefore: number;
  readonly spreadAfter: number;
}

const spread = (values: readonly number[]) => Math.max(...values) - Math.min(...values);

/** Move every score `fraction` of the way towards the examples' own mean. */
export function revertTowardMean(examples: readonly ScoredExample[], fraction: number): Reversion {
  if (examples.length < 2) throw new Error("at least two examples are needed to show reversion to the mean");
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`the fraction moved back must be above 0 and at most 1, got ${fraction}`);
  const mean = examples.reduce((sum, e) => sum + e.score, 0) / examples.length;
  const reverted = examples.map(({ example, score }) => {
    const after = score + fraction * (mean - score);
    return { example, before: score, after, move: after - score };
  });
  return {
    mean,
    fraction,
    examples: reverted,
    spreadBefore: spread(reverted.map((e) => e.before)),
    spreadAfter: spread(reverted.map((e) => e.after)),
  };
}
