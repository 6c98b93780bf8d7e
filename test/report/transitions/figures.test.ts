import { beforeAll, describe, expect, it } from "vitest";
import type { FigureDefinition } from "../../../scripts/engine/figures/types.ts";
import { realReport } from "../../helpers/report.ts";

let byKey: ReadonlyMap<string, FigureDefinition>;
beforeAll(async () => {
  byKey = (await realReport()).figures;
});

describe("the repeat-inspection figures", () => {
  it("state the movements and the undescribed remainder in the title", () => {
    const f = byKey.get("transitions-repeat-inspections");
    expect(f?.title).toBe(
      "Of 86 councils inspected twice or more since 2010, 16 became Inadequate, 18 moved towards Good and 28 stayed Inadequate or requires improvement; the report does not place the other 24",
    );
    // 28 / 86 = 32.6%
    expect(f?.caption).toContain("The report's 33% is the 28 councils that stayed Inadequate or requires improvement out of 86: 32.6%.");
    expect(f?.rows.map((r) => r.councils)).toEqual([5, 23, 16, 18, 24]);
  });

  it("present the group sizes as our reconstruction", () => {
    const f = byKey.get("transitions-implied-group-sizes");
    expect(f?.title).toBe("The printed 25% and 56% fit 5 of 20 and 23 of 41 councils keeping their rating; the report gives neither group size");
    expect(f?.caption).toMatch(/^Our reconstruction, not published figures\./);
    // 20 − 5 = 15 changed; 41 − 23 = 18 changed
    expect(f?.rows.map((r) => r.councils)).toEqual([5, 15, 23, 18]);
  });
});
