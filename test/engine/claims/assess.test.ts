import { describe, expect, it } from "vitest";
import { assessClaim, changedStatuses, countStatuses, type ClaimInput } from "../../../scripts/engine/claims/assess.ts";

const claim = (over: Partial<ClaimInput>): ClaimInput => ({
  id: "c",
  chapter: "2",
  location: "Chapter 2",
  restated: [],
  claim: "a claim",
  stated: "15.89%",
  value: 15.89,
  stat: "cohort.drop",
  tolerance: 0.005,
  basis: "records",
  status: "reproduced",
  caveat: "",
  note: "",
  file: "data/claims/chapter2.csv",
  line: 2,
  ...over,
});

describe("assessClaim", () => {
  it("reproduces a value within its tolerance", () => {
    // A whole-number percentage: 32.56 is printed as 33 (|32.558 − 33| = 0.442 ≤ 0.5).
    const a = assessClaim(claim({ stated: "33%", value: 33, tolerance: 0.5 }), () => 28 / 86 * 100);
    expect(a.derived).toBe("reproduced");
    expect(a.difference).toBeCloseTo(-0.442, 3);
  });

  it("finds a stated drop that its own before and after values contradict", () => {
    // 68.62 − 52.63 = 15.99, printed as 15.89: a difference of +0.10.
    const a = assessClaim(claim({}), () => 68.62 - 52.63);
    expect(a.recomputed).toBeCloseTo(15.99, 10);
    expect(a.difference).toBe(0.1);
    expect(a.derived).toBe("differs");
  });

  it("marks a claim with no stat as not reproducible without looking anything up", () => {
    const a = assessClaim(claim({ stat: "" }), () => {
      throw new Error("must not be called");
    });
    expect(a).toMatchObject({ derived: "not_reproducible", recomputed: undefined, difference: undefined });
  });

  it("calls agreement with the report's own figures consistent, not reproduced", () => {
    // The same 33% against the report's own counts: (5 + 23) / 86 = 32.56, within 0.5 of 33.
    const a = assessClaim(claim({ stated: "33%", value: 33, tolerance: 0.5, basis: "report" }), () => 28 / 86 * 100);
    expect(a.derived).toBe("consistent");
    // Outside the tolerance it differs, whatever it was checked against: 15.99 against 15.89.
    expect(assessClaim(claim({ basis: "report" }), () => 68.62 - 52.63).derived).toBe("differs");
  });

  it("treats the tolerance as inclusive", () => {
    expect(assessClaim(claim({ value: 10, tolerance: 0.5 }), () => 10.5).derived).toBe("reproduced");
    expect(assessClaim(claim({ value: 10, tolerance: 0.5 }), () => 10.51).derived).toBe("differs");
  });
});

describe("changedStatuses and countStatuses", () => {
  const assessments = [
    assessClaim(claim({ id: "a", status: "reproduced" }), () => 15.89),
    assessClaim(claim({ id: "b", status: "reproduced" }), () => 15.99),
    assessClaim(claim({ id: "c", status: "not_reproducible", stat: "" }), () => 0),
    assessClaim(claim({ id: "d", status: "differs" }), () => 15.99),
    assessClaim(claim({ id: "e", status: "consistent", basis: "report" }), () => 15.89),
  ];

  it("lists only the claims whose recorded status the data contradicts", () => {
    expect(changedStatuses(assessments).map((a) => [a.claim.id, a.claim.status, a.derived])).toEqual([["b", "reproduced", "differs"]]);
  });

  it("counts derived statuses", () => {
    expect(countStatuses(assessments)).toEqual({ total: 5, reproduced: 1, consistent: 1, differs: 2, not_reproducible: 1 });
  });
});
