/**
 * The report as an Eleventy plugin: `{% stat %}`, `{% figure %}` and `{% ref %}`
 * shortcodes, a `chapters` collection, figure CSVs and the stylesheet written next to
 * the pages. The project root is the folder that holds the content folder, so the
 * same plugin builds the real report and the small fixture projects in test/.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import markdownIt from "markdown-it";
import nunjucks from "nunjucks";
import { BuildError } from "../data/errors.ts";
import { SvgCache } from "../render/cache.ts";
import { escapeHtml } from "../render/escape.ts";
import { changesTitle, changesView, figureNote } from "../release/page.ts";
import { MANIFEST_FILE } from "../release/store.ts";
import { stableJson } from "../release/manifest.ts";
import { writeAssets } from "./assets.ts";
import { registerCouncilPages } from "./councils.ts";
import { prepareReport, type PreparedReport } from "./prepare.ts";

/** The engine's own folders: layouts and stylesheet are shared by every project. */
export const ENGINE_ROOT = path.resolve(import.meta.dirname, "../..");
export const ENGINE_INCLUDES = path.join(ENGINE_ROOT, "_includes");
const STYLESHEET = path.join(ENGINE_ROOT, "assets", "report.css");

// Eleventy's config API is untyped JavaScript; these are the parts we use.
export interface EleventyConfig {
  directories: { input: string };
  addGlobalData(name: string, value: () => Promise<unknown>): void;
  addShortcode(name: string, fn: (this: ShortcodeContext, ...args: string[]) => string): void;
  addCollection(name: string, fn: (api: { getAll(): CollectionItem[] }) => CollectionItem[]): void;
  addPairedShortcode(name: string, fn: (this: ShortcodeContext, content: string, ...args: string[]) => string): void;
  addWatchTarget(target: string): void;
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

/**
 * Where rendered SVGs are cached across builds: <root>/.cache/svg, another folder
 * named by REPORT_SVG_CACHE, or memory only when REPORT_SVG_CACHE=off.
 */
export function svgCacheDir(root: string, setting = process.env.REPORT_SVG_CACHE): string | null {
  if (setting === "off") return null;
  return setting ? path.resolve(setting) : path.join(root, ".cache", "svg");
}

export default function reportPlugin(eleventyConfig: EleventyConfig): void {
  const contentDir = path.resolve(eleventyConfig.directories.input);
  const root = path.dirname(contentDir);
  eleventyConfig.addWatchTarget(path.join(root, "data"));
  // Our own markdown-it: raw HTML allowed (figures are HTML blocks), typographic quotes and dashes.
  eleventyConfig.setLibrary("md", markdownIt({ html: true, typographer: true }));
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
      .sort((a, b) => position(a) - position(b) || a.inputPath.localeCompare(b.inputPath)),
  );

  eleventyConfig.addPairedShortcode("keyStats", function (this: ShortcodeContext, inner: string) {
    return `<div class="key-stats">${inner.split("\n").map((line) => line.trim()).filter(Boolean).join("")}</div>`;
  });

  eleventyConfig.addShortcode("keyStat", function (this: ShortcodeContext, key: string, label: string) {
    return onPage(this, () => `<p class="key-stat"><span class="key-stat-value">${escapeHtml(state().stats.format(key))}</span> <span class="key-stat-label">${escapeHtml(label)}</span></p>`);
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
}
