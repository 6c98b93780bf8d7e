/**
 * The folder layout's rules, read from the import statements of every module under
 * scripts/ (static, type-only and dynamic imports, parsed by TypeScript itself):
 *   - the engine (scripts/engine/) imports nothing from the report (scripts/report/);
 *   - there is no import cycle anywhere under scripts/;
 *   - a family reaches another family only through its declared surface: its family.ts
 *     (the family and its result) and its datasets.ts (the datasets it defines);
 *     report-wide modules (scripts/report/shared/) import no family;
 *   - each folder of scripts/report/ but shared/ is one family, named after its folder and
 *     listed in scripts/report/index.ts.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import REPORT from "../scripts/report/index.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const SCRIPTS = path.join(REPO, "scripts");

/** Every TypeScript module under scripts/, relative to the repository, forward slashes. */
const modules = readdirSync(SCRIPTS, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts"))
  .map((entry) => path.relative(REPO, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
  .sort();

/** The modules a module imports, by repository path (only those inside the repository). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(REPO, file), "utf8"), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => path.posix.normalize(path.posix.join(path.posix.dirname(file), name)));
}

const graph = new Map(modules.map((file) => [file, importsOf(file)]));

/** Every cycle's modules, as found by a depth-first search (each cycle reported once, from where it was entered). */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of modules) if (!state.has(file)) visit(file);
  return found;
}

const familyOf = (file: string) => /^scripts\/report\/([^/]+)\//.exec(file)?.[1];

describe("the folder layout", () => {
  it("reads every module's imports (the parser sees them)", () => {
    expect(modules.length).toBeGreaterThan(100);
    expect(graph.get("scripts/engine/prepare.ts")).toContain("scripts/engine/report.ts");
    // A type-only import counts too.
    expect(graph.get("scripts/report/recount/analysis.ts")).toContain("scripts/report/transitions/family.ts");
  });

  it("keeps the engine free of any import from the report", () => {
    const reaching = modules
      .filter((file) => file.startsWith("scripts/engine/"))
      .flatMap((file) => (graph.get(file) ?? []).filter((target) => target.startsWith("scripts/report/")).map((target) => `${file} → ${target}`));
    expect(reaching).toEqual([]);
  });

  it("has no import cycle under scripts/", () => {
    expect(cycles().map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("lets a family reach another family only through its family.ts and datasets.ts, and shared modules no family", () => {
    const reaching = modules.flatMap((file) => {
      const own = familyOf(file);
      if (!own) return [];
      return (graph.get(file) ?? []).flatMap((target) => {
        const other = familyOf(target);
        if (!other || other === own || other === "shared") return [];
        const surface = own !== "shared" && /\/(family|datasets)\.ts$/.test(target);
        return surface ? [] : [`${file} → ${target}`];
      });
    });
    expect(reaching).toEqual([]);
  });

  it("makes each folder of scripts/report/ one family of the report definition, named after it", () => {
    const folders = readdirSync(path.join(SCRIPTS, "report"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "shared")
      .map((entry) => entry.name)
      .sort();
    expect(REPORT.families.map((family) => family.name).sort()).toEqual(folders);
    for (const folder of folders) expect(modules, folder).toContain(`scripts/report/${folder}/family.ts`);
  });
});

describe("the cycle finder", () => {
  it("finds a cycle in a made-up graph and none in a chain", () => {
    const saved = new Map(graph);
    try {
      graph.clear();
      graph.set("a", ["b"]).set("b", ["c"]).set("c", ["a"]);
      modules.splice(0, modules.length, "a", "b", "c");
      expect(cycles()).toEqual([["a", "b", "c", "a"]]);
      graph.set("c", []);
      expect(cycles()).toEqual([]);
    } finally {
      graph.clear();
      for (const [key, value] of saved) graph.set(key, value);
      modules.splice(0, modules.length, ...[...saved.keys()]);
    }
  });
});
