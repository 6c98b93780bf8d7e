/**
 * Floor (c) of `npm run bench`: pagefind alone indexing a built site's HTML pages, through its
 * Node API with the selectors the build leaves out (scripts/engine/eleventy/search.ts's
 * INDEX_LEAVES_OUT, handed over as JSON), in plain Node. Writes the index to OUT_DIR and prints
 * one JSON line: pages indexed, milliseconds from the start of the process to the index written.
 * Usage: node bench/floors/pagefind.mjs SITE_DIR OUT_DIR '["table", …]'
 */
import * as pagefind from "pagefind";

const [site, out, leftOut] = process.argv.slice(2);
const { index, errors } = await pagefind.createIndex({
  forceLanguage: "en",
  excludeSelectors: JSON.parse(leftOut ?? "[]"),
});
if (!index) throw new Error(errors.join("; "));
const added = await index.addDirectory({ path: site, glob: "**/*.html" });
if (added.errors.length > 0) throw new Error(added.errors.join("; "));
const written = await index.writeFiles({ outputPath: out });
if (written.errors.length > 0) throw new Error(written.errors.join("; "));
await pagefind.close();
console.log(JSON.stringify({ pages: added.page_count, ms: performance.now() }));
