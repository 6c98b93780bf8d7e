import { beforeAll, describe, expect, it } from "vitest";
import type { FigureDefinition } from "../../../scripts/engine/figures/types.ts";
import { realReport } from "../../helpers/report.ts";

let figure: FigureDefinition | undefined;
beforeAll(async () => {
  figure = (await realReport()).figures.get("projection-inadequate-2017");
});

describe("the projection figure", () => {
  it("states our method's result next to the report's, and that the report's method is not given", () => {
    // (26 + 30 + 28) / 3 = 28%; 152 × 0.28 = 42.56 → 43
    expect(figure?.title).toBe("Carrying the 2012/13–2014/15 Inadequate rate of 28% forward to all 152 councils gives about 43 judged Inadequate by April 2017, against the report's 38, whose method is not given");
    expect(figure?.caption).toContain("The report does not say how it reached 38.");
  });

  it("plots the report, our method and the checks", () => {
    expect(figure?.rows.map((r) => [r.kind, Math.round((r.councils as number) * 100) / 100])).toEqual([
      ["report", 38],
      ["ours", 42.56],
      ["check", 39.52],
      ["check", 45.6],
      ["check", 42.56],
      ["check", 47.12],
    ]);
  });
});
