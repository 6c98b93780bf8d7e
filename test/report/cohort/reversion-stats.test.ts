import { describe, expect, it } from "vitest";
import { revertTowardMean } from "../../../scripts/report/cohort/reversion.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";
import { reversionStats } from "../../../scripts/report/cohort/reversion-stats.ts";

describe("reversionStats", () => {
  it("quotes the illustration's made-up numbers, labelled as such", () => {
    // 40 and 100: mean 70; half-way back 55 and 85; spread 60 → 30.
    const list = reversionStats(revertTowardMean([{ example: "a", score: 40 }, { example: "b", score: 100 }], 0.5));
    const stats = new StatRegistry(list);
    expect(stats.format("reversion.example.fraction")).toBe("50%");
    expect(stats.format("reversion.example.mean")).toBe("70.0");
    expect(stats.format("reversion.example.spread.before")).toBe("60.0");
    expect(stats.format("reversion.example.spread.after")).toBe("30.0");
    expect(stats.format("reversion.example.count")).toBe("2");
    expect(list.every((s) => /made-up|illustration/.test(s.label))).toBe(true);
  });
});
