import { beforeAll, describe, expect, it } from "vitest";
import type { FigureDefinition } from "../../../scripts/engine/figures/types.ts";
import { realReport } from "../../helpers/report.ts";

let figure: FigureDefinition | undefined;
beforeAll(async () => {
  figure = (await realReport()).figures.get("mean-reversion-illustration");
});

describe("the mean-reversion figure", () => {
  it("says the illustration is made up, in the title, description, caption and panel", () => {
    // Made-up spread 95 − 40 = 55 → 82.5 − 55 = 27.5; report gap 9.65 → 13.52
    expect(figure?.title).toBe(
      "Reversion to the mean would narrow gaps (here, made-up scores 55 points apart end up 27.5 apart), but in the report's cohort the timeliness gap between Inadequate councils and the rest widened from 9.65 to 13.52 percentage points",
    );
    expect(figure?.description).toContain("made-up numbers, not data");
    expect(figure?.caption).toMatch(/^Left, made-up scores, not data/);
    expect(new Set(figure?.rows.map((r) => r.panel))).toEqual(new Set(["Illustration: made-up numbers", "The report's 2013 cohort, as published"]));
  });

  it("plots each made-up example half-way back to the mean of 70", () => {
    const a = figure?.rows.filter((r) => r.series === "Example A").map((r) => r.value);
    // 40 + ½ × (70 − 40) = 55
    expect(a).toEqual([40, 55]);
    expect(figure?.rows.filter((r) => r.series === "Mean").map((r) => r.value)).toEqual([70, 70]);
  });
});
