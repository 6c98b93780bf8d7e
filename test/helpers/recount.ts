/**
 * Test wiring for the recount family: load the council rows and the published tables it
 * compares with (each through its schema and checks), then analyse, make stats and figures
 * as the recount family in scripts/report.ts does (its figures via recountFigures, which
 * the family registers once the content places them). Loading file by file keeps these
 * tests independent of data files other families are adding at the same time.
 */
import path from "node:path";
import { exceptionLedger, loadChecked } from "./load-checked.ts";
import { cohort2013Design } from "../../scripts/report/cohort/datasets.ts";
import { councils, demand, inspections } from "../../scripts/report/councils/datasets.ts";
import { inspectionOutcomesByYear } from "../../scripts/report/outcomes/datasets.ts";
import { repeatInspectionTransitions } from "../../scripts/report/transitions/datasets.ts";
import { outcomesByYear } from "../../scripts/report/outcomes/compute.ts";
import { analyseRecount, reportCohortDesign } from "../../scripts/report/recount/analysis.ts";
import { analyseTransitions } from "../../scripts/report/transitions/compute.ts";
import { recountFigures } from "../../scripts/report/recount/figures.ts";
import { RECOUNT_OPTIONS } from "../../scripts/report/index.ts";
import { recountStats } from "../../scripts/report/recount/stats.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const FIXTURE_ROOT = path.join(ROOT, "test", "fixtures", "mini-report");

/** The recount family of the project at `root` (the real data by default). */
export async function buildRecount(root = ROOT) {
  const ledger = await exceptionLedger(root);
  const analysis = analyseRecount(
    {
      events: await loadChecked(root, inspections, ledger),
      demand: await loadChecked(root, demand, ledger),
      councils: await loadChecked(root, councils, ledger),
      published: outcomesByYear(await loadChecked(root, inspectionOutcomesByYear, ledger)),
      reportTransitions: analyseTransitions(await loadChecked(root, repeatInspectionTransitions, ledger)),
      reportCohort: reportCohortDesign(await loadChecked(root, cohort2013Design, ledger)),
    },
    RECOUNT_OPTIONS,
  );
  return {
    analysis,
    stats: recountStats(analysis),
    figures: recountFigures(analysis),
  };
}
