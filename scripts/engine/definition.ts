/**
 * A report definition: what the engine is handed to build one project. It is the default
 * export of the project's scripts/report/index.ts (`defineReport({ families: [...] })`):
 * the list of the report's families, the groups of its claims register and its colours.
 * The engine imports it from the project folder it builds, so it never names a report.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ClaimGroup } from "./claims/dataset.ts";
import { BuildError } from "./data/errors.ts";
import type { Family } from "./family.ts";
import type { Theme } from "./theme/palette.ts";

export interface ReportDefinition {
  /** The report's families; each family's `uses` must be in the list too. */
  readonly families: readonly Family<any, any>[];
  /** The claims register's groups, in reading order (needed when data/claims/ holds files). */
  readonly claims?: { readonly groups: readonly ClaimGroup[] };
  /** The report's colours, type and font (the engine's own theme when left out). */
  readonly theme?: Theme;
}

export const defineReport = (definition: ReportDefinition): ReportDefinition => definition;

/** Where a project keeps its report definition, from its folder. */
export const DEFINITION_FILE = path.join("scripts", "report", "index.ts");
export const definitionFileOf = (root: string) => path.join(path.resolve(root), DEFINITION_FILE);

/** Import a report definition module (TypeScript; the build runs under tsx) and check its shape. */
export async function loadReportDefinition(file: string): Promise<ReportDefinition> {
  const where = path.relative(process.cwd(), file) || file;
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" && (error as Error).message.includes(pathToFileURL(file).href)) {
      throw new BuildError(`${where}: missing; a project's report definition lives in ${DEFINITION_FILE.split(path.sep).join("/")}`);
    }
    throw error;
  }
  const definition = module.default as Partial<ReportDefinition> | undefined;
  if (!definition || typeof definition !== "object" || !Array.isArray(definition.families)) {
    throw new BuildError(`${where}: its default export must be a report definition, defineReport({ families: [...] })`);
  }
  return definition as ReportDefinition;
}
