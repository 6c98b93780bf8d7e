import { describe, expect, it } from "vitest";
import { count, formatValue, gbpMillions, percent, plainNumber, points, roundHalfAway, signedPoints, text, year } from "../../../scripts/engine/stats/format.ts";

describe("roundHalfAway", () => {
  it("rounds halves away from zero on the decimal value", () => {
    expect(roundHalfAway(9.375, 1)).toBe(9.4);
    expect(roundHalfAway(2.5, 0)).toBe(3);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    // 1.005 is stored as 1.00499999999999989…; toFixed(2) gives "1.00", we want 1.01.
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(0.125, 2)).toBe(0.13);
  });
});

describe("formatValue", () => {
  it("formats percentages on the 0–100 scale", () => {
    expect(formatValue(9.375, percent(1))).toBe("9.4%");
    expect(formatValue(2.5, percent(1))).toBe("2.5%");
    expect(formatValue(69, percent(0))).toBe("69%");
    expect(formatValue(0, percent(0))).toBe("0%");
    expect(formatValue(-4, percent(0))).toBe("\u22124%");
  });

  it("formats percentage points, singular and plural", () => {
    expect(formatValue(9.375, points(1))).toBe("9.4 percentage points");
    expect(formatValue(1, points(0))).toBe("1 percentage point");
    expect(formatValue(2.5, signedPoints(1))).toBe("+2.5 points");
    expect(formatValue(-1, signedPoints(0))).toBe("\u22121 point");
    expect(formatValue(0, signedPoints(0))).toBe("0 points");
  });

  it("formats counts, plain numbers and money", () => {
    expect(formatValue(1234, count())).toBe("1,234");
    expect(formatValue(3.75, plainNumber(1))).toBe("3.8");
    expect(formatValue(3_000_000, gbpMillions())).toBe("£3m");
    expect(formatValue(28_800_000, gbpMillions(1))).toBe("£28.8m");
  });

  it("writes years without grouping and refuses fractions", () => {
    expect(formatValue(2015, year())).toBe("2015");
    expect(() => formatValue(2015.5, year())).toThrow("whole number");
  });

  it("passes text through and refuses mismatched or missing values", () => {
    expect(formatValue("2014/15", text())).toBe("2014/15");
    expect(() => formatValue(5, text())).toThrow("needs a string");
    expect(() => formatValue("5", percent(0))).toThrow("needs a finite number");
    expect(() => formatValue(Number.NaN, percent(0))).toThrow("needs a finite number");
  });

  it("does not depend on the process locale", () => {
    const before = process.env.LANG;
    process.env.LANG = "de_DE.UTF-8";
    try {
      expect(formatValue(1234.5, plainNumber(1))).toBe("1,234.5");
    } finally {
      process.env.LANG = before;
    }
  });
});
