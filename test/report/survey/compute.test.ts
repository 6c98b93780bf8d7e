import { describe, expect, it } from "vitest";
import {
  analyseStatements,
  commonSampleSizes,
  consistentCounts,
  consistentSampleSizes,
  exhaustionSummary,
  listSizes,
  nearestAchievableShare,
  partsAddUp,
  remainder,
  roundingSensitivity,
  type PublishedShare,
} from "../../../scripts/report/survey/compute.ts";

const exact = (percent: number, decimals: number, response = "agree_or_strongly_agree"): PublishedShare => ({ response, percent, decimals, approximate: false });
const approx = (percent: number, response = "agree_or_strongly_agree"): PublishedShare => ({ response, percent, decimals: 0, approximate: true });
const ns = (shares: PublishedShare[], options = {}) => consistentSampleSizes(shares, options).map((c) => c.n);

// The report's printed shares.
const codeAgree = exact(65.3, 1);
const codeDisagree = exact(17.3, 1, "disagree_or_strongly_disagree");
const orgAgree = exact(51.4, 1);
const orgDisagree = exact(23.6, 1, "disagree_or_strongly_disagree");
const phrasing = exact(59.2, 1);
const chartValue = exact(60.3, 1, "unlabelled_chart_segment");
const partnerships = exact(87, 0);
const moratoriumAgree = approx(44);
const moratoriumDisagree = approx(39, "disagree_or_strongly_disagree");

describe("consistentCounts", () => {
  it("finds the whole counts that round to a one-decimal share", () => {
    // 65.3 with one decimal needs 65.25 ≤ 100k/n < 65.35.
    // n = 75: 48.94 ≤ k < 49.01 → k = 49 (49/75 = 65.333…).
    expect(consistentCounts(codeAgree, 75)).toEqual([49]);
    // n = 80: 52.2 ≤ k < 52.28 → none (52/80 = 65.0, 53/80 = 66.25).
    expect(consistentCounts(codeAgree, 80)).toEqual([]);
  });

  it("treats a share exactly halfway by the chosen tie rule", () => {
    // 87 with no decimals: 86.5 ≤ 100k/80 < 87.5 → 69.2 ≤ k < 70 → none; 70/80 = 87.5 is the tie.
    expect(consistentCounts(partnerships, 80)).toEqual([]);
    expect(consistentCounts(partnerships, 80, { rounding: "halfDown" })).toEqual([70]);
    // One decimal: 41/80 = 51.25 → 51.3 when ties go up, 51.2 when they go down.
    expect(consistentCounts(exact(51.3, 1), 80)).toEqual([41]);
    expect(consistentCounts(exact(51.3, 1), 80, { rounding: "halfDown" })).toEqual([]);
    expect(consistentCounts(exact(51.2, 1), 80, { rounding: "halfDown" })).toEqual([41]);
  });

  it("judges an approximate share by the tolerance, ±1 point by default", () => {
    // 43 ≤ 1.25k ≤ 45 → 34.4 ≤ k ≤ 36 → 35 (43.75) and 36 (45.0, on the edge, included).
    expect(consistentCounts(moratoriumAgree, 80)).toEqual([35, 36]);
    // Read strictly as a rounded whole number: 43.5 ≤ 1.25k < 44.5 → k = 35 only.
    expect(consistentCounts(exact(44, 0), 80)).toEqual([35]);
    // Tolerance 0: exactly 44%, i.e. k/n = 11/25.
    expect(consistentCounts(moratoriumAgree, 75, { approximateTolerance: 0 })).toEqual([33]);
    expect(consistentCounts(moratoriumAgree, 80, { approximateTolerance: 0 })).toEqual([]);
  });

  it("covers the ends of the scale and refuses nonsense", () => {
    // 0% and 100% are always reachable: k = 0 and k = n.
    expect(consistentCounts(exact(0, 0), 7)).toEqual([0]);
    expect(consistentCounts(exact(100, 0), 7)).toEqual([7]);
    expect(() => consistentCounts(codeAgree, 0)).toThrow("a sample size must be a whole number of at least 1, not 0");
    expect(() => consistentCounts(exact(50, -1), 10)).toThrow("decimals must be a whole number ≥ 0, not -1");
  });
});

describe("consistentSampleSizes on the report's statements", () => {
  it("65.3% alone fits 49, 72 and 75 respondents", () => {
    // k must lie in [0.6525n, 0.6535n), a window 0.001n wide (under 0.08 for n ≤ 80):
    //   n = 49: [31.97, 32.02) → 32 (65.31)   n = 72: [46.98, 47.05) → 47 (65.28)
    //   n = 75: [48.94, 49.01) → 49 (65.33)   every other n ≤ 80 has no whole number inside.
    expect(ns([codeAgree])).toEqual([49, 72, 75]);
  });

  it("17.3% alone fits 52 and 75", () => {
    // k in [0.1725n, 0.1735n): n = 52 → [8.97, 9.02) → 9 (17.31); n = 75 → [12.94, 13.01) → 13 (17.33).
    expect(ns([codeDisagree])).toEqual([52, 75]);
  });

  it("pins the code of conduct to 75 respondents: 49 agree, 13 disagree", () => {
    // {49, 72, 75} ∩ {52, 75} = {75}; 49 + 13 = 62 ≤ 75, leaving 13 (17.3%) neither.
    expect(consistentSampleSizes([codeAgree, codeDisagree])).toEqual([{ n: 75, counts: [49, 13], shares: [(100 * 49) / 75, (100 * 13) / 75] }]);
  });

  it("pins the new organisation to 72 respondents: 37 agree, 17 disagree", () => {
    // 51.4: k in [0.5135n, 0.5145n) → 35 (18), 37 (19), 70 (36), 72 (37), 74 (38).
    expect(ns([orgAgree])).toEqual([35, 37, 70, 72, 74]);
    // 23.6: k in [0.2355n, 0.2365n) → 55 (13 → 23.64), 72 (17 → 23.61).
    expect(ns([orgDisagree])).toEqual([55, 72]);
    expect(consistentSampleSizes([orgAgree, orgDisagree]).map((c) => [c.n, ...c.counts])).toEqual([[72, 37, 17]]);
  });

  it("59.2% fits 49, 71 and 76; the five-year chart's 60.3 fits 58, 63, 68, 73 and 78", () => {
    // 59.2: [0.5915n, 0.5925n) → 29/49 = 59.18, 42/71 = 59.15, 45/76 = 59.21.
    expect(ns([phrasing])).toEqual([49, 71, 76]);
    // 60.3: [0.6025n, 0.6035n) → 35/58 = 60.34, 38/63 = 60.32, 41/68 = 60.29, 44/73 = 60.27, 47/78 = 60.26.
    expect(ns([chartValue])).toEqual([58, 63, 68, 73, 78]);
  });

  it("87% fits 27 sample sizes from 15 to 79, but not 80", () => {
    // k in [0.865n, 0.875n): n = 15 → [12.98, 13.13) → 13 (86.67); n = 79 → [68.34, 69.13) → 69 (87.34);
    // n = 80 → [69.2, 70) → none. Below 15 the window misses: n = 8 → [6.92, 7) → none.
    const sizes = ns([partnerships]);
    expect(sizes).toHaveLength(27);
    expect(sizes[0]).toBe(15);
    expect(sizes.at(-1)).toBe(79);
    expect(sizes).not.toContain(80);
  });

  it("the moratorium's approximate shares fit 80 respondents: 35 agree (43.75%), 31 disagree (38.75%)", () => {
    const candidates = consistentSampleSizes([moratoriumAgree, moratoriumDisagree]);
    // At n = 80 agree may be 35 or 36 and disagree 31 (38.75) or 32 (40.0); the closest pair is 35 and 31.
    expect(candidates.at(-1)).toEqual({ n: 80, counts: [35, 31], shares: [43.75, 38.75] });
    // n = 17: agree needs 7.31 ≤ k ≤ 7.65 → none. n = 18: 8/18 = 44.4 and 7/18 = 38.9 → the smallest.
    expect(candidates[0].n).toBe(18);
    expect(candidates.map((c) => c.n)).not.toContain(17);
  });

  it("read strictly as whole-number rounding, the moratorium fits fewer sizes, still including 80", () => {
    // n = 18: 8/18 = 44.44 → 44 and 7/18 = 38.89 → 39 ✓; n = 80: 43.75 → 44 and 38.75 → 39 ✓;
    // n = 20: 9/20 = 45 ✗ (and 8/20 = 40 for disagree → 40 ✗).
    expect(ns([exact(44, 0), exact(39, 0, "disagree_or_strongly_disagree")])).toEqual([18, 36, 41, 54, 57, 59, 61, 62, 64, 66, 70, 71, 72, 75, 77, 79, 80]);
  });

  it("no single number of respondents fits every statement", () => {
    const each = [[codeAgree, codeDisagree], [orgAgree, orgDisagree], [phrasing], [chartValue], [partnerships], [moratoriumAgree, moratoriumDisagree]].map((s) => ns(s));
    // 75 (code of conduct) and 72 (new organisation) already differ.
    expect(commonSampleSizes(each)).toEqual([]);
    expect(commonSampleSizes([[49, 72, 75], [52, 75]])).toEqual([75]);
    expect(commonSampleSizes([])).toEqual([]);
  });
});

describe("consistentSampleSizes in general", () => {
  it("rejects counts that together exceed n", () => {
    // 60% and 50% of the same respondents: at least 59.5 + 49.5 = 109% — never possible.
    expect(ns([exact(60, 0), exact(50, 0, "disagree_or_strongly_disagree")])).toEqual([]);
    // 50% and 50% fit every even n (k = n/2 twice); odd n = 1 gives 0/1 or 1/1, never 50.
    expect(ns([exact(50, 0), exact(50, 0, "disagree_or_strongly_disagree")], { maxN: 6 })).toEqual([2, 4, 6]);
  });

  it("honours maxN", () => {
    expect(ns([codeAgree], { maxN: 74 })).toEqual([49, 72]);
    expect(ns([codeAgree], { maxN: 100 })).toContain(98);
  });

  it("needs at least one share", () => {
    expect(() => consistentSampleSizes([])).toThrow("a statement needs at least one printed share");
  });
});

describe("roundingSensitivity", () => {
  it("87%: rounding ties down adds every multiple of 8 (7/8 = 87.5%) and removes nothing", () => {
    const result = roundingSensitivity([partnerships]);
    expect(result.onlyHalfDown).toEqual([8, 16, 24, 32, 40, 48, 56, 64, 72, 80]);
    expect(result.onlyHalfUp).toEqual([]);
    expect(result.matters).toBe(true);
  });

  it("makes no difference to the code of conduct", () => {
    const result = roundingSensitivity([codeAgree, codeDisagree]);
    expect(result).toEqual({ halfUp: [75], halfDown: [75], onlyHalfUp: [], onlyHalfDown: [], matters: false });
  });
});

describe("remainder", () => {
  it("is 100 − agree − disagree, exact in the printed decimals", () => {
    // 100 − 65.3 − 17.3 = 17.4, uncertain by ±0.05 each = ±0.1.
    expect(remainder(codeAgree, codeDisagree)).toEqual({ percent: 17.4, decimals: 1, uncertainty: 0.1 });
    // 100 − 51.4 − 23.6 = 25.0.
    expect(remainder(orgAgree, orgDisagree)).toEqual({ percent: 25, decimals: 1, uncertainty: 0.1 });
    // 100 − 44 − 39 = 17; both approximate (±1 each) → ±2.
    expect(remainder(moratoriumAgree, moratoriumDisagree)).toEqual({ percent: 17, decimals: 0, uncertainty: 2 });
    // Mixed decimals: 100 − 87 − 5.5 = 7.5, ±0.5 + 0.05 = ±0.55.
    expect(remainder(partnerships, exact(5.5, 1, "disagree_or_strongly_disagree"))).toEqual({ percent: 7.5, decimals: 1, uncertainty: 0.55 });
  });
});

describe("partsAddUp and exhaustionSummary", () => {
  it("73 + 18 = 91, the printed total", () => {
    expect(partsAddUp([73, 18], 91)).toEqual({ sum: 91, difference: 0, tolerance: 1.5, consistent: true });
  });

  it("flags a total that rounding cannot explain", () => {
    // 73 + 18 = 91 against 95: −4, beyond ±1.5.
    expect(partsAddUp([73, 18], 95)).toEqual({ sum: 91, difference: -4, tolerance: 1.5, consistent: false });
    // One decimal: 0.1 + 0.2 = 0.3 exactly, not 0.30000000000000004.
    expect(partsAddUp([0.1, 0.2], 0.3, 1)).toEqual({ sum: 0.3, difference: 0, tolerance: 0.15, consistent: true });
  });

  it("reads the three workforce rows", () => {
    const rows = [
      { level: "high_or_moderate", percent: 91 },
      { level: "high", percent: 73 },
      { level: "moderate", percent: 18 },
    ];
    expect(exhaustionSummary(rows)).toMatchObject({ high: 73, moderate: 18, total: 91, check: { sum: 91, consistent: true } });
    expect(() => exhaustionSummary(rows.slice(0, 2))).toThrow("no exhaustion share for level moderate");
  });
});

describe("nearestAchievableShare", () => {
  it("finds the closest share a small count can give", () => {
    // 33.3 with at most 3 respondents: 1/3 = 33.33…
    expect(nearestAchievableShare(33.3, 3)).toEqual({ n: 3, k: 1, share: 100 / 3 });
    // 50 is first reached with n = 2.
    expect(nearestAchievableShare(50, 80)).toEqual({ n: 2, k: 1, share: 50 });
  });
});

describe("listSizes", () => {
  it("lists, joins the last with 'and' and collapses runs of three or more", () => {
    expect(listSizes([])).toBe("none");
    expect(listSizes([75])).toBe("75");
    expect(listSizes([52, 75])).toBe("52 and 75");
    expect(listSizes([49, 71, 76])).toBe("49, 71 and 76");
    expect(listSizes([45, 46, 47, 52, 53, 75, 76])).toBe("45–47, 52, 53, 75 and 76");
    expect(listSizes([43, 44, 45, 46])).toBe("43–46");
  });
});

describe("analyseStatements", () => {
  const row = (statement: string, response: string, stated: string, percent: number | null, decimals: number | null, precision: string) => ({
    statement,
    response,
    stated,
    percent,
    decimals,
    precision,
    label: `Label of ${statement}`,
  });
  const rows = [
    row("words_only", "agree_or_strongly_agree", "a majority", null, null, "words"),
    row("code", "agree_or_strongly_agree", "65.3%", 65.3, 1, "exact"),
    row("code", "disagree_or_strongly_disagree", "17.3%", 17.3, 1, "exact"),
    row("code", "commented_guidance_sufficient", "approximately one in three", null, null, "words"),
    row("silent", "none", "", null, null, "not_printed"),
    row("one_side", "agree_or_strongly_agree", "approximately 44%", 44, 0, "approximate"),
  ];
  const [wordsOnly, code, silent, oneSide] = analyseStatements(rows);

  it("keeps the register order and each statement's words and shares", () => {
    expect([wordsOnly, code, silent, oneSide].map((a) => a.statement)).toEqual(["words_only", "code", "silent", "one_side"]);
    expect(wordsOnly).toMatchObject({ label: "Label of words_only", shares: [], candidates: [], sensitivity: undefined, remainder: undefined });
    expect(wordsOnly.words).toEqual([{ response: "agree_or_strongly_agree", stated: "a majority" }]);
    expect(code.words).toEqual([{ response: "commented_guidance_sufficient", stated: "approximately one in three" }]);
    expect(silent.words).toEqual([]);
  });

  it("reconstructs n and the remainder where both sides are printed", () => {
    expect(code.candidates.map((c) => c.n)).toEqual([75]);
    expect(code.remainder).toEqual({ percent: 17.4, decimals: 1, uncertainty: 0.1 });
    expect(code.shares.map((s) => [s.stated, s.approximate])).toEqual([
      ["65.3%", false],
      ["17.3%", false],
    ]);
  });

  it("marks approximate shares and gives no remainder for one side", () => {
    expect(oneSide.shares[0].approximate).toBe(true);
    expect(oneSide.remainder).toBeUndefined();
    // ±1 point around 44: 1/2 = 50 is too far; 4/9 = 44.4 fits, so 9 is in and 2 is not.
    expect(oneSide.candidates.map((c) => c.n)).toContain(9);
    expect(oneSide.candidates.map((c) => c.n)).not.toContain(2);
  });
});
