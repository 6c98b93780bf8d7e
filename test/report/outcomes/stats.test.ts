import { describe, expect, it } from "vitest";
import { outcomesByYear } from "../../../scripts/report/outcomes/compute.ts";

import { outcomeStats } from "../../../scripts/report/outcomes/stats.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";
import { GRADES } from "../../../scripts/report/shared/grades.ts";
import { yearKey } from "../../../scripts/report/shared/years.ts";

const table: Record<string, number[]> = {
  "2009/10": [10, 30, 50, 10],
  "2010/11": [20, 30, 40, 10],
  "2011/12": [20, 40, 40, 0],
  "2012/13": [25, 45, 30, 0],
};
const rows = Object.entries(table).flatMap(([year, shares]) => GRADES.map((grade, i) => ({ year, grade, percent: shares[i] })));
const windows = [
  { name: "early", first: "2009/10", last: "2011/12" },
  { name: "late", first: "2011/12", last: "2012/13" },
];

describe("outcomeStats", () => {
  const stats = new StatRegistry(outcomeStats(outcomesByYear(rows), windows));

  it("has a share for every grade and year, and the year span", () => {
    expect(stats.format("outcomes.inadequate.2009-10")).toBe("10%");
    expect(stats.format("outcomes.ri_or_adequate.2012-13")).toBe("45%");
    expect(stats.format("outcomes.years.first")).toBe("2009/10");
    expect(stats.format("outcomes.years.last")).toBe("2012/13");
    expect(stats.format("outcomes.goodOrBetter.2009-10")).toBe("60%");
    expect(stats.format("outcomes.total.2010-11")).toBe("100%");
  });

  it("computes each window's variation and their ratio", () => {
    // early: (|20−10| + |20−20|) + (|30−30| + |40−30|) + (|40−50| + |40−40|) + (|10−10| + |0−10|) = 10+0+0+10+10+0+0+10 = 40; 40/8 = 5
    expect(stats.get("outcomes.variation.early").value).toBe(5);
    // late: |25−20| + |45−40| + |30−40| + |0−0| = 5+5+10+0 = 20; 20/4 = 5
    expect(stats.get("outcomes.variation.late").value).toBe(5);
    expect(stats.format("outcomes.variation.ratio")).toBe("1.0");
    expect(stats.format("outcomes.variation.early.first")).toBe("2009/10");
  });

  it("makes years safe inside dotted keys", () => {
    expect(yearKey("2014/15")).toBe("2014-15");
  });
});
