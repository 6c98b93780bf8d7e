/**
 * What shapes an SVG besides its spec: Vega's and Vega-Lite's versions, the font measured, and
 * the version of our own finishing of the SVG. Part of every chart cache key (./cache.ts).
 *
 * The versions are read from the packages' own package.json, not from the loaded libraries, so
 * that a build whose charts all come from the cache checks them without loading Vega (about half
 * a second of a forced rebuild); ./svg.ts checks, when it loads Vega, that these are the versions
 * it loaded.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fontMetricsId } from "./text-metrics.ts";

/** The version in an installed package's package.json (found upwards from its entry point: neither package exports its package.json). */
export function installedVersion(name: string): string {
  let folder = path.dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const manifest = path.join(folder, "package.json");
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
      if (json.name === name && typeof json.version === "string") return json.version;
    }
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`the installed version of ${name} could not be found`);
    folder = parent;
  }
}

/** Bump the number when the renderer's own handling of the SVG changes (ids, finishing). */
export const RENDERER_ID = `vega@${installedVersion("vega")} vega-lite@${installedVersion("vega-lite")} ${fontMetricsId()} svg-pipeline@3`;
