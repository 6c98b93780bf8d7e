/**
 * The site's search index: after Eleventy has written every page, pagefind reads the
 * built HTML and writes its index and its own search interface to <output>/pagefind/,
 * so search runs in the reader's browser from the site's own files, on any static host.
 * Only what a page marks with data-pagefind-body is indexed (the report's text, not the
 * header, footer or contents lists; see _includes/layouts/base.njk), and of that only the
 * prose: see INDEX_LEAVES_OUT.
 *
 * pagefind runs as one binary per process (its npm package ships it for each platform as
 * an optional dependency: nothing is downloaded at build time). The binary is stopped when
 * the last index being built in this process is written, so a build leaves nothing running.
 */
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { BuildError } from "../data/errors.ts";
import { compareText } from "../compare.ts";

/** Where the index and pagefind's scripts go, inside the output folder. */
export const SEARCH_INDEX_DIR = "pagefind";

/**
 * What the index leaves out of a page's text, so that a result's snippet is a sentence a
 * reader can follow. pagefind runs a table's cells together ("Published", "Inspection",
 * "Judgement" became one word, "PublishedInspectionJudgement…") and would do the same with a
 * chart's labels; a figure's data table, its CSV link and the hidden words of a heading's
 * link ("Link to the section …") repeat what the page says in prose. Everything a table or
 * chart shows is on the page, and the page is found by its prose, title and headings.
 */
export const INDEX_LEAVES_OUT: readonly string[] = ["table", "svg", ".figure-data", ".figure-download", ".heading-anchor"];

let indexesBeingBuilt = 0;

/**
 * The site's HTML pages as pagefind names them (relative, forward slashes), in one order:
 * sorted by their code units. pagefind numbers pages in the order it is handed them, and the
 * index's bytes follow that numbering; its own directory walk (addDirectory) hands them over
 * in the order the file system lists them, which is not the same on every file system (tmpfs
 * lists a folder newest first, ext4 by a hash of the names), so the index differed between
 * a build on disk and the same build on /dev/shm.
 */
export async function pagesToIndex(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort(compareText);
}

/** Index every page of a built site and write the index into it. Returns how many pages the index holds. */
export async function writeSearchIndex(siteDir: string): Promise<number> {
  indexesBeingBuilt += 1;
  try {
    // One language for the whole report: pagefind would otherwise make one index per lang attribute.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en", excludeSelectors: [...INDEX_LEAVES_OUT] });
    if (!index) throw new BuildError(`the search index could not be started: ${errors.join("; ")}`);
    // One page at a time, each awaited, so pagefind receives them in pagesToIndex's order.
    for (const page of await pagesToIndex(siteDir)) {
      const added = await index.addHTMLFile({ sourcePath: page, content: await readFile(path.join(siteDir, page), "utf8") });
      if (added.errors.length > 0) throw new BuildError(`the search index could not read ${page}: ${added.errors.join("; ")}`);
    }
    // The files come back in memory and are written here, each awaited: pagefind's own
    // writeFiles could answer before its entry file was whole (a build once read it empty).
    // The files and their bytes are the ones writeFiles writes.
    const got = await index.getFiles();
    if (got.errors.length > 0) throw new BuildError(`the search index could not be made: ${got.errors.join("; ")}`);
    await index.deleteIndex();
    const outputPath = path.join(siteDir, SEARCH_INDEX_DIR);
    for (const file of got.files) {
      const target = path.join(outputPath, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    // Every page was read; the entry file counts those it indexed (those marked data-pagefind-body).
    const entryFile = got.files.find((file) => file.path === "pagefind-entry.json");
    if (!entryFile) throw new BuildError("the search index has no pagefind-entry.json");
    const entry = JSON.parse(Buffer.from(entryFile.content).toString("utf8")) as { languages: Record<string, { page_count: number }> };
    return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  } finally {
    indexesBeingBuilt -= 1;
    if (indexesBeingBuilt === 0) await pagefind.close();
  }
}

interface EventConfig {
  on(event: "eleventy.after", fn: (args: { directories: { output: string } }) => Promise<void>): void;
}

const emptyIndex = () => new BuildError("the search index is empty: no page marks its text with data-pagefind-body");

/** The preview's indexes being written after their builds, in this process. */
const indexingLater = new Set<Promise<void>>();

/** Resolves once every index the preview is writing after its build is written (a test awaits it before removing the site). */
export async function deferredIndexesWritten(): Promise<void> {
  while (indexingLater.size > 0) await Promise.all(indexingLater);
}

/**
 * The preview's index is written after the build, not in it: Eleventy's dev server reloads
 * the page once the build's "eleventy.after" work is done, and the author waiting for an
 * edit to show needs the page, not the search. One index at a time; builds that end while
 * one is written ask for one more, written after it over the pages as they then are.
 */
function indexLater(): (siteDir: string) => void {
  let running: Promise<void> | undefined;
  let wanted: string | undefined;
  const runOnce = async (siteDir: string) => {
    try {
      if ((await writeSearchIndex(siteDir)) === 0) throw emptyIndex();
    } catch (error) {
      console.warn(`Preview: the search index was not written: ${(error as Error).message}`);
    }
  };
  const drain = async (siteDir: string): Promise<void> => {
    await runOnce(siteDir);
    const next = wanted;
    wanted = undefined;
    if (next !== undefined) return drain(next);
    running = undefined;
  };
  return (siteDir) => {
    if (running) {
      wanted = siteDir;
      return;
    }
    const drained = drain(siteDir);
    running = drained;
    indexingLater.add(drained);
    void drained.finally(() => indexingLater.delete(drained));
  };
}

/** Index the built site after Eleventy writes it: within the build (npm run build), or after it when `deferred()` says so (the preview). */
export function registerSearchIndex(eleventyConfig: EventConfig, deferred: () => boolean = () => false): void {
  const later = indexLater();
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const siteDir = path.resolve(directories.output);
    if (deferred()) return later(siteDir);
    if ((await writeSearchIndex(siteDir)) === 0) throw emptyIndex();
  });
}
