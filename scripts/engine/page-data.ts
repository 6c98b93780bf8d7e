/**
 * What each content page shows of the report's data, as one hash per page: when a data file
 * changes, the preview (`npm start`) renders again only the pages whose hash changed (and
 * the print edition, which holds them all; ./eleventy/incremental.ts).
 *
 * A page shows data only through the engine's tags. Of those, a page that uses only
 * `stat`, `keyStat` and `figure` with a written key (besides tags that show no data: `ref`,
 * which the content places, and the set pieces) shows exactly those stats as formatted and
 * those figures as drawn, with their "updated since" note; its layout adds the stats its
 * front matter's `openerStats` names. Any other tag (a family's `view`, the claims
 * register, the data page, an `include`, a key that is not written out) or any `{{ … }}`
 * may show anything of the data: such a page's hash is the hash of the whole data folder,
 * so it is rendered again after every data edit. What every page shows (the preview's
 * notices) is the prepared report's `siteWide`, not this.
 */
import { createHash } from "node:crypto";
import type { ContentFile } from "./figures/placement.ts";
import type { RenderedFigure } from "./figures/render.ts";
import { changesTitle, figureNote } from "./release/page.ts";
import type { ReleaseState } from "./release/store.ts";
import type { StatRegistry } from "./stats/registry.ts";

/** Tags that show no data, or only what the keys read below say. */
const UNDERSTOOD_TAGS = new Set(["stat", "keyStat", "figure", "ref", "keyStats", "endkeyStats", "callout", "endcallout", "pullQuote", "endpullQuote"]);
/** Tags whose first argument is a key of the data, and must be written out to be read here. */
const KEYED_TAGS = new Set(["stat", "keyStat", "figure"]);
const TAG = /\{%-?\s*([A-Za-z_]\w*)(\s+(["'])([^"']*)\3)?/g;

/** The stat and figure keys a page shows, or undefined when it may show anything of the data. */
export function keysShown(file: Pick<ContentFile, "body" | "data">): { stats: string[]; figures: string[] } | undefined {
  if (file.body.includes("{{")) return undefined;
  const stats: string[] = [];
  const figures: string[] = [];
  for (const match of file.body.matchAll(TAG)) {
    const [, name, , , key] = match;
    if (!UNDERSTOOD_TAGS.has(name)) return undefined;
    if (!KEYED_TAGS.has(name)) continue;
    if (key === undefined) return undefined;
    (name === "figure" ? figures : stats).push(key);
  }
  const opener = file.data.openerStats;
  if (opener !== undefined) {
    if (!Array.isArray(opener)) return undefined;
    for (const tile of opener) {
      const key = (tile as { key?: unknown } | null)?.key;
      if (typeof key !== "string") return undefined;
      stats.push(key);
    }
  }
  return { stats, figures };
}

/** A drawn figure's hash, once per figure object (the preview keeps the objects of figures it did not draw again). */
const figureHashes = new WeakMap<RenderedFigure, string>();
function figureHash(figure: RenderedFigure | undefined): string {
  if (!figure) return "no such figure";
  let hash = figureHashes.get(figure);
  if (hash === undefined) {
    hash = createHash("sha256").update(JSON.stringify(figure)).digest("hex");
    figureHashes.set(figure, hash);
  }
  return hash;
}

/** A stat as the page shows it; a key that does not format is left for the page's render to report. */
function shownStat(stats: StatRegistry, key: string): string {
  try {
    return stats.format(key);
  } catch (error) {
    return `not shown: ${(error as Error).message}`;
  }
}

export interface ShownData {
  readonly stats: StatRegistry;
  readonly figures: ReadonlyMap<string, RenderedFigure>;
  readonly release: ReleaseState;
  /** The content pages, for the figures' notes' links. */
  readonly pages: readonly { readonly inputPath: string; readonly url: string }[];
  /** The hash of the whole data folder. */
  readonly dataKey: string;
}

/** Each content file's hash of what it shows of the data, by its input path. */
export function pageDataHashes(files: readonly ContentFile[], shown: ShownData): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const file of files) {
    const keys = keysShown(file);
    const hashed = keys
      ? JSON.stringify([
          keys.stats.map((key) => [key, shownStat(shown.stats, key)]),
          keys.figures.map((key) => [key, figureHash(shown.figures.get(key)), figureNote(shown.release, key, shown.pages)]),
        ])
      : `the whole data folder ${shown.dataKey}`;
    hashes.set(file.inputPath, createHash("sha256").update(hashed).digest("hex"));
  }
  return hashes;
}

/** Every tag name and whether `{{` is written, in a front matter's string values. */
function templateSyntax(value: unknown, found: { tags: Set<string>; output: boolean }): void {
  if (typeof value === "string") {
    for (const match of value.matchAll(TAG)) found.tags.add(match[1]);
    if (value.includes("{{")) found.output = true;
  } else if (Array.isArray(value)) {
    for (const item of value) templateSyntax(item, found);
  } else if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) templateSyntax(item, found);
  }
}

/**
 * What the listed pages' front matter shows of the data on every page: each page of the
 * contents has its title (and kicker, description) in every page's contents list and in the
 * print edition, and a title may be computed (What changed is titled by the release it is
 * compared with: `{% whatChangedTitle %}`). That title as it now reads; the hash of the whole
 * data folder when a listed page's front matter uses any other tag or `{{ … }}`.
 */
export function listedFrontMatterShown(listed: readonly Pick<ContentFile, "data">[], shown: Pick<ShownData, "release" | "dataKey">): string[] {
  const found = { tags: new Set<string>(), output: false };
  for (const file of listed) templateSyntax(file.data, found);
  if (found.output || [...found.tags].some((tag) => tag !== "whatChangedTitle")) return [`the whole data folder ${shown.dataKey}`];
  return found.tags.has("whatChangedTitle") ? [changesTitle(shown.release)] : [];
}
