/**
 * The fault corpus for the chart cache (issue 17, case 1): a .cache/svg file swapped for another
 * chart's or cut short is found out by its check, drawn again and replaced, and the site built
 * is byte for byte the site a clean cache gives, not a page with the wrong chart in it. A build
 * with --no-cache draws every chart afresh and leaves the cache holding no entry that fails its
 * check, nor one that differs from its fresh drawing.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildSiteUnlessUpToDate } from "../../scripts/engine/build.ts";
import { cacheEntry, processCacheCounts, verifiedEntry } from "../../scripts/engine/render/cache.ts";
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

describe("a build with --no-cache", () => {
  it("draws every chart afresh, removes the entries that fail their check and replaces one that is not the fresh drawing", async () => {
    const entries = async () => (await readdir(cacheDir)).filter((name) => name.endsWith(".svg")).sort();
    const names = await entries();
    const good = await Promise.all(names.map((name) => readFile(path.join(cacheDir, name), "utf8")));
    const [a, b, c, d] = names.map((name) => path.join(cacheDir, name));
    await writeFile(a, good[1]); // b's entry under a's name
    await writeFile(c, good[2].slice(0, good[2].length / 2)); // cut short
    // d's name and a check line that matches, over another drawing: only drawing it again finds it out.
    await writeFile(d, cacheEntry(names[3].replace(/\.svg$/, ""), "<svg>not this chart</svg>"));
    // An entry of no chart of this build, damaged: only the sweep sees it.
    const stray = path.join(cacheDir, `${"f".repeat(64)}.svg`);
    await writeFile(stray, "<svg>stray");
    const before = { ...processCacheCounts() };
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const outDir = path.join(await temporaryFolder(), "site");
    try {
      await withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildSiteUnlessUpToDate({ root, outDir, freshCharts: true, report: FIXTURE_DEFINITION }));
      expect(log.mock.calls.map((call) => String(call[0]))).toContain(
        `Chart cache ${path.relative(process.cwd(), cacheDir)}: ${names.length + 1} files checked, 3 failed the check of their key and contents and were removed; every chart is drawn afresh.`,
      );
    } finally {
      log.mockRestore();
    }
    expect(await fingerprint(outDir)).toEqual(clean);
    const after = processCacheCounts();
    expect([after.hits - before.hits, after.misses - before.misses, after.repaired - before.repaired]).toEqual([0, names.length, 1]);
    // The cache holds each chart's fresh drawing again, and nothing that fails its check.
    expect(await entries()).toEqual(names);
    for (const [index, name] of names.entries()) {
      const text = await readFile(path.join(cacheDir, name), "utf8");
      expect(text, name).toBe(good[index]);
      expect(verifiedEntry(name.replace(/\.svg$/, ""), text), name).toBeDefined();
    }
  });
});
