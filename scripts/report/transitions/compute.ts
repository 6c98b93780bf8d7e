/**
 * Councils inspected twice or more since 2010 (chapter 1, section 3): what the report's
 * four published movements add up to, which share stayed Inadequate or RI, and which
 * denominators would make its two unexplained percentages come out as printed.
 *
 * With the published counts:
 *   stayed Inadequate or RI = 5 + 23 = 28, and 28 ÷ 86 = 32.56% → the report's "33%";
 *   described = 16 + 18 + 5 + 23 = 62, so 86 − 62 = 24 councils are not described at all.
 *
 * Pure functions: numbers in, typed results out; nothing here corrects the source.
 */
import type { TransitionMeasure } from "./datasets.ts";
import { measureValues, type MeasureRow } from "../shared/measures.ts";

export interface TransitionCounts {
  readonly councils: number;
  readonly becameInadequate: number;
  readonly towardsGood: number;
  readonly stayedInadequate: number;
  readonly stayedRi: number;
}

export interface TransitionSummary extends TransitionCounts {
  /** Stayed Inadequate plus stayed RI. */
  readonly stayedLow: number;
  /** stayedLow as a share of all councils, 0–100. */
  readonly stayedLowShare: number;
  /** Councils in one of the four published movements. */
  readonly described: number;
  /** Councils the report does not place in any movement: councils − described. */
  readonly undescribed: number;
}

export function summariseTransitions(counts: TransitionCounts): TransitionSummary {
  const stayedLow = counts.stayedInadequate + counts.stayedRi;
  const described = counts.becameInadequate + counts.towardsGood + stayedLow;
  if (described > counts.councils) throw new Error(`the movements add up to ${described}, more than the ${counts.councils} councils`);
  return { ...counts, stayedLow, stayedLowShare: (100 * stayedLow) / counts.councils, described, undescribed: counts.councils - described };
}

export interface DenominatorReconstruction {
  readonly numerator: number;
  /** The printed percentage, 0–100. */
  readonly stated: number;
  /** Half the width of the rounding band of the printed value (0.5 for a whole percentage). */
  readonly halfBand: number;
  /** Every whole denominator d ≥ numerator with |100 × numerator ÷ d − stated| ≤ halfBand, ascending. */
  readonly denominators: readonly number[];
  /** The consistent denominator whose share is nearest the printed value (the smaller one on a tie). */
  readonly nearest: number;
  /** 100 × numerator ÷ nearest. */
  readonly nearestShare: number;
}

/**
 * Which group sizes are consistent with a printed percentage, given the count it is a
 * share of. For 5 councils and "25%" printed as a whole number (band 24.5–25.5):
 *   5 ÷ d ≥ 0.245 → d ≤ 20.4, and 5 ÷ d ≤ 0.255 → d ≥ 19.6, so d = 20 only.
 * For 23 councils and "56%" (band 55.5–56.5): 40.7 ≤ d ≤ 41.4, so d = 41 (23 ÷ 41 = 56.1%).
 * Fails when no whole denominator fits, which would mean the numerator is not the one behind the percentage.
 */
export function consistentDenominators(numerator: number, stated: number, halfBand = 0.5): DenominatorReconstruction {
  if (!Number.isInteger(numerator) || numerator <= 0) throw new Error(`the numerator must be a positive whole number, got ${numerator}`);
  if (!(stated > halfBand && stated <= 100)) throw new Error(`the printed share must be above ${halfBand}% and at most 100%, got ${stated}`);
  const smallest = Math.max(numerator, Math.ceil((100 * numerator) / (stated + halfBand)));
  const largest = Math.floor((100 * numerator) / (stated - halfBand));
  const share = (d: number) => (100 * numerator) / d;
  const denominators: number[] = [];
  for (let d = smallest; d <= largest; d += 1) {
    // Compare with a little room for binary noise at the band's edges.
    if (Math.abs(share(d) - stated) <= halfBand + 1e-9) denominators.push(d);
  }
  if (denominators.length === 0) throw new Error(`no whole number of councils gives ${numerator} as ${stated}% (±${halfBand})`);
  const nearest = denominators.reduce((best, d) => (Math.abs(share(d) - stated) < Math.abs(share(best) - stated) ? d : best));
  return { numerator, stated, halfBand, denominators, nearest, nearestShare: share(nearest) };
}

export interface TransitionAnalysis {
  readonly summary: TransitionSummary;
  /** The printed share that stayed Inadequate or RI ("33%"). */
  readonly statedStayedLowShare: number;
  /** Group sizes behind the printed share of 2010's Inadequate councils that stayed Inadequate. */
  readonly stayedInadequate: DenominatorReconstruction;
  /** Group sizes behind the printed share of 2010's RI councils that kept the rating. */
  readonly stayedRi: DenominatorReconstruction;
}

/**
 * Everything the family reports, from the published rows. The reconstructions assume the
 * printed percentages are shares of the published counts that stayed (5 and 23): the
 * report does not say so, and the figure and stats call them a reconstruction.
 */
export function analyseTransitions(rows: readonly MeasureRow<TransitionMeasure>[]): TransitionAnalysis {
  const v = measureValues(rows);
  return {
    summary: summariseTransitions({
      councils: v.councils,
      becameInadequate: v.became_inadequate,
      towardsGood: v.towards_good,
      stayedInadequate: v.stayed_inadequate,
      stayedRi: v.stayed_ri,
    }),
    statedStayedLowShare: v.stayed_inadequate_or_ri_percent,
    stayedInadequate: consistentDenominators(v.stayed_inadequate, v.inadequate_2010_stayed_percent),
    stayedRi: consistentDenominators(v.stayed_ri, v.ri_2010_kept_percent),
  };
}
