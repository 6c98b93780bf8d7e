import { describe, expect, it } from "vitest";
import { outcomesByYear } from "../../../scripts/report/outcomes/compute.ts";
import { projectInadequate } from "../../../scripts/report/projection/compute.ts";

import { projectionStats } from "../../../scripts/report/projection/stats.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";
import { GRADES } from "../../../scripts/report/shared/grades.ts";

const table: Record<string, number[]> = { "2012/13": [26, 50, 22, 1], "2013/14": [30, 48, 22, 0], "2014/15": [28, 55, 18, 0] };
const years = outcomesByYear(Object.entries(table).flatMap(([year, s]) => GRADES.map((grade, i) => ({ year, grade, percent: s[i] }))));
const projection = projectInadequate(years, { councils: 152, horizonYear: 2017, first: "2012/13", last: "2014/15" });
const stats = new StatRegistry(projectionStats({ projection, report: { inadequate: 38, horizonYear: 2017 } }));

describe("projectionStats", () => {
  it("puts our projection next to the report's", () => {
    // 152 × 28% = 42.56 → 43; trend 31% → 47.12 → 47; 43 − 38 = 5
    expect(stats.format("projection.inadequate.2017.ours")).toBe("43");
    expect(stats.format("projection.inadequate.2017.ours.exact")).toBe("42.56");
    expect(stats.format("projection.inadequate.2017.trend")).toBe("47");
    expect(stats.format("projection.inadequate.2017.report")).toBe("38");
    expect(stats.format("projection.inadequate.2017.difference")).toBe("5");
    // 38 / 152 = 25%
    expect(stats.format("projection.report.impliedShare")).toBe("25%");
  });

  it("states the method's inputs", () => {
    expect(stats.format("projection.councils")).toBe("152");
    expect(stats.format("projection.rate.mean")).toBe("28%");
    expect(stats.format("projection.window.first")).toBe("2012/13");
    expect(stats.format("projection.window.last")).toBe("2014/15");
    expect(stats.format("projection.horizon")).toBe("April 2017");
    expect(stats.format("projection.horizon.span")).toBe("2016/17");
    expect(stats.format("projection.trend.slope")).toBe("1.0");
    expect(stats.format("projection.trend.share")).toBe("31%");
    // 152 × 26% = 39.52 → 40; × 30% = 45.6 → 46
    expect(stats.format("projection.inadequate.2017.at.2012-13")).toBe("40");
    expect(stats.format("projection.inadequate.2017.at.2013-14")).toBe("46");
  });
});
