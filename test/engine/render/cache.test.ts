import fs from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import * as vl from "vega-lite";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cacheEntry, cacheKey, processCacheCounts, SvgCache, sweepCache, verifiedEntry } from "../../../scripts/engine/render/cache.ts";
import { RENDERER_ID } from "../../../scripts/engine/render/renderer-id.ts";

const spec = (values: { a: string; b: number }[], mark: "bar" | "point" = "bar"): TopLevelSpec => ({
  data: { values },
  mark,
  encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
});

describe("SvgCache", () => {
  let dir: string;
  let renders: string[];
  const fakeRenderer = async (s: TopLevelSpec, label: string) => {
    renders.push(label);
    return `<svg data-render="${renders.length}">${JSON.stringify(s).length}</svg>`;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "svg-cache-"));
    renders = [];
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("renders once for the same spec, from memory and from disk", async () => {
    const first = new SvgCache(dir, fakeRenderer);
    const a = await first.svgFor(spec([{ a: "x", b: 1 }]), "a");
    expect(await first.svgFor(spec([{ a: "x", b: 1 }]), "a")).toBe(a);
    expect(first.counts).toEqual({ hits: 1, misses: 1, repaired: 0 });
    // A new cache on the same folder (the next build) reads the file instead of rendering.
    const second = new SvgCache(dir, fakeRenderer);
    expect(await second.svgFor(spec([{ a: "x", b: 1 }]), "a")).toBe(a);
    expect(second.counts).toEqual({ hits: 1, misses: 0, repaired: 0 });
    expect(renders).toEqual(["a"]);
    expect((await readdir(dir)).filter((f) => f.endsWith(".svg"))).toHaveLength(1);
  });

  it("draws again and replaces a disk entry swapped for another chart's, cut short, edited, or without its check", async () => {
    const [one, two] = [spec([{ a: "x", b: 1 }]), spec([{ a: "y", b: 2 }])];
    const first = new SvgCache(dir, fakeRenderer);
    const [svgOne, svgTwo] = [await first.svgFor(one, "one"), await first.svgFor(two, "two")];
    const file = (s: TopLevelSpec) => path.join(dir, `${cacheKey(s)}.svg`);
    const damage = async (how: (own: string, other: string) => string) => {
      await writeFile(file(one), how(await readFile(file(one), "utf8"), await readFile(file(two), "utf8")));
      renders = [];
      const next = new SvgCache(dir, fakeRenderer);
      // The next build draws it again: the right chart, not the damaged file's.
      expect(await next.svgFor(one, "one")).toBe(svgOne);
      expect([renders, next.counts]).toEqual([["one"], { hits: 0, misses: 1, repaired: 1 }]);
      // And replaces the file: the build after reads it again.
      const after = new SvgCache(dir, fakeRenderer);
      expect(await after.svgFor(one, "one")).toBe(svgOne);
      expect(after.counts).toEqual({ hits: 1, misses: 0, repaired: 0 });
    };
    await damage((_own, other) => other); // another chart's file under this key
    await damage((own) => own.slice(0, own.length - 5)); // cut short
    await damage((own) => own.replace("<svg", "<svg onload=\"x\"")); // edited
    await damage((own) => own.slice(own.indexOf("\n") + 1)); // the bare SVG, as an older cache wrote it
    expect(svgTwo).not.toBe(svgOne);
  });

  it("misses when the data changes", async () => {
    const cache = new SvgCache(dir, fakeRenderer);
    await cache.svgFor(spec([{ a: "x", b: 1 }]), "before");
    await cache.svgFor(spec([{ a: "x", b: 2 }]), "after");
    expect(cache.counts.misses).toBe(2);
  });

  it("misses when the spec changes but the data does not", async () => {
    const cache = new SvgCache(dir, fakeRenderer);
    await cache.svgFor(spec([{ a: "x", b: 1 }], "bar"), "bar");
    await cache.svgFor(spec([{ a: "x", b: 1 }], "point"), "point");
    expect(cache.counts.misses).toBe(2);
  });

  it("misses when the renderer version changes", async () => {
    await new SvgCache(dir, fakeRenderer, "vega@6.4.0 vega-lite@6.4.1 svg-pipeline@1").svgFor(spec([{ a: "x", b: 1 }]), "old");
    const upgraded = new SvgCache(dir, fakeRenderer, "vega@6.5.0 vega-lite@6.4.1 svg-pipeline@1");
    await upgraded.svgFor(spec([{ a: "x", b: 1 }]), "new");
    expect(upgraded.counts).toEqual({ hits: 0, misses: 1, repaired: 0 });
    expect(renders).toEqual(["old", "new"]);
  });

  it("keys on the installed renderer versions by default", () => {
    // Vega, Vega-Lite, and the font whose metrics lay the text out.
    expect(RENDERER_ID).toMatch(/^vega@\d+\.\d+\.\d+ vega-lite@\d+\.\d+\.\d+ @fontsource\/source-sans-3@\d+\.\d+\.\d+ svg-pipeline@\d+$/);
    expect(cacheKey(spec([{ a: "x", b: 1 }]))).toBe(cacheKey(spec([{ a: "x", b: 1 }]), RENDERER_ID));
    // Read from the installed packages' package.json (no Vega loaded): the versions Vega and Vega-Lite say they are.
    expect(RENDERER_ID.startsWith(`vega@${vega.version} vega-lite@${vl.version} `)).toBe(true);
    expect(cacheKey(spec([{ a: "x", b: 1 }]))).not.toBe(cacheKey(spec([{ a: "x", b: 1 }]), `${RENDERER_ID}+`));
  });

  it("with the real renderer (through the render pool), misses on a new spec, new data and a new renderer, and hits otherwise", async () => {
    const before = { ...processCacheCounts() };
    const cache = new SvgCache(dir);
    const drawn = await cache.svgFor(spec([{ a: "x", b: 1 }]), "first");
    expect(drawn).toMatch(/^<svg[^>]*class="marks"/);
    expect(await new SvgCache(dir).svgFor(spec([{ a: "x", b: 1 }]), "again")).toBe(drawn);
    await cache.svgFor(spec([{ a: "x", b: 1 }], "point"), "spec changed");
    await cache.svgFor(spec([{ a: "x", b: 2 }]), "data changed");
    expect(cache.counts).toEqual({ hits: 0, misses: 3, repaired: 0 });
    const upgraded = new SvgCache(dir, undefined, `${RENDERER_ID}+next`);
    expect(await upgraded.svgFor(spec([{ a: "x", b: 1 }]), "renderer changed")).toBe(drawn);
    expect(upgraded.counts).toEqual({ hits: 0, misses: 1, repaired: 0 });
    expect((await readdir(dir)).filter((f) => f.endsWith(".svg"))).toHaveLength(4);
    // Every cache in the process adds to the counts `npm run build` prints.
    expect(processCacheCounts()).toEqual({ hits: before.hits + 1, misses: before.misses + 4, repaired: before.repaired });
  });

  it("draws a chart once when it is asked for twice at the same time", async () => {
    const cache = new SvgCache(dir, fakeRenderer);
    const [a, b] = await Promise.all([cache.svgFor(spec([{ a: "x", b: 1 }]), "one"), cache.svgFor(spec([{ a: "x", b: 1 }]), "two")]);
    expect(b).toBe(a);
    expect(renders).toEqual(["one"]);
    expect(cache.counts).toEqual({ hits: 1, misses: 1, repaired: 0 });
  });

  it("in fresh mode (--no-cache) draws every chart, and makes each entry the fresh drawing", async () => {
    const [one, two] = [spec([{ a: "x", b: 1 }]), spec([{ a: "y", b: 2 }])];
    const first = new SvgCache(dir, fakeRenderer);
    await first.svgFor(one, "one");
    await first.svgFor(two, "two");
    // two's entry passes its check but holds another drawing (a header made for the wrong SVG).
    const forged = cacheEntry(cacheKey(two), "<svg>not two</svg>");
    await writeFile(path.join(dir, `${cacheKey(two)}.svg`), forged);
    renders = [];
    const fresh = new SvgCache(dir, fakeRenderer, RENDERER_ID, "fresh");
    const [svgOne, svgTwo] = [await fresh.svgFor(one, "one"), await fresh.svgFor(two, "two")];
    expect(renders).toEqual(["one", "two"]);
    // one's entry already held its fresh drawing; two's is replaced by it.
    expect(fresh.counts).toEqual({ hits: 0, misses: 2, repaired: 1 });
    expect(await readFile(path.join(dir, `${cacheKey(one)}.svg`), "utf8")).toBe(cacheEntry(cacheKey(one), svgOne));
    expect(await readFile(path.join(dir, `${cacheKey(two)}.svg`), "utf8")).toBe(cacheEntry(cacheKey(two), svgTwo));
  });

  it("on a folder that cannot be written (a full disk) says so once and draws on, keeping nothing half written", async () => {
    const write = fs.promises.writeFile;
    // Replaced on the module object, then synced to the named export cache.ts imports. A full disk fails the write itself.
    fs.promises.writeFile = (async (file: Parameters<typeof write>[0], ...rest: unknown[]) => {
      if (String(file).startsWith(dir)) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
      return (write as (...args: unknown[]) => Promise<void>)(file, ...rest);
    }) as typeof write;
    syncBuiltinESMExports();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const cache = new SvgCache(dir, fakeRenderer);
      expect(await cache.svgFor(spec([{ a: "x", b: 1 }]), "a")).toContain("<svg");
      expect(await cache.svgFor(spec([{ a: "y", b: 2 }]), "b")).toContain("<svg");
      expect(renders).toEqual(["a", "b"]);
      expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([`no space left on the device holding ${dir} (the chart cache): the charts of this build are drawn without keeping them there, and the site is not affected.`]);
    } finally {
      fs.promises.writeFile = write;
      syncBuiltinESMExports();
      warn.mockRestore();
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it("works in memory only", async () => {
    const cache = new SvgCache(null, fakeRenderer);
    await cache.svgFor(spec([{ a: "x", b: 1 }]), "m");
    await cache.svgFor(spec([{ a: "x", b: 1 }]), "m");
    expect(cache.counts).toEqual({ hits: 1, misses: 1, repaired: 0 });
  });
});

describe("sweepCache", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "svg-sweep-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("removes every entry that fails its check and keeps the rest, and the files that are not entries", async () => {
    const key = (n: number) => String(n).repeat(64);
    const good = cacheEntry(key(1), "<svg>1</svg>");
    await writeFile(path.join(dir, `${key(1)}.svg`), good);
    await writeFile(path.join(dir, `${key(2)}.svg`), good); // key 1's entry under key 2's name
    await writeFile(path.join(dir, `${key(3)}.svg`), cacheEntry(key(3), "<svg>3</svg>").slice(0, -4)); // cut short
    await writeFile(path.join(dir, `${key(4)}.svg`), "<svg>4</svg>"); // no check line
    await writeFile(path.join(dir, "build-0123456789abcdef.json"), "{}");
    await writeFile(path.join(dir, `${key(5)}.svg.99.tmp`), "<svg");
    const swept = await sweepCache(dir);
    expect(swept).toEqual({ checked: 4, removed: [2, 3, 4].map((n) => path.join(dir, `${key(n)}.svg`)) });
    expect((await readdir(dir)).sort()).toEqual([`${key(1)}.svg`, `${key(5)}.svg.99.tmp`, "build-0123456789abcdef.json"].sort());
    expect(verifiedEntry(key(1), await readFile(path.join(dir, `${key(1)}.svg`), "utf8"))).toBe("<svg>1</svg>");
  });

  it("finds nothing in a folder that is not there", async () => {
    expect(await sweepCache(path.join(dir, "none"))).toEqual({ checked: 0, removed: [] });
  });
});
