/**
 * Stats of chapter 2's four indicators recomputed from DfE's 2012–2014 council figures
 * (./indicators.ts). Keys (target: ia.<group>.before|after, cpReviews.<group>.change,
 * referrals.<group>.change, cpPlans.<group>.change; group inadequate | riOrGood):
 *
 *   recount.cin.<target>.closest            the value of the combination nearest the report's
 *   recount.cin.<target>.distance           closest − printed
 *   recount.cin.<target>.combination        that combination in words (text)
 *   recount.cin.<target>.councils|groupSize councils it is worked on, of the group's
 *   recount.cin.<target>.tried|tied         combinations with a value; others as near
 *   recount.cin.cpReviews.<group>.drop.closest   the closest change as the fall the report states
 *   recount.cin.reading.<reading>.<group>   councils in the group under each reading searched
 *   recount.cin.readings, recount.cin.combinations   readings searched; values computed in all
 *   recount.cin.partYear[.share], recount.cin.ia2014   councils with part-year 2014 initial assessments
 *   recount.cin.revision.<measure>.<year>.councils|differing|largest|largestCouncil
 */
import type { CohortGroup, Indicator } from "../cohort/datasets.ts";
import { count, percent, plainNumber, points, text, type Format } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";
import { describeCombination, type Direction, type IndicatorSearch, type RateRevision, type Target } from "./indicators.ts";
import { COHORT_GROUP_KEYS } from "./stats.ts";

export const INDICATOR_KEYS: Readonly<Record<Indicator, string>> = { ia_timeliness: "ia", cp_review_timeliness: "cpReviews", referrals_per_10k: "referrals", cp_plans_per_10k: "cpPlans" };

export const INDICATOR_WORDS: Readonly<Record<Indicator, string>> = {
  ia_timeliness: "initial assessments within 10 working days",
  cp_review_timeliness: "plans reviewed within timescales",
  referrals_per_10k: "referrals per 10,000 children",
  cp_plans_per_10k: "children on a protection plan per 10,000",
};

const GROUP_WORDS: Readonly<Record<CohortGroup, string>> = { inadequate: "Inadequate", ri_or_good: "RI or Good" };

/** "ia.inadequate.before" for the stat keys. */
export const targetKey = (t: Target) => `${INDICATOR_KEYS[t.indicator]}.${COHORT_GROUP_KEYS[t.group]}.${t.measure}`;

/** The target in words: "initial assessments within 10 working days, Inadequate, 2012". */
export const targetWords = (t: Target) => `${INDICATOR_WORDS[t.indicator]}, ${GROUP_WORDS[t.group]}, ${t.measure === "before" ? "2012" : t.measure === "after" ? "2014" : "change 2012 to 2014"}`;

/** How a target's values are shown: percentages and points to 2 decimals, rates to 2 (the report prints up to 2). */
export const targetFormat = (t: Target): Format => (t.indicator === "ia_timeliness" ? percent(2) : t.indicator === "cp_review_timeliness" ? points(2) : plainNumber(2));

export function indicatorStats(search: IndicatorSearch, revisions: readonly RateRevision[], names: ReadonlyMap<string, string>, direction: readonly Direction[]): Stat[] {
  const stats: Stat[] = [];
  const add = (key: string, value: number | string, format: Format, label: string) => stats.push({ key: `recount.cin.${key}`, value, format, label });
  for (const t of search.targets) {
    const k = targetKey(t.target);
    const words = targetWords(t.target);
    add(`${k}.tried`, t.ranked.length, count(), `combinations with a value for ${words}`);
    if (t.closest === undefined || t.distance === undefined) continue;
    const format = targetFormat(t.target);
    add(`${k}.closest`, t.closest.value, format, `${words}: the value of the combination closest to the report's`);
    add(`${k}.distance`, t.distance, t.target.indicator === "ia_timeliness" || t.target.indicator === "cp_review_timeliness" ? points(2) : plainNumber(2), `${words}: closest combination − the report's value`);
    add(`${k}.combination`, describeCombination(t.closest.combination), text(), `${words}: the closest combination`);
    add(`${k}.councils`, t.closest.councils, count(), `${words}: councils the closest combination is worked on`);
    add(`${k}.groupSize`, t.closest.groupSize, count(), `${words}: councils in the group under the closest combination's reading`);
    add(`${k}.tied`, t.tied, count(), `${words}: other combinations exactly as close`);
    if (t.target.indicator === "cp_review_timeliness") {
      add(`${k.replace(/\.change$/, ".drop")}.closest`, -t.closest.value, points(2), `${words}: the closest combination's fall`);
      add(`${k.replace(/\.change$/, ".drop")}.distance`, -t.distance, points(2), `${words}: the closest combination's fall − the fall the report states`);
    }
  }
  for (const { reading, groups } of search.readings) {
    for (const [group, key] of Object.entries(COHORT_GROUP_KEYS) as [CohortGroup, string][]) add(`reading.${reading.key}.${key}`, groups[group].length, count(), `councils ${GROUP_WORDS[group]} under the reading "${reading.label}"`);
    add(`reading.${reading.key}.label`, reading.label, text(), `the reading "${reading.key}"`);
  }
  add("readings", search.readings.length, count(), "readings of the 2013 cohort searched");
  add("combinations", search.targets.reduce((s, t) => s + t.ranked.length, 0), count(), "values computed in the search, over the report's ten values");
  add("partYear", search.partYear.length, count(), "councils whose 2014 initial assessments cover part of the year (single assessments reported)");
  add("ia2014", search.ia2014, count(), "councils with a 2014 figure for initial assessments within 10 working days");
  if (search.ia2014 > 0) stats.push({ key: "recount.cin.partYear.share", value: (100 * search.partYear.length) / search.ia2014, format: percent(0), label: "share of councils with a 2014 initial-assessment figure whose year is part-year", base: { part: search.partYear.length, whole: search.ia2014 } });
  for (const r of revisions) {
    const k = `revision.${r.measure}.${r.year}`;
    const what = `${r.measure === "referrals" ? "referral" : "protection plan"} rates, year ending March ${r.year}`;
    add(`${k}.councils`, r.councils, count(), `councils with a published and a recomputed ${what}`);
    add(`${k}.differing`, r.differing, count(), `councils whose ${what} on ONS's revised population differs from the published by more than rounding`);
    if (r.largest) {
      add(`${k}.largest`, Math.abs(r.largest.difference), plainNumber(1), `the largest difference, either way, between recomputed and published ${what}`);
      add(`${k}.largestCouncil`, names.get(r.largest.council) ?? r.largest.council, text(), `the council with the largest difference in ${what}`);
    }
  }
  for (const indicator of Object.keys(INDICATOR_KEYS) as Indicator[]) {
    const own = direction.filter((d) => d.indicator === indicator && d.worse !== undefined);
    add(`direction.${INDICATOR_KEYS[indicator]}.worse`, own.filter((d) => d.worse).length, count(), `readings under which the Inadequate group did worse on ${INDICATOR_WORDS[indicator]} (mean of councils, published rates)`);
    add(`direction.${INDICATOR_KEYS[indicator]}.readings`, own.length, count(), `readings with values for both groups on ${INDICATOR_WORDS[indicator]}`);
    if (own.length > 0) {
      add(`direction.${INDICATOR_KEYS[indicator]}.inadequateCouncils.min`, Math.min(...own.map((d) => d.councils.inadequate)), count(), `fewest councils judged Inadequate the change in ${INDICATOR_WORDS[indicator]} is worked on, over the readings`);
      add(`direction.${INDICATOR_KEYS[indicator]}.inadequateCouncils.max`, Math.max(...own.map((d) => d.councils.inadequate)), count(), `most councils judged Inadequate the change in ${INDICATOR_WORDS[indicator]} is worked on, over the readings`);
    }
  }
  const all = direction.filter((d) => d.worse !== undefined);
  add("direction.worse", all.filter((d) => d.worse).length, count(), "reading-and-indicator pairs under which the Inadequate group did worse (mean of councils, published rates)");
  add("direction.pairs", all.length, count(), "reading-and-indicator pairs with values for both groups");
  return stats;
}
