import { describe, expect, it } from "vitest";
import { annualCosts, ratingsPerYear } from "../../../scripts/report/cost/compute.ts";
import { costStats } from "../../../scripts/report/cost/stats.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";

const published = {
  estimateLow: 3_000_000,
  estimateHigh: 10_000_000,
  singleCouncil: 6_000_000,
  inadequateRatings: 48,
  periodStartYear: 2010,
  periodEndYear: 2015,
  ratingsPerYearStated: 9.6,
  ratingsPerYearUsed: 10,
  annualCostStated: 30_000_000,
};
const rate = ratingsPerYear(published);
const annual = annualCosts(rate, [
  { name: "low", amount: 3_000_000 },
  { name: "single", amount: 6_000_000 },
  { name: "high", amount: 10_000_000 },
]);

describe("costStats", () => {
  const stats = new StatRegistry(costStats({ published, rate, annual }));

  it("has the printed figures", () => {
    expect(stats.format("cost.estimate.low")).toBe("£3m");
    expect(stats.format("cost.estimate.high")).toBe("£10m");
    expect(stats.format("cost.singleCouncil")).toBe("£6m");
    expect(stats.format("cost.ratings")).toBe("48");
    expect(stats.format("cost.perYear.stated")).toBe("£30m");
    expect(stats.format("cost.period.start")).toBe("2010");
  });

  it("has the report's arithmetic and ours", () => {
    // 48 / 5 = 9.6 → 10; 10 × £3m = £30m; 9.6 × £3m = £28.8m; difference £1.2m
    expect(stats.format("cost.period.years")).toBe("5");
    expect(stats.format("cost.ratingsPerYear.exact")).toBe("9.6");
    expect(stats.format("cost.ratingsPerYear.report")).toBe("10");
    expect(stats.format("cost.perYear.report")).toBe("£30m");
    expect(stats.format("cost.perYear.exact")).toBe("£28.8m");
    expect(stats.format("cost.perYear.roundingGap")).toBe("£1.2m");
    // 10 × £10m = £100m; 9.6 × £6m = £57.6m
    expect(stats.format("cost.perYear.report.high")).toBe("£100m");
    expect(stats.format("cost.perYear.exact.single")).toBe("£57.6m");
  });

  it("needs the lowest estimate the report uses", () => {
    expect(() => costStats({ published, rate, annual: annual.slice(1) })).toThrow('the "low" estimate');
  });
});
