/**
 * One scaling run, in a process of its own: draw N made-up charts through the build's
 * pipeline (SvgCache on an empty folder → render pool on every core → finishSvg and
 * presentationalChildren) and print one JSON line: charts, milliseconds, misses, and the
 * peak resident memory sampled every 10 ms. Usage: tsx bench/scale-child.ts N CACHE_DIR
 */
import { SvgCache } from "../scripts/engine/render/cache.ts";
import { settleInOrder } from "../scripts/engine/render/pool.ts";
import { finishSvg, presentationalChildren } from "../scripts/engine/render/stabilise.ts";
import { syntheticSpecs } from "./synthetic.ts";

const [count, cacheDir] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(count) || count < 1 || !cacheDir) throw new Error("usage: tsx bench/scale-child.ts N CACHE_DIR");

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);

const specs = syntheticSpecs(count);
const cache = new SvgCache(cacheDir);
const started = performance.now();
const svgs = await settleInOrder(
  specs.map(async (spec, index) => {
    const raw = await cache.svgFor(spec, `synthetic chart ${index + 1}`);
    return presentationalChildren(finishSvg(raw, { idPrefix: `figure-${index + 1}`, title: `Synthetic chart ${index + 1}`, description: "Made-up numbers." }));
  }),
);
const ms = performance.now() - started;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
if (svgs.some((svg) => !svg.startsWith("<svg"))) throw new Error("a synthetic chart did not render to SVG");
console.log(JSON.stringify({ charts: count, ms, misses: cache.counts.misses, peakRss, bytes: svgs.reduce((sum, svg) => sum + svg.length, 0) }));
