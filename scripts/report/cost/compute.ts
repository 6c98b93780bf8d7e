/**
 * The cost of Inadequate judgements across the system (executive summary, chapter 2):
 * average Inadequate ratings per year times a cost per council.
 *
 *   48 ratings from April 2010 to March 2015 (2015 − 2010 = 5 years) → 48 ÷ 5 = 9.6 a year
 *   the report rounds 9.6 up to 10:      10 × £3m = £30m a year
 *   without rounding:                   9.6 × £3m = £28.8m a year (£1.2m less)
 *
 * Pure functions: numbers in, typed results out.
 */
import type { CostMeasure } from "./datasets.ts";
import { measureValues, type MeasureRow } from "../shared/measures.ts";

export interface CostInputs {
  readonly inadequateRatings: number;
  /** The period runs from April of the start year to March of the end year. */
  readonly periodStartYear: number;
  readonly periodEndYear: number;
}

export interface RatingsPerYear {
  /** April of the start year to March of the end year: end − start whole years. */
  readonly years: number;
  /** ratings ÷ years, unrounded. */
  readonly exact: number;
  /** exact rounded up to a whole number, as the report does. */
  readonly roundedUp: number;
}

export function ratingsPerYear({ inadequateRatings, periodStartYear, periodEndYear }: CostInputs): RatingsPerYear {
  const years = periodEndYear - periodStartYear;
  if (years <= 0) throw new Error(`the period from April ${periodStartYear} to March ${periodEndYear} is empty`);
  const exact = inadequateRatings / years;
  // Round away binary noise before rounding up, so that 9.000000000000002 stays 9.
  return { years, exact, roundedUp: Math.ceil(Math.round(exact * 1e9) / 1e9) };
}

export interface AnnualCost {
  readonly name: string;
  /** Cost of recovery per council, £. */
  readonly perCouncil: number;
  /** perCouncil × the report's rounded ratings per year. */
  readonly withRounded: number;
  /** perCouncil × the unrounded ratings per year. */
  readonly withExact: number;
  /** withRounded − withExact: what the rounding adds. */
  readonly roundingGap: number;
}

/** The annual cost at each named cost per council, with the rounded and the exact rate. */
export function annualCosts(rate: RatingsPerYear, perCouncil: readonly { name: string; amount: number }[]): AnnualCost[] {
  return perCouncil.map(({ name, amount }) => {
    const withRounded = rate.roundedUp * amount;
    const withExact = Math.round(rate.exact * amount * 100) / 100;
    return { name, perCouncil: amount, withRounded, withExact, roundingGap: withRounded - withExact };
  });
}

export interface CostPublished {
  readonly estimateLow: number;
  readonly estimateHigh: number;
  readonly singleCouncil: number;
  readonly inadequateRatings: number;
  readonly periodStartYear: number;
  readonly periodEndYear: number;
  readonly ratingsPerYearStated: number;
  readonly ratingsPerYearUsed: number;
  readonly annualCostStated: number;
}

export interface CostAnalysis {
  readonly published: CostPublished;
  readonly rate: RatingsPerYear;
  /** At the lowest estimate ("low", the report's choice), one council's cost ("single") and the highest ("high"), in that order. */
  readonly annual: readonly AnnualCost[];
}

/** Everything the family reports, from the published rows. */
export function analyseCost(rows: readonly MeasureRow<CostMeasure>[]): CostAnalysis {
  const v = measureValues(rows);
  const published: CostPublished = {
    estimateLow: v.estimate_low,
    estimateHigh: v.estimate_high,
    singleCouncil: v.single_council,
    inadequateRatings: v.inadequate_ratings,
    periodStartYear: v.period_start_year,
    periodEndYear: v.period_end_year,
    ratingsPerYearStated: v.ratings_per_year_stated,
    ratingsPerYearUsed: v.ratings_per_year_used,
    annualCostStated: v.annual_cost_stated,
  };
  const rate = ratingsPerYear(published);
  const annual = annualCosts(rate, [
    { name: "low", amount: published.estimateLow },
    { name: "single", amount: published.singleCouncil },
    { name: "high", amount: published.estimateHigh },
  ]);
  return { published, rate, annual };
}
