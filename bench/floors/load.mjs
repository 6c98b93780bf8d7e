/**
 * The plain-Node side of "starting and loading" in `npm run bench`: import the libraries the
 * build uses, in plain Node, with none of the engine's code, and print one JSON line with the
 * milliseconds from the start of the process to the last import.
 * Usage: node bench/floors/load.mjs
 */
/**
 * Every package of package.json's dependencies that the build's module graph
 * (bench/floors/load-pipeline.ts) loads, as a resolve hook counting node_modules/ paths
 * found them; the entry points are the ones the engine imports.
 */
const LIBRARIES = [
  "@11ty/eleventy",
  "csv-parse/sync",
  "csv-stringify/sync",
  "fflate",
  "fontkit",
  "gray-matter",
  "jsonc-parser",
  "markdown-it",
  "markdown-it-anchor",
  "markdown-it-footnote",
  "nunjucks",
  "pagefind",
  "parse5",
  "vega",
  "vega-lite",
  "zod",
];

for (const library of LIBRARIES) await import(library);
console.log(JSON.stringify({ libraries: LIBRARIES, ms: performance.now() }));
