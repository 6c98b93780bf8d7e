import { describe, expect, it } from "vitest";
import { SHARE_RULES, analyseRecount, type RecountOptions } from "../../../scripts/report/recount/analysis.ts";
import type { JudgementEvent } from "../../../scripts/report/recount/counting.ts";
import { consistentDenominators, summariseTransitions } from "../../../scripts/report/transitions/compute.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";
import { nameList, recountStats } from "../../../scripts/report/recount/stats.ts";

const ev = (council_code: string, framework: JudgementEvent["framework"], published: string, overall: JudgementEvent["overall"], inspection_start: string | null = null): JudgementEvent => ({ council_code, framework, published, overall, inspection_start });

// Made-up councils A–F.
const EVENTS: JudgementEvent[] = [
  ev("A", "slac-safeguarding", "2010-06-11", "requires_improvement"),
  ev("A", "sif", "2014-06-30", "inadequate", "2014-04-29"),
  ev("B", "sif", "2014-06-30", "requires_improvement"),
  ev("C", "sif", "2015-05-13", "good", "2015-03-03"),
  ev("D", "cpi", "2014-05-01", "inadequate"),
  // SIF inspections started in 2013, published in 2013/14.
  ev("E", "sif", "2014-02-11", "inadequate", "2013-11-20"),
  ev("F", "sif", "2014-03-05", "good", "2013-12-02"),
];

const d = (council_code: string, year_ending_march: number, referrals: number, cpp_at_31_march: number, population_0_17: number) => ({ council_code, year_ending_march, referrals, cpp_at_31_march, population_0_17 });
// E: 400 → 500 referrals and 30 → 35 plans on 10,000 children; F: 250 → 300 and 20 → 22 on 5,000.
const DEMAND = [d("E", 2013, 400, 30, 10_000), d("E", 2014, 500, 35, 10_000), d("F", 2013, 250, 20, 5_000), d("F", 2014, 300, 22, 5_000)];

const INPUT = {
  events: EVENTS,
  demand: DEMAND,
  councils: [
    { code: "E", name: "Eastmarsh" },
    { code: "F", name: "Fallowfield" },
  ],
  published: [{ year: "2014/15", shares: { inadequate: 50, ri_or_adequate: 50, good: 0, outstanding: 0 }, total: 100 }],
  reportTransitions: {
    summary: summariseTransitions({ councils: 86, becameInadequate: 16, towardsGood: 18, stayedInadequate: 5, stayedRi: 23 }),
    statedStayedLowShare: 33,
    stayedInadequate: consistentDenominators(5, 25),
    stayedRi: consistentDenominators(23, 56),
  },
  reportCohort: { councils: 29, beforeYear: 2012, afterYear: 2014 },
};
const OPTIONS: RecountOptions = { shareYears: ["2014/15"], inadequatePeriod: { from: "2010-04-01", to: "2015-03-31" }, repeatPeriod: { from: "2010-01-01", to: "2015-03-31" }, cohortYear: 2013, demandYears: { from: 2013, to: 2014 }, outstandingAsOf: "2015-03-31" };
const analysis = analyseRecount(INPUT, OPTIONS);
const list = recountStats(analysis);
const stats = new StatRegistry(list);

describe("recountStats: grade shares", () => {
  it("names every rule and gives each rule's shares with the rule in the label", () => {
    expect(stats.format("recount.shares.rules")).toBe(String(SHARE_RULES.length));
    expect(stats.format("recount.rule.publishedSif.short")).toBe("SIF, by publication date");
    for (const rule of SHARE_RULES) {
      expect(stats.get(`recount.rule.${rule.key}`).value).toBe(rule.description);
      expect(stats.get(`recount.shares.2014-15.${rule.key}.inadequate`).label).toContain(rule.description);
    }
  });

  it("gives the recounted shares as whole percentages, with their counts", () => {
    // SIF by publication in 2014/15: A (Inadequate) and B (RI) → 50% each.
    expect(stats.format("recount.shares.2014-15.publishedSif.inadequate")).toBe("50%");
    expect(stats.format("recount.shares.2014-15.publishedSif.ri_or_adequate.count")).toBe("1");
    expect(stats.format("recount.shares.2014-15.publishedSif.judgements")).toBe("2");
    expect(stats.format("recount.shares.2014-15.publishedSif.matches")).toBe("4");
    // By start date, undated with their batch: A, B (A's start) and C → 33% each; B by a stand-in date.
    expect(stats.format("recount.shares.2014-15.startDateFilled.good")).toBe("33%");
    expect(stats.format("recount.shares.2014-15.startDateFilled.standIn")).toBe("1");
    // By start date, undated left out: B is left out.
    expect(stats.format("recount.shares.2014-15.startDate.leftOut")).toBe("1");
  });

  it("says which rules reproduce the published year and which is nearest", () => {
    expect(stats.format("recount.shares.2014-15.reproducedBy")).toBe("SIF, by publication date");
    expect(stats.format("recount.shares.2014-15.rulesReproducing")).toBe("1");
    expect(stats.format("recount.shares.2014-15.closest")).toBe("SIF, by publication date");
    expect(stats.format("recount.shares.2014-15.closest.distance")).toBe("0 percentage points");
  });
});

describe("recountStats: Inadequate judgements and repeat inspections", () => {
  it("counts Inadequate judgements over the period and a year", () => {
    // A's SIF, D's CPI and E's SIF; at three councils; two of them SIF. 3 ÷ 5 years = 0.6.
    expect(stats.format("recount.inadequate.2010-2015")).toBe("3");
    expect(stats.format("recount.inadequate.2010-2015.councils")).toBe("3");
    expect(stats.format("recount.inadequate.2010-2015.sifOnly")).toBe("2");
    expect(stats.format("recount.inadequate.2010-2015.perYear")).toBe("0.6");
    expect(stats.get("recount.inadequate.2010-2015").label).toContain("published April 2010 to March 2015");
  });

  it("recounts the repeat inspections against the report's counts", () => {
    // Only A is judged twice (RI in 2010, Inadequate in 2014): it became Inadequate.
    expect(stats.format("recount.repeat.councils")).toBe("1");
    expect(stats.format("recount.repeat.councils.difference")).toBe("\u221285");
    expect(stats.format("recount.repeat.becameInadequate")).toBe("1");
    expect(stats.format("recount.repeat.stayedRi")).toBe("0");
    expect(stats.format("recount.repeat.matches")).toBe("0");
    expect(stats.format("recount.repeat.differs")).toBe("5");
    // First RI: A; stayed RI: none → 0%. Nobody was first Inadequate, so that share is not given.
    expect(stats.format("recount.repeat.stayedRi.share")).toBe("0%");
    expect(stats.has("recount.repeat.stayedInadequate.share")).toBe(false);
    expect(stats.get("recount.repeat.councils").label).toContain("published January 2010 to March 2015");
  });
});

describe("recountStats: the cohort", () => {
  it("counts every reading and, with none giving the report's 29, uses the first", () => {
    expect(stats.format("recount.cohort.readings")).toBe("6");
    expect(stats.format("recount.cohort.matches")).toBe("0");
    expect(stats.format("recount.cohort.matchedBy")).toBe("none of the readings tried");
    expect(stats.format("recount.cohort.label")).toBe("SIF started in 2013");
    // 2 − 29.
    expect(stats.format("recount.cohort.councils.difference")).toBe("\u221227");
    // Published in calendar 2013: nobody; SIF reports published September 2013 to August 2014: A, B, E and F.
    expect(stats.format("recount.cohort.reading.published.councils")).toBe("0");
    expect(stats.format("recount.cohort.reading.sifSchoolYear.councils")).toBe("4");
    expect(stats.format("recount.cohort.reading.sifSchoolYear.inadequate.councils")).toBe("2");
  });

  it("lists the councils whose SIF started in 2013, by group", () => {
    expect(stats.format("recount.cohort.councils")).toBe("2");
    expect(stats.format("recount.cohort.inadequate.names")).toBe("Eastmarsh");
    expect(stats.format("recount.cohort.riOrGood.names")).toBe("Fallowfield");
    expect(stats.format("recount.cohort.inadequate.share")).toBe("50%");
    // B's SIF (no start date, published 2014) cannot be placed.
    expect(stats.format("recount.cohort.undated")).toBe("1");
  });

  it("gives each group's rates per 10,000, pooled and as a mean, and the changes", () => {
    // E: 500 referrals ÷ 10,000 children × 10,000 = 500.0 in 2014, 400.0 in 2013: +100.0.
    expect(stats.format("recount.cohort.inadequate.referrals.2014.pooled")).toBe("500.0");
    expect(stats.format("recount.cohort.inadequate.referrals.change.mean")).toBe("100.0");
    // F: 22 ÷ 5,000 × 10,000 = 44.0, from 40.0: +4.0. Gap in plan changes: 5.0 − 4.0 = 1.0.
    expect(stats.format("recount.cohort.riOrGood.cpPlans.2014.mean")).toBe("44.0");
    expect(stats.format("recount.cohort.cpPlans.change.gap.pooled")).toBe("1.0");
    // Referral changes: +100 each, so no gap.
    expect(stats.format("recount.cohort.referrals.change.gap.mean")).toBe("0.0");
    expect(stats.get("recount.cohort.inadequate.referrals.2014.pooled").label).toContain("SIF inspection (first or re-inspection) started in calendar 2013");
    // Only the reading used gets demand stats.
    expect(stats.has("recount.cohort.reading.sifStarted.inadequate.referrals.2014.pooled")).toBe(false);
  });

  it("gives every council's rates for reference", () => {
    // (500 + 300) ÷ 15,000 × 10,000 = 533.3; mean of 500 and 600 = 550.0.
    expect(stats.format("recount.demand.referrals.2014.pooled")).toBe("533.3");
    expect(stats.format("recount.demand.referrals.2014.mean")).toBe("550.0");
    expect(stats.format("recount.demand.firstYear")).toBe("2013");
  });

  it("has unique keys under recount.", () => {
    expect(list.every((s) => s.key.startsWith("recount."))).toBe(true);
    expect(new Set(list.map((s) => s.key)).size).toBe(list.length);
  });
});

describe("nameList", () => {
  it("joins names in English", () => {
    expect([nameList([]), nameList(["A"]), nameList(["A", "B"]), nameList(["A", "B", "C"]), nameList(["A", "B"], "or")]).toEqual(["none", "A", "A and B", "A, B and C", "A or B"]);
  });
});

describe("nameList with a name that holds a comma", () => {
  it("parts the items by semicolons so the name stays whole", () => {
    expect(nameList(["Bexley", "Herefordshire, County of", "Hillingdon"])).toBe("Bexley; Herefordshire, County of; and Hillingdon");
    expect(nameList(["Herefordshire, County of", "Hillingdon"], "or")).toBe("Herefordshire, County of or Hillingdon");
  });
});

describe("recountStats: the last Outstanding judgement", () => {
  const withOutstanding = analyseRecount(
    { ...INPUT, events: [...EVENTS, ev("E", "slac-safeguarding", "2012-05-29", "outstanding"), ev("F", "slac-looked-after", "2012-06-13", "outstanding")] },
    OPTIONS,
  );
  const registry = new StatRegistry(recountStats(withOutstanding));

  it("dates it, measures the time to the end of the report's data and names the council's next grade", () => {
    expect(registry.format("recount.outstanding.asOf")).toBe("31 March 2015");
    expect(registry.format("recount.outstanding.safeguarding.date")).toBe("29 May 2012");
    expect(registry.format("recount.outstanding.safeguarding.council")).toBe("Eastmarsh");
    // 1,036 days ÷ 365.25 = 2.84 years.
    expect(registry.format("recount.outstanding.safeguarding.days")).toBe("1,036");
    expect(registry.format("recount.outstanding.safeguarding.years")).toBe("2.8");
    // E's next safeguarding or whole-service judgement: the SIF published 11 February 2014, Inadequate.
    expect(registry.format("recount.outstanding.safeguarding.next.grade")).toBe("Inadequate");
    expect(registry.format("recount.outstanding.safeguarding.next.date")).toBe("11 February 2014");
    expect(registry.get("recount.outstanding.safeguarding.fellYear").value).toBe(2014);
    // Counting looked-after judgements, F's (13 June 2012) is later; F's next judgement is its SIF, Good.
    expect(registry.format("recount.outstanding.any.council")).toBe("Fallowfield");
    expect(registry.format("recount.outstanding.any.next.grade")).toBe("Good");
    expect(registry.has("recount.outstanding.any.fellYear")).toBe(false);
  });
});
