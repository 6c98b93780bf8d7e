/**
 * Stats of the ILACS family ("Ten years on"). Keys (grades: inadequate, requiresImprovement,
 * good, outstanding; regions as slugs, "north-east"):
 *
 *   ilacs.first, ilacs.asOf, ilacs.reports, ilacs.graded, ilacs.ungraded, ilacs.councils
 *   ilacs.year.<year>.<grade>[.count], ilacs.year.<year>.graded|ungraded; ilacs.years.first|last|lastFull
 *   ilacs.lastFull.<grade>, ilacs.lastFull.mostCommon; ilacs.inadequate.peak.year|share
 *   ilacs.moves.pairs|improved|stayed|declined[.share]; ilacs.moves.<from>.<to>
 *   ilacs.firstLatest.councils|improved|declined|stuck|stuckShare; ilacs.firstLatest.vs2015
 *   ilacs.spells.since|ended|running|median.years|median.months|shortest.months|longest.years
 *   ilacs.sub.<sub>.reports|same|better|worse|sameShare
 *   ilacs.region.<slug>.goodOrBetter|councils; ilacs.england.goodOrBetter|belowGood|councils
 *   ilacs.region.highest|lowest (text) and .share
 */

import type { IlacsSubJudgement } from "./datasets.ts";
import { DAYS_PER_YEAR } from "../shared/dates.ts";
import type { IlacsAnalysis, RegionLatest } from "./compute.ts";
import { count, percent, plainNumber, points, text, year, dayMonthYear } from "../../engine/stats/format.ts";
import { slug } from "../../engine/slug.ts";

import type { Stat } from "../../engine/stats/registry.ts";
import { JUDGEMENTS, JUDGEMENT_KEYS, JUDGEMENT_WORDS } from "../shared/grades.ts";

export const SUB_WORDS: Readonly<Record<IlacsSubJudgement, string>> = {
  leadership: "the impact of leaders on social work practice",
  help_protection: "the experiences and progress of children who need help and protection",
  in_care: "the experiences and progress of children in care",
  care_leavers: "the experiences and progress of care leavers",
};

const MONTHS_PER_YEAR = 12;

/**
 * `stuckShare2015`: the 2015 report's printed share of re-inspected councils that stayed
 * Inadequate or requires improvement, for the comparison.
 */
export function ilacsStats(a: IlacsAnalysis, stuckShare2015: number): Stat[] {
  const stats: Stat[] = [
    { key: "ilacs.first", value: dayMonthYear(a.first), format: text(), label: "publication date of the first ILACS report in the data" },
    { key: "ilacs.asOf", value: dayMonthYear(a.asOf), format: text(), label: "publication date of the latest ILACS report in the data (the data's as-of date)" },
    { key: "ilacs.reports", value: a.reports, format: count(), label: "ILACS reports in the data" },
    { key: "ilacs.graded", value: a.graded, format: count(), label: "ILACS reports with an overall grade" },
    { key: "ilacs.ungraded", value: a.reports - a.graded, format: count(), label: "ILACS reports without an overall grade (published after the 2026 reform)" },
    { key: "ilacs.councils", value: a.councils, format: count(), label: "councils with at least one ILACS report" },
  ];
  const gradedYears = a.years.filter((y) => y.graded > 0);
  if (gradedYears.length > 0) {
    stats.push(
      { key: "ilacs.years.first", value: gradedYears[0].year, format: year(), label: "first year of publication with graded ILACS reports" },
      { key: "ilacs.years.last", value: gradedYears[gradedYears.length - 1].year, format: year(), label: "last year of publication with graded ILACS reports" },
    );
  }
  for (const y of a.years) {
    const at = `ilacs.year.${y.year}`;
    stats.push(
      { key: `${at}.graded`, value: y.graded, format: count(), label: `ILACS reports published in ${y.year} with an overall grade` },
      { key: `${at}.ungraded`, value: y.ungraded, format: count(), label: `ILACS reports published in ${y.year} without an overall grade` },
    );
    if (y.graded === 0) continue;
    for (const g of JUDGEMENTS) {
      stats.push(
        { key: `${at}.${JUDGEMENT_KEYS[g]}`, value: y.shares[g], format: percent(0), label: `share of the graded ILACS reports published in ${y.year} judged ${JUDGEMENT_WORDS[g]}` },
        { key: `${at}.${JUDGEMENT_KEYS[g]}.count`, value: y.counts[g], format: count(), label: `graded ILACS reports published in ${y.year} judged ${JUDGEMENT_WORDS[g]}` },
      );
    }
  }
  if (gradedYears.length > 0) {
    const peak = gradedYears.reduce((best, y) => (y.shares.inadequate > best.shares.inadequate ? y : best));
    stats.push(
      { key: "ilacs.inadequate.peak.year", value: peak.year, format: year(), label: "year of publication in which the largest share of graded ILACS reports judged the council Inadequate (the earliest on a tie)" },
      { key: "ilacs.inadequate.peak.share", value: peak.shares.inadequate, format: percent(0), label: "that largest share" },
    );
  }
  // The last calendar year the data cover in full: the latest report's year if it is dated 31 December, else the year before.
  const lastFull = a.asOf.endsWith("-12-31") ? Number(a.asOf.slice(0, 4)) : Number(a.asOf.slice(0, 4)) - 1;
  const full = a.years.find((y) => y.year === lastFull && y.graded > 0);
  if (full) {
    const mostCommon = [...JUDGEMENTS].sort((x, y) => full.counts[y] - full.counts[x] || JUDGEMENTS.indexOf(y) - JUDGEMENTS.indexOf(x))[0];
    stats.push(
      { key: "ilacs.years.lastFull", value: lastFull, format: year(), label: "the last calendar year the ILACS data cover in full" },
      { key: "ilacs.lastFull.mostCommon", value: JUDGEMENT_WORDS[mostCommon], format: text(), label: `the most common overall grade of the ILACS reports published in ${lastFull} (the better grade on a tie)` },
      ...JUDGEMENTS.map((g): Stat => ({ key: `ilacs.lastFull.${JUDGEMENT_KEYS[g]}`, value: full.shares[g], format: percent(0), label: `share of the graded ILACS reports published in ${lastFull}, the last full year, judged ${JUDGEMENT_WORDS[g]}` })),
    );
  }
  const m = a.moves;
  const pairs = "pairs of a council's consecutive graded ILACS reports";
  stats.push({ key: "ilacs.moves.pairs", value: m.pairs, format: count(), label: pairs });
  for (const [key, value, what] of [
    ["improved", m.improved, "the later grade better"],
    ["stayed", m.stayed, "the same grade"],
    ["declined", m.declined, "the later grade worse"],
  ] as const) {
    stats.push(
      { key: `ilacs.moves.${key}`, value, format: count(), label: `${pairs} with ${what}` },
      { key: `ilacs.moves.${key}.share`, value: m.pairs > 0 ? (100 * value) / m.pairs : 0, format: percent(0), label: `share of the ${pairs} with ${what}` },
    );
  }
  for (const from of JUDGEMENTS) {
    for (const to of JUDGEMENTS) {
      stats.push({ key: `ilacs.moves.${JUDGEMENT_KEYS[from]}.${JUDGEMENT_KEYS[to]}`, value: m.matrix[from][to], format: count(), label: `${pairs}: ${JUDGEMENT_WORDS[from]} then ${JUDGEMENT_WORDS[to]}` });
    }
  }
  const f = a.firstLatest;
  const who = "councils with two or more graded ILACS reports, first against latest";
  stats.push(
    { key: "ilacs.firstLatest.councils", value: f.councils, format: count(), label: who },
    { key: "ilacs.firstLatest.improved", value: f.improved, format: count(), label: `${who}: latest better` },
    { key: "ilacs.firstLatest.declined", value: f.declined, format: count(), label: `${who}: latest worse` },
    { key: "ilacs.firstLatest.stuck", value: f.stuck, format: count(), label: `${who}: Inadequate both times or requires improvement both times` },
    { key: "ilacs.firstLatest.stuckInadequate", value: f.stayedInadequate, format: count(), label: `${who}: Inadequate both times` },
    { key: "ilacs.firstLatest.stuckRequiresImprovement", value: f.stayedRequiresImprovement, format: count(), label: `${who}: requires improvement both times` },
    { key: "ilacs.firstLatest.stuckShare", value: f.stuckShare, format: percent(0), label: `share of the ${who} Inadequate both times or requires improvement both times` },
    { key: "ilacs.firstLatest.vs2015", value: f.stuckShare - stuckShare2015, format: points(0), label: `that share minus the 2015 report's ${stuckShare2015}% of re-inspected councils that stayed Inadequate or requires improvement` },
  );
  const s = a.spells;
  const months = (days: number) => (days / DAYS_PER_YEAR) * MONTHS_PER_YEAR;
  const spell = `spells Inadequate that began on or after ${dayMonthYear(a.spellsSince)} (SIF and ILACS reports)`;
  stats.push(
    { key: "ilacs.spells.since", value: dayMonthYear(a.spellsSince), format: text(), label: "the earliest start of a spell Inadequate that is counted" },
    { key: "ilacs.spells.ended", value: s.ended, format: count(), label: `${spell} that ended with a better grade` },
    { key: "ilacs.spells.running", value: s.running, format: count(), label: `${spell} still running at the latest report in the data` },
  );
  if (s.medianDays !== undefined && s.shortestDays !== undefined && s.longestDays !== undefined) {
    stats.push(
      { key: "ilacs.spells.median.years", value: s.medianDays / DAYS_PER_YEAR, format: plainNumber(1), label: `median length in years of the ${spell} that ended` },
      { key: "ilacs.spells.median.months", value: months(s.medianDays), format: count(), label: `median length in months of the ${spell} that ended` },
      { key: "ilacs.spells.shortest.months", value: months(s.shortestDays), format: count(), label: `shortest of the ${spell} that ended, in months` },
      { key: "ilacs.spells.longest.years", value: s.longestDays / DAYS_PER_YEAR, format: plainNumber(1), label: `longest of the ${spell} that ended, in years` },
    );
  }
  for (const sub of a.subs) {
    const at = `ilacs.sub.${sub.sub}`;
    const what = `graded ILACS reports that judge ${SUB_WORDS[sub.sub]}`;
    stats.push(
      { key: `${at}.reports`, value: sub.reports, format: count(), label: what },
      { key: `${at}.same`, value: sub.same, format: count(), label: `${what}, giving it the same grade as overall` },
      { key: `${at}.better`, value: sub.better, format: count(), label: `${what}, grading it better than overall` },
      { key: `${at}.worse`, value: sub.worse, format: count(), label: `${what}, grading it worse than overall` },
      { key: `${at}.sameShare`, value: sub.sameShare, format: percent(0), label: `share of the ${what} giving it the same grade as overall` },
    );
  }
  const regionStats = (key: string, r: RegionLatest): Stat[] => [
    { key: `${key}.councils`, value: r.councils, format: count(), label: `councils in ${r.region} with a graded ILACS report` },
    { key: `${key}.goodOrBetter`, value: r.goodOrBetterShare, format: percent(0), label: `share of councils in ${r.region} whose latest ILACS grade is Good or Outstanding` },
    { key: `${key}.belowGood`, value: r.belowGoodShare, format: percent(0), label: `share of councils in ${r.region} whose latest ILACS grade is Inadequate or requires improvement` },
  ];
  for (const r of a.regional.regions) stats.push(...regionStats(`ilacs.region.${slug(r.region)}`, r));
  stats.push(...regionStats("ilacs.england", a.regional.england));
  const ordered = [...a.regional.regions].sort((x, y) => y.goodOrBetterShare - x.goodOrBetterShare || x.region.localeCompare(y.region, "en"));
  if (ordered.length > 0) {
    const [highest, lowest] = [ordered[0], ordered[ordered.length - 1]];
    stats.push(
      { key: "ilacs.region.highest", value: highest.region, format: text(), label: "the region with the largest share of councils whose latest ILACS grade is Good or better (first by name on a tie)" },
      { key: "ilacs.region.highest.share", value: highest.goodOrBetterShare, format: percent(0), label: `that share in ${highest.region}` },
      { key: "ilacs.region.lowest", value: lowest.region, format: text(), label: "the region with the smallest share of councils whose latest ILACS grade is Good or better" },
      { key: "ilacs.region.lowest.share", value: lowest.goodOrBetterShare, format: percent(0), label: `that share in ${lowest.region}` },
    );
  }
  return stats;
}
