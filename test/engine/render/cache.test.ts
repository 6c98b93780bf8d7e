import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheKey, processCacheCounts, SvgCache } from "../../../scripts/engine/render/cache.ts";
import { RENDERER_ID } from "../../../scripts/engine/render/svg.ts";

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

  it("works in memory only", async () => {
    const cache = new SvgCache(null, fakeRenderer);
    await cache.svgFor(spec([{ a: "x", b: 1 }]), "m");
    await cache.svgFor(spec([{ a: "x", b: 1 }]), "m");
    expect(cache.counts).toEqual({ hits: 1, misses: 1, repaired: 0 });
  });
});
