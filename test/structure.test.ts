/**
 * The folder layout's rules, read from the import statements of every module under
 * scripts/ and of the second report, test/fixtures/mini-report/scripts/ (static, type-only
 * and dynamic imports, parsed by TypeScript itself):
 *   - the engine (scripts/engine/) imports nothing from a report;
 *   - the mini report imports the engine and itself, nothing of this report;
 *   - there is no import cycle anywhere;
 *   - in each report, a family reaches another family only through its declared surface:
 *     its family.ts (the family and its result) and its datasets.ts (the datasets it
 *     defines); report-wide modules (shared/) import no family;
 *   - each folder of a report's scripts/report/ but shared/ is one family, named after its
 *     folder and listed in that report's index.ts.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { ReportDefinition } from "../scripts/engine/definition.ts";
import REPORT from "../scripts/report/index.ts";
import MINI_REPORT from "./fixtures/mini-report/scripts/report/index.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const MINI = "test/fixtures/mini-report/scripts";
/** Each report's folder of families, with its definition. */
const REPORTS: readonly [string, ReportDefinition][] = [
  ["scripts/report", REPORT],
  [`${MINI}/report`, MINI_REPORT],
];

/** Every TypeScript module under `folder`, relative to the repository, forward slashes. */
const modulesUnder = (folder: string) =>
  readdirSync(path.join(REPO, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts"))
    .map((entry) => path.relative(REPO, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
const modules = [...modulesUnder("scripts"), ...modulesUnder(MINI)].sort();

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

/** The report and family folder a module is in, if it is in a report's families. */
function familyOf(file: string): { report: string; family: string } | undefined {
  for (const [root] of REPORTS) if (file.startsWith(`${root}/`) && file.slice(root.length + 1).includes("/")) return { report: root, family: file.slice(root.length + 1).split("/")[0] };
  return undefined;
}

describe("the folder layout", () => {
  it("reads every module's imports (the parser sees them)", () => {
    expect(modules.length).toBeGreaterThan(100);
    expect(graph.get("scripts/engine/prepare.ts")).toContain("scripts/engine/report.ts");
    // A type-only import counts too.
    expect(graph.get("scripts/report/recount/analysis.ts")).toContain("scripts/report/transitions/family.ts");
  });

  it("keeps the engine free of any import from a report", () => {
    const reaching = modules
      .filter((file) => file.startsWith("scripts/engine/"))
      .flatMap((file) => (graph.get(file) ?? []).filter((target) => !target.startsWith("scripts/engine/")).map((target) => `${file} → ${target}`));
    expect(reaching).toEqual([]);
  });

  it("builds the mini report from the engine and its own families only", () => {
    const reaching = modules
      .filter((file) => file.startsWith(`${MINI}/`))
      .flatMap((file) => (graph.get(file) ?? []).filter((target) => !target.startsWith("scripts/engine/") && !target.startsWith(`${MINI}/`)).map((target) => `${file} → ${target}`));
    expect(reaching).toEqual([]);
    expect(graph.get(`${MINI}/report/councils/family.ts`)).toContain("scripts/engine/family.ts");
  });

  it("has no import cycle", () => {
    expect(cycles().map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("lets a family reach another family only through its family.ts and datasets.ts, and shared modules no family", () => {
    const reaching = modules.flatMap((file) => {
      const own = familyOf(file);
      if (!own) return [];
      return (graph.get(file) ?? []).flatMap((target) => {
        const other = familyOf(target);
        if (!other || other.family === own.family || other.family === "shared") return [];
        const surface = own.family !== "shared" && /\/(family|datasets)\.ts$/.test(target);
        return surface ? [] : [`${file} → ${target}`];
      });
    });
    expect(reaching).toEqual([]);
  });

  it.each(REPORTS)("makes each folder of %s one family of its definition, named after it", (root, definition) => {
    const folders = readdirSync(path.join(REPO, root), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "shared")
      .map((entry) => entry.name)
      .sort();
    expect(definition.families.map((family) => family.name).sort()).toEqual(folders);
    for (const folder of folders) expect(modules, folder).toContain(`${root}/${folder}/family.ts`);
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
