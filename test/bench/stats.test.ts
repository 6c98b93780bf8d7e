import { describe, expect, it } from "vitest";
import { formatSummary, markdownTable, median, scale, summarise } from "../../bench/stats.ts";

describe("median", () => {
  it("takes the middle value of an odd count, whatever the order", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([9, 2, 7, 4, 100])).toBe(7);
  });
  it("takes the mean of the two middle values of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it("refuses no samples and samples that are not numbers", () => {
    expect(() => median([])).toThrow("no samples");
    expect(() => median([1, Number.NaN])).toThrow("not a finite number");
  });
});

describe("summarise", () => {
  it("gives runs, median, min and max without changing the samples", () => {
    const samples = [3, 1, 2, 10, 4];
    expect(summarise(samples)).toEqual({ runs: 5, median: 3, min: 1, max: 10 });
    expect(samples).toEqual([3, 1, 2, 10, 4]);
  });
  it("scales every figure, keeping min below max", () => {
    expect(scale(summarise([2, 4, 6]), (v) => v / 2)).toEqual({ runs: 3, median: 2, min: 1, max: 3 });
    expect(scale(summarise([2, 4]), (v) => 1 / v)).toEqual({ runs: 2, median: 1 / 3, min: 0.25, max: 0.5 });
  });
  it("formats as median (min–max)", () => {
    expect(formatSummary(summarise([1.234, 2, 3.5]), 1)).toBe("2.0 (1.2–3.5)");
  });
});

describe("markdownTable", () => {
  it("pads the columns and separates the header", () => {
    expect(markdownTable(["a", "bb"], [["ccc", "d"]])).toBe("| a   | bb |\n|-----|----|\n| ccc | d  |");
  });
});
