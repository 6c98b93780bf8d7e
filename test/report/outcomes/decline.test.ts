import { describe, expect, it } from "vitest";
import { lastYearWith, shareChange, trailingYearsWithout } from "../../../scripts/report/outcomes/decline.ts";
import { outcomesByYear } from "../../../scripts/report/outcomes/compute.ts";
import { GRADES } from "../../../scripts/report/shared/grades.ts";

const table: Record<string, number[]> = {
  "2007/08": [0, 22, 69, 9],
  "2010/11": [21, 41, 46, 3],
  "2012/13": [26, 50, 22, 1],
  "2013/14": [30, 48, 22, 0],
  "2014/15": [28, 55, 18, 0],
};
const years = outcomesByYear(Object.entries(table).flatMap(([year, s]) => GRADES.map((grade, i) => ({ year, grade, percent: s[i] }))));

describe("the decline readings", () => {
  it("gives a grade's change between two years", () => {
    // Good 46 − 69 = −23; adequate/RI 41 − 22 = +19.
    expect(shareChange(years, "good", "2007/08", "2010/11")).toBe(-23);
    expect(shareChange(years, "ri_or_adequate", "2007/08", "2010/11")).toBe(19);
    expect(() => shareChange(years, "good", "2008/09", "2010/11")).toThrow("no year 2008/09");
  });

  it("counts the years at the end without a grade, and finds the last year with it", () => {
    expect(trailingYearsWithout(years, "outstanding")).toBe(2);
    expect(lastYearWith(years, "outstanding")).toBe("2012/13");
    expect(trailingYearsWithout(years, "good")).toBe(0);
    expect(lastYearWith(years.slice(3), "outstanding")).toBeUndefined();
  });
});
