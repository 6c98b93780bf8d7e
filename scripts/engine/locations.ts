/**
 * Where things live: the engine's own folder, and where the build keeps what it may reuse
 * next time (rendered SVGs and the record of the last build, scripts/engine/build-state.ts).
 * Light, so the up-to-date check can ask without loading the pipeline.
 */
import path from "node:path";

/** The engine: this repository's folder, with .eleventy.js, _includes/ and assets/ (shared by every project it builds). */
export const ENGINE_ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Where rendered SVGs (and build records) are kept across builds: <root>/.cache/svg,
 * another folder named by REPORT_SVG_CACHE, or nowhere (memory only, every build runs)
 * when REPORT_SVG_CACHE=off.
 */
export function svgCacheDir(root: string, setting = process.env.REPORT_SVG_CACHE): string | null {
  if (setting === "off") return null;
  return setting ? path.resolve(setting) : path.join(root, ".cache", "svg");
}

/** The environment variable that sets the path prefix (scripts/engine/eleventy/path-prefix.ts) when the command line does not. */
export const PATH_PREFIX_ENV = "REPORT_PATH_PREFIX";

/** The environment variable that sets the site's address (scripts/engine/eleventy/site-url.ts) when the command line does not. */
export const SITE_URL_ENV = "REPORT_SITE_URL";
