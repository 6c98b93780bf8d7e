/** Spreading line-end labels apart (scripts/engine/charts/end-labels.ts), on values worked by hand. */
import { describe, expect, it } from "vitest";
import { spreadLabels } from "../../../scripts/engine/charts/end-labels.ts";

describe("spreadLabels", () => {
  it("leaves labels that are clear of each other at their values", () => {
    expect(spreadLabels([20, 55, 80], [4, 4, 4], 0, 100)).toEqual([20, 55, 80]);
  });

  it("lifts a label just clear of the one below it, and keeps the lowest inside the range", () => {
    // 0 is lifted to 0 + 4/2 = 2 (half its height inside the range); 1 to 2 + (4 + 4)/2 = 6; 50 stays.
    expect(spreadLabels([1, 0, 50], [4, 4, 4], 0, 100)).toEqual([6, 2, 50]);
  });

  it("pushes labels down from the top of the range, keeping their order, and spaces labels of different heights by half their sum", () => {
    // Upwards: 99, then max(100, 99 + (4 + 8)/2 = 105) = 105. Downwards: 105 capped at 100 − 8/2 = 96; 99 capped at 96 − 6 = 90.
    expect(spreadLabels([99, 100], [4, 8], 0, 100)).toEqual([90, 96]);
  });
});
