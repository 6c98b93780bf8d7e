/**
 * The cost of an Inadequate judgement (executive summary and chapter 2): directors'
 * estimates per council, one council's reported cost, the count of Inadequate ratings
 * from April 2010 to March 2015 and the report's annual total. As published.
 */
import type { RowOf } from "../../engine/data/dataset.ts";
import { defineMeasureTable } from "../shared/measures.ts";

export const COST_MEASURES = {
  /** Lowest of the directors' estimates of the cost of recovering from Inadequate, per council. */
  estimate_low: "gbp",
  /** Highest estimate; the report says "over" this amount, so it is a lower bound. */
  estimate_high: "gbp",
  /** The additional spending one director reported after their council's Inadequate judgement. */
  single_council: "gbp",
  /** Inadequate ratings given from April 2010 to March 2015. */
  inadequate_ratings: "ratings",
  /** The period starts in April of this year… */
  period_start_year: "year",
  /** …and ends in March of this year. */
  period_end_year: "year",
  /** Average ratings per year as printed. */
  ratings_per_year_stated: "ratings_per_year",
  /** The rounded figure the report multiplies by. */
  ratings_per_year_used: "ratings_per_year",
  /** The report's annual cost across the system (given as "around"). */
  annual_cost_stated: "gbp_per_year",
} as const;

export type CostMeasure = keyof typeof COST_MEASURES;

export const costOfFailure = defineMeasureTable("data/national/cost-of-failure.csv", COST_MEASURES);

export type CostRow = RowOf<typeof costOfFailure>;
