/**
 * Test wiring for the ILACS family: load the datasets it reads (each through its schema
 * and checks, as the build does) and make its analysis, stats and figures with the
 * build's own functions (scripts/report.ts).
 */
import path from "node:path";
import { councils, inspections } from "../../scripts/data/datasets/councils.ts";
import { ilacsJudgements } from "../../scripts/data/datasets/ilacs.ts";
import { repeatInspectionTransitions } from "../../scripts/data/datasets/transitions.ts";
import { loadReportData } from "../../scripts/data/report-data.ts";
import { ilacsAnalysis, ilacsFamily } from "../../scripts/report.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export async function buildIlacs(root = ROOT) {
  const data = await loadReportData(root, [ilacsJudgements, inspections, councils, repeatInspectionTransitions]);
  return { analysis: ilacsAnalysis(data), ...ilacsFamily(data) };
}
