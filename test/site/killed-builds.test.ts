/**
 * The fault corpus for builds stopped by SIGKILL (issue 17): `npm run build` of the mini report,
 * run as a process of its own and killed at each point of build.ts's KILL_POINTS (it kills itself
 * there when REPORT_KILL_BUILD_AT names the point, so each point is hit every time, not by a
 * timer's luck). After each kill the output folder holds the last good site byte for byte (or,
 * killed after the swap, the new site whole), the build's record is gone rather than claiming a
 * site, and the next build puts right what the killed one left before it does anything else.
 * `npm start` does the same before serving (the engine's plugin), checked here on a copy of the
 * half-swapped state. Three builds are started as processes (3–4 s each, most of it loading
 * Eleventy and Vega through tsx), one per point; each is also the "next build" of the one before,
 * and the last next build runs in this process.
 *
 * The cases run in order, each build finding what the one before left: the data change after the
 * first build, so the old site and the new are told apart.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { KILL_BUILD_AT_ENV, KILL_POINTS, buildSiteUnlessUpToDate } from "../../scripts/engine/build.ts";
import { outputFingerprint, readState, stateFile } from "../../scripts/engine/build-state.ts";
import { setEngineOptions } from "../../scripts/engine/eleventy/plugin.ts";
import { signProvenance } from "../../scripts/engine/data/provenance.ts";
import { ENGINE_ROOT } from "../../scripts/engine/locations.ts";
import { FIXTURE_DEFINITION, REPO_ROOT, copyFixture, editFile, fingerprint, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

let root: string;
let parent: string;
let outDir: string;
let cacheDir: string;
let record: string;
/** The site built before any kill, and the one the changed data give. */
let oldSite: string[];
let newSite: string[];

interface Run {
  readonly pid: number;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The points the builds below were killed at, in order: every one of KILL_POINTS. */
const killedAt: string[] = [];

/** `npm run build` of the copy, in a process of its own that kills itself at `point`. */
function buildKilledAt(point: (typeof KILL_POINTS)[number]): Promise<Run> {
  killedAt.push(point);
  return new Promise((resolve, reject) => {
    const env = { ...process.env, REPORT_SVG_CACHE: cacheDir, [KILL_BUILD_AT_ENV]: point };
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/engine/build.ts", "--root", root, "--out", outDir, "--report", FIXTURE_DEFINITION], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let [stdout, stderr] = ["", ""];
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (_code, signal) => resolve({ pid: child.pid as number, signal, stdout, stderr }));
  });
}

const besideSite = async () => (await readdir(parent)).sort();

beforeAll(async () => {
  root = await copyFixture();
  parent = await temporaryFolder();
  outDir = path.join(parent, "_site");
  cacheDir = path.join(await temporaryFolder(), "svg");
  record = stateFile(cacheDir, outDir);
  await withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildSiteUnlessUpToDate({ root, outDir, report: FIXTURE_DEFINITION }));
  oldSite = await fingerprint(outDir);
  expect(await readState(record)).not.toBeNull();
  // A data change, not a content one: Eleventy keeps a template's text in a cache that lasts as
  // long as the process, so the in-process build at the end would render an edited page as it was.
  await editFile(root, "data/councils/councils.csv", "Fernhill,Fictional South", "Fernhill,Fictional West");
  await signProvenance(root);
});

afterAll(removeTemporaryFolders);

describe("a build killed with SIGKILL", () => {
  let swapping: Run;

  it("while rendering: the last good site stays, the half-built one is left beside it, and the record claims nothing", async () => {
    const run = await buildKilledAt("rendering");
    expect(run.signal, run.stderr).toBe("SIGKILL");
    expect(await fingerprint(outDir)).toEqual(oldSite);
    expect(await besideSite()).toEqual(["_site", `_site.building-${run.pid}`]);
    // Killed where it was meant to be: pages written, the search index not.
    const staging = path.join(parent, `_site.building-${run.pid}`);
    expect([existsSync(path.join(staging, "chapter-2", "index.html")), existsSync(path.join(staging, "pagefind"))]).toEqual([true, false]);
    // The record of the first build was removed before this one started: it described another site's inputs.
    expect(existsSync(record)).toBe(false);
  });

  it("between the two renames of the swap: no site folder, the last good site moved aside whole, the new one staged whole", async () => {
    swapping = await buildKilledAt("swapping");
    expect(swapping.signal, swapping.stderr).toBe("SIGKILL");
    // It removed what the build killed while rendering left, first.
    expect(swapping.stdout).toContain("Removed 1 leftover of interrupted builds.");
    expect(await besideSite()).toEqual([`_site.building-${swapping.pid}`, `_site.previous-${swapping.pid}`]);
    // The staging folder was whole: the kill came after it was written, before it was moved in.
    expect(existsSync(path.join(parent, `_site.building-${swapping.pid}`, "pagefind", "pagefind-entry.json"))).toBe(true);
    expect(await fingerprint(path.join(parent, `_site.previous-${swapping.pid}`))).toEqual(oldSite);
    expect(existsSync(record)).toBe(false);
  });

  it("…and `npm start` puts the last good site back before Eleventy builds or serves anything", async () => {
    // On a copy of that state, so the next build still finds it as the kill left it.
    const copy = path.join(await temporaryFolder(), "served");
    await cp(parent, copy, { recursive: true });
    const { default: Eleventy } = await import("@11ty/eleventy");
    // As `eleventy --serve` with .eleventy.js makes it (npm start), but only initialised: its
    // configuration and plugins are loaded, and nothing is written.
    const eleventy = new Eleventy(path.join(root, "content"), path.join(copy, "_site"), {
      quietMode: true,
      source: "cli",
      runMode: "serve",
      configPath: path.join(ENGINE_ROOT, ".eleventy.js"),
      config: (eleventyConfig: object) => setEngineOptions(eleventyConfig, { definitionFile: FIXTURE_DEFINITION }),
    });
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await eleventy.init();
      expect(log.mock.calls.map((call) => String(call[0]))).toEqual([
        `A build was stopped while swapping in its site: the previous site was put back from _site.previous-${swapping.pid}.`,
        "Removed 1 leftover of interrupted builds.",
      ]);
    } finally {
      log.mockRestore();
    }
    expect((await readdir(copy)).sort()).toEqual(["_site"]);
    expect(await fingerprint(path.join(copy, "_site"))).toEqual(oldSite);
  });

  it("after the swap, before its record: the next build put the last good site back first; the new site is in place, whole", async () => {
    const run = await buildKilledAt("swapped");
    expect(run.signal, run.stderr).toBe("SIGKILL");
    expect(run.stdout).toContain(`the previous site was put back from _site.previous-${swapping.pid}.`);
    expect(await besideSite()).toEqual(["_site", `_site.previous-${run.pid}`]);
    expect(await fingerprint(path.join(parent, `_site.previous-${run.pid}`))).toEqual(oldSite);
    newSite = await fingerprint(outDir);
    expect(newSite).not.toEqual(oldSite);
    expect(await readFile(path.join(outDir, "councils", "fernhill", "index.html"), "utf8")).toContain("Fictional West");
    // Not written: the next build cannot take this site for one it recorded.
    expect(existsSync(record)).toBe(false);
  });

  it("then the next build removes what is left, builds in full, and records the site it wrote", async () => {
    // In this process, to save starting another: the killed builds' processes are gone all the same.
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const next = await withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildSiteUnlessUpToDate({ root, outDir, report: FIXTURE_DEFINITION }));
      expect(next.upToDate).toBe(false);
      expect(log.mock.calls.map((call) => String(call[0]))).toEqual(["Removed 1 leftover of interrupted builds."]);
    } finally {
      log.mockRestore();
    }
    expect(await besideSite()).toEqual(["_site"]);
    // The site the killed build swapped in was the whole new one: building again gives the same bytes.
    expect(await fingerprint(outDir)).toEqual(newSite);
    expect((await readState(record))?.output).toBe(await outputFingerprint(outDir));
    const again = await withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildSiteUnlessUpToDate({ root, outDir, report: FIXTURE_DEFINITION }));
    expect(again.upToDate).toBe(true);
    expect(killedAt).toEqual([...KILL_POINTS]);
  });
});
