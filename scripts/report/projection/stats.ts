/**
 * Stats of the projection family (executive summary). `.ours` is our constant-rate
 * projection, `.trend` the linear-trend check, `.report` the printed figure, whose method
 * the report does not give.
 */
import { impliedShare, type ProjectionAnalysis } from "./compute.ts";

import { count, percent, plainNumber, text } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";
import { yearKey } from "../shared/years.ts";

export function projectionStats({ projection: p, report }: ProjectionAnalysis): Stat[] {
  const y = report.horizonYear;
  const stats: Stat[] = [
    { key: "projection.councils", value: p.councils, format: count(), label: "local authorities in England with children's services (not from the report)" },
    { key: "projection.horizon", value: `April ${y}`, format: text(), label: "the projection's horizon" },
    { key: "projection.horizon.span", value: p.horizonSpan, format: text(), label: "last inspection year before the horizon" },
    { key: "projection.window.first", value: p.window[0].year, format: text(), label: "first year whose Inadequate rate is carried forward" },
    { key: "projection.window.last", value: p.window[p.window.length - 1].year, format: text(), label: "last year whose Inadequate rate is carried forward" },
    { key: "projection.rate.mean", value: p.meanShare, format: percent(0), label: "mean share judged Inadequate over the years carried forward" },
    { key: `projection.inadequate.${y}.ours`, value: p.constantRate, format: count(), label: `councils Inadequate by April ${y} at the mean recent rate (our constant-rate method)` },
    { key: `projection.inadequate.${y}.ours.exact`, value: p.constantRate, format: plainNumber(2), label: `councils Inadequate by April ${y} at the mean recent rate, unrounded` },
    { key: `projection.inadequate.${y}.trend`, value: p.trendCouncils, format: count(), label: `councils Inadequate by April ${y} on the linear trend of the recent rate` },
    { key: "projection.trend.slope", value: p.trend.slope, format: plainNumber(1), label: "yearly change of the Inadequate share on the fitted trend, in points" },
    { key: "projection.trend.share", value: p.trendShare, format: percent(0), label: `Inadequate share in ${p.horizonSpan} on the fitted trend` },
    { key: `projection.inadequate.${y}.report`, value: report.inadequate, format: count(), label: `councils Inadequate by April ${y} as printed (method not given)` },
    { key: "projection.report.impliedShare", value: impliedShare(report.inadequate, p.councils), format: percent(0), label: "share of all councils the printed projection amounts to" },
    { key: `projection.inadequate.${y}.difference`, value: Math.round(p.constantRate) - report.inadequate, format: count(), label: "our rounded constant-rate projection minus the printed one" },
  ];
  for (const { year, councils } of p.byYear) {
    stats.push({ key: `projection.inadequate.${y}.at.${yearKey(year)}`, value: councils, format: count(), label: `councils Inadequate by April ${y} at the ${year} rate` });
  }
  return stats;
}
