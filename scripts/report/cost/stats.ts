/**
 * Stats of the cost family (executive summary, chapter 2). `cost.perYear.report` is the
 * report's arithmetic (rounded rate × £3m); `cost.perYear.exact` is ours (unrounded rate).
 */
import type { CostAnalysis } from "./compute.ts";
import { count, gbpMillions, plainNumber, text } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";

/** The annual costs must include one named "low" (the report's £3m); the others add `.name` keys. */
export function costStats({ published, rate, annual }: CostAnalysis): Stat[] {
  const low = annual.find((a) => a.name === "low");
  if (!low) throw new Error('the annual costs need the "low" estimate the report uses');
  const stats: Stat[] = [
    { key: "cost.estimate.low", value: published.estimateLow, format: gbpMillions(0), label: "lowest directors' estimate of the cost of an Inadequate judgement, as published" },
    { key: "cost.estimate.high", value: published.estimateHigh, format: gbpMillions(0), label: "highest directors' estimate (a lower bound: over this), as published" },
    { key: "cost.singleCouncil", value: published.singleCouncil, format: gbpMillions(0), label: "additional spending one council reported after an Inadequate judgement, as published" },
    { key: "cost.ratings", value: published.inadequateRatings, format: count(), label: "Inadequate ratings from April 2010 to March 2015, as published" },
    { key: "cost.period.start", value: String(published.periodStartYear), format: text(), label: "first year of the period counted (from April)" },
    { key: "cost.period.end", value: String(published.periodEndYear), format: text(), label: "last year of the period counted (to March)" },
    { key: "cost.period.years", value: rate.years, format: count(), label: "years in the period counted" },
    { key: "cost.ratingsPerYear.exact", value: rate.exact, format: plainNumber(1), label: "average Inadequate ratings a year, unrounded (ratings ÷ years)" },
    { key: "cost.ratingsPerYear.stated", value: published.ratingsPerYearStated, format: plainNumber(1), label: "average Inadequate ratings a year, as printed" },
    { key: "cost.ratingsPerYear.report", value: rate.roundedUp, format: count(), label: "average Inadequate ratings a year rounded up, as the report uses it" },
    { key: "cost.ratingsPerYear.used", value: published.ratingsPerYearUsed, format: count(), label: "ratings a year the report multiplies by, as printed" },
    { key: "cost.perYear.stated", value: published.annualCostStated, format: gbpMillions(0), label: "annual cost of Inadequate judgements across the system, as printed" },
    { key: "cost.perYear.report", value: low.withRounded, format: gbpMillions(0), label: "annual cost at the lowest estimate with the rounded rate (the report's arithmetic)" },
    { key: "cost.perYear.exact", value: low.withExact, format: gbpMillions(1), label: "annual cost at the lowest estimate with the unrounded rate" },
    { key: "cost.perYear.roundingGap", value: low.roundingGap, format: gbpMillions(1), label: "what rounding the rate up adds to the annual cost at the lowest estimate" },
  ];
  for (const a of annual.filter((x) => x !== low)) {
    stats.push(
      { key: `cost.perYear.report.${a.name}`, value: a.withRounded, format: gbpMillions(0), label: `annual cost at ${a.name} (£${a.perCouncil / 1e6}m per council) with the rounded rate` },
      { key: `cost.perYear.exact.${a.name}`, value: a.withExact, format: gbpMillions(1), label: `annual cost at ${a.name} (£${a.perCouncil / 1e6}m per council) with the unrounded rate` },
    );
  }
  return stats;
}
