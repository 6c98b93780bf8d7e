/**
 * Issue 17, case 13: `npm run build -- --root test/fixtures/mini-report --out DIR` (as the README
 * documents) once left the fixture a `.cache/` that later made `npm test` fail. A build writes
 * into the project it reads only in its documented cache place, `.cache/svg` (build record
 * included), and the tests copy a fixture without what such a build left.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSiteUnlessUpToDate } from "../../scripts/engine/build.ts";
import { svgCacheDir } from "../../scripts/engine/locations.ts";
import { FIXTURE_DEFINITION, copyFixture, copyProject, fingerprint, removeTemporaryFolders, temporaryFolder } from "./helpers.ts";

afterAll(removeTemporaryFolders);

describe("a build of a project folder, output elsewhere", () => {
  it("writes into the project only its chart cache and build record, which a copy of the project leaves behind", async () => {
    const root = await copyFixture();
    const before = await fingerprint(root);
    const outDir = path.join(await temporaryFolder(), "site");
    // The default cache place, whatever the test run set.
    const saved = process.env.REPORT_SVG_CACHE;
    delete process.env.REPORT_SVG_CACHE;
    try {
      await buildSiteUnlessUpToDate({ root, outDir, report: FIXTURE_DEFINITION });
    } finally {
      if (saved !== undefined) process.env.REPORT_SVG_CACHE = saved;
    }
    const after = await fingerprint(root);
    const added = after.filter((line) => !before.includes(line)).map((line) => line.split(" ")[0]);
    expect(after.filter((line) => !added.includes(line.split(" ")[0]))).toEqual(before);
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((file) => !file.startsWith(".cache/svg/"))).toEqual([]);
    expect(svgCacheDir(root, undefined)).toBe(path.join(root, ".cache", "svg"));

    const copy = await copyProject(root);
    expect(await readdir(copy)).not.toContain(".cache");
    expect(await fingerprint(copy)).toEqual(before);
  });
});
