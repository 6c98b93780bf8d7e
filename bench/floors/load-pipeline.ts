/**
 * The tsx side of "starting and loading" in `npm run bench`: import the module graph a cold
 * build loads (the command, the Eleventy plugin and everything it pulls in: data, families,
 * charts, renderer, search; Eleventy itself; the report's definition) without building, and
 * print one JSON line with the milliseconds from the start of the process to the last import.
 * Run as `tsx bench/floors/load-pipeline.ts`, as `npm run build` runs the build.
 */
const MODULES = [
  "../../scripts/engine/build.ts",
  "../../scripts/engine/eleventy/plugin.ts",
  "../../scripts/engine/prepare.ts",
  "../../scripts/engine/render/svg.ts",
  "../../scripts/engine/render/pool.ts",
  "../../scripts/engine/eleventy/search.ts",
  "../../scripts/report/index.ts",
  "@11ty/eleventy",
];
for (const module of MODULES) await import(module);
export {};
console.log(JSON.stringify({ modules: MODULES.length, ms: performance.now() }));
