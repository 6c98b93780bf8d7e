/**
 * The fault corpus for interrupted builds (issue 17, cases 3–5): a build stopped between moving
 * the old site aside and moving the new one in, the leftovers of stopped builds, and a record of
 * the build that cannot be written after the swap.
 */
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildSiteUnlessUpToDate } from "../../scripts/engine/build.ts";
import { stateFile } from "../../scripts/engine/build-state.ts";
import { signProvenance } from "../../scripts/engine/data/provenance.ts";
import { FIXTURE_DEFINITION, OUTCOMES_CSV, copyFixture, editFile, fingerprint, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

/** A process id no system hands out: the build that left these folders is not running. */
const STOPPED = 2 ** 22 + 4321;

let root: string;
let parent: string;
let outDir: string;
let cacheDir: string;
let good: string[];

const build = (force = true) => withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildSiteUnlessUpToDate({ root, outDir, force, report: FIXTURE_DEFINITION }));

beforeAll(async () => {
  root = await copyFixture();
  parent = await temporaryFolder();
  outDir = path.join(parent, "_site");
  cacheDir = path.join(await temporaryFolder(), "svg");
  await build();
  good = await fingerprint(outDir);
});

afterAll(removeTemporaryFolders);

describe("a build after one that was stopped", () => {
  it("puts the last good site back first, so a failing build still leaves it, and removes the leftovers", async () => {
    // Stopped mid-swap: the site moved aside, the new one still in staging; a chart file half written.
    await rename(outDir, `${outDir}.previous-${STOPPED}`);
    await mkdir(`${outDir}.building-${STOPPED}`);
    await writeFile(path.join(cacheDir, `abc.svg.${STOPPED}.tmp`), "<svg");
    // The next build fails on bad data: the site served is the last good one.
    await editFile(root, OUTCOMES_CSV, "2009/10,good,48,", "2009/10,good,abc,");
    await signProvenance(root);
    await expect(build()).rejects.toThrow(/is not a number/);
    expect(await fingerprint(outDir)).toEqual(good);
    expect((await readdir(parent)).sort()).toEqual(["_site"]);
    expect((await readdir(cacheDir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    await editFile(root, OUTCOMES_CSV, "2009/10,good,abc,", "2009/10,good,48,");
    await signProvenance(root);
  });

  it("reports success, not a kept site, when only the record of the build cannot be written", async () => {
    // The record is written through a temporary file; a folder in that file's place makes writing it
    // fail after the swap, as a full disk under the cache would.
    const temporary = `${stateFile(cacheDir, outDir)}.${process.pid}.tmp`;
    await mkdir(temporary, { recursive: true });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(await build()).toEqual({ outDir, upToDate: false });
      expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringMatching(/^The site was built and is in place, but the record of this build could not be written \(.+\); the next build will run in full\.$/)]);
    } finally {
      warn.mockRestore();
    }
    expect(await fingerprint(outDir)).toEqual(good);
    await rm(temporary, { recursive: true });
  });
});
