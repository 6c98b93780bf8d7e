/**
 * `npm run build`: build the site into a temporary folder beside the output and swap
 * it in only when everything succeeded, so a failed build leaves the previous site
 * untouched. When nothing the build reads has changed since it last wrote the output,
 * and the output is as it left it, the command says so and stops (like make); --force
 * builds anyway; --no-cache draws every chart afresh and clears the chart cache of entries that
 * fail their check (see BuildOptions.freshCharts).
 * Usage: tsx scripts/engine/build.ts [--root DIR] [--out DIR] [--report FILE] [--no-cache] [--force] [--path-prefix /sub/path/] [--site-url URL]
 *
 * A project folder holds content/, data/, package.json and its report definition,
 * scripts/report/index.ts; --report builds the folder with another definition module.
 *
 * Eleventy and the pipeline are imported when a build runs, not before: the up-to-date
 * check must not pay the second or two that loading them takes.
 */
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { clearState, inputsFingerprint, isUpToDate, outputFingerprint, readState, stateFile, writeState } from "./build-state.ts";
import { ENGINE_ROOT, PATH_PREFIX_ENV, SITE_URL_ENV, svgCacheDir } from "./locations.ts";
import { BuildError, isReportError } from "./data/errors.ts";
import type { EleventyConfig } from "./eleventy/config.ts";
import { writeFailure, type WritePlaces } from "./write-failure.ts";
import { moduleUrl } from "./bundle.ts";

// Output must not depend on the machine's time zone or language.
process.env.TZ = "UTC";

/**
 * The points at which the fault corpus (test/site/killed-builds.test.ts) stops a build with
 * SIGKILL, as a power cut or `kill -9` would: REPORT_KILL_BUILD_AT=<point> makes the build kill
 * itself when it reaches that point. Read in killPointReached only; unset (always, outside that
 * test), it does nothing. A signal sent from outside after a delay would hit a point only by luck.
 * One point for each state a killed build can leave:
 *   - "rendering": before the swap, the staging folder half written (the pages, not yet the
 *     figures' files, manifest or search index); the old site in place;
 *   - "swapping": between the swap's two renames: the old site moved aside, the new one not yet
 *     moved in, so no site folder;
 *   - "swapped": the new site in place, the old one still beside it, the build's record not yet written.
 */
export const KILL_BUILD_AT_ENV = "REPORT_KILL_BUILD_AT";
export const KILL_POINTS = ["rendering", "swapping", "swapped"] as const;

function killPointReached(point: (typeof KILL_POINTS)[number]): void {
  if (process.env[KILL_BUILD_AT_ENV] === point) process.kill(process.pid, "SIGKILL");
}

export interface BuildOptions {
  /** Project folder holding content/ and data/. */
  readonly root: string;
  /** Where the finished site goes (default <root>/_site). */
  readonly outDir?: string;
  /** Where the site will be served from, e.g. "/brave-new-world/" (default "/", or REPORT_PATH_PREFIX). */
  readonly pathPrefix?: string;
  /** The address the site is published at, e.g. "https://example.org/brave-new-world/" (default REPORT_SITE_URL, else report.json's "url"). */
  readonly siteUrl?: string;
  /** The report definition module (default <root>/scripts/report/index.ts). */
  readonly report?: string;
  /**
   * `--no-cache`: draw every chart afresh, using no entry of the chart cache, and first check
   * the cache, removing every entry that fails its check; an entry that differs from its fresh
   * drawing is replaced by it. (REPORT_SVG_CACHE=off, by contrast, leaves the folder alone.)
   */
  readonly freshCharts?: boolean;
}

export async function buildSite(options: BuildOptions): Promise<string> {
  const root = path.resolve(options.root);
  const outDir = path.resolve(options.outDir ?? path.join(root, "_site"));
  const staging = `${outDir}.building-${process.pid}`;
  const retired = `${outDir}.previous-${process.pid}`;
  const { pathPrefixFrom } = await import("./eleventy/path-prefix.ts");
  const { setEngineOptions } = await import("./eleventy/plugin.ts");
  const { siteUrlFrom } = await import("./eleventy/site-url.ts");
  const definitionFile = options.report ? path.resolve(options.report) : undefined;
  const pathPrefix = pathPrefixFrom(options.pathPrefix);
  const siteUrl = siteUrlFrom(options.siteUrl);
  const cacheDir = svgCacheDir(root);
  // First put right what an interrupted build left: a site moved aside and not back, folders, half-written cache files.
  const { clearInterruptedBuilds, clearedMessages } = await import("./interrupted.ts");
  for (const message of clearedMessages(await clearInterruptedBuilds(outDir, cacheDir))) console.log(message);
  if (options.freshCharts && cacheDir) {
    const { sweepCache } = await import("./render/cache.ts");
    const swept = await sweepCache(cacheDir);
    console.log(`Chart cache ${path.relative(process.cwd(), cacheDir) || "."}: ${swept.checked} ${swept.checked === 1 ? "file" : "files"} checked, ${swept.removed.length} failed the check of ${swept.removed.length === 1 ? "its" : "their"} key and contents and ${swept.removed.length === 1 ? "was" : "were"} removed; every chart is drawn afresh.`);
  }
  await rm(staging, { recursive: true, force: true });
  const places = { outDir, staging, cacheDir };
  // Made here rather than by Eleventy: a folder that cannot be made (a read-only file system, no
  // permission) is then reported as such, not as ENOENT for the first page written into it.
  await mkdir(staging).catch(async (error: unknown) => {
    throw await buildFailure(error, root, places);
  });
  // Eleventy sets process.exitCode on a failed build; the caller decides what a failure means.
  const exitCode = process.exitCode;
  try {
    const { default: Eleventy } = await import("@11ty/eleventy");
    const eleventy = new Eleventy(path.join(root, "content"), staging, {
      quietMode: true,
      // "cli" makes the input and output given here win over the config file's dir settings.
      source: "cli",
      // The bundle's copy when the command runs from one (./bundle.ts): Eleventy imports it itself.
      configPath: fileURLToPath(moduleUrl(path.join(ENGINE_ROOT, ".eleventy.js"))),
      pathPrefix,
      // Runs before the config file: the plugin it adds reads these options, and this listener
      // runs before the plugin's own "eleventy.after" work (figure files, manifest, search index).
      config: (eleventyConfig: object) => {
        setEngineOptions(eleventyConfig, { definitionFile, siteUrl, freshCharts: options.freshCharts, staging: true });
        (eleventyConfig as Pick<EleventyConfig, "on">).on("eleventy.after", () => killPointReached("rendering"));
      },
    });
    // Failures are reported once, by the caller, in our words (see buildFailure).
    eleventy.disableLogger();
    await eleventy.write();
  } catch (error) {
    process.exitCode = exitCode;
    await rm(staging, { recursive: true, force: true });
    throw await buildFailure(error, root, places);
  }
  // The swap: two renames, each atomic, with no site folder between them. A build killed there
  // leaves the old site as <out>.previous-<pid>, and the next build or `npm start` puts it back
  // before anything else (interrupted.ts). Closing the gap needs an exchange of two folders in one
  // call (Linux's renameat2 RENAME_EXCHANGE), which Node does not offer, or a site folder that is
  // a symbolic link switched to each new build, which is not a folder to copy to a host as it is
  // and needs privileges on Windows; the repair is kept instead.
  await rm(retired, { recursive: true, force: true });
  try {
    await rename(outDir, retired).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    killPointReached("swapping");
    await rename(staging, outDir).catch(async (error: unknown) => {
      // The new site could not go in: the old one goes back (there is none on a first build).
      await rename(retired, outDir).catch(() => undefined);
      throw error;
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw await buildFailure(error, root, places);
  }
  killPointReached("swapped");
  await rm(retired, { recursive: true, force: true });
  return outDir;
}

/** Eleventy wraps errors from templates and events: the error and everything it wraps, outermost first. */
function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  let current: unknown = error;
  while (current instanceof Error && !chain.includes(current)) {
    chain.push(current);
    const wrapped = current as Error & { originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return chain;
}

/** The innermost error: for our own errors that is the whole story. */
export function rootCause(error: unknown): Error {
  return errorChain(error).at(-1) ?? new Error(String(error));
}

/**
 * What a failed build reports. Our own errors (data, keys, figures) already say
 * file:line:column and what is wrong. A Nunjucks error is given as the file's line and column
 * and what Nunjucks found (./eleventy/template-errors.ts; loaded only when a build fails). A
 * failure to write the output (a full or read-only disk) says which folder and what happened
 * (./write-failure.ts), without Eleventy's list of pages. Anything else (a bug) keeps the
 * context Eleventy added, such as which template it was rendering.
 */
export async function buildFailure(error: unknown, root: string, places?: WritePlaces): Promise<Error> {
  const cause = rootCause(error);
  if (isReportError(cause)) return cause;
  const chain = errorChain(error);
  const written = places && writeFailure(chain, places);
  if (written) return written;
  const { templateErrorMessage } = await import("./eleventy/template-errors.ts");
  const template = templateErrorMessage(chain, root);
  if (template) return new BuildError(template, { cause });
  const messages = [...new Set(chain.map((e) => e.message.trim()))];
  return new BuildError(messages.join("\n  caused by: "), { cause });
}

export interface BuildOutcome {
  readonly outDir: string;
  /** True when nothing had changed and the output was left as it was. */
  readonly upToDate: boolean;
}

/**
 * Build unless the output is already what this build would write. The record of the last
 * build lives beside the SVG cache (none when the cache is off: then every build runs).
 * The record is removed before building and written only after the swap, so a failed or
 * interrupted build is never taken for a finished one.
 */
export async function buildSiteUnlessUpToDate(options: BuildOptions & { readonly force?: boolean }): Promise<BuildOutcome> {
  const root = path.resolve(options.root);
  const outDir = path.resolve(options.outDir ?? path.join(root, "_site"));
  const stateDir = svgCacheDir(root);
  const build = () => buildSite({ root, outDir, pathPrefix: options.pathPrefix, siteUrl: options.siteUrl, report: options.report, freshCharts: options.freshCharts });
  if (!stateDir) return { outDir: await build(), upToDate: false };
  const record = stateFile(stateDir, outDir);
  // The prefix and site URL as given (the argument, else the environment): another spelling of
  // the same one only costs one needless build, and reading them here needs none of Eleventy.
  // The project's own definition is among its inputs; one named with --report is added, with its folder.
  const definitionFile = options.report ? path.resolve(options.report) : undefined;
  const inputs = await inputsFingerprint(root, { pathPrefix: options.pathPrefix ?? process.env[PATH_PREFIX_ENV] ?? "", siteUrl: options.siteUrl ?? process.env[SITE_URL_ENV] ?? "", report: definitionFile ?? "" }, ENGINE_ROOT, definitionFile && path.dirname(definitionFile));
  // Drawing every chart afresh is asked for only to build: it is never "up to date".
  if (!options.force && !options.freshCharts && (await isUpToDate(await readState(record), inputs, () => outputFingerprint(outDir)))) return { outDir, upToDate: true };
  await clearState(record);
  await build();
  // The new site is in place: failing to record it (a full disk under the cache) costs the next
  // build its shortcut, not this build its result, and must not be reported as a failed build.
  try {
    const output = await outputFingerprint(outDir);
    if (output) await writeState(record, { inputs, output });
  } catch (error) {
    await clearState(record).catch(() => undefined);
    console.warn(`The site was built and is in place, but the record of this build could not be written (${(error as Error).message.split("\n")[0]}); the next build will run in full.`);
  }
  return { outDir, upToDate: false };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      root: { type: "string", default: "." },
      out: { type: "string" },
      "no-cache": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      "path-prefix": { type: "string" },
      "site-url": { type: "string" },
      report: { type: "string" },
    },
  });
  const started = performance.now();
  try {
    const freshCharts = values["no-cache"];
    const { outDir, upToDate } = await buildSiteUnlessUpToDate({ root: values.root, outDir: values.out, force: values.force, freshCharts, pathPrefix: values["path-prefix"], siteUrl: values["site-url"], report: values.report });
    const where = path.relative(process.cwd(), outDir) || ".";
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (upToDate) {
      console.log(`${where} is up to date: nothing it is built from has changed (checked in ${seconds} s; --force rebuilds)`);
      return;
    }
    console.log(`Built ${where} in ${seconds} s`);
    const { processCacheCounts } = await import("./render/cache.ts");
    const charts = processCacheCounts();
    const files = (n: number) => `${n} cache ${n === 1 ? "file" : "files"}`;
    const repaired = charts.repaired === 0 ? "" : freshCharts ? ` (${files(charts.repaired)} held another drawing than the fresh one and ${charts.repaired === 1 ? "was" : "were"} replaced)` : ` (${files(charts.repaired)} failed the check of ${charts.repaired === 1 ? "its" : "their"} key and contents, and ${charts.repaired === 1 ? "was" : "were"} drawn again and replaced)`;
    console.log(`Charts: ${charts.misses} drawn, ${charts.hits} from the cache${repaired}`);
  } catch (error) {
    console.error(`Build failed: ${(error as Error).message}`);
    const cause = (error as Error).cause;
    if (cause instanceof Error && process.env.DEBUG) console.error(cause.stack);
    console.error("The previous site, if any, was left as it was.");
    process.exitCode = 1;
  }
}

// pathToFileURL, not `file://${argv[1]}`: the URL is percent-encoded (a space in the checkout path is %20).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
