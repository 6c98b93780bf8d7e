import { describe, expect, it } from "vitest";
import { measureValues } from "../../../scripts/report/shared/measures.ts";
import { projectionInputs } from "../../../scripts/report/projection/datasets.ts";
import { checkedRows } from "../../helpers/report.ts";

describe("data/national/projection-2017.csv", () => {
  it("holds the printed projection and horizon, and a count of councils that says it is not from the report", async () => {
    const rows = await checkedRows(projectionInputs);
    expect(measureValues(rows)).toEqual({ councils_in_england: 152, inadequate_by_horizon: 38, horizon_year: 2017 });
    expect(rows.find((r) => r.measure === "councils_in_england")?.source).toMatch(/^Not from the report/);
  });
});
