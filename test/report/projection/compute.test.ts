import { describe, expect, it } from "vitest";
import { outcomesByYear, type OutcomeShare } from "../../../scripts/report/outcomes/compute.ts";
import { analyseProjection, impliedShare, linearTrend, projectInadequate, spanEndingIn, spanStart } from "../../../scripts/report/projection/compute.ts";

import { PROJECTION_MEASURES, type ProjectionMeasure } from "../../../scripts/report/projection/datasets.ts";
import { GRADES } from "../../../scripts/report/shared/grades.ts";

/** The grade table's last four years as published: [inadequate, ri, good, outstanding]. */
const table: Record<string, number[]> = {
  "2011/12": [3, 47, 44, 5],
  "2012/13": [26, 50, 22, 1],
  "2013/14": [30, 48, 22, 0],
  "2014/15": [28, 55, 18, 0],
};
const rows: OutcomeShare[] = Object.entries(table).flatMap(([year, shares]) => GRADES.map((grade, i) => ({ year, grade, percent: shares[i] })));
const years = outcomesByYear(rows);

describe("year spans", () => {
  it("turns a horizon into the inspection year ending in it, and back", () => {
    expect(spanEndingIn(2017)).toBe("2016/17");
    expect(spanEndingIn(2001)).toBe("2000/01");
    expect(spanStart("2014/15")).toBe(2014);
  });
});

describe("linearTrend", () => {
  it("fits a least-squares line (worked by hand)", () => {
    // x 0,1,2; y 26,30,28: means 1 and 28; Σ(x−1)(y−28) = 2 + 0 + 0 = 2; Σ(x−1)² = 2 → slope 1, intercept 27.
    expect(linearTrend([{ x: 0, y: 26 }, { x: 1, y: 30 }, { x: 2, y: 28 }])).toEqual({ slope: 1, intercept: 27 });
  });

  it("needs two distinct x", () => {
    expect(() => linearTrend([{ x: 0, y: 1 }])).toThrow("at least two points");
    expect(() => linearTrend([{ x: 1, y: 1 }, { x: 1, y: 2 }])).toThrow("more than one x");
  });
});

describe("projectInadequate", () => {
  const p = projectInadequate(years, { councils: 152, horizonYear: 2017, first: "2012/13", last: "2014/15" });

  it("carries the window's mean Inadequate share to every council", () => {
    // (26 + 30 + 28) / 3 = 28%; 152 × 0.28 = 42.56.
    expect(p.meanShare).toBe(28);
    expect(p.constantRate).toBeCloseTo(42.56, 10);
    expect(p.horizonSpan).toBe("2016/17");
  });

  it("shows each year's rate alone: 26% → 39.52, 30% → 45.6, 28% → 42.56", () => {
    expect(p.byYear.map((y) => [y.year, y.share])).toEqual([["2012/13", 26], ["2013/14", 30], ["2014/15", 28]]);
    expect(p.byYear.map((y) => y.councils)).toEqual([39.52, 45.6, 42.56].map((v) => expect.closeTo(v, 10)));
  });

  it("extends the trend two years past 2014/15 to 2016/17", () => {
    // 27 + 1 × 4 = 31%; 152 × 0.31 = 47.12.
    expect(p.trendShare).toBe(31);
    expect(p.trendCouncils).toBeCloseTo(47.12, 10);
  });

  it("keeps a steep trend within 0–100%", () => {
    const steep = outcomesByYear(
      Object.entries({ "2012/13": [10, 40, 40, 10], "2013/14": [60, 20, 20, 0] }).flatMap(([year, s]) => GRADES.map((grade, i) => ({ year, grade, percent: s[i] }))),
    );
    // slope 50 a year; 60 + 3 × 50 = 210 → capped at 100.
    expect(projectInadequate(steep, { councils: 100, horizonYear: 2017, first: "2012/13", last: "2013/14" }).trendShare).toBe(100);
  });

  it("refuses a window that is not in the table or a horizon before it", () => {
    expect(() => projectInadequate(years, { councils: 152, horizonYear: 2017, first: "2009/10", last: "2014/15" })).toThrow("no run of years 2009/10–2014/15");
    expect(() => projectInadequate(years, { councils: 152, horizonYear: 2014, first: "2012/13", last: "2014/15" })).toThrow("before the last year used");
  });
});

describe("impliedShare and analyseProjection", () => {
  it("38 of 152 councils is 25%", () => {
    expect(impliedShare(38, 152)).toBe(25);
  });

  it("reads the published inputs", () => {
    const m = (measure: ProjectionMeasure, value: number) => ({ measure, value, unit: PROJECTION_MEASURES[measure], source: "s" });
    const a = analyseProjection(years, [m("councils_in_england", 152), m("inadequate_by_horizon", 38), m("horizon_year", 2017)], { first: "2012/13", last: "2014/15" });
    expect(a.report).toEqual({ inadequate: 38, horizonYear: 2017 });
    expect(a.projection.constantRate).toBeCloseTo(42.56, 10);
  });
});
