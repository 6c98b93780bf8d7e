/**
 * This report's families as the build makes them, for the tests of each family: the whole
 * report over the repository's data (every family and the claims audit, as `npm run build`
 * runs them), or one family with the families it uses over the data of any project folder
 * (the repository's, or a fixture's where a test needs data of its own). Built once per
 * test worker and shared, like the modules themselves (vitest.config.ts: isolate: false).
 */
import path from "node:path";
import type { Dataset, RowOf } from "../../scripts/engine/data/dataset.ts";
import { readDataFolder } from "../../scripts/engine/data/folder.ts";
import { loadReportData } from "../../scripts/engine/data/report-data.ts";
import type { Family, FamilyOutput, ResultOf } from "../../scripts/engine/family.ts";
import { buildFamiliesOf, loadAndBuildReport, type Report } from "../../scripts/engine/report.ts";
import REPORT from "../../scripts/report/index.ts";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
/** This report's families over a small made-up data set (test/fixtures/report-sample). */
export const SAMPLE_ROOT = path.join(REPO_ROOT, "test", "fixtures", "report-sample");

let real: Promise<Report> | undefined;

/** The real report: every family over the repository's data, with the claims audit. */
export function realReport(): Promise<Report> {
  real ??= loadAndBuildReport(REPO_ROOT, REPORT).then(({ report }) => report);
  return real;
}

const built = new Map<string, Promise<FamilyOutput<any>>>();

/** One family's output over the data of the project at `root`, built with the families it uses, as the build builds it. */
export function familyOutput<F extends Family<any, any>>(family: F, root = REPO_ROOT): Promise<FamilyOutput<ResultOf<F>>> {
  const key = `${root}\0${family.name}`;
  if (!built.has(key)) built.set(key, buildFamiliesOf(root, [family]).then((families) => families.of(family)));
  return built.get(key) as Promise<FamilyOutput<ResultOf<F>>>;
}

/** The rows of one dataset of the project at `root`, read and checked as the build does (schema, table checks, known exceptions, checks against the datasets it needs). */
export async function checkedRows<D extends Dataset>(dataset: D, root = REPO_ROOT): Promise<RowOf<D>[]> {
  return loadReportData(await readDataFolder(root), [dataset]).rows(dataset);
}
