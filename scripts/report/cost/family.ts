/** What an Inadequate judgement costs a council, from the figures the 2015 report gives. */
import { defineFamily } from "../../engine/family.ts";
import { analyseCost } from "./compute.ts";
import { costOfFailure } from "./datasets.ts";
import { annualCostFigure } from "./figures.ts";
import { costStats } from "./stats.ts";

export const cost = defineFamily({
  name: "cost",
  datasets: [costOfFailure],
  uses: {},
  build({ rows }) {
    const analysis = analyseCost(rows(costOfFailure));
    return { stats: costStats(analysis), figures: [annualCostFigure(analysis)] };
  },
});
