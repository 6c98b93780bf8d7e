import { describe, expect, it } from "vitest";
import { averageYearlyVariation, goodOrBetter, outcomesByYear, yearOnYearChanges, yearWindow, type OutcomeShare } from "../../../scripts/report/outcomes/compute.ts";
import { GRADES, type Grade } from "../../../scripts/report/shared/grades.ts";

/** Tidy rows from a compact table: year → [inadequate, ri_or_adequate, good, outstanding]. */
function rowsOf(table: Record<string, [number, number, number, number]>): OutcomeShare[] {
  return Object.entries(table).flatMap(([year, shares]) => GRADES.map((grade: Grade, i) => ({ year, grade, percent: shares[i] })));
}

// The report's published table (chapter 1, section 4).
const published = rowsOf({
  "2007/08": [0, 22, 69, 9],
  "2008/09": [6, 26, 61, 7],
  "2009/10": [7, 26, 52, 15],
  "2010/11": [21, 41, 46, 3],
  "2011/12": [3, 47, 44, 5],
  "2012/13": [26, 50, 22, 1],
  "2013/14": [30, 48, 22, 0],
  "2014/15": [28, 55, 18, 0],
});

describe("outcomesByYear", () => {
  it("orders years and sums the published shares, keeping inconsistent totals", () => {
    const years = outcomesByYear([...published].reverse());
    expect(years.map((y) => y.year)).toEqual(["2007/08", "2008/09", "2009/10", "2010/11", "2011/12", "2012/13", "2013/14", "2014/15"]);
    expect(years[0].shares).toEqual({ inadequate: 0, ri_or_adequate: 22, good: 69, outstanding: 9 });
    // 21 + 41 + 46 + 3 = 111, as published.
    expect(years[3].total).toBe(111);
    // 3 + 47 + 44 + 5 = 99; 28 + 55 + 18 + 0 = 101.
    expect(years[4].total).toBe(99);
    expect(years[7].total).toBe(101);
  });

  it("fails loudly when a grade is missing for a year", () => {
    const incomplete = published.filter((r) => !(r.year === "2009/10" && r.grade === "good"));
    expect(() => outcomesByYear(incomplete)).toThrow("no share for good in 2009/10");
  });
});

describe("goodOrBetter", () => {
  it("adds good and outstanding", () => {
    const result = goodOrBetter(outcomesByYear(published));
    // 69 + 9 = 78; 52 + 15 = 67; 18 + 0 = 18.
    expect(result[0]).toEqual({ year: "2007/08", percent: 78 });
    expect(result[2]).toEqual({ year: "2009/10", percent: 67 });
    expect(result[7]).toEqual({ year: "2014/15", percent: 18 });
  });
});

describe("yearOnYearChanges", () => {
  it("gives later minus earlier for every grade and consecutive pair", () => {
    const changes = yearOnYearChanges(outcomesByYear(published));
    expect(changes).toHaveLength(7 * 4);
    expect(changes.slice(0, 4)).toEqual([
      { from: "2007/08", to: "2008/09", grade: "inadequate", change: 6 },
      { from: "2007/08", to: "2008/09", grade: "ri_or_adequate", change: 4 },
      { from: "2007/08", to: "2008/09", grade: "good", change: -8 },
      { from: "2007/08", to: "2008/09", grade: "outstanding", change: -2 },
    ]);
    // 2010/11 → 2011/12 inadequate: 3 − 21 = −18.
    expect(changes.find((c) => c.from === "2010/11" && c.grade === "inadequate")?.change).toBe(-18);
  });
});

describe("averageYearlyVariation", () => {
  const years = outcomesByYear(published);

  it("reproduces the report's 9.4% for 2009/10–2011/12", () => {
    // |21−7| + |3−21| + |41−26| + |47−41| + |46−52| + |44−46| + |3−15| + |5−3|
    // = 14 + 18 + 15 + 6 + 6 + 2 + 12 + 2 = 75; 75 / 8 = 9.375
    expect(averageYearlyVariation(yearWindow(years, "2009/10", "2011/12"))).toBe(9.375);
  });

  it("reproduces the report's 2.5% for 2012/13–2014/15", () => {
    // |30−26| + |28−30| + |48−50| + |55−48| + |22−22| + |18−22| + |0−1| + |0−0|
    // = 4 + 2 + 2 + 7 + 0 + 4 + 1 + 0 = 20; 20 / 8 = 2.5
    expect(averageYearlyVariation(yearWindow(years, "2012/13", "2014/15"))).toBe(2.5);
  });

  it("works for any run: the first two years alone", () => {
    // |6−0| + |26−22| + |61−69| + |7−9| = 6 + 4 + 8 + 2 = 20; 20 / 4 = 5
    expect(averageYearlyVariation(yearWindow(years, "2007/08", "2008/09"))).toBe(5);
  });

  it("refuses a run of one year and windows that do not exist", () => {
    expect(() => averageYearlyVariation(years.slice(0, 1))).toThrow("at least two years");
    expect(() => yearWindow(years, "2005/06", "2008/09")).toThrow("no window 2005/06–2008/09");
    expect(() => yearWindow(years, "2012/13", "2009/10")).toThrow();
  });
});
