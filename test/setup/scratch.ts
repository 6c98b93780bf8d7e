/**
 * Global setup: one scratch folder for the whole test run, removed when the run ends.
 * Test files that only read the real report share one build of it there (see
 * `realSite` in test/site/helpers.ts) instead of each building it again.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A folder that lives as long as the test run. */
    scratchDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratchDir = await mkdtemp(path.join(tmpdir(), "report-tests-"));
  project.provide("scratchDir", scratchDir);
  return () => rm(scratchDir, { recursive: true, force: true });
}
