/**
 * Test wiring for the ILACS family: load the ILACS reports, the council rows and the
 * published transitions (each through its schema and checks), then analyse and make stats
 * and figures as the ilacs family in scripts/report.ts does.
 */
import path from "node:path";
import { exceptionLedger, loadChecked } from "./load-checked.ts";
import { councils, inspections, SIF_FRAMEWORKS } from "../../scripts/data/datasets/councils.ts";
import { ilacsJudgements } from "../../scripts/data/datasets/ilacs.ts";
import { repeatInspectionTransitions } from "../../scripts/data/datasets/transitions.ts";
import { analyseIlacs } from "../../scripts/compute/ilacs.ts";
import { analyseTransitions } from "../../scripts/compute/transitions.ts";
import { ilacsFigures } from "../../scripts/figures/ilacs.ts";
import { ILACS_OPTIONS } from "../../scripts/report.ts";
import { ilacsStats } from "../../scripts/stats/ilacs.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const FIXTURE_ROOT = path.join(ROOT, "test", "fixtures", "mini-report");

export async function buildIlacs(root = ROOT) {
  const ledger = await exceptionLedger(root);
  const analysis = analyseIlacs(
    {
      rows: await loadChecked(root, ilacsJudgements, ledger),
      earlierReports: (await loadChecked(root, inspections, ledger)).filter((r) => SIF_FRAMEWORKS.includes(r.framework)),
      councils: (await loadChecked(root, councils, ledger)).filter((c) => c.status === "current"),
    },
    ILACS_OPTIONS,
  );
  const stuck2015 = analyseTransitions(await loadChecked(root, repeatInspectionTransitions, ledger)).statedStayedLowShare;
  return { analysis, stats: ilacsStats(analysis, stuck2015), figures: ilacsFigures(analysis, stuck2015) };
}
