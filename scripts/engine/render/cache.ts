/**
 * A content-addressed cache of rendered SVG. The key is the sha256 of the renderer
 * identity and the full spec (which inlines the plotted data), so any change to the
 * spec, the data or the renderer versions is a different key: the cache can miss
 * needlessly but can never serve a stale chart. Entries live in memory for watch
 * mode and on disk (.cache/svg) across builds; disk writes are atomic.
 *
 * A file on disk is not trusted for its name alone: it opens with a line naming its key and
 * the sha256 of the SVG after it, and is used only when both match. A file swapped for
 * another chart's, cut short, edited or left by an older format is drawn again and replaced
 * (counted as `repaired`), so a damaged cache can cost time but never a wrong page.
 *
 * `npm run build -- --no-cache` uses no entry: the cache is made in "fresh" mode, where every
 * chart is drawn and an entry that differs from the fresh drawing is replaced (counted as
 * `repaired` too), and the build first sweeps the folder (sweepCache), removing every entry that
 * fails its check, so what a build without the cache found wrong does not stay for the next.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { sharedPool } from "./pool.ts";
import { RENDERER_ID } from "./renderer-id.ts";
import { naming, writeFailure } from "../write-failure.ts";

export type Renderer = (spec: TopLevelSpec, label: string) => Promise<string>;

export interface CacheCounts {
  hits: number;
  misses: number;
  /** Of the misses, entries found on disk that were wrong and were replaced: failing their check, or (fresh mode) not the fresh drawing. */
  repaired: number;
}

/** "use": an entry that passes its check is used. "fresh": every chart is drawn, and the entries are made to hold the fresh drawings. */
export type CacheMode = "use" | "fresh";

/** The first line of a cache file: its key and the sha256 of the SVG that follows. */
const entryHeader = (key: string, svg: string) => `<!-- svg-cache key=${key} sha256=${createHash("sha256").update(svg).digest("hex")} -->\n`;

/** The SVG of a cache file if it is the entry for `key`, whole; undefined otherwise. */
export function verifiedEntry(key: string, file: string): string | undefined {
  const newline = file.indexOf("\n");
  if (newline < 0) return undefined;
  const svg = file.slice(newline + 1);
  return file.slice(0, newline + 1) === entryHeader(key, svg) ? svg : undefined;
}

/** A cache file's contents for `key`: the header line, then the SVG. */
export const cacheEntry = (key: string, svg: string) => entryHeader(key, svg) + svg;

/** sha256 of the given parts joined by NUL bytes: the one hash of a spec, with or without the renderer. */
function hashParts(...parts: readonly string[]): string {
  const hash = createHash("sha256");
  parts.forEach((part, index) => (index === 0 ? hash : hash.update("\0")).update(part));
  return hash.digest("hex");
}

export function cacheKey(spec: TopLevelSpec, rendererId = RENDERER_ID): string {
  return hashParts(rendererId, JSON.stringify(spec));
}

/**
 * The hash of a figure's specs (each of its renderings, wide then narrow) and the plotted
 * data they inline, without the renderer: it changes when the chart's content changes in
 * any rendering, not when Vega is upgraded. Release manifests of schema 1 recorded it as a
 * figure's one hash; the build works it out again to compare with them (release/store.ts).
 * A figure with one rendering hashes as its one spec.
 */
export function specHash(...specs: readonly TopLevelSpec[]): string {
  return hashParts(...specs.map((spec) => JSON.stringify(spec)));
}

/**
 * Hits and misses of every SvgCache in this process, for `npm run build` to report and
 * `npm run bench` to count. Kept on globalThis: under a test runner Eleventy can load a
 * second copy of this module.
 */
export function processCacheCounts(): CacheCounts {
  const slot = Symbol.for("report-engine.svg-cache.counts");
  const holder = globalThis as { [slot]?: CacheCounts };
  holder[slot] ??= { hits: 0, misses: 0, repaired: 0 };
  return holder[slot];
}

/** Renders on every core through the process-wide pool (pool.ts). */
const pooledRender: Renderer = (spec, label) => sharedPool().render(spec, label);

export class SvgCache {
  private readonly memory = new Map<string, string>();
  private readonly pending = new Map<string, Promise<string>>();
  readonly counts: CacheCounts = { hits: 0, misses: 0, repaired: 0 };
  /** Whether a write to the folder has failed (and been said): nothing more is written to it. */
  private unwritable = false;

  constructor(
    /** Folder for cached files, or null for memory only. */
    private readonly dir: string | null,
    private readonly render: Renderer = pooledRender,
    readonly rendererId: string = RENDERER_ID,
    private readonly mode: CacheMode = "use",
  ) {}

  /**
   * The cached SVG of a spec, rendering it on a miss. Figures are asked for all at once,
   * so a second request for a chart already being looked up or drawn waits for that one
   * (and counts as a hit) instead of drawing it again.
   */
  async svgFor(spec: TopLevelSpec, label: string): Promise<string> {
    const key = cacheKey(spec, this.rendererId);
    const pending = this.pending.get(key);
    if (pending) {
      this.count("hits");
      return pending;
    }
    const work = this.lookUpOrRender(key, spec, label);
    this.pending.set(key, work);
    try {
      return await work;
    } finally {
      this.pending.delete(key);
    }
  }

  private async lookUpOrRender(key: string, spec: TopLevelSpec, label: string): Promise<string> {
    const onDisk = this.memory.has(key) ? undefined : await this.readDisk(key);
    if (this.mode === "fresh" && !this.memory.has(key)) return this.drawFresh(key, spec, label, onDisk);
    const remembered = this.memory.get(key) ?? (onDisk === undefined ? undefined : verifiedEntry(key, onDisk));
    if (onDisk !== undefined && remembered === undefined) this.count("repaired");
    if (remembered !== undefined) {
      this.count("hits");
      this.memory.set(key, remembered);
      return remembered;
    }
    this.count("misses");
    const svg = await this.render(spec, label);
    this.memory.set(key, svg);
    await this.writeDisk(key, svg);
    return svg;
  }

  /** Fresh mode: draw, and write the entry unless the file already holds exactly it. */
  private async drawFresh(key: string, spec: TopLevelSpec, label: string, onDisk: string | undefined): Promise<string> {
    this.count("misses");
    const svg = await this.render(spec, label);
    this.memory.set(key, svg);
    if (onDisk === cacheEntry(key, svg)) return svg;
    if (onDisk !== undefined) this.count("repaired");
    await this.writeDisk(key, svg);
    return svg;
  }

  /** Count a hit, miss or repair, in this cache and in the process's counts. */
  private count(kind: keyof CacheCounts): void {
    this.counts[kind] += 1;
    processCacheCounts()[kind] += 1;
  }

  private async readDisk(key: string): Promise<string | undefined> {
    if (!this.dir) return undefined;
    try {
      return await readFile(path.join(this.dir, `${key}.svg`), "utf8");
    } catch {
      return undefined;
    }
  }

  /**
   * Keep a drawing on disk for the next build. The cache only saves time: a folder that cannot
   * be written (a full disk, read-only, no permission) is said once, in one line, and the rest
   * of this build draws without saving, rather than fail a build whose site is unaffected.
   */
  private async writeDisk(key: string, svg: string): Promise<void> {
    if (!this.dir || this.unwritable) return;
    const target = path.join(this.dir, `${key}.svg`);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await naming(temporary, writeFile(temporary, cacheEntry(key, svg)));
      await rename(temporary, target);
    } catch (error) {
      // Only the cache folder is written here: it is every place writeFailure may name.
      const failure = writeFailure([error as Error], { outDir: this.dir, staging: this.dir, cacheDir: this.dir });
      if (!failure) throw error;
      await rm(temporary, { force: true }).catch(() => undefined);
      if (this.unwritable) return;
      this.unwritable = true;
      console.warn(`${failure.message}: the charts of this build are drawn without keeping them there, and the site is not affected.`);
    }
  }
}

/** A cache file's name: the key (a sha256 in hex) and ".svg". Other files there (build records, files being written) are not entries. */
const ENTRY_NAME = /^([0-9a-f]{64})\.svg$/;

/**
 * Check every entry of the cache folder and remove each that fails its check (verifiedEntry):
 * swapped for another key's, cut short, edited, or of an older format. Returns how many
 * entries were checked and the files removed. A missing folder holds nothing.
 */
export async function sweepCache(dir: string): Promise<{ checked: number; removed: string[] }> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { checked: 0, removed: [] };
    throw error;
  }
  const removed: string[] = [];
  let checked = 0;
  for (const name of names) {
    const key = ENTRY_NAME.exec(name)?.[1];
    if (key === undefined) continue;
    checked += 1;
    const file = path.join(dir, name);
    // An entry that cannot be read (a folder in its place) fails its check too.
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text !== undefined && verifiedEntry(key, text) !== undefined) continue;
    await rm(file, { recursive: true, force: true });
    removed.push(file);
  }
  return { checked, removed };
}
