/**
 * The 2015 report's forecast of councils Inadequate by April 2017, and ours from the same
 * grade table (the outcomes family's result). Its result, the report's forecast with ours, is
 * what the hindsight family tests against the council records.
 */
import { defineFamily } from "../../engine/family.ts";
import { outcomes } from "../outcomes/family.ts";
import { analyseProjection } from "./compute.ts";
import { projectionInputs } from "./datasets.ts";
import { projectionFigure } from "./figures.ts";
import { projectionStats } from "./stats.ts";

/** Our April 2017 projection carries forward the Inadequate rate of the settled cycle: the outcomes family's "late" variation window. */
export const PROJECTION_WINDOW = "late";

export const projection = defineFamily({
  name: "projection",
  datasets: [projectionInputs],
  uses: { outcomes },
  build({ rows, uses }) {
    const window = uses.outcomes.windows.find((w) => w.name === PROJECTION_WINDOW);
    if (!window) throw new Error(`the outcomes family has no variation window "${PROJECTION_WINDOW}"`);
    const analysis = analyseProjection(uses.outcomes.years, rows(projectionInputs), window);
    return { result: analysis, stats: projectionStats(analysis), figures: [projectionFigure(analysis)] };
  },
});
