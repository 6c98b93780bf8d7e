/**
 * Inputs of the April 2017 projection (executive summary): the report's 38 councils and
 * the horizon, as published, and the number of councils in England, which the report
 * does not print (its source column says where it comes from).
 */
import type { RowOf } from "../../engine/data/dataset.ts";
import { defineMeasureTable } from "../shared/measures.ts";

export const PROJECTION_MEASURES = {
  /** Local authorities in England responsible for children's services in 2015 (not from the report). */
  councils_in_england: "councils",
  /** The report's projection of councils judged Inadequate by the horizon. */
  inadequate_by_horizon: "councils",
  /** The projection's horizon: April of this year, i.e. the end of the inspection year that ends in it. */
  horizon_year: "year",
} as const;

export type ProjectionMeasure = keyof typeof PROJECTION_MEASURES;

// The horizon is a forecast's, "by April 2017" in a report of 2015: later than the file by design.
export const projectionInputs = defineMeasureTable("data/national/projection-2017.csv", PROJECTION_MEASURES, { mayBeLaterThanFile: ["horizon_year"] });

export type ProjectionRow = RowOf<typeof projectionInputs>;
