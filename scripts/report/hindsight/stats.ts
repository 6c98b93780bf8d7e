/**
 * Stats of the hindsight family ("the report tested"). Keys:
 *
 *   hindsight.horizon.date; hindsight.horizon.councils|judged|inadequate|inadequate.share|fromSif
 *   hindsight.horizon.gap (councils between the forecast and the count) and .direction (text)
 *   hindsight.sif.first; hindsight.sif.inadequateEver
 *   hindsight.now.date|councils|judged|inadequate|inadequate.share|goodOrBetter
 *   hindsight.longRun.first|last|lastFull (years); hindsight.longRun.first.goodOrBetter|inadequate,
 *   hindsight.longRun.lastFull.goodOrBetter|inadequate (with the report count of a records year)
 *   hindsight.reform.date (the first report without an overall grade)
 */
import { count, dayMonthYear, percent, text, type ShareBase } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";
import { reportsIn, type HindsightAnalysis, type LongRunYear } from "./analysis.ts";
import type { Grade } from "../shared/grades.ts";

export function hindsightStats(a: HindsightAnalysis): Stat[] {
  const h = a.atHorizon;
  const gap = h.counts.inadequate - a.forecast.inadequate;
  // `when` names the day in words, so a label stays the same when the data's last date moves.
  const standing = (key: string, s: HindsightAnalysis["now"], when: string): Stat[] => {
    const inadequate: ShareBase = { part: s.counts.inadequate, whole: s.judged };
    const goodOrBetter: ShareBase = { part: s.counts.good + s.counts.outstanding, whole: s.judged };
    return [
      { key: `${key}.date`, value: dayMonthYear(s.date), format: text(), label: `the day councils are counted at: ${when}` },
      { key: `${key}.councils`, value: s.councils, format: count(), label: `councils that existed on ${when}` },
      { key: `${key}.judged`, value: s.judged, format: count(), label: `of those, councils with a graded whole-service judgement published by then` },
      { key: `${key}.inadequate`, value: s.counts.inadequate, format: count(), label: `councils whose latest graded judgement on ${when} was Inadequate` },
      ...(s.judged > 0
        ? [
            { key: `${key}.inadequate.share`, value: (100 * inadequate.part) / inadequate.whole, format: percent(0), base: inadequate, label: `share of the judged councils whose latest judgement on ${when} was Inadequate` },
            { key: `${key}.goodOrBetter`, value: (100 * goodOrBetter.part) / goodOrBetter.whole, format: percent(0), base: goodOrBetter, label: `share of the judged councils whose latest judgement on ${when} was Good or Outstanding` },
          ]
        : []),
    ];
  };
  const stats: Stat[] = [
    ...standing("hindsight.horizon", h, `the day before the 2015 report's horizon, April ${a.forecast.horizonYear}`),
    { key: "hindsight.horizon.fromSif", value: a.fromSifAtHorizon, format: count(), label: "of the judged councils, those whose latest judgement then came from the single inspection framework" },
    { key: "hindsight.horizon.gap", value: Math.abs(gap), format: count(), label: "councils between the 2015 report's forecast and the number Inadequate on the day" },
    { key: "hindsight.horizon.direction", value: gap < 0 ? "fewer than" : gap > 0 ? "more than" : "exactly as many as", format: text(), label: "whether the count fell short of the forecast or passed it" },
    { key: "hindsight.sif.first", value: dayMonthYear(a.sifFirst), format: text(), label: "publication of the first report of the single inspection framework in the data" },
    { key: "hindsight.sif.inadequateEver", value: a.sifInadequateEver, format: count(), label: `councils judged Inadequate at least once under the single inspection framework by ${dayMonthYear(h.date)}` },
    ...standing("hindsight.now", a.now, "the day of the latest report in the data"),
  ];
  const goodOrBetter = (y: LongRunYear) => y.shares.good + y.shares.outstanding;
  const yearStats = (key: string, y: LongRunYear, what: string): Stat[] => {
    // A year of the council records gives its shares with the counts they are of; the report's table gives shares alone.
    const whole = reportsIn(y);
    const base = (part: (counts: Readonly<Record<Grade, number>>) => number) => (y.counts !== null && whole !== null ? { base: { part: part(y.counts), whole } } : {});
    return [
      { key: `${key}`, value: y.year, format: text(), label: what },
      { key: `${key}.goodOrBetter`, value: goodOrBetter(y), format: percent(0), ...base((c) => c.good + c.outstanding), label: `share of councils inspected in ${y.year} judged Good or Outstanding (${y.source === "published" ? "as the 2015 report published it" : "from the council records"})` },
      { key: `${key}.inadequate`, value: y.shares.inadequate, format: percent(0), ...base((c) => c.inadequate), label: `share of councils inspected in ${y.year} judged Inadequate (${y.source === "published" ? "as the 2015 report published it" : "from the council records"})` },
    ];
  };
  const full = a.longRun.filter((y) => !y.partYear);
  stats.push(...yearStats("hindsight.longRun.first", a.longRun[0], "the first year of the long run of grades"));
  stats.push({ key: "hindsight.longRun.last", value: a.longRun[a.longRun.length - 1].year, format: text(), label: "the last year of the long run of grades" });
  if (full.length > 0) stats.push(...yearStats("hindsight.longRun.lastFull", full[full.length - 1], "the last whole year of the long run of grades"));
  if (a.firstUngraded !== undefined) stats.push({ key: "hindsight.reform.date", value: dayMonthYear(a.firstUngraded), format: text(), label: "publication of the first report without an overall grade" });
  return stats;
}
