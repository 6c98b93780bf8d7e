import { describe, expect, it } from "vitest";
import { outcomesByYear } from "../../../scripts/report/outcomes/compute.ts";

import { declineStats } from "../../../scripts/report/outcomes/decline-stats.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";
import { GRADES } from "../../../scripts/report/shared/grades.ts";

const table: Record<string, number[]> = { "2007/08": [0, 22, 69, 9], "2010/11": [21, 41, 46, 3], "2013/14": [30, 48, 22, 0], "2014/15": [28, 55, 18, 0] };
const years = outcomesByYear(Object.entries(table).flatMap(([year, s]) => GRADES.map((grade, i) => ({ year, grade, percent: s[i] }))));

describe("declineStats", () => {
  const stats = new StatRegistry(declineStats(years, [{ from: "2007/08", to: "2010/11" }]));

  it("counts the table's years and the recent years without Outstanding", () => {
    expect(stats.format("decline.years.count")).toBe("4");
    expect(stats.format("decline.outstanding.zeroYears")).toBe("2");
    expect(stats.format("decline.outstanding.lastYear")).toBe("2010/11");
  });

  it("gives every grade's change for the requested pair of years", () => {
    // 46 − 69 = −23; 41 − 22 = +19; 21 − 0 = +21; 3 − 9 = −6
    expect(stats.format("decline.good.2007-08.2010-11")).toBe("\u221223 points");
    expect(stats.format("decline.ri_or_adequate.2007-08.2010-11")).toBe("+19 points");
    expect(stats.format("decline.inadequate.2007-08.2010-11")).toBe("+21 points");
    expect(stats.format("decline.outstanding.2007-08.2010-11")).toBe("\u22126 points");
  });
});
