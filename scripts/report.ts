/**
 * The report itself: which computations, stats and figures it has. This is the one
 * place that knows the report's analytical choices (such as the two three-year
 * cycles compared for variation); everything else is generic machinery.
 */
import { inspectionOutcomesByYear } from "./data/datasets/outcomes.ts";
import { futuresVisions } from "./data/datasets/futures.ts";
import { futuresFigure } from "./figures/futures.ts";
import { futuresStats } from "./stats/futures.ts";
import type { ReportData } from "./data/report-data.ts";
import { outcomesByYear } from "./compute/outcomes.ts";
import { gradeTrendFigure, yearlySwingFigure } from "./figures/outcomes.ts";
import type { FigureDefinition } from "./figures/types.ts";
import { outcomeStats, type VariationWindow } from "./stats/outcomes.ts";
import { StatRegistry } from "./stats/registry.ts";
import { auditClaims, claimStats } from "./stats/claims.ts";
import type { ClaimAssessment } from "./compute/claims.ts";

/** The report compares the three years before the single inspection framework settled in with the three after. */
export const VARIATION_WINDOWS: readonly [VariationWindow, VariationWindow] = [
  { name: "early", first: "2009/10", last: "2011/12" },
  { name: "late", first: "2012/13", last: "2014/15" },
];

export interface Report {
  readonly stats: StatRegistry;
  readonly figures: ReadonlyMap<string, FigureDefinition>;
  readonly claims: readonly ClaimAssessment[];
}

export function buildReport(data: ReportData): Report {
  const years = outcomesByYear(data.rows(inspectionOutcomesByYear));
  const futures = data.rows(futuresVisions);
  const stats = new StatRegistry([...outcomeStats(years, VARIATION_WINDOWS), ...futuresStats(futures)]);
  const figures = [gradeTrendFigure(years), yearlySwingFigure(years, VARIATION_WINDOWS), futuresFigure(futures)];
  // The audit runs last: claims may name any stat of any family.
  const claims = auditClaims(data.claims, stats);
  for (const stat of claimStats(claims)) stats.add(stat);
  return { stats, figures: new Map(figures.map((f) => [f.key, f])), claims };
}
