import { beforeAll, describe, expect, it } from "vitest";
import type { FigureDefinition } from "../../../scripts/engine/figures/types.ts";
import { realReport } from "../../helpers/report.ts";

let byKey: ReadonlyMap<string, FigureDefinition>;
beforeAll(async () => {
  byKey = (await realReport()).figures;
});

describe("the 2013 cohort figures", () => {
  it("title the timeliness falls from the report's own before and after values, and flag the printed ones", () => {
    const f = byKey.get("cohort-ia-timeliness");
    // 68.62 − 52.63 = 15.99; 78.27 − 66.15 = 12.12
    expect(f?.title).toBe(
      "Initial assessments on time fell by 15.99 percentage points in councils rated Inadequate in 2013, against 12.12 percentage points in those rated RI or Good, between 2012 and 2014",
    );
    expect(f?.caption).toContain("The report prints different falls for both groups (15.89 percentage points for councils rated Inadequate, 11.32 percentage points for councils rated RI or Good)");
    expect(f?.rows).toEqual([
      { group: "Rated Inadequate", year: "2012", percent: 68.62 },
      { group: "Rated Inadequate", year: "2014", percent: 52.63 },
      { group: "Rated RI or Good", year: "2012", percent: 78.27 },
      { group: "Rated RI or Good", year: "2014", percent: 66.15 },
    ]);
  });

  it("title the printed changes with the range of ratios", () => {
    const f = byKey.get("cohort-stated-changes");
    // Ratios 15.89/11.32 = 1.40, 8.62/1.99 = 4.33, 94.7/31.39 = 3.02, 9.68/2.46 = 3.93
    expect(f?.title).toBe("On all 4 indicators the report's change after inspection was larger for councils rated Inadequate than for the rest: from 1.4 to 4.3 times as large");
    expect(f?.rows).toContainEqual({ indicator: "Child protection reviews on time: fall (percentage points)", group: "Rated Inadequate", change: 8.62 });
    expect(f?.rows).toContainEqual({ indicator: "Referrals: rise (per 10,000 children)", group: "Rated RI or Good", change: 31.39 });
    expect(f?.rows).toHaveLength(8);
  });
});
