/**
 * `npm run build` runs the engine bundled into JavaScript (scripts/engine/run-bundled.mjs).
 * A bundle left damaged in its folder (a file edited, one cut short, one removed) is written
 * again before anything runs from it, and the site is the one the undamaged bundle builds.
 * (That the bundled command builds the same bytes as the engine run from its TypeScript:
 * test/site/determinism.test.ts.)
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, truncate, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_DEFINITION, REPO_ROOT, TEST_OUTPUT, copyFixture, fingerprint, removeTemporaryFolders, temporaryFolder } from "./helpers.ts";

const run = promisify(execFile);
const LAUNCHER = path.join(REPO_ROOT, "scripts", "engine", "run-bundled.mjs");

/** Every file of a folder, by path relative to it. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  return new Map(await Promise.all(names.sort().map(async (name) => [name, await readFile(path.join(dir, name))] as const)));
}

describe("npm run build's bundle", () => {
  afterAll(removeTemporaryFolders);

  it("is written again when a file of it was damaged, and builds the same site", async () => {
    // The test's own bundle folder, inside the repository (its packages are found from there).
    await mkdir(TEST_OUTPUT, { recursive: true });
    const bundles = await mkdtemp(path.join(TEST_OUTPUT, "bundle-"));
    try {
      const root = await copyFixture("mini-report-bundle-");
      // Each build draws every chart (a cache of its own), the render pool's worker from the first: its entry is in the bundle too.
      const build = async (out: string) => {
        const env = { ...process.env, REPORT_BUNDLE_DIR: bundles, REPORT_SVG_CACHE: path.join(await temporaryFolder(), "svg"), REPORT_RENDER_START_AT: "1" };
        const { stdout, stderr } = await run(process.execPath, [LAUNCHER, "build", "--root", root, "--out", out, "--report", FIXTURE_DEFINITION, "--force"], { cwd: REPO_ROOT, env });
        // The worker loaded the bundle's renderer (the pool says when a worker could not start).
        expect(stderr).not.toContain("could not start");
        return stdout;
      };
      const first = path.join(await temporaryFolder(), "site");
      expect(await build(first)).toMatch(/^Charts: 14 drawn, 0 from the cache$/m);
      const [folder, ...others] = await readdir(bundles);
      expect(others).toEqual([]);
      const bundle = path.join(bundles, folder);
      const whole = await filesOf(bundle);
      expect([...whole.keys()]).toEqual(expect.arrayContaining(["command.mjs", "definition.mjs", "eleventy-config.mjs", "pool-worker.mjs"]));
      const chunk = [...whole.keys()].find((name) => name.startsWith(`chunks${path.sep}`));
      expect(chunk).toBeDefined();

      // Damage it three ways: an entry edited, a shared chunk cut short, the worker's entry removed.
      await writeFile(path.join(bundle, "command.mjs"), `throw new Error("a damaged bundle ran");\n`);
      await truncate(path.join(bundle, chunk as string), 100);
      await unlink(path.join(bundle, "pool-worker.mjs"));
      const second = path.join(await temporaryFolder(), "site");
      expect(await build(second)).toMatch(/^Charts: 14 drawn, 0 from the cache$/m);
      expect(await filesOf(bundle)).toEqual(whole);
      expect(await fingerprint(second)).toEqual(await fingerprint(first));
    } finally {
      await rm(bundles, { recursive: true, force: true });
    }
  }, 120_000);

  it("names the commands it knows when given another", async () => {
    await expect(run(process.execPath, [LAUNCHER, "buidl"], { cwd: REPO_ROOT })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "buidl"; the commands are build, or a .ts file') });
  });
});
