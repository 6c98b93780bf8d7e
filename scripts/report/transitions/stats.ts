/**
 * Stats of the repeat-inspection family (chapter 1, section 3; executive summary).
 * `.stated` keys are the report's printed values; the others are our arithmetic on them.
 */
import type { DenominatorReconstruction, TransitionAnalysis } from "./compute.ts";
import { count, percent } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";

export function transitionStats(analysis: TransitionAnalysis): Stat[] {
  const { summary } = analysis;
  const rebuilt = { stayedInadequate: analysis.stayedInadequate, stayedRi: analysis.stayedRi };
  const councils = (key: string, value: number, label: string): Stat => ({ key: `transitions.${key}`, value, format: count(), label });
  const stats: Stat[] = [
    councils("councils", summary.councils, "councils inspected twice or more since 2010, as published"),
    councils("becameInadequate", summary.becameInadequate, "re-inspected councils that became Inadequate, as published"),
    councils("towardsGood", summary.towardsGood, "re-inspected councils that moved out of Inadequate or RI towards Good, as published"),
    councils("stayedInadequate", summary.stayedInadequate, "re-inspected councils Inadequate at both ends, as published"),
    councils("stayedRi", summary.stayedRi, "re-inspected councils RI at both ends, as published"),
    councils("stayedLow", summary.stayedLow, "re-inspected councils that stayed Inadequate or RI (sum of the two published counts)"),
    { key: "transitions.stayedLow.share", value: summary.stayedLowShare, format: percent(0), base: { part: summary.stayedLow, whole: summary.councils }, label: "share of re-inspected councils that stayed Inadequate or RI, recomputed" },
    { key: "transitions.stayedLow.share.exact", value: summary.stayedLowShare, format: percent(1), label: "share of re-inspected councils that stayed Inadequate or RI, to one decimal" },
    { key: "transitions.stayedLow.share.stated", value: analysis.statedStayedLowShare, format: percent(0), label: "share that stayed Inadequate or RI, as printed" },
    councils("described", summary.described, "re-inspected councils placed in one of the four published movements"),
    councils("undescribed", summary.undescribed, "re-inspected councils the report does not place in any movement"),
  ];
  for (const [name, r] of Object.entries(rebuilt) as [keyof typeof rebuilt, DenominatorReconstruction][]) {
    const what = name === "stayedInadequate" ? "Inadequate in 2010 that stayed Inadequate" : "RI or adequate in 2010 that kept the rating";
    stats.push(
      { key: `transitions.${name}.share.stated`, value: r.stated, format: percent(0), label: `share of councils ${what}, as printed` },
      councils(`${name}.denominator`, r.nearest, `group size consistent with the printed share of councils ${what} (our reconstruction)`),
      councils(`${name}.denominator.candidates`, r.denominators.length, `how many whole group sizes fit the printed share of councils ${what}`),
      { key: `transitions.${name}.share.reconstructed`, value: r.nearestShare, format: percent(1), label: `share of councils ${what} with the reconstructed group size` },
    );
  }
  stats.push(
    councils("firstLow.reconstructed", rebuilt.stayedInadequate.nearest + rebuilt.stayedRi.nearest, "councils Inadequate or RI in 2010 implied by the two reconstructed group sizes"),
  );
  return stats;
}
