import { beforeAll, describe, expect, it } from "vitest";
import type { FigureDefinition } from "../../../scripts/engine/figures/types.ts";
import { realReport } from "../../helpers/report.ts";

let figure: FigureDefinition | undefined;
beforeAll(async () => {
  figure = (await realReport()).figures.get("cost-of-failure");
});

describe("the cost-of-failure figure", () => {
  it("titles the unrounded cost against the report's rounded one", () => {
    // 9.6 × £3m = £28.8m; 10 × £3m = £30m; 9.6 × £10m = £96m
    expect(figure?.title).toBe("At the lowest estimate of £3m a council, 9.6 Inadequate ratings a year cost £28.8m, not the £30m the rounded-up 10 gives; at £10m a council it would be at least £96m");
    expect(figure?.caption).toContain("48 ÷ 5 years = 9.6 a year, which it rounds up to 10");
  });

  it("plots both rates at each of the three costs per council", () => {
    expect(figure?.rows.map((r) => r.pounds)).toEqual([30_000_000, 28_800_000, 60_000_000, 57_600_000, 100_000_000, 96_000_000]);
    expect(figure?.rows[0].perCouncil).toBe("£3m: lowest estimate");
  });
});
