/**
 * Stats of the outcomes family: every share by grade and year, the share good or
 * better, the year span, and the average yearly variation of the two cycles.
 */

import { averageYearlyVariation, goodOrBetter, yearWindow, type YearOutcomes } from "./compute.ts";
import { percent, plainNumber, text } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";
import { GRADES } from "../shared/grades.ts";
import { yearKey } from "../shared/years.ts";

/** `2007/08` → `2007-08`, so a year can sit inside a dotted key. */

export interface VariationWindow {
  readonly name: string;
  readonly first: string;
  readonly last: string;
}

export function outcomeStats(years: readonly YearOutcomes[], windows: readonly VariationWindow[]): Stat[] {
  const stats: Stat[] = [
    { key: "outcomes.years.first", value: years[0].year, format: text(), label: "first year of the grade table" },
    { key: "outcomes.years.last", value: years[years.length - 1].year, format: text(), label: "last year of the grade table" },
  ];
  for (const { year, shares, total } of years) {
    for (const grade of GRADES) {
      stats.push({ key: `outcomes.${grade}.${yearKey(year)}`, value: shares[grade], format: percent(0), label: `share judged ${grade} in ${year}, as published` });
    }
    stats.push({ key: `outcomes.total.${yearKey(year)}`, value: total, format: percent(0), label: `sum of the published shares for ${year}` });
  }
  for (const { year, percent: value } of goodOrBetter(years)) {
    stats.push({ key: `outcomes.goodOrBetter.${yearKey(year)}`, value, format: percent(0), label: `share judged good or outstanding in ${year}` });
  }
  const variations = windows.map((w) => ({ ...w, value: averageYearlyVariation(yearWindow(years, w.first, w.last)) }));
  for (const v of variations) {
    stats.push(
      { key: `outcomes.variation.${v.name}`, value: v.value, format: percent(1), label: `average yearly variation by grade, ${v.first} to ${v.last}` },
      { key: `outcomes.variation.${v.name}.first`, value: v.first, format: text(), label: `first year of the ${v.name} cycle` },
      { key: `outcomes.variation.${v.name}.last`, value: v.last, format: text(), label: `last year of the ${v.name} cycle` },
    );
  }
  if (variations.length === 2) {
    stats.push({ key: "outcomes.variation.ratio", value: variations[0].value / variations[1].value, format: plainNumber(1), label: `how many times larger the ${variations[0].name} variation is than the ${variations[1].name}` });
  }
  return stats;
}
