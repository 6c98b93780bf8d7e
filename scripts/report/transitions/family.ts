/**
 * What happened to councils at their next inspection, as the 2015 report published it,
 * and the group sizes its printed shares imply. Its result is used by the recount (which
 * counts the same moves from Ofsted's records) and by "Ten years on" (the share that stayed low).
 */
import { defineFamily } from "../../engine/family.ts";
import { analyseTransitions, type TransitionAnalysis } from "./compute.ts";
import { repeatInspectionTransitions } from "./datasets.ts";
import { denominatorsFigure, movementsFigure } from "./figures.ts";
import { transitionStats } from "./stats.ts";

export const transitions = defineFamily({
  name: "transitions",
  datasets: [repeatInspectionTransitions],
  uses: {},
  build({ rows }) {
    const analysis: TransitionAnalysis = analyseTransitions(rows(repeatInspectionTransitions));
    return { result: analysis, stats: transitionStats(analysis), figures: [movementsFigure(analysis), denominatorsFigure(analysis)] };
  },
});
