/**
 * Test wiring for the chapter 1 and 2 families (transitions, cohort, reversion, cost,
 * projection, decline): load each real data file through its schema and checks, then
 * compute, make stats and figures exactly as the lines proposed for scripts/report.ts do.
 * Loading file by file (not loadReportData) keeps these tests independent of data files
 * other families are adding at the same time.
 */
import path from "node:path";
import type { ExceptionLedger } from "../../scripts/data/checks.ts";
import type { Dataset, RowOf } from "../../scripts/data/dataset.ts";
import { cohort2013Design, cohort2013Indicators } from "../../scripts/data/datasets/cohort.ts";
import { costOfFailure } from "../../scripts/data/datasets/cost.ts";
import { inspectionOutcomesByYear } from "../../scripts/data/datasets/outcomes.ts";
import { projectionInputs } from "../../scripts/data/datasets/projection.ts";
import { meanReversionIllustration } from "../../scripts/data/datasets/reversion.ts";
import { repeatInspectionTransitions } from "../../scripts/data/datasets/transitions.ts";
import { exceptionLedger, loadChecked as loadRows } from "./load-checked.ts";
import { analyseCohort } from "../../scripts/compute/cohort.ts";
import { analyseCost } from "../../scripts/compute/cost.ts";
import { outcomesByYear } from "../../scripts/compute/outcomes.ts";
import { analyseProjection } from "../../scripts/compute/projection.ts";
import { revertTowardMean } from "../../scripts/compute/reversion.ts";
import { analyseTransitions } from "../../scripts/compute/transitions.ts";
import { iaTimelinessFigure, statedChangesFigure } from "../../scripts/figures/cohort.ts";
import { annualCostFigure } from "../../scripts/figures/cost.ts";
import { projectionFigure } from "../../scripts/figures/projection.ts";
import { meanReversionFigure } from "../../scripts/figures/reversion.ts";
import { denominatorsFigure, movementsFigure } from "../../scripts/figures/transitions.ts";
import type { FigureDefinition } from "../../scripts/figures/types.ts";
import { DECLINE_CHANGES, PROJECTION_WINDOW, REVERSION_FRACTION, VARIATION_WINDOWS } from "../../scripts/report.ts";
import { cohortStats } from "../../scripts/stats/cohort.ts";
import { costStats } from "../../scripts/stats/cost.ts";
import { declineStats } from "../../scripts/stats/decline.ts";
import { outcomeStats } from "../../scripts/stats/outcomes.ts";
import { projectionStats } from "../../scripts/stats/projection.ts";
import type { Stat } from "../../scripts/stats/registry.ts";
import { reversionStats } from "../../scripts/stats/reversion.ts";
import { transitionStats } from "../../scripts/stats/transitions.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export { DECLINE_CHANGES, PROJECTION_WINDOW, REVERSION_FRACTION } from "../../scripts/report.ts";

let ledger: Promise<ExceptionLedger> | undefined;

/** The rows of one real data file, after its schema and table checks. */
export async function loadChecked<D extends Dataset>(dataset: D): Promise<RowOf<D>[]> {
  ledger ??= exceptionLedger(ROOT);
  return loadRows(ROOT, dataset, await ledger);
}

export async function buildChapters12() {
  const years = outcomesByYear(await loadChecked(inspectionOutcomesByYear));
  const transitions = analyseTransitions(await loadChecked(repeatInspectionTransitions));
  const cohort = analyseCohort(await loadChecked(cohort2013Indicators), await loadChecked(cohort2013Design));
  const reversion = revertTowardMean(await loadChecked(meanReversionIllustration), REVERSION_FRACTION);
  const cost = analyseCost(await loadChecked(costOfFailure));
  const projection = analyseProjection(years, await loadChecked(projectionInputs), PROJECTION_WINDOW);
  const stats: Stat[] = [
    ...declineStats(years, DECLINE_CHANGES),
    ...transitionStats(transitions),
    ...cohortStats(cohort),
    ...reversionStats(reversion),
    ...costStats(cost),
    ...projectionStats(projection),
  ];
  const figures: FigureDefinition[] = [
    movementsFigure(transitions),
    denominatorsFigure(transitions),
    iaTimelinessFigure(cohort),
    statedChangesFigure(cohort),
    meanReversionFigure(reversion, cohort),
    annualCostFigure(cost),
    projectionFigure(projection),
  ];
  /** The outcome stats too: the claims of chapter 1 and the summary quote them. */
  const outcome = outcomeStats(years, VARIATION_WINDOWS);
  return { years, transitions, cohort, reversion, cost, projection, stats, outcome, figures };
}

