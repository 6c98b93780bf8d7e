/** The outcomes family's figures, built from the real data: titles and plotted rows. */
import { beforeAll, describe, expect, it } from "vitest";
import type { FigureDefinition } from "../../../scripts/engine/figures/types.ts";
import { outcomes } from "../../../scripts/report/outcomes/family.ts";
import { familyOutput } from "../../helpers/report.ts";

let figures: readonly FigureDefinition[] = [];
beforeAll(async () => {
  figures = (await familyOutput(outcomes)).figures ?? [];
});

describe("the grade trend figure", () => {
  it("states the finding from the data", () => {
    const trend = figures.find((f) => f.key === "outcomes-by-year");
    expect(trend?.title).toBe("Good judgements fell from 69% to 18% between 2007/08 and 2014/15, while Inadequate rose from 0% to 28%");
    expect(trend?.caption).toContain("the shares for 2010/11 add up to 111%");
    expect(trend?.rows).toHaveLength(32);
  });
});

describe("the yearly swing figure", () => {
  it("plots the absolute changes inside each cycle", () => {
    const swing = figures.find((f) => f.key === "outcomes-yearly-swing");
    expect(swing?.rows).toHaveLength(16);
    // 2010/11 → 2011/12 inadequate: |3 − 21| = 18
    expect(swing?.rows).toContainEqual({ cycle: "2009/10 to 2011/12", change: "2010/11 to 2011/12", grade: "Inadequate", points: 18 });
    const early = swing?.rows.filter((r) => r.cycle === "2009/10 to 2011/12").map((r) => r.points as number) ?? [];
    // The mean the chart draws as a rule equals the report's 9.4% (75 / 8).
    expect(early.reduce((a, b) => a + b, 0) / early.length).toBe(9.375);
    expect(swing?.title).toBe("Year-on-year swings in the grade shares averaged 9.4 percentage points in 2009/10 to 2011/12, against 2.5 percentage points in 2012/13 to 2014/15");
  });
});
