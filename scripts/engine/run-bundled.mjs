#!/usr/bin/env node
// Runs one of the engine's commands from JavaScript that esbuild bundles from its TypeScript
// first (`npm run build` is `node scripts/engine/run-bundled.mjs build …`).
//
// Why: under tsx, every module a build loads goes through tsx's loader hooks, on another
// thread; loading the build's modules took 2.9 s against 1.6 s for the same libraries in
// plain Node (`npm run bench`, "Starting and loading"). Bundled, they load in about 1.1 s, and
// bundling them all takes under a tenth of a second, so it is done at every run: nothing
// stale can be run. Packages stay outside the bundle (Node loads them from node_modules).
//
// The modules loaded by path at run time are bundled as entries of their own, sharing chunks
// with the command, so that each is one copy: Eleventy's configuration (.eleventy.js, which
// Eleventy imports itself), the report's definition (the project's scripts/report/index.ts,
// or --report's) and the render pool's worker. Their bundled files are named on globalThis
// for scripts/engine/bundle.ts. A module's import.meta (its folder, its URL) is written into
// the bundle as its own source file's, so that it finds what lives beside it.
//
// The bundle goes to .cache/bundle/<sha256 of its files>/ under the engine's folder, written
// whole to a temporary folder and renamed, so that builds running at once do not see each
// other's half-written files; a folder whose files are not the bundle's (edited, cut short)
// is written again before anything runs from it; bundles unused for a day are removed.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const ENGINE_ROOT = path.resolve(import.meta.dirname, "../..");
// REPORT_BUNDLE_DIR: another folder for the bundles (a test's); inside the engine's folder, so that Node finds its node_modules.
const BUNDLES = path.resolve(process.env.REPORT_BUNDLE_DIR ?? path.join(ENGINE_ROOT, ".cache", "bundle"));
const COMMANDS = { build: path.join(ENGINE_ROOT, "scripts", "engine", "build.ts") };
const DAY_MS = 24 * 60 * 60 * 1000;

/** The report definition the command will load: --report's, else the project's (--root, default "."). */
function definitionFile(args) {
  const { values } = parseArgs({ args, strict: false, options: { root: { type: "string" }, report: { type: "string" } } });
  if (typeof values.report === "string") return path.resolve(values.report);
  return path.resolve(typeof values.root === "string" ? values.root : ".", "scripts", "report", "index.ts");
}

/** esbuild plugin: each module's import.meta.{dirname,filename,url} as its source file's. */
const ownImportMeta = {
  name: "own-import-meta",
  setup(bundle) {
    bundle.onLoad({ filter: /\.(ts|js|mjs)$/ }, async ({ path: file }) => {
      if (file.split(path.sep).includes("node_modules")) return undefined;
      const source = await readFile(file, "utf8");
      const contents = source
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(file)))
        .replaceAll("import.meta.filename", JSON.stringify(file))
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(file).href));
      return { contents, loader: file.endsWith(".ts") ? "ts" : "js" };
    });
  },
};

async function bundleFor(script, args) {
  const entries = {
    command: script,
    "eleventy-config": path.join(ENGINE_ROOT, ".eleventy.js"),
    "pool-worker": path.join(ENGINE_ROOT, "scripts", "engine", "render", "pool-worker.ts"),
  };
  const definition = definitionFile(args);
  // A missing definition is the command's to report, at its place.
  if (await stat(definition).then((s) => s.isFile(), () => false)) entries.definition = definition;
  const result = await build({
    entryPoints: entries,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outdir: "out",
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    write: false,
    logLevel: "silent",
    plugins: [ownImportMeta],
  });
  const outDir = path.resolve("out");
  const files = result.outputFiles.map((file) => ({ name: path.relative(outDir, file.path), bytes: file.contents })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file.name}\0${file.bytes.length}\0`).update(file.bytes);
  const folder = path.join(BUNDLES, hash.digest("hex").slice(0, 16));
  // A folder of that name holds these files, unless something changed them since: then it is written again.
  const intact = async () => {
    for (const file of files) {
      const bytes = await readFile(path.join(folder, file.name)).catch(() => undefined);
      if (!bytes || !Buffer.from(file.bytes).equals(bytes)) return false;
    }
    return true;
  };
  if (!(await intact())) {
    await rm(folder, { recursive: true, force: true });
    const temporary = `${folder}.partial-${process.pid}`;
    for (const file of files) {
      await mkdir(path.dirname(path.join(temporary, file.name)), { recursive: true });
      await writeFile(path.join(temporary, file.name), file.bytes);
    }
    // Another build may have written the same folder meanwhile: then its copy is used.
    await rename(temporary, folder).catch(async () => rm(temporary, { recursive: true, force: true }));
    if (!(await intact())) throw new Error(`run-bundled.mjs: the bundle in ${path.relative(process.cwd(), folder)} could not be written whole`);
  }
  const now = new Date();
  await utimes(folder, now, now).catch(() => undefined);
  const urls = new Map(Object.entries(entries).map(([name, source]) => [source, pathToFileURL(path.join(folder, `${name}.mjs`)).href]));
  return { folder, command: urls.get(entries.command), entries: urls };
}

/** Remove bundles not used for a day, and temporary folders of bundles that were never finished. */
async function removeOldBundles(keep) {
  const names = await readdir(BUNDLES).catch(() => []);
  for (const name of names) {
    const folder = path.join(BUNDLES, name);
    if (folder === keep) continue;
    const { mtimeMs } = await stat(folder).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > DAY_MS) await rm(folder, { recursive: true, force: true });
  }
}

// A command by name, or a TypeScript file to run bundled (the benchmark times loading so).
const [command, ...args] = process.argv.slice(2);
const script = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : command?.endsWith(".ts") && (await stat(command).then((s) => s.isFile(), () => false)) ? path.resolve(command) : undefined;
if (!script) {
  console.error(`run-bundled.mjs: unknown command ${JSON.stringify(command)}; the commands are ${Object.keys(COMMANDS).join(", ")}, or a .ts file`);
  process.exit(2);
}
const bundle = await bundleFor(script, args);
await removeOldBundles(bundle.folder);
globalThis[Symbol.for("report-engine.bundle")] = { entries: bundle.entries };
// The command runs its main() when it is the script Node was started with, as under tsx.
process.argv = [process.argv[0], script, ...args];
await import(bundle.command);
