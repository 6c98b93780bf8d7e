/**
 * Test wiring for the ILACS family: load the datasets it reads (each through its schema
 * and checks, as the build does) and make its analysis, stats and figures with the
 * build's own functions (scripts/report.ts).
 */
import path from "node:path";
import { councils, inspections } from "../../scripts/report/councils/datasets.ts";
import { ilacsJudgements } from "../../scripts/report/ilacs/datasets.ts";
import { repeatInspectionTransitions } from "../../scripts/report/transitions/datasets.ts";
import { loadReportData } from "../../scripts/engine/data/report-data.ts";
import { ilacsAnalysis, ilacsFamily } from "../../scripts/report/index.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export async function buildIlacs(root = ROOT) {
  const data = await loadReportData(root, [ilacsJudgements, inspections, councils, repeatInspectionTransitions]);
  return { analysis: ilacsAnalysis(data), ...ilacsFamily(data) };
}
