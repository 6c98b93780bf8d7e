import { describe, expect, it } from "vitest";
import { consistentDenominators, summariseTransitions } from "../../../scripts/report/transitions/compute.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";
import { transitionStats } from "../../../scripts/report/transitions/stats.ts";

const stats = new StatRegistry(
  transitionStats({
    summary: summariseTransitions({ councils: 86, becameInadequate: 16, towardsGood: 18, stayedInadequate: 5, stayedRi: 23 }),
    statedStayedLowShare: 33,
    stayedInadequate: consistentDenominators(5, 25),
    stayedRi: consistentDenominators(23, 56),
  }),
);

describe("transitionStats", () => {
  it("has the published counts and our sums", () => {
    expect(stats.format("transitions.councils")).toBe("86");
    expect(stats.format("transitions.becameInadequate")).toBe("16");
    expect(stats.format("transitions.towardsGood")).toBe("18");
    expect(stats.format("transitions.stayedLow")).toBe("28");
    expect(stats.format("transitions.undescribed")).toBe("24");
    expect(stats.format("transitions.described")).toBe("62");
  });

  it("reproduces the printed 33% and shows it to one decimal", () => {
    // 28 / 86 = 32.558…%
    expect(stats.format("transitions.stayedLow.share")).toBe("33%");
    expect(stats.format("transitions.stayedLow.share.exact")).toBe("32.6%");
    expect(stats.format("transitions.stayedLow.share.stated")).toBe("33%");
  });

  it("has the reconstructed group sizes next to the printed shares", () => {
    expect(stats.format("transitions.stayedInadequate.share.stated")).toBe("25%");
    expect(stats.format("transitions.stayedInadequate.denominator")).toBe("20");
    expect(stats.format("transitions.stayedInadequate.denominator.candidates")).toBe("1");
    expect(stats.format("transitions.stayedInadequate.share.reconstructed")).toBe("25.0%");
    expect(stats.format("transitions.stayedRi.denominator")).toBe("41");
    // 23 / 41 = 56.097…%
    expect(stats.format("transitions.stayedRi.share.reconstructed")).toBe("56.1%");
    // 20 + 41 = 61
    expect(stats.format("transitions.firstLow.reconstructed")).toBe("61");
  });
});
