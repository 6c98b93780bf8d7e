/** The 2015 report's four visions of the future of inspection, placed on its two axes. */
import { defineFamily } from "../../engine/family.ts";
import { futuresVisions } from "./datasets.ts";
import { futuresFigure } from "./figures.ts";
import { futuresStats } from "./stats.ts";

export const futures = defineFamily({
  name: "futures",
  datasets: [futuresVisions],
  uses: {},
  build({ rows }) {
    const visions = rows(futuresVisions);
    return { stats: futuresStats(visions), figures: [futuresFigure(visions)] };
  },
});
