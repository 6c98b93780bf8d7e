/** The cohort figures meet the spec contract; the dumbbell pads its scale. */
import { describe, expect, it } from "vitest";
import { describeSpecContract } from "../../helpers/spec-contract.ts";

describeSpecContract("cohort", ["cohort-ia-timeliness", "cohort-stated-changes"]);

describe("dumbbellSpec and statedChangesSpec", () => {
  it("pads the dumbbell's scale to whole tens around the values", async () => {
    const { dumbbellSpec } = await import("../../../scripts/report/cohort/charts.ts");
    const spec = dumbbellSpec(
      [
        { group: "A", year: "2012", percent: 68.62 },
        { group: "A", year: "2014", percent: 52.63 },
      ],
      ["A", "B"],
      ["2012", "2014"],
      "x",
    ) as { layer: { encoding: { x?: { scale?: { domain: number[] } } } }[] };
    // 52.63 − 8 = 44.63 → 40; 68.62 + 5 = 73.62 → 80
    expect(spec.layer[1].encoding.x?.scale?.domain).toEqual([40, 80]);
  });

  it("gives every indicator panel its own scale", async () => {
    const { statedChangesSpec } = await import("../../../scripts/report/cohort/charts.ts");
    const spec = statedChangesSpec([{ indicator: "I", group: "A", change: 1 }], ["A", "B"]) as { resolve: unknown };
    expect(spec.resolve).toEqual({ scale: { x: "independent" } });
  });
});
