/**
 * What a build was made from, so that running the build again with nothing changed can
 * say "up to date" instead of rebuilding, the way make does. A build is up to date when
 * (1) every input hashes as it did when the output was written: the project's content,
 * data, releases, package.json and code (its report definition and families), the
 * folder of the definition it is built with, the engine's code, layouts, stylesheet and
 * lock file, the build's own options and the Node version; and (2) the output folder still holds
 * exactly what that build wrote (a hand edit or a deleted file means it is rebuilt).
 * Light on purpose: it imports nothing of the pipeline, so an up-to-date check costs
 * milliseconds, not the second or two of loading Eleventy and Vega.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ENGINE_ROOT } from "./locations.ts";
import { compareText } from "./compare.ts";

/** Folders and files of the project (content, data and its report's code) that the build reads. */
export const PROJECT_INPUTS = ["content", "data", "releases", "package.json", "scripts"] as const;
/** Folders and files of the engine (shared by every project) that shape the output. */
export const ENGINE_INPUTS = ["scripts", "_includes", "assets", ".eleventy.js", "package.json", "package-lock.json"] as const;

export interface BuildState {
  /** sha256 over every input file (path and bytes), the options and the Node version. */
  readonly inputs: string;
  /** sha256 over every file of the output folder (path and bytes). */
  readonly output: string;
}

/** Every file under `target` (a file or a folder), as [path relative to `base` with forward slashes, absolute path], sorted. */
async function filesUnder(base: string, target: string): Promise<[string, string][]> {
  const absolute = path.join(base, target);
  let entries;
  try {
    entries = await readdir(absolute, { recursive: true, withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file, not a folder: itself. Missing: nothing (a project without releases/ yet).
    if (code === "ENOTDIR") return [[target, absolute]];
    if (code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry): [string, string] => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(base, file).split(path.sep).join("/"), file];
    })
    .sort(([a], [b]) => compareText(a, b));
}

/** sha256 over the files' names and bytes, in order; a name is length-prefixed so no two lists hash alike. */
async function hashFiles(hash: ReturnType<typeof createHash>, label: string, files: readonly [string, string][]): Promise<void> {
  const contents = await Promise.all(files.map(([, file]) => readFile(file)));
  files.forEach(([name], index) => {
    const bytes = contents[index];
    hash.update(`${label}:${name.length}:${name}:${bytes.length}:`).update(bytes);
  });
}

/**
 * The fingerprint of everything a build of `root` reads, with the options that change
 * its output (anything JSON-serialisable; keys are sorted).
 */
export async function inputsFingerprint(root: string, options: Record<string, unknown> = {}, engine = ENGINE_ROOT, definitionFolder?: string): Promise<string> {
  const hash = createHash("sha256");
  for (const item of PROJECT_INPUTS) await hashFiles(hash, "project", await filesUnder(root, item));
  for (const item of ENGINE_INPUTS) await hashFiles(hash, "engine", await filesUnder(engine, item));
  // A definition kept outside the project (--report) is an input too, with the folder its families live in.
  if (definitionFolder) await hashFiles(hash, "report", await filesUnder(definitionFolder, "."));
  const sorted = Object.fromEntries(Object.entries(options).sort(([a], [b]) => compareText(a, b)));
  hash.update(`options:${JSON.stringify(sorted)}\nnode:${process.version}\n`);
  return hash.digest("hex");
}

/** The fingerprint of a built site: every file's path and bytes. A missing folder has none. */
export async function outputFingerprint(outDir: string): Promise<string | null> {
  const files = await filesUnder(outDir, ".");
  if (files.length === 0) return null;
  const hash = createHash("sha256");
  await hashFiles(hash, "output", files);
  return hash.digest("hex");
}

/** Where the state of the build into `outDir` is kept: one small file per output folder, under `stateDir`. */
export function stateFile(stateDir: string, outDir: string): string {
  const key = createHash("sha256").update(path.resolve(outDir)).digest("hex").slice(0, 16);
  return path.join(stateDir, `build-${key}.json`);
}

export async function readState(file: string): Promise<BuildState | null> {
  try {
    const state = JSON.parse(await readFile(file, "utf8")) as Partial<BuildState>;
    return typeof state.inputs === "string" && typeof state.output === "string" ? { inputs: state.inputs, output: state.output } : null;
  } catch {
    // Missing or unreadable: no record, so the build runs.
    return null;
  }
}

/** Record a finished build (written beside and renamed, so a crash never leaves half a record). */
export async function writeState(file: string, state: BuildState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state)}\n`);
  await rename(temporary, file);
}

/** Forget a build (before building again, so a failed build is never taken for a finished one). */
export async function clearState(file: string): Promise<void> {
  await rm(file, { force: true });
}

/**
 * Whether the output holds what a build from these inputs wrote. The output is hashed
 * only when the inputs match the record: after a change, the build need not read the
 * whole of the old site first.
 */
export async function isUpToDate(recorded: BuildState | null, inputs: string, outputNow: () => Promise<string | null>): Promise<boolean> {
  if (recorded === null || recorded.inputs !== inputs) return false;
  const output = await outputNow();
  return output !== null && recorded.output === output;
}
