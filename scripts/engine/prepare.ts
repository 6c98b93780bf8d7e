/**
 * Everything that happens before Eleventy renders a page: read the data folder once, load
 * and check every dataset the report's families declare, build the families, read the
 * content to number the figures, draw every figure (those the content places and those on
 * the families' own pages), make the manifest, the release comparison and the data page's
 * downloads. Pages then only look things up.
 */
import { createHash } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { claimsRegisterView, type RegisterView } from "./claims/register.ts";
import { parseJsonFile } from "./data/json.ts";
import { BuildError } from "./data/errors.ts";
import { readDataFolder, type ReadBytes } from "./data/folder.ts";
import { utf8Text } from "./data/utf8.ts";
import { loadReportData } from "./data/report-data.ts";
import type { ReportDefinition } from "./definition.ts";
import { pageFigureDownloads, type FigureDownloadView } from "./downloads/catalogue.ts";
import { prepareDataDownloads, type DataDownloads } from "./downloads/data-page.ts";
import type { PageFigure, PageFigureListing } from "./family.ts";
import { checkContentFiles } from "./check/content-files.ts";
import { contentPages, isListed, pagePlacement, placeFigures, readContentFiles, type ContentPage, type ContentPlacement, type Placement } from "./figures/placement.ts";
import { renderFigure, type RenderedFigure } from "./figures/render.ts";
import type { FigureDefinition } from "./figures/types.ts";
import type { SvgCache } from "./render/cache.ts";
import { settleInOrder } from "./render/pool.ts";
import { manifestOfBuild, readVersion, releaseState, type ReleaseState } from "./release/store.ts";
import { buildOrder, buildReport, datasetsOf } from "./report.ts";
import { listedFrontMatterShown, pageDataHashes } from "./page-data.ts";
import type { StatRegistry } from "./stats/registry.ts";

/** A view as the pages draw it: its partial, and its context (for a keyed view, each entry's, with its figure drawn). */
export type PreparedView =
  | { readonly template: string; readonly context: object }
  | { readonly template: string; readonly entries: ReadonlyMap<string, { readonly context: object; readonly figure: RenderedFigure | undefined }> };

export interface PreparedReport {
  readonly stats: StatRegistry;
  readonly pages: readonly ContentPage[];
  readonly placements: ReadonlyMap<string, ContentPlacement>;
  /** Every figure drawn, by key: placed by the content, or on a family's own pages. */
  readonly figures: ReadonlyMap<string, RenderedFigure>;
  readonly register: RegisterView;
  /** The families' views by "<family>.<name>". */
  readonly views: ReadonlyMap<string, PreparedView>;
  /** The lists the content paginates over: `families.<family>.<name>`. */
  readonly lists: Readonly<Record<string, Readonly<Record<string, readonly object[]>>>>;
  /** The figures of the families' own pages, by listing, for the data page. */
  readonly pageFigures: readonly { readonly listing: PageFigureListing; readonly figures: readonly FigureDownloadView[] }[];
  /** This build's manifest and what changed since the latest recorded release. */
  readonly release: ReleaseState;
  readonly downloads: DataDownloads;
  /** What the preview says on every page: data files changed since they were signed. Always empty outside the preview. */
  readonly notices: readonly string[];
  /**
   * A hash of what any page may show of the others or of the whole: the notices, every page's
   * facts (address, title, chapter, order, the figures it places and the stats it states),
   * every page's front matter, the content's data files, and what the listed pages' front
   * matter shows of the data (./page-data.ts). While it is the same, an edit to a page's text
   * changes that page alone (and the print edition, which holds every page), and an edit to
   * the data the pages whose `pageData` changed; see ./eleventy/incremental.ts.
   */
  readonly siteWide: string;
  /** Each content page's hash of what it shows of the data, by input path (./page-data.ts). */
  readonly pageData: ReadonlyMap<string, string>;
}

export interface PrepareOptions {
  /** How data files are read (a test counts the reads). */
  readonly readBytes?: ReadBytes;
  /**
   * The author's preview (`npm start`): a data file changed since it was signed is built,
   * and said on every page (`notices`), instead of stopping the build as `npm run build` does.
   */
  readonly preview?: boolean;
  /** What the previous build of this process made, reused where its inputs are the same (the preview's rebuilds). */
  readonly memo?: PrepareMemo;
}

/**
 * What one build hands the next in the same process (`npm start`'s rebuilds): the loaded data
 * and built families, reused while every byte under data/ is the same (and the definition
 * is, as it is for the process's life: code changes need a restart), and each figure's
 * finished drawing, by what it is drawn from. Nothing here is kept on disk.
 */
export class PrepareMemo {
  /** The data stage of the last build, with the hash of the data/ bytes it was made from. */
  dataStage: { readonly key: string; readonly stage: DataStage } | undefined;
  /** Finished drawings of the last build by their inputs (./figures/render.ts); replaced each build, so it holds only what is current. */
  drawings = new Map<string, string>();
  /**
   * Each figure as the last builds drew it, by its definition (made by the data stage, so
   * gone with it) and its place: a figure is the same while both are. With the drawings it
   * was finished from, which the next build's drawing memo must hold too.
   */
  readonly figures = new WeakMap<object, Map<string, Promise<{ figure: RenderedFigure; drawings: [string, string][] }>>>();
  /** Other results of the last build (the release comparison, the data downloads), each with a key of what it was made from. */
  private readonly kept = new Map<string, { readonly key: string; readonly value: unknown }>();

  /** The last build's `name` when it was made from the same `key`, else `make()`'s, kept for the next build. */
  async keep<T>(name: string, key: string, make: () => T | Promise<T>): Promise<T> {
    const last = this.kept.get(name);
    if (last?.key === key) return last.value as T;
    const value = await make();
    this.kept.set(name, { key, value });
    return value;
  }
}

/** What the release comparison reads from releases/: each recorded manifest's path, size and modification time. */
async function releasesKey(root: string): Promise<string> {
  const dir = path.join(root, "releases");
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
  const stats = await Promise.all(files.map(async (file) => {
    const { size, mtimeMs } = await stat(file);
    return [file, size, mtimeMs];
  }));
  return JSON.stringify(stats);
}

interface DataStage {
  readonly data: ReturnType<typeof loadReportData>;
  readonly report: ReturnType<typeof buildReport>;
  readonly notices: readonly string[];
}

/** One hash over every file under data/, path and bytes: equal exactly when data/ is byte for byte as it was. */
function dataFolderKey(folder: Awaited<ReturnType<typeof readDataFolder>>): string {
  const hash = createHash("sha256");
  for (const [file, bytes] of folder.files) hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  return hash.digest("hex");
}

/**
 * The content's data files (content/_data/*.json), each checked to be UTF-8: Eleventy reads
 * them itself and would publish "�" for each byte that is not. By name, relative to the root.
 */
export async function contentDataTexts(root: string, contentDir: string): Promise<Map<string, string>> {
  const dir = path.join(contentDir, "_data");
  const names = await readdir(dir).catch(() => [] as string[]);
  const texts = new Map<string, string>();
  for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
    const file = path.join(dir, name);
    texts.set(name, utf8Text(path.relative(root, file).split(path.sep).join("/"), await readFile(file)));
  }
  return texts;
}

/** The report's title and subtitle, from the content's data (content/_data/report.json). */
async function reportTitles(contentDir: string, texts: ReadonlyMap<string, string>): Promise<{ title: string; subtitle: string }> {
  const file = path.join(contentDir, "_data", "report.json");
  const { title, subtitle } = JSON.parse(texts.get("report.json") ?? (await readFile(file, "utf8"))) as { title?: unknown; subtitle?: unknown };
  if (typeof title !== "string" || typeof subtitle !== "string") throw new BuildError(`${path.relative(path.dirname(contentDir), file).split(path.sep).join("/")}: the report needs a "title" and a "subtitle"`);
  return { title, subtitle };
}

/**
 * The sources catalogue (content/_data/bibliography.json), read as Eleventy will read it;
 * undefined when the project has none. JSON that does not parse stops the build here, at its
 * line and column.
 */
function readBibliography(contentDir: string, texts: ReadonlyMap<string, string>): unknown {
  const text = texts.get("bibliography.json");
  if (text === undefined) return undefined;
  const shown = path.relative(path.dirname(contentDir), path.join(contentDir, "_data", "bibliography.json")).split(path.sep).join("/");
  return parseJsonFile(shown, text, (message) => new BuildError(message));
}

export async function prepareReport(root: string, contentDir: string, cache: SvgCache, definition: ReportDefinition, options: PrepareOptions = {}): Promise<PreparedReport> {
  const folder = await readDataFolder(root, options.readBytes);
  const key = dataFolderKey(folder);
  const memo = options.memo;
  let stage = memo?.dataStage?.key === key ? memo.dataStage.stage : undefined;
  if (!stage) {
    const notices: string[] = [];
    const onUnsigned = options.preview ? ({ notice }: { notice: string }) => notices.push(notice) : undefined;
    const data = loadReportData(folder, datasetsOf(buildOrder(definition.families)), definition.claims?.groups ?? [], { onUnsigned });
    stage = { data, report: buildReport(definition, data), notices };
    if (memo) memo.dataStage = { key, stage };
  }
  const { data, report, notices } = stage;
  for (const notice of notices) console.warn(`Preview: ${notice}`);
  const drawings = new Map<string, string>();
  const previousDrawings = memo?.drawings ?? new Map<string, string>();
  /** A figure drawn, or taken as the last build drew it when its definition and place are the same. */
  const draw = async (figure: FigureDefinition, placement: Placement): Promise<RenderedFigure> => {
    if (!memo) return renderFigure(figure, placement, cache);
    const place = JSON.stringify([placement.key, placement.number, placement.label, placement.anchor, placement.href]);
    const byPlace = memo.figures.get(figure) ?? new Map();
    memo.figures.set(figure, byPlace);
    let drawn = byPlace.get(place);
    if (!drawn) {
      const own = new Map<string, string>();
      drawn = renderFigure(figure, placement, cache, { previous: previousDrawings, current: own }).then((rendered) => ({ figure: rendered, drawings: [...own] }));
      byPlace.set(place, drawn);
      // A failed drawing is not kept: the next build tries again.
      drawn.catch(() => byPlace.delete(place));
    }
    const done = await drawn;
    for (const [key, svg] of done.drawings) drawings.set(key, svg);
    return done.figure;
  };
  const files = await readContentFiles(root, contentDir);
  const pages = contentPages(files);
  const contentData = await contentDataTexts(root, contentDir);
  checkContentFiles(files, readBibliography(contentDir, contentData));
  const placements = placeFigures(pages, new Set(report.figures.keys()));
  const pageFigures: PageFigure[] = [];
  for (const view of report.views.values()) {
    if ("entries" in view) for (const entry of view.entries.values()) if (entry.figure) pageFigures.push(entry.figure);
  }
  // Every figure is asked for at once, so the cache's misses render on every core (render/pool.ts);
  // the results come back in the order asked, whichever finishes first.
  const placed = [...placements.values()].flatMap((placement) => {
    const definition = report.figures.get(placement.key);
    return definition ? [draw(definition, placement)] : [];
  });
  const onPages = pageFigures.map((figure) => draw(figure.definition, pagePlacement(figure.definition.key, figure)));
  const [drawnPlaced, drawnOnPages] = await settleInOrder([settleInOrder(placed), settleInOrder(onPages)] as const);
  const figures = new Map<string, RenderedFigure>();
  for (const figure of [...drawnPlaced, ...drawnOnPages]) {
    if (figures.has(figure.key)) throw new BuildError(`the figure key "${figure.key}" is drawn twice`);
    figures.set(figure.key, figure);
  }
  const views = new Map<string, PreparedView>();
  const listed: PreparedReport["pageFigures"][number][] = [];
  for (const [name, view] of report.views) {
    if (!("entries" in view)) {
      views.set(name, { template: view.template, context: view.context });
      continue;
    }
    const entries = new Map([...view.entries].map(([key, entry]) => [key, { context: entry.context, figure: entry.figure ? figures.get(entry.figure.definition.key) : undefined }]));
    views.set(name, { template: view.template, entries });
    if (view.figures) {
      const drawn = [...view.entries.values()].flatMap(({ figure }) => {
        const rendered = figure && figures.get(figure.definition.key);
        return figure && rendered ? [{ page: figure.page.title, figure: rendered }] : [];
      });
      listed.push({ listing: view.figures, figures: pageFigureDownloads(drawn) });
    }
  }
  const chapterTitles = new Map(pages.filter((p) => p.chapter !== undefined).map((p) => [p.chapter as string, `Chapter ${p.chapter}: ${p.title}`]));
  const figureLinks = new Map([...placements].map(([key, p]) => [key, { label: p.label, href: p.href }]));
  const register = claimsRegisterView(report.claims, report.stats, chapterTitles, definition.claims?.groups ?? [], { pages, figures: figureLinks }, definition.claims?.records);
  const version = await readVersion(root);
  // The manifest is made from the data (the data stage is made from data/ alone: its key), the figures' places and the
  // version; the comparison also reads releases/.
  const compareReleases = () => releaseState(root, manifestOfBuild(version, data, report, placements, pageFigures), report.records);
  const release = memo ? await memo.keep("release", JSON.stringify([key, version, [...placements].map(([k, p]) => [k, p.number, p.label, p.href]), await releasesKey(root)]), compareReleases) : await compareReleases();
  // Not a failure: a maintainer builds before recording. But a site that claims a recorded version it is not must not pass unnoticed.
  if (release.warning) console.warn(`Warning: ${release.warning}`);
  const titles = await reportTitles(contentDir, contentData);
  const makeDownloads = () => prepareDataDownloads({ data, version, ...titles });
  const downloads = memo ? await memo.keep("downloads", JSON.stringify([key, version, titles]), makeDownloads) : makeDownloads();
  if (memo) memo.drawings = drawings;
  const shown = { stats: report.stats, figures, release, pages, dataKey: key };
  const listedFiles = new Set(pages.filter(isListed).map((page) => page.inputPath));
  const siteWide = createHash("sha256")
    .update(JSON.stringify([notices, pages, files.map((file) => [file.inputPath, file.data]), [...contentData], listedFrontMatterShown(files.filter((file) => listedFiles.has(file.inputPath)), shown)]))
    .digest("hex");
  const pageData = pageDataHashes(files, shown);
  return { stats: report.stats, pages, placements, figures, register, views, lists: report.lists, pageFigures: listed, release, downloads, notices, siteWide, pageData };
}
