/**
 * Stats of the recount family: the report's inspection counts recounted from council rows,
 * each label naming its counting rule. Keys (year "2014/15" → "2014-15"; grades as in the
 * report's table: inadequate, ri_or_adequate, good, outstanding):
 *
 *   recount.rule.<rule>, recount.rule.<rule>.short          the counting rule in words (text)
 *   recount.shares.<year>.<rule>.<grade>                    recounted share, whole percent
 *   recount.shares.<year>.<rule>.<grade>.count              judgements with that grade
 *   recount.shares.<year>.<rule>.judgements|leftOut|standIn|matches
 *   recount.shares.<year>.reproducedBy (text), .rulesReproducing; recount.shares.rules
 *   recount.inadequate.<from>-<to>[.councils|.withLookedAfter|.sifOnly|.perYear|.years]
 *   recount.repeat.<measure>[.difference]; recount.repeat.<group>.share[.exact]
 *   recount.cohort.reading.<reading>.<...>                  the 2013 cohort under each reading tried
 *   recount.cohort.<...>                                    the reading used (the first giving the report's size)
 *   recount.outstanding.<safeguarding|any>.<...>            the last Outstanding judgement and its council's next
 *   recount.demand.<measure>.<year>.pooled|mean             every council, for reference
 */
import type { CohortGroup } from "../cohort/datasets.ts";

import { DEMAND_MEASURES, type DemandMeasure, type RateChange } from "./cohort-recount.ts";
import { SHARE_RULES, type CohortRecountNamed, type RecountAnalysis } from "./analysis.ts";
import { DAYS_PER_YEAR } from "../shared/dates.ts";
import { count, percent, plainNumber, points, text, year, dayMonthYear, monthYear } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";
import { GRADES, type Grade, GRADE_OF_JUDGEMENT } from "../shared/grades.ts";
import { yearKey } from "../shared/years.ts";

export const GRADE_WORDS: Readonly<Record<Grade, string>> = {
  inadequate: "Inadequate",
  ri_or_adequate: "requires improvement (adequate before 2013)",
  good: "Good",
  outstanding: "Outstanding",
};

export const MEASURE_WORDS: Readonly<Record<DemandMeasure, string>> = {
  referrals: "referrals in the year per 10,000 children aged 0–17",
  cpPlans: "children on a child protection plan at 31 March per 10,000 children aged 0–17",
};

export const COHORT_GROUP_KEYS: Readonly<Record<CohortGroup, string>> = { inadequate: "inadequate", ri_or_good: "riOrGood" };
export const COHORT_GROUP_WORDS: Readonly<Record<CohortGroup, string>> = { inadequate: "rated Inadequate", ri_or_good: "rated RI or Good" };

/** "2014/15" → "2014-15". */

/**
 * Names in a list: "A", "A and B", "A, B and C" (or "A, B or C"). When a name has a comma
 * of its own ("Herefordshire, County of"), the items are parted by semicolons so each
 * name stays whole: "A; Herefordshire, County of; and C".
 */
export function nameList(names: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (names.length === 0) return "none";
  if (names.length === 1) return names[0];
  const separator = names.some((name) => name.includes(",")) ? ";" : ",";
  if (names.length === 2) return `${names[0]} ${conjunction} ${names[1]}`;
  const last = separator === ";" ? `; ${conjunction} ` : ` ${conjunction} `;
  return `${names.slice(0, -1).join(`${separator} `)}${last}${names[names.length - 1]}`;
}

export function recountStats(analysis: RecountAnalysis): Stat[] {
  return [...ruleStats(), ...shareStats(analysis), ...inadequateStats(analysis), ...repeatStats(analysis), ...cohortStats(analysis), ...outstandingStats(analysis), ...referenceStats(analysis)];
}

function ruleStats(): Stat[] {
  return [
    { key: "recount.shares.rules", value: SHARE_RULES.length, format: count(), label: "counting rules tried for the report's grade shares" },
    ...SHARE_RULES.flatMap((rule): Stat[] => [
      { key: `recount.rule.${rule.key}`, value: rule.description, format: text(), label: `counting rule "${rule.label}", in full` },
      { key: `recount.rule.${rule.key}.short`, value: rule.label, format: text(), label: `counting rule "${rule.label}", short name` },
    ]),
  ];
}

function shareStats({ years }: RecountAnalysis): Stat[] {
  return years.flatMap((y) => {
    const base = `recount.shares.${yearKey(y.year)}`;
    const stats: Stat[] = [
      {
        key: `${base}.reproducedBy`,
        value: y.reproducedBy.length > 0 ? nameList(y.reproducedBy.map((r) => r.label)) : "none of the rules tried",
        format: text(),
        label: `counting rules whose recount gives all four of the report's ${y.year} shares`,
      },
      { key: `${base}.rulesReproducing`, value: y.reproducedBy.length, format: count(), label: `how many counting rules give all four of the report's ${y.year} shares` },
      { key: `${base}.closest`, value: y.closest.rule.label, format: text(), label: `the counting rule whose ${y.year} shares are nearest the report's (smallest sum of differences over the four grades)` },
      { key: `${base}.closest.distance`, value: y.closest.distance, format: points(0), label: `sum over the four grades of the difference between the nearest rule's ${y.year} shares and the report's` },
    ];
    for (const r of y.byRule) {
      const at = `${base}.${r.rule.key}`;
      const rule = `counting ${r.rule.description}`;
      stats.push(
        { key: `${at}.judgements`, value: r.shares.counted, format: count(), label: `judgements counted for ${y.year}, ${rule}` },
        { key: `${at}.leftOut`, value: r.shares.leftOut, format: count(), label: `judgements published in ${y.year} left out for want of a start date, ${rule}` },
        { key: `${at}.standIn`, value: r.shares.standIn, format: count(), label: `judgements placed in ${y.year} by a stand-in date, ${rule}` },
        { key: `${at}.matches`, value: r.matches, format: count(), label: `grades (of four) whose recounted ${y.year} share equals the published one, ${rule}` },
        { key: `${at}.distance`, value: r.distance, format: points(0), label: `sum over the four grades of |recounted − published| ${y.year} share, ${rule}` },
      );
      for (const grade of GRADES) {
        stats.push(
          { key: `${at}.${grade}`, value: r.percent[grade], format: percent(0), label: `share of ${y.year} judgements graded ${GRADE_WORDS[grade]}, ${rule} (whole percent, halves up)` },
          { key: `${at}.${grade}.count`, value: r.shares.counts[gradeJudgement(grade)], format: count(), label: `${y.year} judgements graded ${GRADE_WORDS[grade]}, ${rule}` },
        );
      }
    }
    return stats;
  });
}

const gradeJudgement = (grade: Grade) => (grade === "ri_or_adequate" ? "requires_improvement" : grade);

/** "2010-04-01" → "April 2010"; "2015-03-31" → "March 2015". */

function inadequateStats({ inadequate: i }: RecountAnalysis): Stat[] {
  const base = `recount.inadequate.${i.from.slice(0, 4)}-${i.to.slice(0, 4)}`;
  const when = `published ${monthYear(i.from)} to ${monthYear(i.to)}`;
  const safeguarding = "safeguarding and whole-service judgements (SLAC safeguarding, child protection inspections, SIF, each with its re-inspections)";
  return [
    { key: base, value: i.safeguarding.judgements, format: count(), label: `Inadequate ${safeguarding} ${when}` },
    { key: `${base}.councils`, value: i.safeguarding.councils, format: count(), label: `councils with at least one Inadequate safeguarding or whole-service judgement ${when}` },
    { key: `${base}.withLookedAfter`, value: i.withLookedAfter, format: count(), label: `Inadequate judgements ${when}, counting the looked-after-children judgements as well as ${safeguarding}` },
    { key: `${base}.sifOnly`, value: i.sifOnly, format: count(), label: `Inadequate judgements ${when}, counting SIF inspections and re-inspections only` },
    { key: `${base}.years`, value: i.years, format: count(), label: `financial years from ${monthYear(i.from)} to ${monthYear(i.to)}` },
    { key: `${base}.perYear`, value: i.perYear, format: plainNumber(1), label: `Inadequate ${safeguarding} ${when}, a year on average (count ÷ ${i.years} years)` },
  ];
}

function repeatStats({ repeat: r }: RecountAnalysis): Stat[] {
  const rule = `councils with two or more safeguarding or whole-service judgements published ${monthYear(r.from)} to ${monthYear(r.to)}, first to last in publication order`;
  const councils = (key: string, value: number, label: string): Stat => ({ key: `recount.repeat.${key}`, value, format: count(), label: `${label}; ${rule}` });
  const ours = r.ours;
  const compared: [string, number, number, string][] = [
    ["councils", ours.councils, r.report.councils, "councils judged twice or more"],
    ["becameInadequate", ours.steppedIntoInadequate, r.report.becameInadequate, "councils with at least one step from a better grade down to Inadequate"],
    ["stayedInadequate", ours.stayedInadequate, r.report.stayedInadequate, "councils Inadequate at the first and the last judgement"],
    ["stayedRi", ours.stayedRequiresImprovement, r.report.stayedRi, "councils RI (or adequate) at the first and the last judgement"],
    ["towardsGood", ours.leftInadequate, r.report.towardsGood, "councils Inadequate at the first judgement and better at the last"],
  ];
  const stats: Stat[] = [
    { key: "recount.repeat.from", value: monthYear(r.from), format: text(), label: "first month of publication of the judgements recounted for the repeat-inspection counts" },
    { key: "recount.repeat.to", value: monthYear(r.to), format: text(), label: "last month of publication of the judgements recounted for the repeat-inspection counts" },
  ];
  stats.push(...compared.flatMap(([key, value, published, label]) => [
    councils(key, value, `${label}, recounted`),
    councils(`${key}.difference`, value - published, `${label}: our recount minus the report's ${published}`),
  ]));
  const same = compared.filter(([, value, published]) => value === published).length;
  stats.push(
    councils("matches", same, `of the report's ${compared.length} repeat-inspection counts, how many the recount gives exactly`),
    councils("differs", compared.length - same, `of the report's ${compared.length} repeat-inspection counts, how many the recount does not give`),
    councils("steppedOutOfInadequate", ours.steppedOutOfInadequate, "councils with at least one step up from Inadequate"),
    councils("improved", ours.improved, "councils whose last grade is better than their first"),
    councils("declined", ours.declined, "councils whose last grade is worse than their first"),
    councils("stayedLow", r.stayedLow, "councils Inadequate at both ends or RI at both ends"),
    councils("firstInadequate", r.firstInadequate, "councils whose first judgement was Inadequate"),
    councils("firstRi", r.firstRi, "councils whose first judgement was RI (or adequate)"),
  );
  const shares: [string, number | undefined, string][] = [
    ["stayedLow.share", r.stayedLowShare, `councils Inadequate or RI at both ends, as a share of the ${ours.councils} judged twice or more`],
    ["stayedInadequate.share", r.stayedInadequateShare, `councils Inadequate at both ends, as a share of the ${r.firstInadequate} first judged Inadequate`],
    ["stayedRi.share", r.stayedRiShare, `councils RI at both ends, as a share of the ${r.firstRi} first judged RI`],
  ];
  for (const [key, value, label] of shares) {
    if (value === undefined) continue;
    stats.push(
      { key: `recount.repeat.${key}`, value, format: percent(0), label: `${label}; ${rule}` },
      { key: `recount.repeat.${key}.exact`, value, format: percent(1), label: `${label}, to one decimal; ${rule}` },
    );
  }
  return stats;
}

function demandStats(prefix: string, change: RateChange | undefined, who: string): Stat[] {
  if (!change) return [];
  const what = MEASURE_WORDS[change.measure];
  const pooled = "all their children together (Σ count ÷ Σ children × 10,000)";
  const mean = "mean of the councils' own rates";
  const span = `year ending March ${change.from.year} to year ending March ${change.to.year}`;
  const level = (s: RateChange["to"]): Stat[] => [
    { key: `${prefix}.${s.year}.pooled`, value: s.pooled, format: plainNumber(1), label: `${what}, year ending March ${s.year}, ${who}, ${pooled}` },
    { key: `${prefix}.${s.year}.mean`, value: s.mean, format: plainNumber(1), label: `${what}, year ending March ${s.year}, ${who}, ${mean}` },
  ];
  return [
    ...level(change.from),
    ...level(change.to),
    { key: `${prefix}.change.pooled`, value: change.pooledChange, format: plainNumber(1), label: `change in ${what}, ${span}, ${who}, ${pooled}` },
    { key: `${prefix}.change.mean`, value: change.meanChange, format: plainNumber(1), label: `change in ${what}, ${span}, ${who}, ${mean}` },
    { key: `${prefix}.councils`, value: change.to.councils, format: count(), label: `councils with ${what} in both years, ${who}` },
    { key: `${prefix}.leftOut`, value: change.leftOut.length, format: count(), label: `councils left out of ${what} for a missing value or year, ${who}` },
  ];
}

function cohortStats(analysis: RecountAnalysis): Stat[] {
  const { cohorts, cohortMatches, cohort, reportCohort, options } = analysis;
  const stats: Stat[] = [
    { key: "recount.cohort.year", value: String(options.cohortYear), format: text(), label: "the year the report's cohort was inspected in, as it states it" },
    { key: "recount.cohort.readings", value: cohorts.length, format: count(), label: `readings of "inspected in ${options.cohortYear}" tried for the report's cohort` },
    { key: "recount.cohort.matches", value: cohortMatches.length, format: count(), label: `readings that give the report's ${reportCohort.councils} councils` },
    {
      key: "recount.cohort.matchedBy",
      value: cohortMatches.length > 0 ? nameList(cohortMatches.map((c) => c.named.label)) : "none of the readings tried",
      format: text(),
      label: `the readings that give the report's ${reportCohort.councils} councils`,
    },
    { key: "recount.cohort.label", value: cohort.named.label, format: text(), label: "short name of the reading used for the cohort (the first that gives the report's size, else the first tried)" },
    { key: "recount.cohort.councils.difference", value: cohort.members.length - reportCohort.councils, format: count(), label: `councils in the reading used minus the report's ${reportCohort.councils}` },
  ];
  for (const c of cohorts) {
    const at = `recount.cohort.reading.${c.named.key}`;
    stats.push(
      { key: `${at}.label`, value: c.named.label, format: text(), label: `short name of the cohort reading: ${c.named.description}` },
      { key: `${at}.rule`, value: c.named.description, format: text(), label: `how the cohort reading "${c.named.label}" picks councils` },
      { key: `${at}.councils`, value: c.members.length, format: count(), label: `councils in the cohort: ${c.named.description}` },
      { key: `${at}.inadequate.councils`, value: c.groups.inadequate.councils.length, format: count(), label: `councils ${COHORT_GROUP_WORDS.inadequate} in the cohort: ${c.named.description}` },
      { key: `${at}.riOrGood.councils`, value: c.groups.ri_or_good.councils.length, format: count(), label: `councils ${COHORT_GROUP_WORDS.ri_or_good} in the cohort: ${c.named.description}` },
    );
  }
  // Council-measure pairs a demand change leaves out because a year's value is missing, over both groups.
  const leftOut = (["inadequate", "ri_or_good"] as const).flatMap((g) => DEMAND_MEASURES.map((m) => cohort.groups[g].demand[m]?.leftOut.length ?? 0)).reduce((a, b) => a + b, 0);
  stats.push({ key: "recount.cohort.demand.leftOut", value: leftOut, format: count(), label: "council-measure pairs of the cohort used left out of the demand changes for a missing value" });
  return [...stats, ...oneCohort("recount.cohort", cohort, analysis)];
}

function oneCohort(prefix: string, cohort: CohortRecountNamed, { names }: RecountAnalysis): Stat[] {
  const rule = cohort.named.description;
  const size = cohort.members.length;
  const stats: Stat[] = [
    { key: `${prefix}.rule`, value: rule, format: text(), label: `how this reading of the report's cohort picks councils` },
    { key: `${prefix}.councils`, value: size, format: count(), label: `councils in the cohort: ${rule}` },
    { key: `${prefix}.undated`, value: cohort.undated, format: count(), label: `judgements that cannot be placed for want of a date (published in the window or the year after): ${rule}` },
  ];
  for (const group of ["inadequate", "ri_or_good"] as const) {
    const g = cohort.groups[group];
    const at = `${prefix}.${COHORT_GROUP_KEYS[group]}`;
    const who = `councils ${COHORT_GROUP_WORDS[group]} in the cohort of ${rule}`;
    stats.push(
      { key: `${at}.councils`, value: g.councils.length, format: count(), label: who },
      { key: `${at}.names`, value: nameList(g.councils.map((code) => names.get(code) ?? code).sort()), format: text(), label: `names of the ${who}, alphabetical` },
    );
    if (size > 0) stats.push({ key: `${at}.share`, value: (100 * g.councils.length) / size, format: percent(0), label: `share of the cohort ${COHORT_GROUP_WORDS[group]}: ${rule}` });
    for (const measure of DEMAND_MEASURES) stats.push(...demandStats(`${at}.${measure}`, g.demand[measure], who));
  }
  for (const measure of DEMAND_MEASURES) {
    const inadequate = cohort.groups.inadequate.demand[measure];
    const rest = cohort.groups.ri_or_good.demand[measure];
    if (!inadequate || !rest) continue;
    const what = `change in ${MEASURE_WORDS[measure]} of the councils rated Inadequate minus that of the rest, cohort of ${rule}`;
    stats.push(
      { key: `${prefix}.${measure}.change.gap.pooled`, value: inadequate.pooledChange - rest.pooledChange, format: plainNumber(1), label: `${what}, pooled rates` },
      { key: `${prefix}.${measure}.change.gap.mean`, value: inadequate.meanChange - rest.meanChange, format: plainNumber(1), label: `${what}, means of council rates` },
    );
  }
  return stats;
}


function outstandingStats({ outstanding, names }: RecountAnalysis): Stat[] {
  const asOf = dayMonthYear(outstanding.asOf);
  const stats: Stat[] = [
    { key: "recount.outstanding.asOf", value: asOf, format: text(), label: "the date the time since the last Outstanding judgement is measured to (the end of the report's last year)" },
    { key: "recount.outstanding.yearDays", value: DAYS_PER_YEAR, format: plainNumber(2), label: "days in an average year, used to turn days into years" },
  ];
  const readings = [
    ["safeguarding", outstanding.safeguarding, "safeguarding or whole-service judgement (as in the grade table)"],
    ["any", outstanding.any, "judgement of any framework before 2018, looked-after children included"],
  ] as const;
  for (const [key, last, what] of readings) {
    if (!last) continue;
    const at = `recount.outstanding.${key}`;
    const j = last.judgement;
    stats.push(
      { key: `${at}.date`, value: dayMonthYear(j.published), format: text(), label: `publication date of the last Outstanding ${what} up to ${asOf}` },
      { key: `${at}.council`, value: names.get(j.council_code) ?? j.council_code, format: text(), label: `council of the last Outstanding ${what} up to ${asOf}` },
      { key: `${at}.years`, value: last.years, format: plainNumber(1), label: `years from the last Outstanding ${what} to ${asOf} (days ÷ 365.25)` },
      { key: `${at}.days`, value: last.days, format: count(), label: `days from the last Outstanding ${what} to ${asOf}` },
    );
    if (last.next) {
      stats.push(
        { key: `${at}.next.grade`, value: GRADE_WORDS[GRADE_OF_JUDGEMENT[last.next.overall]], format: text(), label: `that council's next ${what.split(" (")[0]}: its grade` },
        { key: `${at}.next.date`, value: dayMonthYear(last.next.published), format: text(), label: `that council's next ${what.split(" (")[0]}: its publication date` },
        { key: `${at}.next.year`, value: Number(last.next.published.slice(0, 4)), format: year(), label: `that council's next ${what.split(" (")[0]}: the year it was published` },
      );
      if (last.next.overall === "inadequate") stats.push({ key: `${at}.fellYear`, value: Number(last.next.published.slice(0, 4)), format: year(), label: `the year the council last judged Outstanding (${what}) was next judged Inadequate` });
    }
  }
  return stats;
}

function referenceStats({ allCouncils, firstDemandYear }: RecountAnalysis): Stat[] {
  const stats: Stat[] = DEMAND_MEASURES.flatMap((m) => demandStats(`recount.demand.${m}`, allCouncils[m], "every council with the values in both years"));
  if (firstDemandYear !== undefined) {
    stats.push({ key: "recount.demand.firstYear", value: String(firstDemandYear), format: text(), label: "first year ending March in data/councils/demand.csv (no earlier year can be recounted)" });
  }
  return stats;
}
