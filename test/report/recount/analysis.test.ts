import { describe, expect, it } from "vitest";
import type { YearOutcomes } from "../../../scripts/report/outcomes/compute.ts";
import type { JudgementEvent } from "../../../scripts/report/recount/counting.ts";
import {
  SHARE_RULES,
  analyseRecount,
  cohortReadings,
  lastOutstanding,
  recountOutstanding,
  recountInadequate,
  recountRepeat,
  recountYear,
  reportCohortDesign,
} from "../../../scripts/report/recount/analysis.ts";
import { selectCohort } from "../../../scripts/report/recount/cohort-recount.ts";
import { consistentDenominators, summariseTransitions, type TransitionAnalysis } from "../../../scripts/report/transitions/compute.ts";

const ev = (council_code: string, framework: JudgementEvent["framework"], published: string, overall: JudgementEvent["overall"], inspection_start: string | null = null): JudgementEvent => ({ council_code, framework, published, overall, inspection_start });

// Made-up judgements around 2014/15.
const SHARES_EVENTS: JudgementEvent[] = [
  ev("A", "sif", "2014-06-30", "inadequate", "2014-04-29"),
  // Published with A, no start date of its own: its batch start is A's.
  ev("B", "sif", "2014-06-30", "requires_improvement"),
  // Started in 2014/15, published in 2015/16.
  ev("C", "sif", "2015-05-13", "good", "2015-03-03"),
  ev("D", "cpi", "2014-05-01", "inadequate"),
  ev("E", "tlac", "2014-09-01", "good"),
];

const year = (label: string, inadequate: number, ri: number, good: number, outstanding: number): YearOutcomes => ({
  year: label,
  shares: { inadequate, ri_or_adequate: ri, good, outstanding },
  total: inadequate + ri + good + outstanding,
});
const PUBLISHED = [year("2014/15", 50, 50, 0, 0)];

const REPORT: TransitionAnalysis = {
  summary: summariseTransitions({ councils: 86, becameInadequate: 16, towardsGood: 18, stayedInadequate: 5, stayedRi: 23 }),
  statedStayedLowShare: 33,
  stayedInadequate: consistentDenominators(5, 25),
  stayedRi: consistentDenominators(23, 56),
};

describe("recountYear", () => {
  const result = recountYear(SHARES_EVENTS, PUBLISHED, "2014/15");
  const byKey = Object.fromEntries(result.byRule.map((r) => [r.rule.key, r]));

  it("recounts the year under every rule, in SHARE_RULES order", () => {
    expect(result.byRule.map((r) => r.rule.key)).toEqual(SHARE_RULES.map((r) => r.key));
    // SIF by publication: A (Inadequate) and B (RI) → 50, 50, 0, 0.
    expect(byKey.publishedSif.percent).toEqual({ inadequate: 50, ri_or_adequate: 50, good: 0, outstanding: 0 });
    // With D's child protection inspection: 2 Inadequate, 1 RI → 67, 33.
    expect(byKey.publishedSafeguarding.percent).toEqual({ inadequate: 67, ri_or_adequate: 33, good: 0, outstanding: 0 });
    // With E's looked-after-children inspection too: 2, 1, 1 of 4 → 50, 25, 25.
    expect(byKey.publishedAll.percent).toEqual({ inadequate: 50, ri_or_adequate: 25, good: 25, outstanding: 0 });
    // By start: A and C; B left out → 50, 0, 50.
    expect([byKey.startDate.percent.good, byKey.startDate.shares.leftOut]).toEqual([50, 1]);
    // B takes A's start: A, B, C → a third each (33).
    expect(byKey.startDateFilled.percent).toEqual({ inadequate: 33, ri_or_adequate: 33, good: 33, outstanding: 0 });
    // A, C by start; B and D by publication: 2, 1, 1 → 50, 25, 25. Adding E: 2, 1, 2 of 5 → 40, 20, 40.
    expect(byKey.startDateSafeguarding.percent).toEqual({ inadequate: 50, ri_or_adequate: 25, good: 25, outstanding: 0 });
    expect(byKey.startDateAll.percent).toEqual({ inadequate: 40, ri_or_adequate: 20, good: 40, outstanding: 0 });
    // SIF by start with batch dates (A, B, C) plus D's child protection inspection dated
    // 2014-05-01 − 42 days = 2014-03-20, which falls in 2013/14; E's TLAC is not counted:
    // A, B, C → a third each.
    expect(byKey.startDateWithCpi.percent).toEqual({ inadequate: 33, ri_or_adequate: 33, good: 33, outstanding: 0 });
    expect(recountYear(SHARES_EVENTS, [year("2013/14", 100, 0, 0, 0)], "2013/14").byRule.find((r) => r.rule.key === "startDateWithCpi")?.shares.counts).toEqual({
      inadequate: 1,
      requires_improvement: 0,
      good: 0,
      outstanding: 0,
    });
  });

  it("says which grades match the published row, how far off each rule is, and which rules reproduce it", () => {
    expect(result.byRule.map((r) => r.matches)).toEqual([4, 2, 2, 2, 1, 1, 2, 1]);
    // |67 − 50| + |33 − 50| = 34; |25 − 50| + |25 − 0| = 50; |0 − 50| + |50 − 0| = 100; 17 + 17 + 33 = 67;
    // the CPI-lag rule also gives a third each: 67; 50; |40 − 50| + |20 − 50| + |40 − 0| = 80.
    expect(result.byRule.map((r) => r.distance)).toEqual([0, 34, 50, 100, 67, 67, 50, 80]);
    expect(result.reproducedBy.map((r) => r.key)).toEqual(["publishedSif"]);
    expect(result.closest.rule.key).toBe("publishedSif");
    expect(result.published).toEqual(PUBLISHED[0].shares);
  });

  it("fails for a year the report's table does not have", () => {
    expect(() => recountYear(SHARES_EVENTS, PUBLISHED, "2013/14")).toThrow(/no row for 2013\/14/);
  });
});

describe("recountInadequate", () => {
  it("counts safeguarding and whole-service Inadequate judgements, with and without the others, and a yearly average", () => {
    const result = recountInadequate([...SHARES_EVENTS, ev("F", "tlac", "2013-08-23", "inadequate")], { from: "2010-04-01", to: "2015-03-31" });
    // A's SIF and D's CPI; F's TLAC only with the looked-after judgements; A's SIF alone.
    expect([result.safeguarding, result.withLookedAfter, result.sifOnly]).toEqual([{ judgements: 2, councils: 2 }, 3, 1]);
    // 2010/11 to 2014/15: 5 years; 2 ÷ 5 = 0.4.
    expect([result.years, result.perYear]).toEqual([5, 0.4]);
  });

  it("insists on whole financial years", () => {
    expect(() => recountInadequate(SHARES_EVENTS, { from: "2010-01-01", to: "2015-03-31" })).toThrow(/whole number of financial years/);
  });
});

describe("recountRepeat", () => {
  // H: Inadequate → Inadequate; I: RI → RI; J: Inadequate → Good; K judged once.
  const EVENTS = [
    ev("H", "slac-safeguarding", "2010-06-01", "inadequate"),
    ev("H", "sif", "2014-02-01", "inadequate"),
    ev("I", "slac-safeguarding", "2010-07-01", "requires_improvement"),
    ev("I", "slac-looked-after", "2010-07-01", "good"),
    ev("I", "sif", "2014-03-01", "requires_improvement"),
    ev("J", "cpi", "2011-01-01", "inadequate"),
    ev("J", "sif", "2014-08-01", "good"),
    ev("K", "sif", "2014-08-01", "good"),
  ];

  it("follows councils judged twice or more and works out the shares the report prints", () => {
    const result = recountRepeat(EVENTS, { from: "2010-01-01", to: "2015-03-31" }, REPORT);
    expect([result.ours.councils, result.ours.stayedInadequate, result.ours.stayedRequiresImprovement, result.ours.leftInadequate]).toEqual([3, 1, 1, 1]);
    // First Inadequate: H and J; first RI: I.
    expect([result.firstInadequate, result.firstRi, result.stayedLow]).toEqual([2, 1, 2]);
    // 2 of 3 stayed low = 66.7%; 1 of 2 = 50%; 1 of 1 = 100%.
    expect(result.stayedLowShare).toBeCloseTo(66.667, 3);
    expect([result.stayedInadequateShare, result.stayedRiShare]).toEqual([50, 100]);
    expect(result.report.councils).toBe(86);
    expect(result.printed).toEqual({ stayedLow: 33, stayedInadequate: 25, stayedRi: 56 });
  });

  it("has no share when nobody is in the group", () => {
    const result = recountRepeat([ev("I", "slac-safeguarding", "2010-07-01", "requires_improvement"), ev("I", "sif", "2014-03-01", "good")], { from: "2010-01-01", to: "2015-03-31" }, REPORT);
    expect([result.firstInadequate, result.stayedInadequateShare, result.stayedRiShare]).toEqual([0, undefined, 0]);
  });
});

// Made-up judgements around 2013, one council per case.
const COHORT_EVENTS: JudgementEvent[] = [
  // Published in 2013, but dated 42 days earlier: 2012-12-25.
  ev("P", "cpi", "2013-02-05", "good"),
  // Dated 2013-05-03: in calendar 2013 and in 2013/14.
  ev("Q", "cpi", "2013-06-14", "inadequate"),
  // SIF started November 2013, published February 2014.
  ev("R", "sif", "2014-02-11", "good", "2013-11-19"),
  // SIF started May 2014 (2014/15), published July 2014 (still the SIF's first school year).
  ev("S", "sif", "2014-07-18", "requires_improvement", "2014-05-20"),
  // Published 1 September 2014: the next school year.
  ev("T", "sif", "2014-09-01", "inadequate", "2014-06-25"),
  ev("U", "slac-safeguarding", "2013-01-10", "requires_improvement"),
  ev("U", "slac-looked-after", "2013-01-10", "inadequate"),
];

describe("cohortReadings and reportCohortDesign", () => {
  const readings = cohortReadings(2013);
  const members = Object.fromEntries(readings.map((r) => [r.key, selectCohort(COHORT_EVENTS, r).members.map((m) => `${m.council_code}:${m.group}`)]));

  it("tries six readings, calendar-year ones over 2013", () => {
    expect(readings.map((r) => r.key)).toEqual(["sifStarted", "childProtectionInspected", "inspected", "published", "inspectedFinancialYear", "sifSchoolYear"]);
    expect(readings.filter((r) => r.from === "2013-01-01" && r.to === "2013-12-31").length).toBe(4);
  });

  it("puts each made-up council in the readings worked out by hand", () => {
    expect(members).toEqual({
      sifStarted: ["R:ri_or_good"],
      childProtectionInspected: ["Q:inadequate"],
      inspected: ["Q:inadequate", "R:ri_or_good"],
      // U's looked-after judgement is not a safeguarding one: U is not Inadequate.
      published: ["P:ri_or_good", "Q:inadequate", "U:ri_or_good"],
      inspectedFinancialYear: ["Q:inadequate", "R:ri_or_good"],
      sifSchoolYear: ["R:ri_or_good", "S:ri_or_good"],
    });
  });

  it("takes the report's cohort size and years from the design rows", () => {
    const rows = [
      { measure: "councils" as const, value: 29, unit: "councils", source: "s" },
      { measure: "inspection_year" as const, value: 2013, unit: "year", source: "s" },
      { measure: "before_year" as const, value: 2012, unit: "year", source: "s" },
      { measure: "after_year" as const, value: 2014, unit: "year", source: "s" },
    ];
    expect(reportCohortDesign(rows)).toEqual({ councils: 29, beforeYear: 2012, afterYear: 2014 });
  });
});

describe("analyseRecount", () => {
  it("puts the parts together under the options", () => {
    const events = [...SHARES_EVENTS, ev("G", "sif", "2014-02-11", "inadequate", "2013-11-19")];
    const demand = [
      { council_code: "G", year_ending_march: 2013, referrals: 400, cpp_at_31_march: 30, population_0_17: 10_000 },
      { council_code: "G", year_ending_march: 2014, referrals: 500, cpp_at_31_march: 35, population_0_17: 10_000 },
    ];
    const result = analyseRecount(
      { events, demand, councils: [{ code: "G", name: "Glenford" }], published: PUBLISHED, reportTransitions: REPORT, reportCohort: { councils: 29, beforeYear: 2012, afterYear: 2014 } },
      { shareYears: ["2014/15"], inadequatePeriod: { from: "2010-04-01", to: "2015-03-31" }, repeatPeriod: { from: "2010-01-01", to: "2015-03-31" }, cohortYear: 2013, demandYears: { from: 2013, to: 2014 }, outstandingAsOf: "2015-03-31" },
    );
    expect(result.years.map((y) => y.year)).toEqual(["2014/15"]);
    // A, D and G are Inadequate safeguarding or SIF judgements published in the period.
    expect(result.inadequate.safeguarding.judgements).toBe(3);
    // G's SIF started in 2013 (and in 2013/14, and was published in the SIF's first school
    // year); D's child protection inspection is dated 2014-03-20, in 2013/14 only.
    expect(Object.fromEntries(result.cohorts.map((c) => [c.named.key, c.members.map((m) => m.council_code)]))).toEqual({
      sifStarted: ["G"],
      childProtectionInspected: [],
      inspected: ["G"],
      published: [],
      inspectedFinancialYear: ["D", "G"],
      sifSchoolYear: ["A", "B", "G"],
    });
    // No reading gives 29 councils: the first reading is used.
    expect([result.cohortMatches.length, result.cohort.named.key]).toEqual([0, "sifStarted"]);
    // G: 400 → 500 referrals on 10,000 children = +100 per 10,000.
    expect(result.cohort.groups.inadequate.demand.referrals?.pooledChange).toBe(100);
    expect(result.allCouncils.cpPlans?.meanChange).toBe(5);
    expect([result.firstDemandYear, result.names.get("G"), result.reportCohort.councils]).toEqual([2013, "Glenford", 29]);
  });
});

describe("analyseRecount picks the reading that matches", () => {
  it("uses the first reading that gives the report's cohort size", () => {
    const result = analyseRecount(
      { events: COHORT_EVENTS, demand: [], councils: [], published: PUBLISHED, reportTransitions: REPORT, reportCohort: { councils: 2, beforeYear: 2012, afterYear: 2014 } },
      { shareYears: [], inadequatePeriod: { from: "2010-04-01", to: "2015-03-31" }, repeatPeriod: { from: "2010-01-01", to: "2015-03-31" }, cohortYear: 2013, demandYears: { from: 2013, to: 2014 }, outstandingAsOf: "2015-03-31" },
    );
    expect(result.cohortMatches.map((c) => c.named.key)).toEqual(["inspected", "inspectedFinancialYear", "sifSchoolYear"]);
    expect(result.cohort.named.key).toBe("inspected");
  });
});

describe("lastOutstanding", () => {
  const events: JudgementEvent[] = [
    ev("L", "slac-looked-after", "2012-05-29", "outstanding"),
    ev("L", "slac-safeguarding", "2012-05-29", "outstanding"),
    ev("N", "slac-safeguarding", "2012-06-13", "good"),
    ev("N", "slac-looked-after", "2012-06-13", "outstanding"),
    ev("L", "sif", "2015-05-12", "inadequate", "2015-03-10"),
    // After the date measured to: not the last one.
    ev("M", "sif", "2015-06-01", "outstanding", "2015-04-01"),
  ];

  it("finds the last Outstanding safeguarding judgement, the time since and the council's next grade", () => {
    const last = lastOutstanding(events, ["slac-safeguarding", "sif"], "2015-03-31");
    // 29 May 2012 → 29 May 2014 is 730 days (no 29 February in between); 29 May 2014 →
    // 31 March 2015 is 2 + 30 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 = 306 days.
    expect(last?.judgement.council_code).toBe("L");
    expect(last?.days).toBe(730 + 306);
    expect(last?.years).toBeCloseTo(1036 / 365.25, 10);
    expect([last?.next?.framework, last?.next?.overall, last?.next?.published]).toEqual(["sif", "inadequate", "2015-05-12"]);
  });

  it("counting looked-after judgements finds a later one whose council has no next judgement", () => {
    const { any, safeguarding } = recountOutstanding(events, "2015-03-31");
    expect([any?.judgement.council_code, any?.judgement.framework, any?.days, any?.next]).toEqual(["N", "slac-looked-after", 1021, undefined]);
    expect(safeguarding?.judgement.council_code).toBe("L");
  });

  it("has no answer without an Outstanding judgement", () => {
    expect(lastOutstanding([ev("X", "sif", "2014-01-01", "good")], ["sif"], "2015-03-31")).toBeUndefined();
  });
});
