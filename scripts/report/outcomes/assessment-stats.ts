/**
 * Stats of the grade table's early rows against Ofsted's reported assessment counts
 * (./assessments.ts). Keys (assessment apa-2007 … csa-2011; year "2008/09" → "2008-09"):
 *
 *   outcomes.assessments.<assessment>.<grade>          the share, exact from counts where reported (else as reported)
 *   outcomes.assessments.<assessment>.<grade>.rounded  whole percent, halves up, as the report rounds
 *   outcomes.assessments.<assessment>.<grade>.count    councils at the grade, where reported
 *   outcomes.assessments.<assessment>.rated            councils rated
 *   outcomes.assessments.<assessment>.name             the publication in words (text)
 *   outcomes.assessments.match.<year>                  the publications that give the row, in words (text)
 *   outcomes.assessments.<year>.<assessment>.agree|compared   grades agreeing, of those compared
 */
import { count, percent, text } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";
import { yearKey } from "../shared/years.ts";
import type { EarlyRowCheck, PublicationShares } from "./assessments.ts";

const NAMES: Readonly<Record<PublicationShares["assessment"], string>> = {
  "apa-2007": "the annual performance assessments of 2007",
  "apa-2008": "the annual performance assessments of 2008",
  "csa-2009": "the children's services assessment of 2009",
  "csa-2010": "the children's services assessment of 2010",
  "csa-2011": "the children's services assessment of 2011",
};

export function assessmentStats(publications: readonly PublicationShares[], checks: readonly EarlyRowCheck[]): Stat[] {
  const stats: Stat[] = [];
  for (const p of publications) {
    const key = `outcomes.assessments.${p.assessment}`;
    stats.push({ key: `${key}.name`, value: `${NAMES[p.assessment]} (published ${p.published})`, format: text(), label: `Ofsted's assessment ${p.assessment}` });
    if (p.rated !== null) stats.push({ key: `${key}.rated`, value: p.rated, format: count(), label: `councils rated in ${NAMES[p.assessment]}, as reported` });
    for (const [grade, share] of Object.entries(p.shares)) {
      if (!share) continue;
      const label = `share ${grade.replace(/_/g, " ")} in ${NAMES[p.assessment]}`;
      const base = share.count !== null && p.rated !== null ? { base: { part: share.count, whole: p.rated } } : {};
      stats.push({ key: `${key}.${grade}`, value: share.exact ?? share.percent, format: percent(share.exact === null ? 0 : 1), label: `${label}${share.exact === null ? ", as reported" : ", from the reported counts"}`, ...(share.exact === null ? {} : base) });
      if (share.count !== null) stats.push({ key: `${key}.${grade}.count`, value: share.count, format: count(), label: `councils ${grade.replace(/_/g, " ")} in ${NAMES[p.assessment]}, as reported` });
      stats.push({ key: `${key}.${grade}.rounded`, value: share.percent, format: percent(0), label: `${label}, in whole percent as the report rounds` });
    }
  }
  for (const c of checks) {
    const names = c.matchedBy.map((a) => NAMES[a]);
    stats.push({ key: `outcomes.assessments.match.${yearKey(c.year)}`, value: names.length === 0 ? "none of the assessments reported" : names.join(" and "), format: text(), label: `the assessments whose reported counts give the grade table's ${c.year} row` });
    for (const comparison of c.comparisons) {
      if (comparison.compared.length === 0) continue;
      stats.push({ key: `outcomes.assessments.${yearKey(c.year)}.${comparison.assessment}.agree`, value: comparison.agreeing.length, format: count(), label: `grades of the ${c.year} row that ${NAMES[comparison.assessment]} gives the same` });
      stats.push({ key: `outcomes.assessments.${yearKey(c.year)}.${comparison.assessment}.compared`, value: comparison.compared.length, format: count(), label: `grades of the ${c.year} row that ${NAMES[comparison.assessment]} can be compared on` });
    }
  }
  return stats;
}
