import { describe, expect, it } from "vitest";
import { inspections, SAFEGUARDING_FRAMEWORKS } from "../../../scripts/report/councils/datasets.ts";
import { loadCsv } from "../../../scripts/engine/data/load.ts";
import { financialYear } from "../../../scripts/report/shared/dates.ts";
import { PRE_ILACS_FRAMEWORKS, gradeShares, inadequateCount, repeatTransitions, wholePercent, type JudgementEvent } from "../../../scripts/report/recount/counting.ts";

const SIF = ["sif", "sif-reinspection"] as const;

const ev = (council_code: string, framework: JudgementEvent["framework"], published: string, overall: JudgementEvent["overall"], inspection_start: string | null = null): JudgementEvent => ({ council_code, framework, published, overall, inspection_start });

// A made-up history of five councils.
const EVENTS: JudgementEvent[] = [
  ev("E1", "slac-safeguarding", "2010-07-16", "requires_improvement"),
  ev("E1", "slac-looked-after", "2010-07-16", "good"),
  ev("E1", "sif", "2014-06-30", "inadequate", "2014-04-29"),
  ev("E1", "sif-reinspection", "2016-02-17", "good", "2015-11-24"),
  ev("E2", "slac-safeguarding", "2011-03-11", "good"),
  ev("E2", "tlac", "2013-08-23", "inadequate"),
  // Published the same day as E1's SIF but without a start date of its own.
  ev("E2", "sif", "2014-06-30", "requires_improvement"),
  ev("E3", "sif", "2014-02-11", "good", "2013-11-19"),
  ev("E4", "cpi", "2013-08-02", "inadequate"),
  // Inspected in 2014/15, published in 2015/16.
  ev("E5", "sif", "2015-05-13", "requires_improvement", "2015-03-03"),
];

describe("financialYear and wholePercent", () => {
  it("puts 1 April in the new year and 31 March in the old", () => {
    expect(financialYear("2014-03-31")).toBe("2013/14");
    expect(financialYear("2014-04-01")).toBe("2014/15");
    expect(financialYear("1999-12-31")).toBe("1999/00");
  });

  it("rounds halves up, exactly", () => {
    expect(wholePercent(11, 40)).toBe(28); // 27.5
    expect(wholePercent(7, 40)).toBe(18); // 17.5
    expect(wholePercent(1, 3)).toBe(33);
    expect(wholePercent(2, 3)).toBe(67);
    expect(wholePercent(0, 3)).toBe(0);
    expect(() => wholePercent(0, 0)).toThrow();
  });
});

describe("gradeShares", () => {
  it("by publication, SIF only: E1 and E2's SIFs (2014-06-30) fall in 2014/15", () => {
    expect(gradeShares(EVENTS, "2014/15", { basis: "publication", frameworks: SIF })).toEqual({
      year: "2014/15",
      counted: 2,
      counts: { inadequate: 1, requires_improvement: 1, good: 0, outstanding: 0 },
      percent: { inadequate: 50, requires_improvement: 50, good: 0, outstanding: 0 },
      leftOut: 0,
      standIn: 0,
    });
  });

  it("by inspection start, SIF only: E5 moves into 2014/15 and E2's undated SIF is left out", () => {
    const result = gradeShares(EVENTS, "2014/15", { basis: "inspection_start", frameworks: SIF });
    // E1 (started 2014-04-29, inadequate) and E5 (started 2015-03-03, RI).
    expect(result.counts).toEqual({ inadequate: 1, requires_improvement: 1, good: 0, outstanding: 0 });
    expect(result.leftOut).toBe(1);
  });

  it("by inspection start with same-day batches: E2 takes the start of E1, published the same day", () => {
    const result = gradeShares(EVENTS, "2014/15", { basis: "inspection_start", frameworks: SIF, undated: "same_day_batch" });
    // E1 inadequate, E2 RI, E5 RI: 1/3 → 33, 2/3 → 67.
    expect(result.counts).toEqual({ inadequate: 1, requires_improvement: 2, good: 0, outstanding: 0 });
    expect(result.percent).toEqual({ inadequate: 33, requires_improvement: 67, good: 0, outstanding: 0 });
    expect([result.leftOut, result.standIn]).toEqual([0, 1]);
  });

  it("SIF and other frameworks: 2013/14 has E3's SIF, E4's CPI and E2's TLAC", () => {
    const byPublication = gradeShares(EVENTS, "2013/14", { basis: "publication", frameworks: PRE_ILACS_FRAMEWORKS });
    expect(byPublication.counts).toEqual({ inadequate: 2, requires_improvement: 0, good: 1, outstanding: 0 });
    expect(byPublication.percent).toEqual({ inadequate: 67, requires_improvement: 0, good: 33, outstanding: 0 });
    // By start, the CPI and TLAC (no start dates) fall back to their publication dates.
    const byStart = gradeShares(EVENTS, "2013/14", { basis: "inspection_start", frameworks: PRE_ILACS_FRAMEWORKS, undated: "publication" });
    expect(byStart.counts).toEqual(byPublication.counts);
    expect(byStart.standIn).toBe(2);
  });
});

describe("inadequateCount", () => {
  it("counts Inadequate judgements published in the period for the chosen frameworks", () => {
    // Safeguarding frameworks: E1's SIF and E4's CPI; the TLAC (looked-after children only) is not one.
    expect(inadequateCount(EVENTS, "2010-04-01", "2015-03-31", SAFEGUARDING_FRAMEWORKS)).toEqual({ judgements: 2, councils: 2 });
    expect(inadequateCount(EVENTS, "2010-04-01", "2015-03-31", PRE_ILACS_FRAMEWORKS)).toEqual({ judgements: 3, councils: 3 });
    expect(inadequateCount(EVENTS, "2013-08-03", "2015-03-31", SAFEGUARDING_FRAMEWORKS)).toEqual({ judgements: 1, councils: 1 });
  });
});

describe("repeatTransitions", () => {
  it("follows each council judged twice or more from first to last judgement", () => {
    // Safeguarding frameworks 2010–2016: E1 RI → I → good; E2 good → RI. E3, E4, E5 once only.
    const result = repeatTransitions(EVENTS, { frameworks: SAFEGUARDING_FRAMEWORKS, from: "2010-01-01", to: "2016-12-31" });
    expect(result.councils).toBe(2);
    expect(result.firstLast.requires_improvement.good).toBe(1);
    expect(result.firstLast.good.requires_improvement).toBe(1);
    expect([result.steppedIntoInadequate, result.steppedOutOfInadequate]).toEqual([1, 1]);
    expect([result.stayedInadequate, result.stayedRequiresImprovement, result.leftInadequate]).toEqual([0, 0, 0]);
    expect([result.improved, result.declined]).toEqual([1, 1]);
  });

  it("stops at the end of the period", () => {
    // To March 2015: E1 RI → I (declined, stepped into Inadequate, not yet out); E2 good → RI.
    const result = repeatTransitions(EVENTS, { frameworks: SAFEGUARDING_FRAMEWORKS, from: "2010-01-01", to: "2015-03-31" });
    expect(result.firstLast.requires_improvement.inadequate).toBe(1);
    expect([result.steppedIntoInadequate, result.steppedOutOfInadequate, result.improved, result.declined]).toEqual([1, 0, 0, 2]);
  });
});

/**
 * The same functions on the committed data/councils/inspections.csv. The numbers were
 * first found with a separate throwaway script reading Ofsted's table directly; these
 * tests pin them and say which rules reproduce the report.
 */
describe("recounts of the report's figures from data/councils/inspections.csv", async () => {
  const table = await loadCsv(".", inspections.file, inspections.schema);
  const events = table.rows.map(({ row }) => row);
  const pct = (r: { percent: Record<string, number> }) => [r.percent.inadequate, r.percent.requires_improvement, r.percent.good, r.percent.outstanding];

  it("2013/14 (report: 30, 48, 22, 0): no rule reproduces it", () => {
    // By publication, SIF only: 11 judgements, 2/4/5/0.
    expect(pct(gradeShares(events, "2013/14", { basis: "publication", frameworks: SIF }))).toEqual([18, 36, 45, 0]);
    // By publication, SIF + SLAC/CPI/TLAC: 33 judgements, 13/14/6/0.
    expect(pct(gradeShares(events, "2013/14", { basis: "publication", frameworks: PRE_ILACS_FRAMEWORKS }))).toEqual([39, 42, 18, 0]);
    // By inspection start, SIF only: 17 judgements, 3/8/6/0 (no undated SIF belongs to 2013/14).
    const start = gradeShares(events, "2013/14", { basis: "inspection_start", frameworks: SIF, undated: "same_day_batch" });
    expect([start.counted, ...pct(start)]).toEqual([17, 18, 47, 35, 0]);
    // By inspection start, other frameworks dated by publication: 39 judgements, 14/18/7/0.
    expect(pct(gradeShares(events, "2013/14", { basis: "inspection_start", frameworks: PRE_ILACS_FRAMEWORKS, undated: "publication" }))).toEqual([36, 46, 18, 0]);
  });

  it("2014/15 (report: 28, 55, 18, 0): reproduced by inspection start, SIF only, undated SIFs placed with their publication batch", () => {
    expect(pct(gradeShares(events, "2014/15", { basis: "publication", frameworks: SIF }))).toEqual([19, 62, 19, 0]);
    expect(pct(gradeShares(events, "2014/15", { basis: "publication", frameworks: PRE_ILACS_FRAMEWORKS }))).toEqual([19, 62, 19, 0]);
    const excluded = gradeShares(events, "2014/15", { basis: "inspection_start", frameworks: SIF });
    // 38 dated SIFs: 10/21/7; Bournemouth's SIF (published 2014-06-30, no PDF) is left out.
    expect([excluded.counted, excluded.leftOut, ...pct(excluded)]).toEqual([38, 1, 26, 55, 18, 0]);
    const batch = gradeShares(events, "2014/15", { basis: "inspection_start", frameworks: SIF, undated: "same_day_batch" });
    // Bournemouth joins the 2014-06-30 batch (started 2014-04-29), Cumbria the 2015-05-13
    // batch (started 2015-03-03): 40 judgements, 11/22/7 → 27.5, 55, 17.5 → 28, 55, 18, 0.
    expect(batch.counts).toEqual({ inadequate: 11, requires_improvement: 22, good: 7, outstanding: 0 });
    expect([batch.standIn, ...pct(batch)]).toEqual([2, 28, 55, 18, 0]);
    expect(pct(gradeShares(events, "2014/15", { basis: "inspection_start", frameworks: PRE_ILACS_FRAMEWORKS, undated: "publication" }))).toEqual([26, 56, 18, 0]);
  });

  it("Inadequate judgements published April 2010 to March 2015 (report: 48)", () => {
    // Safeguarding and whole-service judgements (SLAC safeguarding and its re-inspection, CPI and its re-inspection, SIF and its re-inspection).
    expect(inadequateCount(events, "2010-04-01", "2015-03-31", SAFEGUARDING_FRAMEWORKS)).toEqual({ judgements: 48, councils: 40 });
    // Adding the looked-after-children judgements (SLAC looked after, its re-inspection, TLAC).
    expect(inadequateCount(events, "2010-04-01", "2015-03-31", PRE_ILACS_FRAMEWORKS).judgements).toBe(54);
    expect(inadequateCount(events, "2010-04-01", "2015-03-31", SIF).judgements).toBe(9);
  });

  it("councils judged twice or more since 2010 (report: 86; 16 became Inadequate, 18 towards Good, 5 stayed Inadequate, 23 stayed RI)", () => {
    const result = repeatTransitions(events, { frameworks: SAFEGUARDING_FRAMEWORKS, from: "2010-01-01", to: "2015-03-31" });
    expect(result.councils).toBe(86);
    expect(result.steppedIntoInadequate).toBe(16);
    expect(result.stayedInadequate).toBe(5);
    expect(result.stayedRequiresImprovement).toBe(25);
    expect(result.leftInadequate).toBe(20);
    expect(result.steppedOutOfInadequate).toBe(24);
    expect([result.improved, result.declined]).toEqual([26, 24]);
  });
});
