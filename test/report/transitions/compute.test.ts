import { describe, expect, it } from "vitest";
import { analyseTransitions, consistentDenominators, summariseTransitions } from "../../../scripts/report/transitions/compute.ts";
import type { TransitionMeasure } from "../../../scripts/report/transitions/datasets.ts";

describe("summariseTransitions", () => {
  it("adds up the published movements and finds the undescribed remainder", () => {
    const s = summariseTransitions({ councils: 86, becameInadequate: 16, towardsGood: 18, stayedInadequate: 5, stayedRi: 23 });
    // 5 + 23 = 28; 16 + 18 + 28 = 62; 86 − 62 = 24.
    expect(s.stayedLow).toBe(28);
    expect(s.described).toBe(62);
    expect(s.undescribed).toBe(24);
    // 28 / 86 = 0.325581… → 32.56%, the report's "33%".
    expect(s.stayedLowShare).toBeCloseTo(32.5581, 4);
  });

  it("refuses movements that add up to more councils than there are", () => {
    expect(() => summariseTransitions({ councils: 10, becameInadequate: 4, towardsGood: 4, stayedInadequate: 2, stayedRi: 1 })).toThrow("the movements add up to 11, more than the 10 councils");
  });
});

describe("consistentDenominators", () => {
  it("finds the only group size that makes 5 councils 25% when rounded", () => {
    // 5/19 = 26.3%, 5/20 = 25.0%, 5/21 = 23.8%: only 20 lies within 24.5–25.5.
    expect(consistentDenominators(5, 25)).toEqual({ numerator: 5, stated: 25, halfBand: 0.5, denominators: [20], nearest: 20, nearestShare: 25 });
  });

  it("finds the only group size that makes 23 councils 56% when rounded", () => {
    // 23/40 = 57.5%, 23/41 = 56.10%, 23/42 = 54.76%: only 41 lies within 55.5–56.5.
    const r = consistentDenominators(23, 56);
    expect(r.denominators).toEqual([41]);
    expect(r.nearestShare).toBeCloseTo(56.0976, 4);
  });

  it("lists every fit when a wider band admits several, nearest first by distance", () => {
    // ±2.5 around 25: 5/d between 22.5% and 27.5% → d from 18.2 to 22.2 → 19, 20, 21, 22; 20 is exact.
    const r = consistentDenominators(5, 25, 2.5);
    expect(r.denominators).toEqual([19, 20, 21, 22]);
    expect(r.nearest).toBe(20);
  });

  it("counts a share exactly on the band's edge", () => {
    // 1/8 = 12.5%, exactly on the edge of "13%" (12.5–13.5); 1/7 = 14.3% is outside.
    expect(consistentDenominators(1, 13).denominators).toEqual([8]);
  });

  it("fails when no whole group size fits", () => {
    // 3/4 = 75%, 3/5 = 60%: nothing gives 70% ± 0.5.
    expect(() => consistentDenominators(3, 70)).toThrow("no whole number of councils gives 3 as 70% (±0.5)");
    expect(() => consistentDenominators(0, 25)).toThrow("positive whole number");
  });
});

describe("analyseTransitions", () => {
  it("reads the measure rows into the summary and both reconstructions", () => {
    const row = (measure: TransitionMeasure, value: number) => ({ measure, value, unit: measure.endsWith("percent") ? "percent" : "councils", source: "s" });
    const a = analyseTransitions([
      row("councils", 86),
      row("became_inadequate", 16),
      row("towards_good", 18),
      row("stayed_inadequate", 5),
      row("stayed_ri", 23),
      row("stayed_inadequate_or_ri_percent", 33),
      row("inadequate_2010_stayed_percent", 25),
      row("ri_2010_kept_percent", 56),
    ]);
    expect(a.summary.undescribed).toBe(24);
    expect(a.statedStayedLowShare).toBe(33);
    expect(a.stayedInadequate.nearest).toBe(20);
    expect(a.stayedRi.nearest).toBe(41);
  });
});
