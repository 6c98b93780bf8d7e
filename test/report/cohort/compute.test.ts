import { describe, expect, it } from "vitest";
import { analyseCohort, compareCohort, comparisonOf, inconsistentChanges, type CohortValue } from "../../../scripts/report/cohort/compute.ts";

const pct = (indicator: CohortValue["indicator"], group: CohortValue["group"], measure: CohortValue["measure"], value: number): CohortValue => ({ indicator, group, measure, value, unit: "percent" });
const rate = (indicator: CohortValue["indicator"], group: CohortValue["group"], value: number): CohortValue => ({ indicator, group, measure: "change_as_stated", value, unit: "per_10000_children" });

// The report's published values (chapter 2, The growing divide).
const published: CohortValue[] = [
  pct("ia_timeliness", "inadequate", "before", 68.62),
  pct("ia_timeliness", "inadequate", "after", 52.63),
  pct("ia_timeliness", "inadequate", "change_as_stated", -15.89),
  pct("ia_timeliness", "ri_or_good", "before", 78.27),
  pct("ia_timeliness", "ri_or_good", "after", 66.15),
  pct("ia_timeliness", "ri_or_good", "change_as_stated", -11.32),
  pct("cp_review_timeliness", "inadequate", "change_as_stated", -8.62),
  pct("cp_review_timeliness", "ri_or_good", "change_as_stated", -1.99),
  rate("referrals_per_10k", "inadequate", 94.7),
  rate("referrals_per_10k", "ri_or_good", 31.39),
  rate("cp_plans_per_10k", "inadequate", 9.68),
  rate("cp_plans_per_10k", "ri_or_good", 2.46),
];

describe("compareCohort on the published values", () => {
  const comparisons = compareCohort(published);
  const ia = comparisonOf(comparisons, "ia_timeliness");

  it("computes each change from before and after and flags the printed ones that disagree", () => {
    // 52.63 − 68.62 = −15.99 (printed −15.89: 0.10 apart)
    expect(ia.groups.inadequate).toMatchObject({ before: 68.62, after: 52.63, stated: -15.89, computed: -15.99, discrepancy: -0.1, check: "differs" });
    // 66.15 − 78.27 = −12.12 (printed −11.32: 0.80 apart)
    expect(ia.groups.ri_or_good).toMatchObject({ computed: -12.12, discrepancy: -0.8, check: "differs" });
  });

  it("compares the groups: ratios of changes and the gap before and after", () => {
    // 15.89 / 11.32 = 1.4037…; 15.99 / 12.12 = 1.3193…
    expect(ia.statedRatio).toBeCloseTo(1.4037, 4);
    expect(ia.computedRatio).toBeCloseTo(1.3193, 4);
    // 78.27 − 68.62 = 9.65; 66.15 − 52.63 = 13.52
    expect(ia.gapBefore).toBe(9.65);
    expect(ia.gapAfter).toBe(13.52);
  });

  it("leaves the other indicators unchecked, with only their printed ratio", () => {
    const cpr = comparisonOf(comparisons, "cp_review_timeliness");
    expect(cpr.groups.inadequate).toMatchObject({ before: undefined, after: undefined, computed: undefined, check: "unchecked" });
    // 8.62 / 1.99 = 4.3317…; 94.7 / 31.39 = 3.0169…; 9.68 / 2.46 = 3.9350…
    expect(cpr.statedRatio).toBeCloseTo(4.3317, 4);
    expect(comparisonOf(comparisons, "referrals_per_10k").statedRatio).toBeCloseTo(3.0169, 4);
    expect(comparisonOf(comparisons, "cp_plans_per_10k").statedRatio).toBeCloseTo(3.935, 4);
    expect(cpr.computedRatio).toBeUndefined();
    expect(cpr.gapBefore).toBeUndefined();
    expect(comparisonOf(comparisons, "cp_plans_per_10k").unit).toBe("per_10000_children");
  });

  it("lists exactly the two printed changes that disagree", () => {
    expect(inconsistentChanges(comparisons).map((x) => `${x.indicator}/${x.change.group}`)).toEqual(["ia_timeliness/inadequate", "ia_timeliness/ri_or_good"]);
  });
});

describe("compareCohort on consistent values", () => {
  it("accepts a printed change within half a hundredth of its before and after", () => {
    // 60.00 − 70.004 = −10.004, printed −10.00: 0.004 apart, within 0.005.
    const rows = [pct("ia_timeliness", "inadequate", "before", 70.004), pct("ia_timeliness", "inadequate", "after", 60), pct("ia_timeliness", "inadequate", "change_as_stated", -10), pct("ia_timeliness", "ri_or_good", "change_as_stated", -5)];
    const ia = comparisonOf(compareCohort(rows), "ia_timeliness");
    expect(ia.groups.inadequate.check).toBe("consistent");
    expect(ia.groups.ri_or_good.check).toBe("unchecked");
    expect(ia.statedRatio).toBe(2);
    expect(() => comparisonOf(compareCohort(rows), "cp_plans_per_10k")).toThrow("no cohort values for cp_plans_per_10k");
  });
});

describe("analyseCohort", () => {
  it("reads the design rows", () => {
    const d = (measure: "councils" | "inspection_year" | "before_year" | "after_year", value: number) => ({ measure, value, unit: measure === "councils" ? "councils" : "year", source: "s" });
    const a = analyseCohort(published, [d("councils", 29), d("inspection_year", 2013), d("before_year", 2012), d("after_year", 2014)]);
    expect(a.design).toEqual({ councils: 29, inspectionYear: 2013, beforeYear: 2012, afterYear: 2014 });
    expect(a.comparisons).toHaveLength(4);
  });
});
