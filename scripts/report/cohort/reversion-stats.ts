/** Stats of the mean-reversion illustration (chapter 2). Made-up numbers: every label says so. */
import type { Reversion } from "./reversion.ts";
import { count, percent, plainNumber } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";

export function reversionStats(r: Reversion): Stat[] {
  return [
    { key: "reversion.example.count", value: r.examples.length, format: count(), label: "made-up example councils in the illustration" },
    { key: "reversion.example.fraction", value: r.fraction * 100, format: percent(0), label: "share of the distance to the mean each made-up score moves back (illustration)" },
    { key: "reversion.example.mean", value: r.mean, format: plainNumber(1), label: "mean of the made-up scores (illustration)" },
    { key: "reversion.example.spread.before", value: r.spreadBefore, format: plainNumber(1), label: "highest minus lowest made-up score in the extreme year (illustration)" },
    { key: "reversion.example.spread.after", value: r.spreadAfter, format: plainNumber(1), label: "highest minus lowest made-up score a year later, after reversion (illustration)" },
  ];
}
