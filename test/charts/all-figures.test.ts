/**
 * Every figure of the real report meets the spec contract (see test/helpers/spec-contract.ts):
 * zero Vega-Lite and Vega warnings, exactly its plotted rows, and its committed SVG snapshot.
 */
import { describe, expect, it } from "vitest";
import { realReport } from "../helpers/report.ts";
import { describeSpecContract } from "../helpers/spec-contract.ts";

/** Figures the report must have; the list grows as chapters are added. */
const EXPECTED = [
  "outcomes-by-year",
  "outcomes-stacked",
  "outcomes-yearly-swing",
  "recount-counting-rules",
  "recount-repeat-inspections",
  "recount-cohort-demand",
  "transitions-repeat-inspections",
  "transitions-implied-group-sizes",
  "projection-inadequate-2017",
  "cohort-ia-timeliness",
  "cohort-stated-changes",
  "mean-reversion-illustration",
  "cost-of-failure",
  "survey-statements",
  "workforce-exhaustion",
  "futures-quadrant",
];

describe("the report's figures", () => {
  it("include every expected figure, each key once", async () => {
    const keys = [...(await realReport()).figures.keys()];
    expect(keys).toEqual(expect.arrayContaining(EXPECTED));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describeSpecContract("every figure", "all");
