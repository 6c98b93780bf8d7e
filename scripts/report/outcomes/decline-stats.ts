/** Stats of the decline family: small readings of the grade table quoted in chapter 1 and the summary. */
import { lastYearWith, shareChange, trailingYearsWithout } from "./decline.ts";
import type { YearOutcomes } from "./compute.ts";

import { count, signedPoints, text } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";
import { GRADES } from "../shared/grades.ts";
import { yearKey } from "../shared/years.ts";

/** `changes` lists the year pairs whose share changes the prose quotes. */
export function declineStats(years: readonly YearOutcomes[], changes: readonly { from: string; to: string }[]): Stat[] {
  const stats: Stat[] = [
    { key: "decline.years.count", value: years.length, format: count(), label: "inspection years in the grade table" },
    { key: "decline.outstanding.zeroYears", value: trailingYearsWithout(years, "outstanding"), format: count(), label: "latest years in the grade table with no Outstanding judgements" },
  ];
  const last = lastYearWith(years, "outstanding");
  if (last) stats.push({ key: "decline.outstanding.lastYear", value: last, format: text(), label: "latest year in the grade table with any Outstanding judgements" });
  for (const { from, to } of changes) {
    for (const grade of GRADES) {
      stats.push({ key: `decline.${grade}.${yearKey(from)}.${yearKey(to)}`, value: shareChange(years, grade, from, to), format: signedPoints(0), label: `change in the share judged ${grade}, ${from} to ${to}` });
    }
  }
  return stats;
}
