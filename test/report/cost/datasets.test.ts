import { describe, expect, it } from "vitest";
import { costOfFailure } from "../../../scripts/report/cost/datasets.ts";
import { measureValues } from "../../../scripts/report/shared/measures.ts";
import { checkedRows } from "../../helpers/report.ts";

describe("data/national/cost-of-failure.csv as published", () => {
  it("loads, passes its checks and holds the printed figures in pounds", async () => {
    expect(measureValues(await checkedRows(costOfFailure))).toEqual({
      estimate_low: 3_000_000,
      estimate_high: 10_000_000,
      single_council: 6_000_000,
      inadequate_ratings: 48,
      period_start_year: 2010,
      period_end_year: 2015,
      ratings_per_year_stated: 9.6,
      ratings_per_year_used: 10,
      annual_cost_stated: 30_000_000,
    });
  });
});
