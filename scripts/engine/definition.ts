/**
 * A report definition: what the engine is handed to build one project. It is the default
 * export of the project's scripts/report/index.ts (`defineReport({ families: [...] })`):
 * the list of the report's families, the groups of its claims register and its colours.
 * The engine imports it from the project folder it builds, so it never names a report.
 */
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import type { ClaimGroup } from "./claims/dataset.ts";
import { moduleUrl } from "./bundle.ts";
import { BuildError } from "./data/errors.ts";
import type { Family } from "./family.ts";
import type { Theme } from "./theme/palette.ts";

export interface ReportDefinition {
  /** The report's families; each family's `uses` must be in the list too. */
  readonly families: readonly Family<any, any>[];
  /** The claims register's groups, in reading order (needed when data/claims/ holds files). */
  readonly claims?: {
    readonly groups: readonly ClaimGroup[];
    /** What the register calls the records its recounts come from ("council records"); "the records" if not given. */
    readonly records?: string;
  };
  /** The report's colours, type and font (the engine's own theme when left out). */
  readonly theme?: Theme;
}

export const defineReport = (definition: ReportDefinition): ReportDefinition => definition;

/** Where a project keeps its report definition, from its folder. */
export const DEFINITION_FILE = path.join("scripts", "report", "index.ts");
export const definitionFileOf = (root: string) => path.join(path.resolve(root), DEFINITION_FILE);

/** The package.json that governs a module: the nearest one in its folder or above, or null. */
async function packageOf(file: string): Promise<{ file: string; type: unknown } | null> {
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, "package.json");
    const text = await readFile(candidate, "utf8").catch(() => null);
    if (text !== null) return { file: candidate, type: (JSON.parse(text) as { type?: unknown }).type };
    if (path.dirname(folder) === folder) return null;
  }
}

/**
 * Import a report definition module (TypeScript; the build runs under tsx) and check its
 * shape. A definition is an ES module, so its project's package.json must say so: without
 * "type": "module", Node would load it as CommonJS and fail somewhere inside it.
 */
export async function loadReportDefinition(file: string): Promise<ReportDefinition> {
  const where = path.relative(process.cwd(), file) || file;
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (!exists) throw new BuildError(`${where}: missing; a project's report definition lives in ${DEFINITION_FILE.split(path.sep).join("/")}`);
  const owner = await packageOf(file);
  if (owner?.type !== "module") {
    throw new BuildError(`${where}: a report definition is an ES module; ${owner ? `${path.relative(process.cwd(), owner.file) || owner.file} must say "type": "module"` : `its project needs a package.json that says "type": "module"`}`);
  }
  // From the bundle when the command runs from one (./bundle.ts): the definition must use the bundle's engine.
  const module = (await import(moduleUrl(file))) as { default?: unknown };
  const definition = module.default as Partial<ReportDefinition> | undefined;
  if (!definition || typeof definition !== "object" || !Array.isArray(definition.families)) {
    throw new BuildError(`${where}: its default export must be a report definition, defineReport({ families: [...] })`);
  }
  return definition as ReportDefinition;
}
