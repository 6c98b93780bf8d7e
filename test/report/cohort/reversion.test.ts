import { describe, expect, it } from "vitest";
import { revertTowardMean } from "../../../scripts/report/cohort/reversion.ts";

describe("revertTowardMean", () => {
  it("moves each score the given fraction of the way to the mean (worked by hand)", () => {
    // Scores 40, 55, 65, 80, 85, 95: sum 420, mean 70. Half-way back:
    // 40 → 40 + ½(30) = 55; 55 → 62.5; 65 → 67.5; 80 → 75; 85 → 77.5; 95 → 82.5.
    const examples = [40, 55, 65, 80, 85, 95].map((score, i) => ({ example: `E${i}`, score }));
    const r = revertTowardMean(examples, 0.5);
    expect(r.mean).toBe(70);
    expect(r.examples.map((e) => e.after)).toEqual([55, 62.5, 67.5, 75, 77.5, 82.5]);
    expect(r.examples.map((e) => e.move)).toEqual([15, 7.5, 2.5, -5, -7.5, -12.5]);
    // Spread 95 − 40 = 55 → 82.5 − 55 = 27.5: narrowed by the fraction.
    expect(r.spreadBefore).toBe(55);
    expect(r.spreadAfter).toBe(27.5);
  });

  it("with fraction 1 brings every score to the mean", () => {
    const r = revertTowardMean([{ example: "a", score: 40 }, { example: "b", score: 100 }], 1);
    expect(r.examples.map((e) => e.after)).toEqual([70, 70]);
    expect(r.spreadAfter).toBe(0);
  });

  it("refuses a single example or a fraction outside (0, 1]", () => {
    expect(() => revertTowardMean([{ example: "a", score: 40 }], 0.5)).toThrow("at least two examples");
    expect(() => revertTowardMean([{ example: "a", score: 40 }, { example: "b", score: 60 }], 0)).toThrow("above 0 and at most 1");
    expect(() => revertTowardMean([{ example: "a", score: 40 }, { example: "b", score: 60 }], 1.5)).toThrow("above 0 and at most 1");
  });
});
