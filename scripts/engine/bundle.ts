/**
 * Where a module of the engine runs from when the command was started from a bundle
 * (scripts/engine/run-bundled.mjs: `npm run build`). The bundle holds every module the
 * command loads, split into shared chunks, and names, for each module loaded by path at run
 * time (Eleventy's configuration, the report's definition, the render pool's worker), the
 * file it is bundled as; they must be loaded from there, or they would be separate copies of
 * the engine (and TypeScript, which plain Node does not run). Outside a bundle (tsx, vitest,
 * `npm start`), every module runs from its own file.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

/** What run-bundled.mjs leaves on globalThis before it imports the command. */
interface BundleRecord {
  /** Each source file loaded by path (absolute), and the URL of its bundled entry. */
  readonly entries: ReadonlyMap<string, string>;
}

const SLOT = Symbol.for("report-engine.bundle");

/** The bundled entry's URL for a source file, when the process runs from a bundle holding it. */
export function bundledEntry(sourceFile: string): string | undefined {
  const record = (globalThis as { [SLOT]?: BundleRecord })[SLOT];
  return record?.entries.get(path.resolve(sourceFile));
}

/** The URL to import a module by path from: its bundled entry, else its own file. */
export function moduleUrl(sourceFile: string): string {
  return bundledEntry(sourceFile) ?? pathToFileURL(sourceFile).href;
}
