/**
 * Stats of the ILACS family ("Ten years on"). Keys (grades: inadequate, requiresImprovement,
 * good, outstanding; regions as slugs, "north-east"):
 *
 *   ilacs.first, ilacs.asOf, ilacs.reports, ilacs.graded, ilacs.ungraded, ilacs.councils
 *   ilacs.year.<year>.<grade>[.count], ilacs.year.<year>.graded|ungraded; ilacs.years.first|last|firstFull|lastFull
 *   ilacs.lastFull.<grade>, ilacs.lastFull.mostCommon, ilacs.firstFull.goodOrBetter, ilacs.lastFull.goodOrBetter
 *   ilacs.inadequate.peak.year|share|graded (full years of at least ilacs.years.minReports reports)
 *   ilacs.moves.pairs|improved|stayed|declined[.share]; ilacs.moves.<from>.<to>
 *   ilacs.firstLatest.councils|improved|declined|stuck|stuckShare; ilacs.firstLatest.vs2015
 *   ilacs.spells.since|ended|running|total|median.years|median.months|median.atRisk (Kaplan–Meier)
 *   ilacs.spells.endedMedian.years (ended spells only, biased short)|shortest.months|longest.years
 *   ilacs.sub.<sub>.reports|same|better|worse|sameShare
 *   ilacs.region.<slug>.goodOrBetter|councils; ilacs.england.goodOrBetter|belowGood|councils
 *   ilacs.region.highest|lowest (text) and .share
 */

import type { IlacsSubJudgement } from "./datasets.ts";
import { DAYS_PER_YEAR } from "../shared/dates.ts";
import type { IlacsAnalysis, RegionLatest } from "./compute.ts";
import { count, percent, plainNumber, points, text, year, dayMonthYear, SMALL_BASE } from "../../engine/stats/format.ts";
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
        { key: `${at}.${JUDGEMENT_KEYS[g]}`, value: y.shares[g], format: percent(0), base: { part: y.counts[g], whole: y.graded }, label: `share of the graded ILACS reports published in ${y.year}${y.partYear ? " (a part-year)" : ""} judged ${JUDGEMENT_WORDS[g]}` },
        { key: `${at}.${JUDGEMENT_KEYS[g]}.count`, value: y.counts[g], format: count(), label: `graded ILACS reports published in ${y.year} judged ${JUDGEMENT_WORDS[g]}` },
      );
    }
  }
  // Headlines rest on whole years with enough reports to bear a share: a part-year, or a
  // year of a handful of reports (2021 had eight), would make a peak out of one council.
  const fullYears = gradedYears.filter((y) => !y.partYear);
  const solidYears = fullYears.filter((y) => y.graded >= SMALL_BASE);
  stats.push({ key: "ilacs.years.minReports", value: SMALL_BASE, format: count(), label: "the fewest graded reports in a year for its shares to be compared as a headline" });
  if (solidYears.length > 0) {
    const peak = solidYears.reduce((best, y) => (y.shares.inadequate > best.shares.inadequate ? y : best));
    stats.push(
      { key: "ilacs.inadequate.peak.year", value: peak.year, format: year(), label: `whole year of publication, among those with at least ${SMALL_BASE} graded ILACS reports, in which the largest share judged the council Inadequate (the earliest on a tie)` },
      { key: "ilacs.inadequate.peak.share", value: peak.shares.inadequate, format: percent(0), base: { part: peak.counts.inadequate, whole: peak.graded }, label: "that largest share" },
      { key: "ilacs.inadequate.peak.graded", value: peak.graded, format: count(), label: "graded ILACS reports published in that year" },
    );
  }
  const goodOrBetter = (y: (typeof gradedYears)[number]) => ({ part: y.counts.good + y.counts.outstanding, whole: y.graded });
  const shareOf = ({ part, whole }: { part: number; whole: number }) => (100 * part) / whole;
  if (fullYears.length > 0) {
    const firstFull = fullYears[0];
    stats.push(
      { key: "ilacs.years.firstFull", value: firstFull.year, format: year(), label: "the first calendar year the ILACS data cover in full" },
      { key: "ilacs.firstFull.goodOrBetter", value: shareOf(goodOrBetter(firstFull)), format: percent(0), base: goodOrBetter(firstFull), label: `share of the graded ILACS reports published in ${firstFull.year}, the first full year, judged Good or Outstanding` },
      ...JUDGEMENTS.map((g): Stat => ({ key: `ilacs.firstFull.${JUDGEMENT_KEYS[g]}`, value: firstFull.shares[g], format: percent(0), base: { part: firstFull.counts[g], whole: firstFull.graded }, label: `share of the graded ILACS reports published in ${firstFull.year}, the first full year, judged ${JUDGEMENT_WORDS[g]}` })),
    );
  }
  // The last calendar year the data cover in full: the latest year that is not a part-year.
  const full = fullYears[fullYears.length - 1];
  if (full) {
    const lastFull = full.year;
    const mostCommon = [...JUDGEMENTS].sort((x, y) => full.counts[y] - full.counts[x] || JUDGEMENTS.indexOf(y) - JUDGEMENTS.indexOf(x))[0];
    stats.push(
      { key: "ilacs.years.lastFull", value: lastFull, format: year(), label: "the last calendar year the ILACS data cover in full" },
      { key: "ilacs.lastFull.mostCommon", value: JUDGEMENT_WORDS[mostCommon], format: text(), label: `the most common overall grade of the ILACS reports published in ${lastFull} (the better grade on a tie)` },
      { key: "ilacs.lastFull.goodOrBetter", value: shareOf(goodOrBetter(full)), format: percent(0), base: goodOrBetter(full), label: `share of the graded ILACS reports published in ${lastFull}, the last full year, judged Good or Outstanding` },
      ...JUDGEMENTS.map((g): Stat => ({ key: `ilacs.lastFull.${JUDGEMENT_KEYS[g]}`, value: full.shares[g], format: percent(0), base: { part: full.counts[g], whole: full.graded }, label: `share of the graded ILACS reports published in ${lastFull}, the last full year, judged ${JUDGEMENT_WORDS[g]}` })),
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
      ...(m.pairs > 0 ? [{ key: `ilacs.moves.${key}.share`, value: (100 * value) / m.pairs, format: percent(0), base: { part: value, whole: m.pairs }, label: `share of the ${pairs} with ${what}` }] : []),
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
    { key: "ilacs.firstLatest.stuckShare", value: f.stuckShare, format: percent(0), ...(f.councils > 0 ? { base: { part: f.stuck, whole: f.councils } } : {}), label: `share of the ${who} Inadequate both times or requires improvement both times` },
    { key: "ilacs.firstLatest.vs2015", value: f.stuckShare - stuckShare2015, format: points(0), label: `that share minus the 2015 report's ${stuckShare2015}% of re-inspected councils that stayed Inadequate or requires improvement` },
  );
  const s = a.spells;
  const months = (days: number) => (days / DAYS_PER_YEAR) * MONTHS_PER_YEAR;
  const spell = `spells Inadequate that began on or after ${dayMonthYear(a.spellsSince)} (SIF and ILACS reports)`;
  stats.push(
    { key: "ilacs.spells.since", value: dayMonthYear(a.spellsSince), format: text(), label: "the earliest start of a spell Inadequate that is counted" },
    { key: "ilacs.spells.total", value: s.spells.length, format: count(), label: spell },
    { key: "ilacs.spells.ended", value: s.ended, format: count(), label: `${spell} that ended with a better grade` },
    { key: "ilacs.spells.running", value: s.running, format: count(), label: `${spell} still running at the latest report in the data` },
  );
  const km = s.survival.median;
  if (km !== undefined) {
    stats.push(
      { key: "ilacs.spells.median.years", value: km.days / DAYS_PER_YEAR, format: plainNumber(1), label: `median length in years of the ${spell}, estimated by Kaplan–Meier with the spells still running censored at the latest report` },
      { key: "ilacs.spells.median.months", value: months(km.days), format: count(), label: `that median in months` },
      { key: "ilacs.spells.median.atRisk", value: km.atRisk, format: count(), label: `${spell} still Inadequate (at risk) when the estimate reaches its median` },
    );
  }
  if (s.medianDays !== undefined && s.shortestDays !== undefined && s.longestDays !== undefined) {
    stats.push(
      { key: "ilacs.spells.endedMedian.years", value: s.medianDays / DAYS_PER_YEAR, format: plainNumber(1), label: `median length in years of the ${spell} that ended, leaving out those still running (biased short)` },
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
      { key: `${at}.sameShare`, value: sub.sameShare, format: percent(0), ...(sub.reports > 0 ? { base: { part: sub.same, whole: sub.reports } } : {}), label: `share of the ${what} giving it the same grade as overall` },
    );
  }
  const regionStats = (key: string, r: RegionLatest): Stat[] => [
    { key: `${key}.councils`, value: r.councils, format: count(), label: `councils in ${r.region} with a graded ILACS report` },
    { key: `${key}.goodOrBetter`, value: r.goodOrBetterShare, format: percent(0), base: { part: r.counts.good + r.counts.outstanding, whole: r.councils }, label: `share of councils in ${r.region} whose latest ILACS grade is Good or Outstanding` },
    { key: `${key}.belowGood`, value: r.belowGoodShare, format: percent(0), base: { part: r.counts.inadequate + r.counts.requires_improvement, whole: r.councils }, label: `share of councils in ${r.region} whose latest ILACS grade is Inadequate or requires improvement` },
  ];
  for (const r of a.regional.regions) stats.push(...regionStats(`ilacs.region.${slug(r.region)}`, r));
  stats.push(...regionStats("ilacs.england", a.regional.england));
  const ordered = [...a.regional.regions].sort((x, y) => y.goodOrBetterShare - x.goodOrBetterShare || x.region.localeCompare(y.region, "en"));
  if (ordered.length > 0) {
    const [highest, lowest] = [ordered[0], ordered[ordered.length - 1]];
    stats.push(
      { key: "ilacs.region.highest", value: highest.region, format: text(), label: "the region with the largest share of councils whose latest ILACS grade is Good or better (first by name on a tie)" },
      { key: "ilacs.region.highest.share", value: highest.goodOrBetterShare, format: percent(0), base: { part: highest.counts.good + highest.counts.outstanding, whole: highest.councils }, label: `that share in ${highest.region}` },
      { key: "ilacs.region.lowest", value: lowest.region, format: text(), label: "the region with the smallest share of councils whose latest ILACS grade is Good or better" },
      { key: "ilacs.region.lowest.share", value: lowest.goodOrBetterShare, format: percent(0), base: { part: lowest.counts.good + lowest.counts.outstanding, whole: lowest.councils }, label: `that share in ${lowest.region}` },
    );
  }
  return stats;
}
