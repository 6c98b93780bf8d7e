/**
 * Shared helpers for the whole-site tests: copy a made-up fixture project to a fresh
 * temporary folder (the repository is never written to), build it, edit a copy, and
 * fingerprint a built site as a sorted list of "relative/path sha256".
 *
 * Two fixtures: test/fixtures/mini-report is a second, small report with families of its
 * own (its scripts/report/), built through the same engine: the engine's own tests use it.
 * test/fixtures/report-sample is this report's families (scripts/report/) over a small
 * made-up data set: the tests of those families' pages use it.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { buildSite, type BuildOptions } from "../../scripts/engine/build.ts";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "mini-report");
/** The mini report's definition: its copies are built with it, from where it is (its modules import the engine by relative path). */
export const FIXTURE_DEFINITION = path.join(FIXTURE, "scripts", "report", "index.ts");
export const SAMPLE = path.join(REPO_ROOT, "test", "fixtures", "report-sample");
/** This report's definition, which builds the sample. */
export const REPORT_DEFINITION = path.join(REPO_ROOT, "scripts", "report", "index.ts");
export const OUTCOMES_CSV = "data/national/inspection-outcomes-by-year.csv";

/**
 * Every file a build of the fixture writes, sorted, but for the search index under
 * pagefind/ (see SEARCH_INDEX_FILES): its index and fragment files are named by the hash
 * of their contents, so they change with any wording and are counted, not listed.
 */
export const FIXTURE_SITE_FILES = [
  "404.html",
  "assets/fonts/LICENSE-source-sans-3.txt",
  "assets/fonts/source-sans-3-latin-400-italic.woff2",
  "assets/fonts/source-sans-3-latin-400-normal.woff2",
  "assets/fonts/source-sans-3-latin-600-normal.woff2",
  "assets/fonts/source-sans-3-latin-700-normal.woff2",
  "assets/report.css",
  "chapter-1/index.html",
  "chapter-2/index.html",
  "councils/ashvale/index.html",
  "councils/brookmere/index.html",
  "councils/cobbleton/index.html",
  "councils/dunmoor/index.html",
  "councils/fernhill/index.html",
  "councils/index.html",
  "data/councils/councils.csv",
  "data/councils/inspections.csv",
  "data/figures/council-ashvale.csv",
  "data/figures/council-brookmere.csv",
  "data/figures/council-cobbleton.csv",
  "data/figures/council-dunmoor.csv",
  "data/figures/council-fernhill.csv",
  "data/figures/grades-by-year.csv",
  "data/figures/grades-yearly-swing.csv",
  "data/index.html",
  "data/known-exceptions.csv",
  "data/mini-report-data.zip",
  "data/national/inspection-outcomes-by-year.csv",
  "index.html",
  "manifest.json",
  "print/index.html",
  "search/index.html",
  "what-changed/index.html",
];

/** The search index's folder (scripts/engine/eleventy/search.ts). */
export const SEARCH_INDEX_FOLDER = "pagefind/";

/** The search index's files by kind: pagefind's scripts and entry file by name, its index and fragments by pattern. */
export const SEARCH_INDEX_FILES = {
  named: ["pagefind/pagefind-entry.json", "pagefind/pagefind-ui.css", "pagefind/pagefind-ui.js", "pagefind/pagefind-worker.js", "pagefind/pagefind.js", "pagefind/wasm.en.pagefind"],
  /** One fragment per indexed page. */
  fragment: /^pagefind\/fragment\/en_[0-9a-f]+\.pf_fragment$/,
  index: /^pagefind\/index\/en_[0-9a-f]+\.pf_index$/,
};

/** A built site's file list without the search index's folder, to compare with FIXTURE_SITE_FILES. */
export const outsideSearchIndex = (files: readonly string[]) => files.filter((file) => !file.startsWith(SEARCH_INDEX_FOLDER));

const temporaryFolders: string[] = [];

/** A new empty folder under the system temp dir; removed by `removeTemporaryFolders`. */
export async function temporaryFolder(prefix = "mini-report-"): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
}

export async function removeTemporaryFolders(): Promise<void> {
  const folders = temporaryFolders.splice(0);
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
}

/**
 * A fresh copy of a project's content, data and package.json (not its code); returns its root.
 * Whatever a build in place left in the fixture (its chart cache and build record in .cache/,
 * ignored by git) is not copied: a test starts from the committed fixture, never from leftovers.
 */
export async function copyProject(from: string, prefix?: string): Promise<string> {
  return copyProjectTo(from, path.join(await temporaryFolder(prefix), "project"));
}

/** A copy of a project as copyProject makes it, into the folder `root` (made); returns it. */
export async function copyProjectTo(from: string, root: string): Promise<string> {
  const skipped = [path.join(from, "scripts"), path.join(from, ".cache")];
  const copied = (source: string) => !skipped.some((folder) => source === folder || source.startsWith(`${folder}${path.sep}`));
  await cp(from, root, { recursive: true, filter: copied });
  return root;
}

/** A fresh copy of the mini report; build it with buildFixture. */
export const copyFixture = (prefix?: string) => copyProject(FIXTURE, prefix);

/** A fresh copy of the report sample; build it with buildSample. */
export const copySample = (prefix?: string) => copyProject(SAMPLE, prefix ?? "report-sample-");

/** Build a copy of the mini report with its own definition. */
export const buildFixture = (options: Omit<BuildOptions, "report">) => buildSite({ ...options, report: FIXTURE_DEFINITION });

/** Build a copy of the report sample with this report's definition. */
export const buildSample = (options: Omit<BuildOptions, "report">) => buildSite({ ...options, report: REPORT_DEFINITION });

/** Replace exactly one occurrence of `from` in a file of the project (fails if absent or repeated). */
export async function editFile(root: string, file: string, from: string, to: string): Promise<void> {
  const target = path.join(root, file);
  const text = await readFile(target, "utf8");
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`expected exactly one ${JSON.stringify(from)} in ${file}, found ${count}`);
  await writeFile(target, text.replace(from, to));
}

/** Where the quality gates write what a person may want to look at (screenshots, reports); ignored by git. */
export const TEST_OUTPUT = path.join(REPO_ROOT, "test-output");

/**
 * Build the real report (this repository's content/ and data/) into a fresh temporary
 * folder, with its SVG cache there too, so nothing is written into the repository.
 * Returns the built site's folder.
 */
export async function buildRealSite(): Promise<string> {
  const outDir = path.join(await temporaryFolder("real-site-"), "site");
  const cacheDir = path.join(await temporaryFolder("real-site-cache-"), "svg");
  await withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildSite({ root: REPO_ROOT, outDir }));
  return outDir;
}

let sharedRealSite: Promise<string> | undefined;

/**
 * The real report as built, shared by every test file of the run that only reads it
 * (the quality gates and the browser tests): built once into the run's scratch folder
 * (test/setup/scratch.ts) and never written to afterwards. A file that finds it already
 * there reuses it; two files building at once both finish, and the first to move its
 * build into place wins (the builds are byte-identical, which determinism tests check).
 */
export function realSite(): Promise<string> {
  sharedRealSite ??= (async () => {
    const shared = path.join(inject("scratchDir"), "real-site");
    if (existsSync(shared)) return shared;
    const built = await buildRealSite();
    try {
      await rename(built, shared);
    } catch (error) {
      if (!existsSync(shared)) throw error;
    }
    return shared;
  })();
  return sharedRealSite;
}

/** Every file under `dir`, sorted, as "relative/path sha256" (forward slashes). */
export async function fingerprint(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const lines = await Promise.all(
    files.map(async (file) => {
      const hash = createHash("sha256").update(await readFile(file)).digest("hex");
      return `${path.relative(dir, file).split(path.sep).join("/")} ${hash}`;
    }),
  );
  return lines.sort();
}

/** Run `work` with some environment variables set, restoring the previous values afterwards. */
export async function withEnv<T>(values: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
