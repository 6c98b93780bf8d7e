/**
 * The author's preview (`npm start`, issue 18 points 1 and 2), on a copy of the mini report
 * watched by Eleventy as `eleventy --serve` watches the real one: a data file changed and not
 * signed builds, with a notice on every page, where `npm run build` refuses it; and after each
 * edit nothing is stale — every page quoting a changed stat shows its new value, a prose
 * edit changes its own page (and the print edition, which holds every page) and no other,
 * and signing takes the notice off every page. Rebuilds reuse what the one before made
 * (scripts/engine/prepare.ts, PrepareMemo): these are the cases where reuse could go wrong.
 *
 * The copy lives under test-output/, inside the folder Eleventy runs from: Eleventy 3.1 reports
 * a changed file by another path when it watches a folder outside it (as the engine's layouts
 * would be, run from a copy in the system's temporary folder), and does not read it again.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signProvenance } from "../../scripts/engine/data/provenance.ts";
import { setEngineOptions } from "../../scripts/engine/eleventy/plugin.ts";
import { deferredIndexesWritten } from "../../scripts/engine/eleventy/search.ts";
import { ENGINE_ROOT } from "../../scripts/engine/locations.ts";
import { FIXTURE, FIXTURE_DEFINITION, OUTCOMES_CSV, TEST_OUTPUT, buildFixture, copyProjectTo, editFile } from "./helpers.ts";

const NOTICE = `${OUTCOMES_CSV} changed since it was signed — run npm run data:sign before publishing`;
/** The sentence of chapter 1 that quotes grades.good.2007-08 (62% in the fixture as signed). */
const quoted = (share: number) => `In 2007/08, ${share}% of the made-up councils were judged good.`;

interface Watched {
  readonly root: string;
  readonly out: string;
  /** Resolves when the build after the one counted so far has written its pages and files. */
  nextBuild(): Promise<void>;
  stop(): Promise<void>;
}

async function watchCopy(): Promise<Watched> {
  await mkdir(TEST_OUTPUT, { recursive: true });
  const holder = await mkdtemp(path.join(TEST_OUTPUT, "preview-"));
  // The fixture's content, data and package.json, as copyProject copies them (its code is imported from where it is).
  const inside = await copyProjectTo(FIXTURE, path.join(holder, "project"));
  const out = path.join(holder, "_site");
  let builds = 0;
  let waiting: { after: number; resolve: () => void } | undefined;
  const { default: Eleventy } = await import("@11ty/eleventy");
  const eleventy = new Eleventy(path.join(inside, "content"), out, {
    quietMode: true,
    source: "cli",
    runMode: "watch",
    configPath: path.join(ENGINE_ROOT, ".eleventy.js"),
    config: (eleventyConfig: object) => {
      setEngineOptions(eleventyConfig, { definitionFile: FIXTURE_DEFINITION });
      // Eleventy leaves alone what .gitignore lists, test-output/ among it.
      (eleventyConfig as { setUseGitIgnore(use: boolean): void }).setUseGitIgnore(false);
      // Registered before the plugin's own: Eleventy runs "eleventy.after" listeners in turn, so
      // wait a turn of the event loop for the figure files and the rest to be written.
      (eleventyConfig as { on(event: string, fn: () => void): void }).on("eleventy.after", () => {
        builds += 1;
        setTimeout(() => {
          if (waiting && builds > waiting.after) waiting.resolve();
        }, 200);
      });
    },
  });
  eleventy.disableLogger();
  // As `npm start` runs it: eleventy --serve --incremental.
  eleventy.setIncrementalBuild(true);
  await eleventy.init();
  await eleventy.watch();
  return {
    root: inside,
    out,
    nextBuild: () => {
      const after = builds;
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no build after build ${after}`)), 60_000);
        waiting = {
          after,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
    },
    stop: async () => {
      await eleventy.stopWatch();
      // The last build's search index is written after it: wait for it before removing the site.
      await deferredIndexesWritten();
      await rm(holder, { recursive: true, force: true });
    },
  };
}

/** A site's HTML pages, by path, sorted. */
const htmlPages = async (out: string) => (await readdir(out, { recursive: true })).filter((file) => file.endsWith(".html")).sort();

/** When each HTML page of a site was last written, by path. */
async function writtenAt(out: string): Promise<Map<string, number>> {
  return new Map(await Promise.all((await htmlPages(out)).map(async (file) => [file, (await stat(path.join(out, file))).mtimeMs] as const)));
}

/** One whole build of the project as the preview builds it (unsigned data with its notice), into `out`. */
async function previewOnce(root: string, out: string): Promise<void> {
  const { default: Eleventy } = await import("@11ty/eleventy");
  const eleventy = new Eleventy(path.join(root, "content"), out, {
    quietMode: true,
    // As the command line gives them: the folders above win over the config file's.
    source: "cli",
    configPath: path.join(ENGINE_ROOT, ".eleventy.js"),
    config: (eleventyConfig: object) => {
      setEngineOptions(eleventyConfig, { definitionFile: FIXTURE_DEFINITION, preview: true });
      (eleventyConfig as { setUseGitIgnore(use: boolean): void }).setUseGitIgnore(false);
    },
  });
  eleventy.disableLogger();
  await eleventy.write();
  await deferredIndexesWritten();
}

/** Every HTML page of a site, by path. */
async function pages(out: string): Promise<Map<string, string>> {
  return new Map(await Promise.all((await htmlPages(out)).map(async (file) => [file, await readFile(path.join(out, file), "utf8")] as const)));
}

describe("npm start's preview of unsigned data, and nothing stale after an edit", () => {
  let site: Watched;
  // The preview says on the console too what it says on the pages.
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  const warnings = () => warn.mock.calls.map((call) => call.join(" "));
  beforeAll(async () => {
    site = await watchCopy();
  }, 120_000);
  afterAll(async () => {
    await site?.stop();
    warn.mockRestore();
  });

  it("npm run build refuses a data file changed since it was signed", async () => {
    await editFile(site.root, OUTCOMES_CSV, "2007/08,good,62,", "2007/08,good,61,");
    await editFile(site.root, OUTCOMES_CSV, "2007/08,ri_or_adequate,24,", "2007/08,ri_or_adequate,25,");
    const out = path.join(path.dirname(site.out), "_build");
    await expect(buildFixture({ root: site.root, outDir: out })).rejects.toThrow(`${OUTCOMES_CSV} has changed since its sha256 was recorded`);
  });

  it("the preview builds it, says so on every page, and every page quoting the changed stat shows its new value", async () => {
    const built = site.nextBuild();
    // The edit above was seen by the watcher too; one more makes the build under test certain.
    await editFile(site.root, OUTCOMES_CSV, "2007/08,good,61,", "2007/08,good,60,");
    await editFile(site.root, OUTCOMES_CSV, "2007/08,ri_or_adequate,25,", "2007/08,ri_or_adequate,26,");
    await built;
    // The watcher may have seen the two edits apart: then the next build holds the second.
    if (!(await readFile(path.join(site.out, "chapter-1/index.html"), "utf8")).includes(quoted(60))) await site.nextBuild();
    expect(warnings()).toContain(`Preview: ${NOTICE}`);
    const all = await pages(site.out);
    expect(all.size).toBeGreaterThan(10);
    for (const [file, html] of all) {
      expect(html, file).toContain(NOTICE);
      expect(html, file).not.toContain(quoted(62));
      expect(html, file).not.toContain(quoted(61));
    }
    // Chapter 1 and the print edition quote it.
    expect([...all].filter(([, html]) => html.includes(quoted(60))).map(([file]) => file)).toEqual(["chapter-1/index.html", "print/index.html"]);
    expect(await readFile(path.join(site.out, "data/figures/grades-by-year.csv"), "utf8")).toMatch(/2007\/08.*\b60\b/);
  }, 120_000);

  it("a prose edit changes its page (and the print edition) and no other", async () => {
    const before = await pages(site.out);
    const built = site.nextBuild();
    await editFile(site.root, "content/chapters/cycles.md", "The largest swing,", "The widest swing,");
    await built;
    const after = await pages(site.out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after].filter(([file, html]) => before.get(file) !== html).map(([file]) => file);
    expect(changed).toEqual(["chapter-2/index.html", "print/index.html"]);
    expect(after.get("chapter-2/index.html")).toContain("The widest swing,");
    expect(after.get("print/index.html")).toContain("The widest swing,");
    expect(after.get("chapter-1/index.html")).toContain(quoted(60));
  }, 120_000);

  it("a changed title reaches every page's contents list", async () => {
    const built = site.nextBuild();
    await editFile(site.root, "content/chapters/cycles.md", "title: How much the made-up grades swing", "title: How far the made-up grades swing");
    await built;
    const all = await pages(site.out);
    for (const [file, html] of all) {
      if (file === "404.html") continue;
      expect(html, file).toContain("How far the made-up grades swing");
      expect(html, file).not.toContain("How much the made-up grades swing");
    }
  }, 120_000);

  it("a data edit writes again the pages showing what changed, and each page is as a full build of the same files makes it", async () => {
    const before = await writtenAt(site.out);
    const built = site.nextBuild();
    // One point moved from good to outstanding in 2007/08: chapter 1 quotes the good share and plots
    // every share; chapter 2's swing into 2008/09 (half the sum of the moves) is the same.
    const file = path.join(site.root, OUTCOMES_CSV);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("2007/08,good,60,", "2007/08,good,59,").replace("2007/08,outstanding,12,", "2007/08,outstanding,13,"));
    await built;
    const after = await writtenAt(site.out);
    const written = [...after].filter(([page, at]) => before.get(page) !== at).map(([page]) => page);
    expect(written).toEqual(expect.arrayContaining(["chapter-1/index.html", "print/index.html"]));
    // Chapter 2 shows nothing that moved; the pages using a family's view, the register or the data page may show anything of the data.
    expect(written).not.toContain("chapter-2/index.html");
    expect(written.length).toBeLessThan(after.size);
    const fresh = path.join(path.dirname(site.out), "_fresh");
    await previewOnce(site.root, fresh);
    const [preview, full] = [await pages(site.out), await pages(fresh)];
    expect([...preview.keys()]).toEqual([...full.keys()]);
    for (const [page, html] of full) expect(preview.get(page), page).toBe(html);
    expect(preview.get("chapter-1/index.html")).toContain(quoted(59));
    for (const csv of await readdir(path.join(fresh, "data", "figures"))) {
      expect(await readFile(path.join(site.out, "data", "figures", csv), "utf8"), csv).toBe(await readFile(path.join(fresh, "data", "figures", csv), "utf8"));
    }
  }, 120_000);

  it("signing the data takes the notice off every page", async () => {
    const built = site.nextBuild();
    await signProvenance(site.root);
    await built;
    expect(warnings().filter((line) => !line.startsWith("Preview: "))).toEqual([]);
    for (const [file, html] of await pages(site.out)) {
      expect(html, file).not.toContain("preview-notice");
      expect(html, file).not.toContain("data:sign");
    }
    expect((await stat(path.join(site.out, "pagefind"))).isDirectory()).toBe(true);
  }, 120_000);
});
