import { describe, expect, it } from "vitest";
import { measureValues } from "../../../scripts/report/shared/measures.ts";
import { repeatInspectionTransitions } from "../../../scripts/report/transitions/datasets.ts";
import { checkedRows } from "../../helpers/report.ts";

describe("data/national/repeat-inspection-transitions.csv as published", () => {
  it("loads, passes its checks and holds the report's numbers (chapter 1, section 3)", async () => {
    const rows = await checkedRows(repeatInspectionTransitions);
    expect(measureValues(rows)).toEqual({
      councils: 86,
      became_inadequate: 16,
      towards_good: 18,
      stayed_inadequate: 5,
      stayed_ri: 23,
      stayed_inadequate_or_ri_percent: 33,
      inadequate_2010_stayed_percent: 25,
      ri_2010_kept_percent: 56,
    });
    expect(rows.every((r) => r.source.includes("as published"))).toBe(true);
  });
});
