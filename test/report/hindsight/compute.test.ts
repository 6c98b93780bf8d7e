import { describe, expect, it } from "vitest";
import { gradesByFinancialYear, inadequateEver, standingAt, type CouncilSpan, type WholeServiceReport } from "../../../scripts/report/hindsight/compute.ts";

const report = (council_code: string, framework: string, published: string, overall: WholeServiceReport["overall"]): WholeServiceReport => ({ council_code, framework, published, overall });

// Made-up: four councils; D was abolished at the end of 2016, E created in 2018.
const COUNCILS: CouncilSpan[] = [
  { code: "A", existed_from: null, existed_until: null },
  { code: "B", existed_from: null, existed_until: null },
  { code: "C", existed_from: null, existed_until: null },
  { code: "D", existed_from: null, existed_until: "2016-12-31" },
  { code: "E", existed_from: "2018-04-01", existed_until: null },
];
const REPORTS: WholeServiceReport[] = [
  report("A", "slac-safeguarding", "2011-05-01", "good"),
  report("A", "sif", "2015-02-01", "inadequate"),
  report("A", "sif-reinspection", "2017-06-01", "requires_improvement"), // after the day: does not count
  report("B", "sif", "2014-03-01", "inadequate"),
  report("B", "sif-reinspection", "2016-09-01", "good"),
  report("C", "cpi", "2012-10-01", "requires_improvement"), // no SIF by the day: its CPI judgement stands
  report("D", "sif", "2015-05-01", "inadequate"),
  report("E", "ilacs", "2019-01-10", "good"),
  report("E", "ilacs", "2026-06-01", null),
];

describe("standingAt", () => {
  it("takes each council that existed on the day at its latest graded judgement by then", () => {
    // 31 March 2017: A Inadequate (SIF 2015), B Good (re-inspection 2016), C requires improvement (CPI);
    // D had gone, E did not yet exist.
    const s = standingAt("2017-03-31", REPORTS, COUNCILS);
    expect([s.councils, s.judged]).toEqual([3, 3]);
    expect(s.counts).toEqual({ inadequate: 1, requires_improvement: 1, good: 1, outstanding: 0 });
    expect(s.frameworks).toEqual([
      { framework: "cpi", councils: 1 },
      { framework: "sif", councils: 1 },
      { framework: "sif-reinspection", councils: 1 },
    ]);
  });

  it("skips a report without a grade, and counts a council with no judgement yet as not judged", () => {
    // 1 July 2026: A requires improvement (2017), B Good, C requires improvement, E Good (its 2026 report has no grade).
    const s = standingAt("2026-07-01", REPORTS, COUNCILS);
    expect([s.councils, s.judged, s.counts.good, s.counts.requires_improvement]).toEqual([4, 4, 2, 2]);
    expect(standingAt("2010-01-01", REPORTS, COUNCILS)).toMatchObject({ councils: 4, judged: 0 });
  });

  it("refuses two graded reports on one council the same day with different grades", () => {
    expect(() => standingAt("2017-03-31", [...REPORTS, report("B", "sif", "2016-09-01", "inadequate")], COUNCILS)).toThrow("B has two graded reports published on 2016-09-01 with different grades");
  });
});

describe("inadequateEver", () => {
  it("counts councils with at least one Inadequate judgement under the frameworks in the period", () => {
    // SIF to 31 March 2017: A, B and D were judged Inadequate; counted once each.
    expect(inadequateEver(REPORTS, ["sif", "sif-reinspection"], "2013-11-01", "2017-03-31")).toBe(3);
    expect(inadequateEver(REPORTS, ["sif"], "2014-04-01", "2015-03-31")).toBe(1);
  });
});

describe("gradesByFinancialYear", () => {
  it("counts graded reports by financial year of publication, empty years kept, the last year marked part when the data end inside it", () => {
    const years = gradesByFinancialYear(REPORTS, "2015/16", "2026-07-01");
    expect(years.map((y) => y.year)).toEqual(["2015/16", "2016/17", "2017/18", "2018/19"]);
    // 2015/16: D Inadequate (May 2015). 2016/17: B Good. 2017/18: A requires improvement. 2018/19: E Good.
    expect(years.map((y) => y.graded)).toEqual([1, 1, 1, 1]);
    expect(years[0].shares.inadequate).toBe(100);
    expect(years.every((y) => !y.partYear)).toBe(true);
    const cut = gradesByFinancialYear(REPORTS, "2015/16", "2018-12-31");
    expect(cut.map((y) => [y.year, y.partYear])).toEqual([["2015/16", false], ["2016/17", false], ["2017/18", false], ["2018/19", true]]);
  });
});
