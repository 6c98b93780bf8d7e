/**
 * `npm run build` with nothing changed says "up to date" and leaves the output alone;
 * any change to what the build reads, or to the output itself, builds again.
 */
import { appendFile, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSiteUnlessUpToDate } from "../../scripts/engine/build.ts";
import { signProvenance } from "../../scripts/engine/data/provenance.ts";
import { FIXTURE_DEFINITION, OUTCOMES_CSV, copyFixture, editFile, fingerprint, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

let root: string;
let outDir: string;
let cacheDir: string;

const build = (force = false) => withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildSiteUnlessUpToDate({ root, outDir, force, report: FIXTURE_DEFINITION }));

beforeAll(async () => {
  root = await copyFixture();
  outDir = path.join(await temporaryFolder(), "site");
  cacheDir = path.join(await temporaryFolder(), "svg");
});

afterAll(removeTemporaryFolders);

describe("a build with nothing changed", () => {
  it("builds the first time, then is up to date and leaves the output byte for byte", async () => {
    expect((await build()).upToDate).toBe(false);
    const site = await fingerprint(outDir);
    expect(await build()).toEqual({ outDir, upToDate: true });
    expect(await fingerprint(outDir)).toEqual(site);
  });

  it("builds again when a data file changes, and the change is in the output", async () => {
    // (A data file, not a page: Eleventy keeps the text of pages it has read for the life of
    // the process, so an edited page shows only in a new process, as every `npm run build` is.)
    await editFile(root, OUTCOMES_CSV, "2009/10,good,48,", "2009/10,good,47,");
    await signProvenance(root);
    expect((await build()).upToDate).toBe(false);
    expect(await readFile(path.join(outDir, "data/figures/grades-by-year.csv"), "utf8")).toMatch(/2009\/10,Good,47\n/);
    expect((await build()).upToDate).toBe(true);
  });

  it("builds again when the output was edited by hand, putting it back", async () => {
    const page = path.join(outDir, "chapter-1/index.html");
    const built = await readFile(page, "utf8");
    await appendFile(page, "<!-- edited -->");
    expect((await build()).upToDate).toBe(false);
    expect(await readFile(page, "utf8")).toBe(built);
  });

  it("builds when told to (--force)", async () => {
    expect((await build(true)).upToDate).toBe(false);
    expect((await build()).upToDate).toBe(true);
  });

  it("never takes a failed build for a finished one", async () => {
    await editFile(root, OUTCOMES_CSV, "2009/10,good,47,", "2009/10,good,abc,");
    await signProvenance(root);
    await expect(build()).rejects.toThrow(/is not a number/);
    // Back to the data of the last good build: the record was cleared, so it builds.
    await editFile(root, OUTCOMES_CSV, "2009/10,good,abc,", "2009/10,good,47,");
    await signProvenance(root);
    expect((await build()).upToDate).toBe(false);
  });

  it("always builds when the cache is off (nothing is kept between builds)", async () => {
    const once = () => withEnv({ REPORT_SVG_CACHE: "off" }, () => buildSiteUnlessUpToDate({ root, outDir, report: FIXTURE_DEFINITION }));
    expect((await once()).upToDate).toBe(false);
    expect((await once()).upToDate).toBe(false);
  });
});
