/**
 * The engine's side of "starting and loading" in `npm run bench`: import the module graph a
 * cold build loads (the command, the Eleventy plugin and everything it pulls in: data,
 * families, charts, renderer, search; Eleventy itself; the report's definition) without
 * building, and print one JSON line with the milliseconds from the start of the process to
 * the last import. Run as `npm run build` runs the build (`node scripts/engine/run-bundled.mjs
 * bench/floors/load-pipeline.ts`: bundled first, bundling included), and under tsx for
 * comparison (`tsx bench/floors/load-pipeline.ts`). The imports are written out, so that the
 * bundler sees them.
 */
import "../../scripts/engine/build.ts";
import "../../scripts/engine/eleventy/plugin.ts";
import "../../scripts/engine/prepare.ts";
import "../../scripts/engine/render/svg.ts";
import "../../scripts/engine/render/pool.ts";
import "../../scripts/engine/eleventy/search.ts";
import "../../scripts/report/index.ts";
import "@11ty/eleventy";

console.log(JSON.stringify({ modules: 8, ms: performance.now() }));
