/**
 * Test wiring for the chapter 1 and 2 families (transitions, cohort, reversion, cost,
 * projection, decline): load each real data file through its schema and checks, then
 * compute, make stats and figures exactly as the lines proposed for scripts/report.ts do.
 * Loading file by file (not loadReportData) keeps these tests independent of data files
 * other families are adding at the same time.
 */
import path from "node:path";
import type { ExceptionLedger } from "../../scripts/engine/data/checks.ts";
import type { Dataset, RowOf } from "../../scripts/engine/data/dataset.ts";
import { cohort2013Design, cohort2013Indicators } from "../../scripts/report/cohort/datasets.ts";
import { costOfFailure } from "../../scripts/report/cost/datasets.ts";
import { inspectionOutcomesByYear } from "../../scripts/report/outcomes/datasets.ts";
import { projectionInputs } from "../../scripts/report/projection/datasets.ts";
import { meanReversionIllustration } from "../../scripts/report/cohort/reversion-dataset.ts";
import { repeatInspectionTransitions } from "../../scripts/report/transitions/datasets.ts";
import { exceptionLedger, loadChecked as loadRows } from "./load-checked.ts";
import { analyseCohort } from "../../scripts/report/cohort/compute.ts";
import { analyseCost } from "../../scripts/report/cost/compute.ts";
import { outcomesByYear } from "../../scripts/report/outcomes/compute.ts";
import { analyseProjection } from "../../scripts/report/projection/compute.ts";
import { revertTowardMean } from "../../scripts/report/cohort/reversion.ts";
import { analyseTransitions } from "../../scripts/report/transitions/compute.ts";
import { iaTimelinessFigure, statedChangesFigure } from "../../scripts/report/cohort/figures.ts";
import { annualCostFigure } from "../../scripts/report/cost/figures.ts";
import { projectionFigure } from "../../scripts/report/projection/figures.ts";
import { meanReversionFigure } from "../../scripts/report/cohort/reversion-figures.ts";
import { denominatorsFigure, movementsFigure } from "../../scripts/report/transitions/figures.ts";
import type { FigureDefinition } from "../../scripts/engine/figures/types.ts";
import { DECLINE_CHANGES, PROJECTION_WINDOW, REVERSION_FRACTION, VARIATION_WINDOWS } from "../../scripts/report/index.ts";
import { cohortStats } from "../../scripts/report/cohort/stats.ts";
import { costStats } from "../../scripts/report/cost/stats.ts";
import { declineStats } from "../../scripts/report/outcomes/decline-stats.ts";
import { outcomeStats } from "../../scripts/report/outcomes/stats.ts";
import { projectionStats } from "../../scripts/report/projection/stats.ts";
import type { Stat } from "../../scripts/engine/stats/registry.ts";
import { reversionStats } from "../../scripts/report/cohort/reversion-stats.ts";
import { transitionStats } from "../../scripts/report/transitions/stats.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export { DECLINE_CHANGES, PROJECTION_WINDOW, REVERSION_FRACTION } from "../../scripts/report/index.ts";

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

