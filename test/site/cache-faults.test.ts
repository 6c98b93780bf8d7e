/**
 * The fault corpus for the chart cache (issue 17, case 1): a .cache/svg file swapped for another
 * chart's or cut short is found out by its check, drawn again and replaced, and the site built
 * is byte for byte the site a clean cache gives, not a page with the wrong chart in it.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSiteUnlessUpToDate } from "../../scripts/engine/build.ts";
import { FIXTURE_DEFINITION, copyFixture, fingerprint, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

let root: string;
let cacheDir: string;
let clean: Awaited<ReturnType<typeof fingerprint>>;

const buildTo = async (outDir: string) => {
  await withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildSiteUnlessUpToDate({ root, outDir, force: true, report: FIXTURE_DEFINITION }));
  return fingerprint(outDir);
};

beforeAll(async () => {
  root = await copyFixture();
  cacheDir = path.join(await temporaryFolder(), "svg");
  clean = await buildTo(path.join(await temporaryFolder(), "site"));
});

afterAll(removeTemporaryFolders);

describe("a damaged chart cache", () => {
  it("never puts a swapped or truncated chart into the site", async () => {
    const files = (await readdir(cacheDir)).filter((name) => name.endsWith(".svg")).sort();
    expect(files.length).toBeGreaterThan(2);
    const [a, b, c] = files.map((name) => path.join(cacheDir, name));
    // a gets b's file; c is cut in half.
    await writeFile(a, await readFile(b, "utf8"));
    const text = await readFile(c, "utf8");
    await writeFile(c, text.slice(0, text.length / 2));
    expect(await buildTo(path.join(await temporaryFolder(), "site"))).toEqual(clean);
    // Both files were replaced by good entries: the next build reads them from the cache.
    expect(await buildTo(path.join(await temporaryFolder(), "site"))).toEqual(clean);
    expect((await readFile(a, "utf8")) === (await readFile(b, "utf8"))).toBe(false);
  });
});
