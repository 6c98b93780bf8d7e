/**
 * The grade table's early rows against Ofsted's reported assessment counts: shares worked
 * as the report rounds (whole percent, halves up), and which publication gives which row.
 */
import { describe, expect, it } from "vitest";
import { checkEarlyRow, publicationShares } from "../../../scripts/report/outcomes/assessments.ts";
import type { OfstedAssessmentRow } from "../../../scripts/report/outcomes/datasets.ts";
import type { YearOutcomes } from "../../../scripts/report/outcomes/compute.ts";

const row = (assessment: OfstedAssessmentRow["assessment"], grade: OfstedAssessmentRow["grade"], count: number | null, percent: number | null, councils_rated: number | null): OfstedAssessmentRow => ({ assessment, published: "made up", councils_rated, grade, count, percent, wording: "made up", source: "made up" });
const year = (y: string, inadequate: number, ri_or_adequate: number, good: number, outstanding: number): YearOutcomes => ({ year: y, shares: { inadequate, ri_or_adequate, good, outstanding }, total: inadequate + ri_or_adequate + good + outstanding });

// A made-up assessment of 40 councils: 3, 11, 20 and 6 → 7.5% → 8, 27.5% → 28, 50%, 15%.
const COUNTED = [row("csa-2009", "inadequate", 3, null, 40), row("csa-2009", "ri_or_adequate", 11, null, 40), row("csa-2009", "good", 20, null, 40), row("csa-2009", "outstanding", 6, null, 40)];
// One reported in percentages only: 20% adequate, none inadequate, 80% good or outstanding.
const REPORTED = [row("apa-2007", "inadequate", 0, null, null), row("apa-2007", "ri_or_adequate", null, 20, null), row("apa-2007", "good_or_outstanding", null, 80, null)];

describe("publicationShares", () => {
  it("works counts into whole percentages, halves up: 3 of 40 = 7.5 → 8; 11 of 40 = 27.5 → 28", () => {
    const [p] = publicationShares(COUNTED);
    expect(p.shares.inadequate).toEqual({ percent: 8, exact: 7.5, count: 3 });
    expect(p.shares.ri_or_adequate).toEqual({ percent: 28, exact: 27.5, count: 11 });
    // Good and outstanding together: 26 of 40 = 65%.
    expect(p.shares.good_or_outstanding).toEqual({ percent: 65, exact: 65, count: 26 });
  });
  it("keeps a reported percentage as reported", () => {
    const [p] = publicationShares(REPORTED);
    expect(p.shares.ri_or_adequate).toEqual({ percent: 20, exact: null, count: null });
    expect(p.shares.inadequate).toEqual({ percent: 0, exact: 0, count: 0 });
  });
});

describe("checkEarlyRow", () => {
  const publications = publicationShares([...COUNTED, ...REPORTED]);
  it("a row with 8/28/50/15 is the counted assessment's, on all four grades; the other agrees on none of its three", () => {
    const check = checkEarlyRow(year("2008/09", 8, 28, 50, 15), publications);
    expect(check.matchedBy).toEqual(["csa-2009"]);
    expect(check.comparisons[0]).toMatchObject({ compared: ["inadequate", "ri_or_adequate", "good", "outstanding"], matches: true });
    // 8 ≠ 0, 28 ≠ 20, 50 + 15 = 65 ≠ 80.
    expect(check.comparisons[1]).toMatchObject({ agreeing: [], matches: false });
  });
  it("a row with 0/20/70/10 is the percentages-only assessment's: good + outstanding 70 + 10 = 80", () => {
    expect(checkEarlyRow(year("2007/08", 0, 20, 70, 10), publications).matchedBy).toEqual(["apa-2007"]);
  });
  it("one point off on one grade is no match", () => {
    expect(checkEarlyRow(year("2009/10", 7, 28, 50, 15), publications).matchedBy).toEqual([]);
  });
});
