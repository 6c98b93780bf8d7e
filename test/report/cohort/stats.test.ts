import { describe, expect, it } from "vitest";
import { compareCohort, type CohortValue } from "../../../scripts/report/cohort/compute.ts";
import { cohortStats, decimalsOf } from "../../../scripts/report/cohort/stats.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";

const v = (indicator: CohortValue["indicator"], group: CohortValue["group"], measure: CohortValue["measure"], value: number, unit = "percent"): CohortValue => ({ indicator, group, measure, value, unit });
const rows = [
  v("ia_timeliness", "inadequate", "before", 68.62),
  v("ia_timeliness", "inadequate", "after", 52.63),
  v("ia_timeliness", "inadequate", "change_as_stated", -15.89),
  v("ia_timeliness", "ri_or_good", "before", 78.27),
  v("ia_timeliness", "ri_or_good", "after", 66.15),
  v("ia_timeliness", "ri_or_good", "change_as_stated", -11.32),
  v("referrals_per_10k", "inadequate", "change_as_stated", 94.7, "per_10000_children"),
  v("referrals_per_10k", "ri_or_good", "change_as_stated", 31.39, "per_10000_children"),
];
const stats = new StatRegistry(cohortStats({ design: { councils: 29, inspectionYear: 2013, beforeYear: 2012, afterYear: 2014 }, comparisons: compareCohort(rows) }));

describe("cohortStats", () => {
  it("has the design", () => {
    expect(stats.format("cohort.councils")).toBe("29");
    expect(stats.format("cohort.year.inspected")).toBe("2013");
    expect(stats.format("cohort.year.before")).toBe("2012");
  });

  it("quotes before, after and the printed and computed falls with their direction in the key", () => {
    expect(stats.format("cohort.ia.inadequate.before")).toBe("68.62%");
    expect(stats.format("cohort.ia.inadequate.after")).toBe("52.63%");
    expect(stats.format("cohort.ia.inadequate.drop.stated")).toBe("15.89 percentage points");
    // 68.62 − 52.63 = 15.99; 15.99 − 15.89 = 0.10
    expect(stats.format("cohort.ia.inadequate.drop.computed")).toBe("15.99 percentage points");
    expect(stats.format("cohort.ia.inadequate.discrepancy")).toBe("0.10 percentage points");
    // 78.27 − 66.15 = 12.12; 12.12 − 11.32 = 0.80
    expect(stats.format("cohort.ia.riOrGood.drop.computed")).toBe("12.12 percentage points");
    expect(stats.format("cohort.ia.riOrGood.discrepancy")).toBe("0.80 percentage points");
  });

  it("quotes rates with the decimals they were printed with", () => {
    expect(stats.format("cohort.referrals.inadequate.rise.stated")).toBe("94.7");
    expect(stats.format("cohort.referrals.riOrGood.rise.stated")).toBe("31.39");
    expect(stats.has("cohort.referrals.inadequate.before")).toBe(false);
  });

  it("compares the groups", () => {
    // 15.89 / 11.32 = 1.40; 15.99 / 12.12 = 1.32; 94.7 / 31.39 = 3.02
    expect(stats.format("cohort.ia.ratio.stated")).toBe("1.4");
    expect(stats.format("cohort.ia.ratio.computed")).toBe("1.3");
    expect(stats.format("cohort.referrals.ratio.stated")).toBe("3.0");
    expect(stats.format("cohort.ratio.stated.min")).toBe("1.4");
    expect(stats.format("cohort.ratio.stated.max")).toBe("3.0");
    // 78.27 − 68.62 = 9.65 → 66.15 − 52.63 = 13.52: widened by 3.87
    expect(stats.format("cohort.ia.gap.before")).toBe("9.65 percentage points");
    expect(stats.format("cohort.ia.gap.after")).toBe("13.52 percentage points");
    expect(stats.format("cohort.ia.gap.widening")).toBe("3.87 percentage points");
  });

  it("counts the checkable printed changes and those that differ", () => {
    expect(stats.format("cohort.changes.checkable")).toBe("2");
    expect(stats.format("cohort.changes.differ")).toBe("2");
  });

  it("reads decimals as printed", () => {
    expect([decimalsOf(94.7), decimalsOf(31.39), decimalsOf(-15.89), decimalsOf(29), decimalsOf(0.333333)]).toEqual([1, 2, 2, 0, 2]);
  });
});
