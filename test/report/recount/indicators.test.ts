/**
 * Chapter 2's indicators recomputed on a made-up panel, against arithmetic worked by hand,
 * and the closest-match search on made-up printed values whose answer is known.
 */
import { describe, expect, it } from "vitest";
import type { CohortIndicatorRow } from "../../../scripts/report/cohort/datasets.ts";
import type { JudgementEvent } from "../../../scripts/report/recount/counting.ts";
import { iaLevel, panelOf, rateChangeOf, rateRevisions, reviewChangeOf, searchIndicators, targetsOf, type CinFigures, type RevisedPopulation } from "../../../scripts/report/recount/indicators.ts";

const cin = (council_code: string, year_ending_march: number, f: Partial<CinFigures>): CinFigures => ({
  council_code,
  year_ending_march,
  referrals: null,
  referrals_rate_published: null,
  initial_assessments: null,
  initial_assessments_within_10_days: null,
  single_assessments_reported: "no",
  cpp_at_31_march: null,
  cpp_rate_published: null,
  cpp_reviewed_percent_published: null,
  population_0_17_published: null,
  ...f,
});

/**
 * Made-up councils P and Q (to be judged Inadequate) and R (Good):
 *   P 2012: 90 of 100 initial assessments in 10 days (90%); 500 referrals on 10,000 children (published 500.0); reviews 95.0%.
 *   P 2014: 100 of 200 (50%), full year; 660 referrals on 11,000 (published 600.0; ONS's revised 12,000 → 550); reviews 85.0%.
 *   Q 2012: 150 of 300 (50%); 300 on 5,000 (600.0); reviews 90.0%.
 *   Q 2014: 40 of 100 (40%), part-year (single assessments); 400 on 5,000 (800.0; revised 5,000 → 800); reviews 86.0%.
 *   R 2012: 80 of 100; R 2014: 70 of 100; referrals 100 on 2,000 → 500.0, then 120 on 2,000 → 600.0.
 */
const PANEL: CinFigures[] = [
  cin("P", 2012, { initial_assessments: 100, initial_assessments_within_10_days: 90, referrals: 500, referrals_rate_published: 500, population_0_17_published: 10_000, cpp_reviewed_percent_published: 95 }),
  cin("P", 2014, { initial_assessments: 200, initial_assessments_within_10_days: 100, referrals: 660, referrals_rate_published: 600, population_0_17_published: 11_000, cpp_reviewed_percent_published: 85 }),
  cin("Q", 2012, { initial_assessments: 300, initial_assessments_within_10_days: 150, referrals: 300, referrals_rate_published: 600, population_0_17_published: 5_000, cpp_reviewed_percent_published: 90 }),
  cin("Q", 2014, { initial_assessments: 100, initial_assessments_within_10_days: 40, single_assessments_reported: "yes", referrals: 400, referrals_rate_published: 800, population_0_17_published: 5_000, cpp_reviewed_percent_published: 86 }),
  cin("R", 2012, { initial_assessments: 100, initial_assessments_within_10_days: 80, referrals: 100, referrals_rate_published: 500, population_0_17_published: 2_000 }),
  cin("R", 2014, { initial_assessments: 100, initial_assessments_within_10_days: 70, referrals: 120, referrals_rate_published: 600, population_0_17_published: 2_000 }),
];

const REVISED: RevisedPopulation[] = [
  { council_code: "P", year_ending_march: 2014, population_0_17: 12_000 },
  { council_code: "Q", year_ending_march: 2014, population_0_17: 5_000 },
  { council_code: "R", year_ending_march: 2014, population_0_17: 2_000 },
];
const revisedMap = new Map(REVISED.map((r) => [`${r.council_code}|${r.year_ending_march}`, r.population_0_17 as number]));

describe("initial assessments within 10 working days", () => {
  const panel = panelOf(PANEL);
  it("mean of councils and pooled, 2012: (90% + 50%) ÷ 2 = 70%; (90 + 150) ÷ (100 + 300) = 60%", () => {
    expect(iaLevel(panel, ["P", "Q"], 2012, "mean", "all", "sameCouncils")).toEqual({ value: 70, councils: 2 });
    expect(iaLevel(panel, ["P", "Q"], 2012, "pooled", "all", "sameCouncils")).toEqual({ value: 60, councils: 2 });
  });
  it("2014: mean (50% + 40%) ÷ 2 = 45%; pooled (100 + 40) ÷ (200 + 100) = 46.67%", () => {
    expect(iaLevel(panel, ["P", "Q"], 2014, "mean", "all", "eachYear")?.value).toBeCloseTo(45, 10);
    expect(iaLevel(panel, ["P", "Q"], 2014, "pooled", "all", "eachYear")?.value).toBeCloseTo(46.6667, 4);
  });
  it("without the part-year council Q, only P counts: 90% in 2012, 50% in 2014", () => {
    expect(iaLevel(panel, ["P", "Q"], 2012, "mean", "fullYear", "sameCouncils")).toEqual({ value: 90, councils: 1 });
    expect(iaLevel(panel, ["P", "Q"], 2014, "pooled", "fullYear", "eachYear")).toEqual({ value: 50, councils: 1 });
  });
  it("no council with the figure: no value", () => {
    expect(iaLevel(panel, ["Z"], 2012, "mean", "all", "eachYear")).toBeUndefined();
  });
});

describe("rates per 10,000: published and on ONS's revised population", () => {
  const panel = panelOf(PANEL);
  it("mean of the published rates' changes: ((600 − 500) + (800 − 600)) ÷ 2 = 150", () => {
    expect(rateChangeOf(panel, revisedMap, ["P", "Q"], "referrals", "mean", "published")).toEqual({ value: 150, councils: 2 });
  });
  it("pooled on the published populations: 1,060 ÷ 16,000 × 10,000 = 662.5 less 800 ÷ 15,000 × 10,000 = 533.33, a rise of 129.17", () => {
    expect(rateChangeOf(panel, revisedMap, ["P", "Q"], "referrals", "pooled", "published")?.value).toBeCloseTo(662.5 - 8000 / 15, 9);
  });
  it("revised 2014 population, 2012 kept as published: P 660 ÷ 12,000 = 550 (−50 from 600), so the mean change is (50 + 200) ÷ 2 = 125", () => {
    expect(rateChangeOf(panel, revisedMap, ["P", "Q"], "referrals", "mean", "revised")?.value).toBeCloseTo(125, 9);
  });
  it("pooled revised: 1,060 ÷ 17,000 × 10,000 = 623.53 less 533.33 = 90.20", () => {
    expect(rateChangeOf(panel, revisedMap, ["P", "Q"], "referrals", "pooled", "revised")?.value).toBeCloseTo(10_600_000 / 17_000 - 8000 / 15, 9);
  });
  it("says where the recomputed rate differs from the published one: P by 550 − 600 = −50; Q not at all", () => {
    expect(rateRevisions(PANEL, REVISED, "referrals", 2014)).toEqual({ measure: "referrals", year: 2014, councils: 3, differing: 1, largest: { council: "P", difference: -50 } });
  });
});

describe("plans reviewed within timescales", () => {
  it("mean of the councils' changes in published percentage: ((85 − 95) + (86 − 90)) ÷ 2 = −7 points", () => {
    expect(reviewChangeOf(panelOf(PANEL), ["P", "Q"])).toEqual({ value: -7, councils: 2 });
  });
});

describe("the closest-match search", () => {
  // P and Q judged Inadequate, R Good, each in a SIF that started in autumn 2013 and was reported in January 2014.
  const sif = (council_code: string, overall: JudgementEvent["overall"], start: string): JudgementEvent => ({ council_code, framework: "sif", published: "2014-01-20", overall, inspection_start: start });
  const EVENTS = [sif("P", "inadequate", "2013-10-01"), sif("Q", "inadequate", "2013-11-04"), sif("R", "good", "2013-10-14")];
  const printed = (indicator: CohortIndicatorRow["indicator"], group: CohortIndicatorRow["group"], measure: CohortIndicatorRow["measure"], value: number): CohortIndicatorRow => ({ indicator, group, measure, value, unit: indicator.endsWith("10k") ? "per_10000_children" : "percent", source: "made up" });

  it("finds a printed value exactly where the mean of councils gives it, and counts the combinations as close", () => {
    const search = searchIndicators({ events: EVENTS, cin: PANEL, revised: REVISED, cohortYear: 2013, targets: targetsOf([printed("ia_timeliness", "inadequate", "before", 70), printed("ia_timeliness", "inadequate", "after", 45)]) });
    const before = search.targets[0];
    expect(before.closest?.value).toBe(70);
    expect(before.distance).toBe(0);
    expect(before.closest?.combination).toMatchObject({ average: "mean", iaScope: "all", iaPanel: "sameCouncils" });
    // The first reading tried that holds P and Q: SIF started in 2013.
    expect(before.closest?.combination.reading.key).toBe("sifStarted");
    // Four readings hold P and Q (SIF started in 2013; inspected in 2013; inspected in 2013/14; SIF reports of 2013/14 —
    // not judged in 2013, by publication, nor the child-protection or year-to-March-2013 readings), and in each the mean
    // with Q in gives 70 for both panels: 8 combinations, the closest and 7 as close.
    expect(before.tied).toBe(7);
  });

  it("takes the nearest when none is exact: 140 printed, mean of published rates 150 (10 away) beats pooled 129.17 (10.83 away)", () => {
    const search = searchIndicators({ events: EVENTS, cin: PANEL, revised: REVISED, cohortYear: 2013, targets: targetsOf([printed("referrals_per_10k", "inadequate", "change_as_stated", 140)]) });
    const [t] = search.targets;
    expect(t.closest?.combination).toMatchObject({ average: "mean", rates: "published" });
    expect(t.distance).toBe(10);
    // Every reading holding P and Q gives the same four values: 150, 125, 129.17 and 90.20, in that order of nearness to 140.
    expect(t.ranked.map((c) => Math.round(c.value * 100) / 100).slice(0, 4)).toEqual([150, 150, 150, 150]);
    expect(new Set(t.ranked.map((c) => Math.round(c.value * 100) / 100))).toEqual(new Set([150, 129.17, 125, 90.2]));
  });

  it("counts the councils whose 2014 initial assessments are part-year: Q, of the three with a figure", () => {
    const search = searchIndicators({ events: EVENTS, cin: PANEL, revised: REVISED, cohortYear: 2013, targets: [] });
    expect(search.partYear).toEqual(["Q"]);
    expect(search.ia2014).toBe(3);
  });

  it("does not pool the review change: the 2014 file gives no count of plans due a review", () => {
    const search = searchIndicators({ events: EVENTS, cin: PANEL, revised: REVISED, cohortYear: 2013, targets: targetsOf([printed("cp_review_timeliness", "inadequate", "change_as_stated", -8)]) });
    const [t] = search.targets;
    expect(t.outcomes.filter((o) => o.combination.average === "pooled").every((o) => "unavailable" in o)).toBe(true);
    // −7 is 1 from −8.
    expect(t.closest?.value).toBe(-7);
    expect(t.distance).toBe(1);
  });
});
