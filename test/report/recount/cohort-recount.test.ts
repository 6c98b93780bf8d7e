import { describe, expect, it } from "vitest";
import { rateChange, recountCohort, selectCohort, type DemandFigures } from "../../../scripts/report/recount/cohort-recount.ts";
import type { JudgementEvent } from "../../../scripts/report/recount/counting.ts";

const SIF = ["sif", "sif-reinspection"] as const;
const CHILD_PROTECTION = ["cpi", "cpi-reinspection", "sif", "sif-reinspection"] as const;

const ev = (council_code: string, framework: JudgementEvent["framework"], published: string, overall: JudgementEvent["overall"], inspection_start: string | null = null): JudgementEvent => ({ council_code, framework, published, overall, inspection_start });

// Made-up councils A–H.
const EVENTS: JudgementEvent[] = [
  ev("A", "sif", "2014-02-11", "inadequate", "2013-11-19"),
  ev("B", "sif", "2014-03-03", "requires_improvement", "2013-12-02"),
  ev("C", "sif", "2014-02-21", "good", "2013-11-25"),
  // Started in 2014: not in a 2013 cohort by start date.
  ev("D", "sif", "2014-04-04", "inadequate", "2014-01-13"),
  // No start date, published in 2014: cannot be placed by start date.
  ev("E", "sif", "2014-06-30", "requires_improvement"),
  // A child protection inspection and its re-inspection, both published in 2013.
  ev("F", "cpi", "2013-01-21", "inadequate"),
  ev("F", "cpi-reinspection", "2013-07-26", "requires_improvement"),
  ev("G", "sif", "2014-02-11", "requires_improvement", "2013-11-19"),
  // A looked-after children inspection published in 2013: not a framework of either rule.
  ev("H", "tlac", "2013-08-23", "inadequate"),
];

const d = (council_code: string, year_ending_march: number, referrals: number | null, cpp_at_31_march: number | null, population_0_17: number | null): DemandFigures => ({ council_code, year_ending_march, referrals, cpp_at_31_march, population_0_17 });

const DEMAND: DemandFigures[] = [
  // A: 500 and 600 referrals on 10,000 children → 500 and 600 per 10,000; plans 40 → 50.
  d("A", 2013, 500, 40, 10_000),
  d("A", 2014, 600, 50, 10_000),
  // B: 300 and 350 on 5,000 → 600 and 700; plans 20 and 25 → 40 and 50.
  d("B", 2013, 300, 20, 5_000),
  d("B", 2014, 350, 25, 5_000),
  // C: 1,000 and 900 on 20,000 → 500 and 450; plans 90 and 100 → 45 and 50.
  d("C", 2013, 1_000, 90, 20_000),
  d("C", 2014, 900, 100, 20_000),
  // G: referrals suppressed in 2014; plans 10 and 12 on 4,000 → 25 and 30.
  d("G", 2013, 200, 10, 4_000),
  d("G", 2014, null, 12, 4_000),
  // A year outside the two compared: ignored.
  d("C", 2015, 5_000, 500, 20_000),
];

describe("selectCohort", () => {
  it("by inspection start, SIF only: A, B, C and G started in 2013; D started in 2014; E has no start date", () => {
    const cohort = selectCohort(EVENTS, { frameworks: SIF, basis: "inspection_start", from: "2013-01-01", to: "2013-12-31" });
    expect(cohort.members.map((m) => [m.council_code, m.group])).toEqual([
      ["A", "inadequate"],
      ["B", "ri_or_good"],
      ["C", "ri_or_good"],
      ["G", "ri_or_good"],
    ]);
    // E (published 2014-06-30) might have started in 2013 but cannot be placed.
    expect(cohort.undated).toBe(1);
  });

  it("by publication: F's two 2013 judgements make one council, Inadequate because one of them is; H's TLAC is not counted", () => {
    const cohort = selectCohort(EVENTS, { frameworks: CHILD_PROTECTION, basis: "publication", from: "2013-01-01", to: "2013-12-31" });
    expect(cohort.members.map((m) => [m.council_code, m.group, m.judgements.map((j) => j.framework)])).toEqual([["F", "inadequate", ["cpi", "cpi-reinspection"]]]);
    expect(cohort.undated).toBe(0);
  });

  it("by publication in 2014: every SIF published that year, dated or not", () => {
    const cohort = selectCohort(EVENTS, { frameworks: SIF, basis: "publication", from: "2014-01-01", to: "2014-12-31" });
    expect(cohort.members.map((m) => m.council_code)).toEqual(["A", "B", "C", "D", "E", "G"]);
  });

  it("dates child protection inspections a set number of days before publication, and keeps that date", () => {
    const events = [ev("J", "cpi", "2014-01-20", "inadequate"), ev("K", "cpi", "2014-02-20", "good")];
    // J: 20 January 2014 less 42 days = 9 December 2013, inside 2013; K: 9 January 2014, outside.
    const cohort = selectCohort(events, { frameworks: CHILD_PROTECTION, basis: "inspection_start", nonSifLagDays: 42, from: "2013-01-01", to: "2013-12-31" });
    expect(cohort.members.map((m) => [m.council_code, m.judgements.map((j) => j.placed)])).toEqual([["J", ["2013-12-09"]]]);
    expect(cohort.undated).toBe(0);
  });
});

describe("rateChange", () => {
  it("pools counts and populations, and averages the councils' own rates", () => {
    const change = rateChange(DEMAND, ["B", "C"], "referrals", { from: 2013, to: 2014 });
    // 2014: (350 + 900) ÷ (5,000 + 20,000) × 10,000 = 500; mean (700 + 450) ÷ 2 = 575.
    expect(change?.to).toEqual({ year: 2014, councils: 2, count: 1_250, population: 25_000, pooled: 500, mean: 575 });
    // 2013: (300 + 1,000) ÷ 25,000 × 10,000 = 520; mean (600 + 500) ÷ 2 = 550.
    expect(change?.from).toEqual({ year: 2013, councils: 2, count: 1_300, population: 25_000, pooled: 520, mean: 550 });
    // pooled 500 − 520 = −20; mean of the councils' changes (+100 and −50) = +25 = 575 − 550.
    expect([change?.pooledChange, change?.meanChange]).toEqual([-20, 25]);
    expect(change?.leftOut).toEqual([]);
  });

  it("counts child protection plans the same way", () => {
    const change = rateChange(DEMAND, ["B", "C"], "cpPlans", { from: 2013, to: 2014 });
    // 2014: (25 + 100) ÷ 25,000 × 10,000 = 50; mean (50 + 50) ÷ 2 = 50.
    // 2013: (20 + 90) ÷ 25,000 × 10,000 = 44; mean (40 + 45) ÷ 2 = 42.5.
    expect([change?.to.pooled, change?.to.mean, change?.from.pooled, change?.from.mean]).toEqual([50, 50, 44, 42.5]);
    // 50 − 44 = 6; 50 − 42.5 = 7.5.
    expect([change?.pooledChange, change?.meanChange]).toEqual([6, 7.5]);
  });

  it("leaves out, in both years, a council missing a value in either", () => {
    // G has no 2014 referrals, so only B and C are compared, as above.
    const referrals = rateChange(DEMAND, ["B", "C", "G"], "referrals", { from: 2013, to: 2014 });
    expect([referrals?.to.councils, referrals?.from.pooled, referrals?.leftOut]).toEqual([2, 520, ["G"]]);
    // G's plans are there: (25 + 100 + 12) ÷ 29,000 × 10,000 = 47.24…; mean (50 + 50 + 30) ÷ 3 = 43.33….
    const plans = rateChange(DEMAND, ["B", "C", "G"], "cpPlans", { from: 2013, to: 2014 });
    expect(plans?.to.pooled).toBeCloseTo(47.2414, 4);
    expect(plans?.to.mean).toBeCloseTo(43.3333, 4);
    // A council with no rows at all is left out too; a group with nobody left has no rates.
    expect(rateChange(DEMAND, ["Z"], "referrals", { from: 2013, to: 2014 })).toBeUndefined();
  });
});

describe("recountCohort", () => {
  it("splits the cohort and works out each group's demand", () => {
    const cohort = recountCohort(EVENTS, DEMAND, { frameworks: SIF, basis: "inspection_start", from: "2013-01-01", to: "2013-12-31" }, { from: 2013, to: 2014 });
    expect(cohort.groups.inadequate.councils).toEqual(["A"]);
    expect(cohort.groups.ri_or_good.councils).toEqual(["B", "C", "G"]);
    // A alone: 600 − 500 = +100 referrals per 10,000, 50 − 40 = +10 plans.
    expect(cohort.groups.inadequate.demand.referrals?.pooledChange).toBe(100);
    expect(cohort.groups.inadequate.demand.cpPlans?.meanChange).toBe(10);
    // The rest: G left out of referrals (as above), kept for plans.
    expect(cohort.groups.ri_or_good.demand.referrals?.to.pooled).toBe(500);
    expect(cohort.groups.ri_or_good.demand.cpPlans?.to.councils).toBe(3);
    expect(cohort.years).toEqual({ from: 2013, to: 2014 });
  });
});
