/**
 * The same project must build to the same bytes wherever and however it is built:
 * from different folders (one with a space and a non-ASCII letter in its path), with
 * a different working directory, time zone and language, with the SVG cache cold,
 * warm or off, in this process after another build (Vega's id counters have moved
 * on) or from the command line in a child process.
 */
import { execFile } from "node:child_process";
import { cp, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEARCH_INDEX_DIR, searchIndexesWritten, writeSearchIndex } from "../../scripts/engine/eleventy/search.ts";
import { FIXTURE_DEFINITION, FIXTURE_SITE_FILES, REPO_ROOT, buildFixture, copyFixture, outsideSearchIndex, fingerprint, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

const run = promisify(execFile);

/** Minutes behind UTC on 1 January 2015 in the current process time zone. */
const offsetInJanuary = () => new Date(Date.UTC(2015, 0, 1)).getTimezoneOffset();

let cacheDir: string;
let outA: string;
let first: string[];
let second: string[];
/** Search indexes written while rendering, during the first build. */
let fedInFirst: number;

beforeAll(async () => {
  cacheDir = path.join(await temporaryFolder(), "svg-cache");

  // First build: UTC, C locale, cold SVG cache that this build fills.
  const rootA = await copyFixture("mini-report-a-");
  outA = path.join(await temporaryFolder(), "site-a");
  const fedBefore = searchIndexesWritten().fed;
  await withEnv({ TZ: "UTC", LANG: "C", LC_ALL: "C", REPORT_SVG_CACHE: cacheDir }, async () => {
    expect(offsetInJanuary()).toBe(0);
    await buildFixture({ root: rootA, outDir: outA });
  });
  fedInFirst = searchIndexesWritten().fed - fedBefore;
  first = await fingerprint(outA);

  // Second build: another copy under a path with a space and "ü", another working
  // directory, New York time, LANG German (for anything that reads it at run time; the
  // ICU locale is fixed at start-up, which the command-line test below covers), no
  // SVG cache (every chart rendered again, after Vega already ran in this process).
  const rootB = await copyFixture("mini report ü-");
  const outB = path.join(await temporaryFolder("other out ü-"), "site-b");
  const workingDir = await temporaryFolder("cwd-");
  const previousCwd = process.cwd();
  await withEnv({ TZ: "America/New_York", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8", REPORT_SVG_CACHE: "off" }, async () => {
    // The time zone change must really be in effect, or this comparison proves nothing.
    expect(offsetInJanuary()).toBe(300);
    process.chdir(workingDir);
    try {
      await buildFixture({ root: rootB, outDir: outB });
    } finally {
      process.chdir(previousCwd);
    }
  });
  second = await fingerprint(outB);
});

afterAll(removeTemporaryFolders);

describe("the build is deterministic", () => {
  it("builds every expected file", () => {
    expect(outsideSearchIndex(first.map((line) => line.split(" ")[0]))).toEqual(FIXTURE_SITE_FILES);
    // The search index is compared byte for byte with the rest below; here, that it is there.
    expect(first.filter((line) => line.startsWith("pagefind/")).length).toBeGreaterThan(0);
  });

  it("feeds the search index while rendering, and it is the index of the pages as built", async () => {
    expect(fedInFirst).toBe(1);
    // The same pages indexed from their files afterwards, as a build did before the feed (and does when the feed cannot be trusted).
    const copy = path.join(await temporaryFolder(), "site-a-copy");
    await cp(outA, copy, { recursive: true, filter: (source) => path.basename(source) !== SEARCH_INDEX_DIR });
    await writeSearchIndex(copy);
    expect((await fingerprint(copy)).filter((line) => line.startsWith("pagefind/"))).toEqual(first.filter((line) => line.startsWith("pagefind/")));
  });

  it("produces byte-identical sites from different folders, working directories, time zones and languages", () => {
    expect(second).toEqual(first);
  });

  it("produces the same bytes from the command line (npm run build's bundle) in a child process, with a warm SVG cache", async () => {
    // The first build filled the cache: one entry per rendering (wide and narrow) of each placed
    // figure (two) and council timeline (five).
    expect((await readdir(cacheDir)).filter((name) => name.endsWith(".svg"))).toHaveLength(2 * (2 + 5));
    const root = await copyFixture("mini-report-cli-");
    const out = path.join(await temporaryFolder(), "site-cli");
    const env = { ...process.env, TZ: "Pacific/Chatham", LANG: "fr_FR.UTF-8", LC_ALL: "fr_FR.UTF-8", REPORT_SVG_CACHE: cacheDir };
    // A fresh process takes its default locale from LANG/LC_ALL (this process cannot
    // change its own after start-up), so this is where a LANG dependence would show.
    const { stdout: locale } = await run(process.execPath, ["-p", "new Intl.NumberFormat().resolvedOptions().locale"], { env });
    expect(locale.trim()).toBe("fr-FR");
    // As `npm run build` runs it: the engine bundled into JavaScript first (scripts/engine/run-bundled.mjs).
    const { stdout } = await run(process.execPath, [path.join(REPO_ROOT, "scripts", "engine", "run-bundled.mjs"), "build", "--root", root, "--out", out, "--report", FIXTURE_DEFINITION], { cwd: REPO_ROOT, env });
    expect(stdout).toMatch(/^Built .*site-cli in \d+\.\d s$/m);
    expect(await fingerprint(out)).toEqual(first);
    // The warm cache was used, not added to.
    expect((await readdir(cacheDir)).filter((name) => name.endsWith(".svg"))).toHaveLength(2 * (2 + 5));
  });
});
