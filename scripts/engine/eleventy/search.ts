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
import type { EleventyConfig } from "./config.ts";

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
 * How this process's indexes were made: fed while rendering (IndexFedAsRendered), or from a
 * site's files. Kept on globalThis: under a test runner Eleventy loads the config file, and so
 * a second copy of this module, with Node's own loader.
 */
const indexesWritten: { fed: number; fromFiles: number } = ((globalThis as { [key: symbol]: unknown })[Symbol.for("report-engine.search-indexes-written")] ??= { fed: 0, fromFiles: 0 }) as { fed: number; fromFiles: number };
export const searchIndexesWritten = (): Readonly<typeof indexesWritten> => ({ ...indexesWritten });

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

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

/** A new index with the site's settings; counted, so that the binary stops when the last one is done (see `settled`). */
async function newIndex(): Promise<PagefindIndex> {
  indexesBeingBuilt += 1;
  try {
    // One language for the whole report: pagefind would otherwise make one index per lang attribute.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en", excludeSelectors: [...INDEX_LEAVES_OUT] });
    if (!index) throw new BuildError(`the search index could not be started: ${errors.join("; ")}`);
    return index;
  } catch (error) {
    await settled();
    throw error;
  }
}

/** One index finished or given up: the binary is stopped when it was the last. */
async function settled(): Promise<void> {
  indexesBeingBuilt -= 1;
  if (indexesBeingBuilt === 0) await pagefind.close();
}

async function addPage(index: PagefindIndex, page: string, content: string): Promise<void> {
  const added = await index.addHTMLFile({ sourcePath: page, content });
  if (added.errors.length > 0) throw new BuildError(`the search index could not read ${page}: ${added.errors.join("; ")}`);
}

/** Write an index whose pages are all added into the site; returns how many pages it holds. */
async function writeIndexFiles(index: PagefindIndex, siteDir: string): Promise<number> {
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
}

/** Index every page of a built site and write the index into it. Returns how many pages the index holds. */
export async function writeSearchIndex(siteDir: string): Promise<number> {
  const index = await newIndex();
  try {
    // One page at a time, each awaited, so pagefind receives them in pagesToIndex's order.
    for (const page of await pagesToIndex(siteDir)) await addPage(index, page, await readFile(path.join(siteDir, page), "utf8"));
    const count = await writeIndexFiles(index, siteDir);
    indexesWritten.fromFiles += 1;
    return count;
  } finally {
    await settled();
  }
}

/** The page a URL is written to, as pagesToIndex names it: "/a/b/" → "a/b/index.html", "/404.html" → "404.html". */
export function pageOfUrl(url: string): string {
  const relative = url.replace(/^\/+/, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

/**
 * A whole build's index, fed while Eleventy renders: pagefind reads each page in its own
 * process, on the other core, while this thread renders the next, instead of all of them after
 * the last page is written (the 175 pages of the report take it most of a second).
 *
 * The pages go to pagefind in pagesToIndex's order, whatever order Eleventy renders them in
 * (the index's bytes follow the order pages are handed over): each page rendered is kept
 * until every page before it has gone. The pages to expect come from Eleventy's content map
 * (every page's URL, before any is rendered). At the end the index is written only if what
 * pagefind read is exactly the site as written (the same pages, each with the same text, read
 * back from the folder); otherwise it is given up and the site is indexed from its files, as
 * writeSearchIndex does. Either way the index's bytes are the same.
 */
export class IndexFedAsRendered {
  #expected: readonly string[] | undefined;
  #next = 0;
  readonly #waiting = new Map<string, string>();
  readonly #fed = new Map<string, string>();
  #index: Promise<PagefindIndex> | undefined;
  /** pagefind reading the pages handed over, one after another; never rejects (a failure is kept in #failure). */
  #queue: Promise<void> = Promise.resolve();
  #failure: unknown;

  /** The build's pages, by URL (Eleventy's content map); those that are not HTML are not indexed. */
  expect(urls: readonly string[]): void {
    this.#expected = [...new Set(urls.map(pageOfUrl))].filter((page) => page.endsWith(".html")).sort(compareText);
  }

  /** A page as written (the last transform's output), by its path in the site. */
  rendered(page: string, content: string): void {
    if (!page.endsWith(".html")) return;
    const expected = this.#expected;
    // A page the content map did not list, or one rendered again, is not handed over: the folder
    // then holds what pagefind was not given, and write() indexes the folder's files.
    if (!expected || !expected.includes(page) || this.#waiting.has(page) || this.#fed.has(page)) return;
    this.#waiting.set(page, content);
    while (this.#next < expected.length && this.#waiting.has(expected[this.#next])) {
      const next = expected[this.#next++];
      const text = this.#waiting.get(next) as string;
      this.#waiting.delete(next);
      this.#fed.set(next, text);
      this.#index ??= newIndex();
      const index = this.#index;
      this.#queue = this.#queue
        .then(async () => {
          if (this.#failure === undefined) await addPage(await index, next, text);
        })
        .catch((error: unknown) => {
          this.#failure = error;
        });
    }
  }

  /** Write the index into the built site (fed, or else from its files); returns how many pages it holds. */
  async write(siteDir: string): Promise<number> {
    const index = this.#index;
    this.#index = undefined;
    if (!index) return writeSearchIndex(siteDir);
    await this.#queue;
    // A binary that could not start is said as such (newIndex has counted it out).
    const started = await index;
    try {
      if (this.#failure !== undefined) throw this.#failure;
      if (await this.#matches(siteDir)) {
        const count = await writeIndexFiles(started, siteDir);
        indexesWritten.fed += 1;
        return count;
      }
      await started.deleteIndex();
      return await writeSearchIndex(siteDir);
    } finally {
      await settled();
    }
  }

  /** Stop feeding a build that failed, so that no pagefind process is left running. */
  async abandon(): Promise<void> {
    const index = this.#index;
    this.#index = undefined;
    if (!index) return;
    await this.#queue;
    const started = await index.catch(() => undefined);
    if (!started) return;
    try {
      await started.deleteIndex();
    } catch {
      // The index is being thrown away; the binary is stopped below whatever it answers.
    } finally {
      await settled();
    }
  }

  /** Whether pagefind was handed every page of the site, and each as it is in the folder. */
  async #matches(siteDir: string): Promise<boolean> {
    const pages = await pagesToIndex(siteDir);
    if (this.#waiting.size > 0 || pages.length !== this.#fed.size) return false;
    for (const page of pages) {
      const fed = this.#fed.get(page);
      if (fed === undefined || fed !== (await readFile(path.join(siteDir, page), "utf8"))) return false;
    }
    return true;
  }
}

type EventConfig = Pick<EleventyConfig, "on" | "addTransform" | "directories">;

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

/**
 * Index the built site: fed page by page as Eleventy renders a whole build (IndexFedAsRendered)
 * and written after the pages; in the preview (`deferred()`), after the build from the files.
 */
export function registerSearchIndex(eleventyConfig: EventConfig, deferred: () => boolean = () => false): void {
  const later = indexLater();
  let feed: IndexFedAsRendered | undefined;
  eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }) => {
    // A build that failed before its index was written leaves its feed here: given up.
    void feed?.abandon();
    // The preview renders some pages only, and indexes after the build from the files.
    feed = deferred() ? undefined : new IndexFedAsRendered();
    feed?.expect(Object.keys(urlToInputPath ?? {}));
  });
  // Registered after every other transform (the plugin adds this last): it is handed each page as written.
  eleventyConfig.addTransform("report-search-index", function (content) {
    const { outputPath } = this.page;
    if (feed && typeof outputPath === "string") feed.rendered(path.relative(path.resolve(eleventyConfig.directories.output), path.resolve(outputPath)).split(path.sep).join("/"), content);
    return content;
  });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const siteDir = path.resolve(directories.output);
    const fed = feed;
    feed = undefined;
    if (deferred()) return later(siteDir);
    if ((await (fed ? fed.write(siteDir) : writeSearchIndex(siteDir))) === 0) throw emptyIndex();
  });
}
