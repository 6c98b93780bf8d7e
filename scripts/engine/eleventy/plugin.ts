/**
 * The report as an Eleventy plugin: `{% stat %}`, `{% figure %}` and `{% ref %}`
 * shortcodes, a `chapters` collection, figure CSVs and the stylesheet written next to
 * the pages. The project root is the folder that holds the content folder, so the
 * same plugin builds the real report and the small fixture projects in test/.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nunjucks from "nunjucks";
import { BuildError } from "../data/errors.ts";
import { SvgCache } from "../render/cache.ts";
import { escapeHtml } from "../render/escape.ts";
import { changesTitle, changesView, figureNote } from "../release/page.ts";
import { MANIFEST_FILE } from "../release/store.ts";
import { stableJson } from "../release/manifest.ts";
import { pullQuoteProblems } from "../check/pull-quotes.ts";
import { callout, calloutId, keyStatRow, keyStatTile, pullQuote, typeset } from "./blocks.ts";
import { ENGINE_ROOT, svgCacheDir } from "../locations.ts";
import { writeAssets } from "./assets.ts";
import { registerCouncilPages } from "../../report/councils/pages.ts";
import { reportMarkdown } from "./markdown.ts";
import { PRINT_EDITION_URL, registerReaderAids } from "./reader-aids.ts";
import { registerDownloads } from "./downloads.ts";
import { registerPathPrefix } from "./path-prefix.ts";
import { prepareReport, type PreparedReport } from "../prepare.ts";
import { registerSearchIndex } from "./search.ts";

/** The engine's own folders: layouts and stylesheet are shared by every project. */
export const ENGINE_INCLUDES = path.join(ENGINE_ROOT, "_includes");
const STYLESHEET = path.join(ENGINE_ROOT, "assets", "report.css");

// Eleventy's config API is untyped JavaScript; these are the parts we use.
export interface EleventyConfig {
  directories: { input: string };
  addGlobalData(name: string, value: () => Promise<unknown>): void;
  addShortcode(name: string, fn: (this: ShortcodeContext, ...args: string[]) => string): void;
  addFilter(name: string, fn: (this: ShortcodeContext, ...args: never[]) => unknown): void;
  addTemplate(virtualPath: string, content: string, data: object): void;
  addCollection(name: string, fn: (api: { getAll(): CollectionItem[] }) => CollectionItem[]): void;
  addPairedShortcode(name: string, fn: (this: ShortcodeContext, content: string, ...args: string[]) => string): void;
  addWatchTarget(target: string): void;
  addFilter(name: string, fn: (value: string) => string): void;
  addTransform(name: string, fn: (this: { page: { inputPath: string; outputPath: string | false; url: string } }, content: string) => string): void;
  addPlugin(plugin: unknown): void;
  htmlTransformer: { setPosthtmlProcessOptions(options: object): void };
  setLibrary(name: "md", library: unknown): void;
  on(event: string, fn: (args: { directories: { output: string } }) => Promise<void> | void): void;
}
interface ShortcodeContext {
  page: { inputPath: string; url: string };
}
interface CollectionItem {
  data: { chapter?: string | number; order?: number };
  inputPath: string;
}

/**
 * The includes folder as Eleventy wants it: relative to the input folder. Layouts are
 * the engine's, wherever the project's content lives (the fixture projects in test/).
 */
export function engineIncludesFrom(inputDir: string): string {
  return path.relative(path.resolve(inputDir), ENGINE_INCLUDES);
}

export default function reportPlugin(eleventyConfig: EleventyConfig): void {
  const contentDir = path.resolve(eleventyConfig.directories.input);
  const root = path.dirname(contentDir);
  eleventyConfig.addWatchTarget(path.join(root, "data"));
  eleventyConfig.setLibrary("md", reportMarkdown());
  const cache = new SvgCache(svgCacheDir(root));
  const partials = new nunjucks.Environment(new nunjucks.FileSystemLoader(ENGINE_INCLUDES), { autoescape: true, throwOnUndefined: true });

  let prepared: PreparedReport | undefined;
  const state = (): PreparedReport => {
    if (!prepared) throw new BuildError("the report was not prepared before rendering");
    return prepared;
  };
  const pagePath = (ctx: ShortcodeContext) => path.relative(root, path.resolve(ctx.page.inputPath)).split(path.sep).join("/");
  const onPage = <T>(ctx: ShortcodeContext, work: () => T): T => {
    try {
      return work();
    } catch (error) {
      throw new BuildError(`${pagePath(ctx)}: ${(error as Error).message}`);
    }
  };

  // Global data (the council list that paginates the council pages) may be asked for
  // while the report is still being prepared, so it waits on this promise.
  let preparing: Promise<PreparedReport> | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    prepared = undefined;
    preparing = prepareReport(root, contentDir, cache);
    prepared = await preparing;
  });
  registerCouncilPages(
    eleventyConfig,
    async () => {
      if (!preparing) throw new BuildError("the council pages were asked for before the report was prepared");
      return (await preparing).councils;
    },
    () => state().councils,
    (name, context) => renderPartial(name, context),
  );

  registerReaderAids(eleventyConfig, () => state().release.manifest, (name, context) => renderPartial(name, context));

  eleventyConfig.addShortcode("stat", function (this: ShortcodeContext, key: string) {
    return onPage(this, () => escapeHtml(state().stats.format(key)));
  });

  // Markdown ends an HTML block at a blank line and reads indented lines as code,
  // so a partial's output is flattened to unindented, non-blank lines.
  const renderPartial = (name: string, context: object) =>
    partials
      .render(name, context)
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .join("\n");

  eleventyConfig.addShortcode("figure", function (this: ShortcodeContext, key: string) {
    return onPage(this, () => {
      const figure = state().figures.get(key);
      if (!figure) throw new BuildError(`unknown figure key "${key}"`);
      return renderPartial("figure.njk", { figure, note: figureNote(state().release, key, state().pages) });
    });
  });

  eleventyConfig.addShortcode("statIndex", function (this: ShortcodeContext) {
    return onPage(this, () => {
      const { stats } = state();
      const rows = stats.keys().map((key) => ({ key, value: stats.format(key), label: stats.get(key).label }));
      return renderPartial("stat-index.njk", { rows });
    });
  });

  eleventyConfig.addShortcode("claimsRegister", function (this: ShortcodeContext) {
    return onPage(this, () => renderPartial("claims-register.njk", { register: state().register }));
  });

  // The "What changed" page (content/what-changed.md): this build against the latest release.
  eleventyConfig.addShortcode("whatChanged", function (this: ShortcodeContext) {
    return onPage(this, () => renderPartial("what-changed.njk", { view: changesView(state().release) }));
  });
  eleventyConfig.addShortcode("whatChangedTitle", () => changesTitle(state().release));

  eleventyConfig.addShortcode("ref", function (this: ShortcodeContext, key: string) {
    return onPage(this, () => {
      const placement = state().placements.get(key);
      if (!placement) throw new BuildError(`{% ref "${key}" %} names a figure that is not placed on any page`);
      const href = placement.page.url === this.page.url ? `#${placement.anchor}` : placement.href;
      return `<a class="xref" href="${escapeHtml(href)}">${escapeHtml(placement.label)}</a>`;
    });
  });

  // The report's reading order: every page with an `order` or a `chapter` in its front
  // matter (the cover has neither), by order, else chapter number. `chapter` also numbers figures.
  const position = (item: CollectionItem) => Number(item.data.order ?? item.data.chapter);
  eleventyConfig.addCollection("contents", (api) =>
    api
      .getAll()
      .filter((item) => item.data.order !== undefined || item.data.chapter !== undefined)
      .sort((a, b) => position(a) - position(b) || a.inputPath.localeCompare(b.inputPath, "en")),
  );

  // Set pieces (scripts/eleventy/blocks.ts): key-stat tiles, callout boxes, pull quotes.
  eleventyConfig.addPairedShortcode("keyStats", (inner: string) => keyStatRow(inner));
  eleventyConfig.addShortcode("keyStat", function (this: ShortcodeContext, key: string, label: string) {
    return onPage(this, () => keyStatTile(state().stats.format(key), label));
  });
  eleventyConfig.addFilter("typeset", (text: string) => typeset(String(text)));
  eleventyConfig.addPairedShortcode("callout", (body: string, title: string) => callout(title, body, calloutId(title)));
  eleventyConfig.addPairedShortcode("pullQuote", (text: string) => pullQuote(text));
  // A pull quote repeats the page's own words; a page whose pull quote does not fails the build.
  // The print edition gathers pages already checked on their own, so it is not checked again.
  eleventyConfig.addTransform("pull-quotes-repeat-the-page", function (content: string) {
    const own = this.page.outputPath && String(this.page.outputPath).endsWith(".html") && this.page.url !== PRINT_EDITION_URL;
    const problems = own ? pullQuoteProblems(content) : [];
    if (problems.length > 0) {
      const page = path.relative(root, path.resolve(this.page.inputPath)).split(path.sep).join("/");
      throw new BuildError(`${page}: ${problems.join("; ")}`);
    }
    return content;
  });

  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const figuresDir = path.join(directories.output, "data", "figures");
    await mkdir(figuresDir, { recursive: true });
    for (const figure of state().figures.values()) {
      await writeFile(path.join(directories.output, figure.csvPath), figure.csv);
    }
    await writeAssets(STYLESHEET, path.join(directories.output, "assets"));
    await writeFile(path.join(directories.output, MANIFEST_FILE), stableJson(state().release.manifest));
  });

  registerDownloads(
    eleventyConfig,
    root,
    contentDir,
    async () => {
      if (!preparing) throw new BuildError("the data page was asked for before the report was prepared");
      return preparing;
    },
    state,
    renderPartial,
  );
  registerSearchIndex(eleventyConfig);
  registerPathPrefix(eleventyConfig);
}
