import { describe, expect, it } from "vitest";
import { analyseCost, annualCosts, ratingsPerYear } from "../../../scripts/report/cost/compute.ts";
import { COST_MEASURES, type CostMeasure } from "../../../scripts/report/cost/datasets.ts";

describe("ratingsPerYear", () => {
  it("divides the ratings by the years from April to March and rounds up as the report does", () => {
    // April 2010 to March 2015: 2015 − 2010 = 5 years; 48 / 5 = 9.6 → rounded up 10.
    expect(ratingsPerYear({ inadequateRatings: 48, periodStartYear: 2010, periodEndYear: 2015 })).toEqual({ years: 5, exact: 9.6, roundedUp: 10 });
  });

  it("does not round an exact whole number up", () => {
    // 45 / 5 = 9 exactly.
    expect(ratingsPerYear({ inadequateRatings: 45, periodStartYear: 2010, periodEndYear: 2015 }).roundedUp).toBe(9);
  });

  it("refuses an empty period", () => {
    expect(() => ratingsPerYear({ inadequateRatings: 48, periodStartYear: 2015, periodEndYear: 2015 })).toThrow("is empty");
  });
});

describe("annualCosts", () => {
  it("multiplies each cost per council by both rates", () => {
    const [low, high] = annualCosts({ years: 5, exact: 9.6, roundedUp: 10 }, [
      { name: "low", amount: 3_000_000 },
      { name: "high", amount: 10_000_000 },
    ]);
    // 10 × £3m = £30m; 9.6 × £3m = £28.8m; gap £1.2m.
    expect(low).toEqual({ name: "low", perCouncil: 3_000_000, withRounded: 30_000_000, withExact: 28_800_000, roundingGap: 1_200_000 });
    // 10 × £10m = £100m; 9.6 × £10m = £96m.
    expect(high.withRounded).toBe(100_000_000);
    expect(high.withExact).toBe(96_000_000);
  });
});

describe("analyseCost", () => {
  it("names the three costs per council low, single and high, in that order", () => {
    const m = (measure: CostMeasure, value: number) => ({ measure, value, unit: COST_MEASURES[measure], source: "s" });
    const a = analyseCost([
      m("estimate_low", 3_000_000),
      m("estimate_high", 10_000_000),
      m("single_council", 6_000_000),
      m("inadequate_ratings", 48),
      m("period_start_year", 2010),
      m("period_end_year", 2015),
      m("ratings_per_year_stated", 9.6),
      m("ratings_per_year_used", 10),
      m("annual_cost_stated", 30_000_000),
    ]);
    expect(a.annual.map((x) => [x.name, x.withRounded, x.withExact])).toEqual([
      ["low", 30_000_000, 28_800_000],
      // 10 × £6m = £60m; 9.6 × £6m = £57.6m
      ["single", 60_000_000, 57_600_000],
      ["high", 100_000_000, 96_000_000],
    ]);
    expect(a.published.annualCostStated).toBe(30_000_000);
  });
});
