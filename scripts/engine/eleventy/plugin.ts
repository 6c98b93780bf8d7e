/**
 * The engine as an Eleventy plugin: it prepares the report before each build
 * (../prepare.ts) and registers what that hands it — shortcodes, the families' lists and
 * views, the reader aids, the data page, the files written beside the pages, the content
 * checks and the search index. It holds no report's logic. The project root is the folder
 * that holds the content folder; its report definition is scripts/report/index.ts there,
 * unless the build names another (../build.ts), so the same plugin builds the real report
 * and the fixture projects in test/.
 */
import path from "node:path";
import { definitionFileOf, loadReportDefinition, type ReportDefinition } from "../definition.ts";
import { clearedMessages, clearInterruptedBuilds } from "../interrupted.ts";
import { ENGINE_ROOT, svgCacheDir } from "../locations.ts";
import { isListed, PAGE_FORMATS } from "../figures/placement.ts";
import { PrepareMemo, prepareReport } from "../prepare.ts";
import { SvgCache } from "../render/cache.ts";
import { ENGINE_THEME } from "../theme/palette.ts";
import { registerContentChecks } from "./content-checks.ts";
import type { CollectionItem, EleventyConfig } from "./config.ts";
import { registerDownloads } from "./downloads.ts";
import { reportMarkdown } from "./markdown.ts";
import { registerOutputFiles } from "./output.ts";
import { partialRenderer } from "./partials.ts";
import { registerPathPrefix } from "./path-prefix.ts";
import { PRINT_EDITION_TEMPLATE, registerReaderAids } from "./reader-aids.ts";
import { registerSearchIndex } from "./search.ts";
import { registerReportShortcodes } from "./shortcodes.ts";
import { PreparedState } from "./state.ts";
import { IncrementalRenders } from "./incremental.ts";
import { registerFamilyViews } from "./views.ts";

/** The engine's own folders: layouts and stylesheet are shared by every project. */
export const ENGINE_INCLUDES = path.join(ENGINE_ROOT, "_includes");
const STYLESHEET = path.join(ENGINE_ROOT, "assets", "report.css");

/**
 * The includes folder as Eleventy wants it: relative to the input folder. Layouts are
 * the engine's, wherever the project's content lives (the fixture projects in test/).
 */
export function engineIncludesFrom(inputDir: string): string {
  return path.relative(path.resolve(inputDir), ENGINE_INCLUDES);
}

export interface EngineOptions {
  /** The report definition module to build with, instead of the project's scripts/report/index.ts. */
  readonly definitionFile?: string;
  /** The site's address from the command line or REPORT_SITE_URL (./site-url.ts); when absent, report.json's "url" is used. */
  readonly siteUrl?: string;
  /** Draw every chart afresh, using no cache entry (`--no-cache`; ../render/cache.ts, "fresh" mode). */
  readonly freshCharts?: boolean;
  /** The output is a staging folder of ../build.ts, which has put right what interrupted builds left beside the site. */
  readonly staging?: boolean;
  /**
   * Build as the author's preview: unsigned data builds, with a notice on every page, and the
   * search index is written after the pages are served. By default, the preview is what
   * `eleventy --serve` or `--watch` runs (`npm start`), never a build of ../build.ts.
   */
  readonly preview?: boolean;
}

/**
 * Options a programmatic build (../build.ts) gives an Eleventy configuration, by
 * configuration. Kept on globalThis: under a test runner Eleventy loads the config file,
 * and so a second copy of this module, with Node's own loader.
 */
function optionsByConfig(): WeakMap<object, EngineOptions> {
  const slot = Symbol.for("report-engine.options-by-config");
  const holder = globalThis as { [slot]?: WeakMap<object, EngineOptions> };
  holder[slot] ??= new WeakMap();
  return holder[slot];
}

/** Give the plugin options for one Eleventy configuration (called from Eleventy's `config` callback). */
export function setEngineOptions(eleventyConfig: object, options: EngineOptions): void {
  optionsByConfig().set(eleventyConfig, options);
}

/** Which module defines the report of the project at `root`. */
export function definitionFileFor(eleventyConfig: object, root: string): string {
  return optionsByConfig().get(eleventyConfig)?.definitionFile ?? definitionFileOf(root);
}

/** The site's address the build was given, if any (report.json's "url" is read with the report's data, in ./reader-aids.ts). */
function siteUrlFor(eleventyConfig: object): string | undefined {
  return optionsByConfig().get(eleventyConfig)?.siteUrl;
}

/**
 * The report definition, imported before the configuration finishes: the families' partial
 * templates must be known to the partial renderer. Eleventy awaits a plugin that returns a promise.
 */
export default async function reportPlugin(eleventyConfig: EleventyConfig): Promise<void> {
  const contentDir = path.resolve(eleventyConfig.directories.input);
  const root = path.dirname(contentDir);
  const engineOptions = optionsByConfig().get(eleventyConfig);
  // `npm start` (eleventy --serve) writes and serves the output folder itself: a site that a build
  // stopped mid-swap left moved aside is put back first, before Eleventy builds or serves anything
  // (Eleventy awaits its plugins before its first build). build.ts does this before each build.
  if (!engineOptions?.staging) {
    for (const message of clearedMessages(await clearInterruptedBuilds(path.resolve(eleventyConfig.directories.output), svgCacheDir(root)))) console.log(message);
  }
  // Eleventy warns when a shortcode or transform takes over 8% of a build ("[11ty] Benchmark …"),
  // even in quiet mode, and under load a machine crosses that at random: a warning a reader of the
  // build's output can do nothing with, which made the tests that expect a quiet build flaky. How
  // long the build's parts take is measured by `npm run bench`.
  eleventyConfig.benchmarkManager.get("Configuration").setIsVerbose(false);
  // `npm start` waits for a saved file to stop growing before it rebuilds; Eleventy's default
  // wait (150 ms unchanged) is a third of the time an author should wait to see an edit.
  // An editor's save is one write (or a rename); a file still being written when the build
  // reads it changes again, and the build after that reads it whole.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } });
  const definition: ReportDefinition = await loadReportDefinition(definitionFileFor(eleventyConfig, root));
  eleventyConfig.addWatchTarget(path.join(root, "data"));
  eleventyConfig.setTemplateFormats([...PAGE_FORMATS]);
  eleventyConfig.setLibrary("md", reportMarkdown());
  const cache = new SvgCache(svgCacheDir(root), undefined, undefined, engineOptions?.freshCharts ? "fresh" : "use");
  const familyTemplates = definition.families.flatMap((family) => (family.templates ? [family.templates] : []));
  const renderPartial = partialRenderer([ENGINE_INCLUDES, ...familyTemplates]);
  const state = new PreparedState();
  // What one preview build hands the next: the data stage while data/ is unchanged, and the finished drawings.
  const memo = new PrepareMemo();
  let preview = false;

  const incremental = new IncrementalRenders([path.join(contentDir, PRINT_EDITION_TEMPLATE)], path.join(root, "data"));
  /** What the last build that finished showed: its `siteWide` and its pages' `pageData` (../prepare.ts). */
  let lastBuilt: { siteWide: string; pageData: ReadonlyMap<string, string> } | undefined;

  (eleventyConfig as unknown as { on(event: "eleventy.beforeWatch", fn: (queue: unknown) => void): void }).on("eleventy.beforeWatch", (queue) => {
    if (Array.isArray(queue)) incremental.changing(queue.filter((file): file is string => typeof file === "string"));
  });
  eleventyConfig.on("eleventy.before", async ({ runMode, incremental: isIncremental }) => {
    preview = engineOptions?.preview ?? (!engineOptions?.staging && (runMode === "serve" || runMode === "watch"));
    const prepared = await state.prepare(() => prepareReport(root, contentDir, cache, definition, preview ? { preview, memo } : {}));
    if (!isIncremental) return;
    // An incremental rebuild renders the changed page and the print edition; after a data edit, the pages showing
    // what changed; every page when the edit reaches beyond that (./incremental.ts).
    incremental.beforeBuild({
      siteWide: prepared.siteWide !== lastBuilt?.siteWide,
      listed: prepared.pages.filter(isListed).map((page) => path.join(root, page.inputPath)),
      showingChangedData: prepared.pages.filter((page) => prepared.pageData.get(page.inputPath) !== lastBuilt?.pageData.get(page.inputPath)).map((page) => path.join(root, page.inputPath)),
    });
  });
  eleventyConfig.on("eleventy.after", (args) => {
    incremental.built(args);
    const { siteWide, pageData } = state.current();
    lastBuilt = { siteWide, pageData };
  });
  eleventyConfig.addShortcode("previewNotices", () => {
    const { notices } = state.current();
    return notices.length === 0 ? "" : renderPartial("preview-notices.njk", { notices });
  });

  registerReportShortcodes(eleventyConfig, state, renderPartial, root);
  registerFamilyViews(eleventyConfig, state, renderPartial, root);
  registerReaderAids(eleventyConfig, () => state.current().release.manifest, renderPartial, siteUrlFor(eleventyConfig));
  registerDownloads(eleventyConfig, state, renderPartial);
  registerContentChecks(eleventyConfig, root);

  // The report's reading order: every page with an `order` or a `chapter` in its front
  // matter (the cover has neither), by order, else chapter number. `chapter` also numbers figures.
  const position = (item: CollectionItem) => Number(item.data.order ?? item.data.chapter);
  eleventyConfig.addCollection("contents", (api) =>
    api
      .getAll()
      .filter((item) => item.data.order !== undefined || item.data.chapter !== undefined)
      .sort((a, b) => position(a) - position(b) || a.inputPath.localeCompare(b.inputPath, "en")),
  );

  registerPathPrefix(eleventyConfig);
  // Written after the pages, then indexed for search, in that order; the index's transform is the last one.
  registerOutputFiles(eleventyConfig, state, STYLESHEET, definition.theme ?? ENGINE_THEME);
  registerSearchIndex(eleventyConfig, () => preview);
}
