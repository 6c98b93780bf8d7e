/** The cost-of-failure figure (executive summary, chapter 2). */
import type { CostAnalysis } from "./compute.ts";
import { annualCostSpec } from "./charts.ts";
import { narrowSpec } from "../../engine/charts/narrow.ts";
import { costOfFailure } from "./datasets.ts";
import { count, formatValue, gbpMillions, plainNumber } from "../../engine/stats/format.ts";
import type { FigureDefinition } from "../../engine/figures/types.ts";

/** How each named cost per council is described on the axis. */
export const COST_DESCRIPTIONS: Readonly<Record<string, string>> = {
  low: "lowest estimate",
  single: "one council's cost",
  high: "highest (a lower bound)",
};

export function annualCostFigure({ published, rate, annual }: CostAnalysis): FigureDefinition {
  const ratings = published.inadequateRatings;
  const period = { start: published.periodStartYear, end: published.periodEndYear };
  const m = (pounds: number) => formatValue(pounds, gbpMillions(pounds % 1e6 === 0 ? 0 : 1));
  const rates = [
    `${formatValue(rate.roundedUp, count())} a year (rounded up, as the report)`,
    `${formatValue(rate.exact, plainNumber(1))} a year (unrounded)`,
  ] as const;
  const rows = annual.flatMap((a) => {
    const perCouncil = `${m(a.perCouncil)}: ${COST_DESCRIPTIONS[a.name] ?? a.name}`;
    return [
      { perCouncil, rate: rates[0], pounds: a.withRounded },
      { perCouncil, rate: rates[1], pounds: a.withExact },
    ];
  });
  const low = annual.find((a) => a.name === "low") ?? annual[0];
  const high = annual.reduce((a, b) => (b.perCouncil > a.perCouncil ? b : a));
  return {
    key: "cost-of-failure",
    title: `At the lowest estimate of ${m(low.perCouncil)} a council, ${formatValue(rate.exact, plainNumber(1))} Inadequate ratings a year cost ${m(low.withExact)}, not the ${m(low.withRounded)} the rounded-up ${formatValue(rate.roundedUp, count())} gives; at ${m(high.perCouncil)} a council it would be at least ${m(high.withExact)}`,
    description:
      `Grouped column chart of the yearly cost across England of recovering from Inadequate judgements, at ${annual.length} costs per council, each with the report's rounded rate and the unrounded rate. ` +
      annual.map((a) => `${m(a.perCouncil)} a council: ${m(a.withRounded)} rounded, ${m(a.withExact)} unrounded.`).join(" "),
    caption:
      `The report counts ${formatValue(ratings, count())} Inadequate ratings from April ${period.start} to March ${period.end}: ${formatValue(ratings, count())} ÷ ${formatValue(rate.years, count())} years = ${formatValue(rate.exact, plainNumber(1))} a year, which it rounds up to ${formatValue(rate.roundedUp, count())}. ` +
      `The costs per council are directors' estimates from interviews (one council's reported cost in the middle); the highest was given as more than ${m(high.perCouncil)}, so its bars are lower bounds.`,
    source: "A Brave New World (iMPOWER for the Local Government Association, 2015), executive summary and chapter 2, The financial cost (footnotes 5, 6, 33–35). Estimates and counts as published; the products are our arithmetic.",
    rows,
    columns: [
      { field: "perCouncil", label: "Cost per council" },
      { field: "rate", label: "Inadequate ratings a year" },
      { field: "pounds", label: "Cost per year", format: gbpMillions(1) },
    ],
    pivot: { row: "perCouncil", column: "rate", value: "pounds" },
    spec: annualCostSpec(rows, rates),
    narrowSpec: narrowSpec(annualCostSpec(rows, rates, true)),
    dataFiles: [costOfFailure.file],
  };
}
