/**
 * Building a report from its definition: the families in dependency order, each once,
 * each given the rows of the datasets it declared and the results of the families it
 * declared it uses; then the stat registry, the figures and the claims audit over them.
 * Nothing here knows which report it builds.
 */
import { auditClaims, claimStats } from "./claims/audit.ts";
import type { ClaimAssessment } from "./claims/assess.ts";
import type { Dataset, RowOf } from "./data/dataset.ts";
import { BuildError } from "./data/errors.ts";
import { readDataFolder } from "./data/folder.ts";
import { loadReportData, type ReportData } from "./data/report-data.ts";
import type { ReportDefinition } from "./definition.ts";
import type { Family, FamilyInput, FamilyOutput, RecordSet, ResultOf, Uses, View } from "./family.ts";
import type { FigureDefinition } from "./figures/types.ts";
import { StatRegistry } from "./stats/registry.ts";
import { compareText } from "./compare.ts";

type AnyFamily = Family<any, any>;

/**
 * `families` and every family they use, each once, each after the families it uses (in
 * the order listed where the uses allow). A family that uses itself through others fails.
 */
export function buildOrder(families: readonly AnyFamily[]): AnyFamily[] {
  const ordered: AnyFamily[] = [];
  const visit = (family: AnyFamily, path: readonly AnyFamily[]) => {
    if (ordered.includes(family)) return;
    if (path.includes(family)) throw new BuildError(`the families ${[...path, family].map((f) => f.name).join(" → ")} use each other`);
    for (const used of Object.values(family.uses as Uses)) visit(used, [...path, family]);
    ordered.push(family);
  };
  for (const family of families) visit(family, []);
  return ordered;
}

/** Every dataset the families declare, in the order the families are built, each once. */
export function datasetsOf(families: readonly AnyFamily[]): Dataset[] {
  return [...new Set(families.flatMap((family) => family.datasets))];
}

/**
 * The data files a family's results rest on: the files of the datasets it declares and of
 * those of every family it uses, however indirectly; sorted. What a stat or figure the
 * family makes depends on: if none of these files changed, a change in it came from code.
 */
export function familyFiles(family: AnyFamily): string[] {
  const files = new Set<string>();
  const seen = new Set<AnyFamily>();
  const visit = (f: AnyFamily) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const dataset of f.datasets) files.add(dataset.file);
    for (const used of Object.values(f.uses as Uses)) visit(used);
  };
  visit(family);
  return [...files].sort(compareText);
}


/** What each family built, by family. */
export class BuiltFamilies {
  constructor(private readonly outputs: ReadonlyMap<AnyFamily, FamilyOutput<any>>) {}

  /** One family's output, typed by the family. */
  of<F extends AnyFamily>(family: F): FamilyOutput<ResultOf<F>> {
    const output = this.outputs.get(family);
    if (!output) throw new BuildError(`the family "${family.name}" was not built`);
    return output as FamilyOutput<ResultOf<F>>;
  }

  /** Every family built, in build order, with its output. */
  entries(): [AnyFamily, FamilyOutput<any>][] {
    return [...this.outputs];
  }
}

function inputFor(family: AnyFamily, data: ReportData, built: ReadonlyMap<AnyFamily, FamilyOutput<any>>): FamilyInput<Uses> {
  const declared = (dataset: Dataset) => {
    if (!family.datasets.includes(dataset)) throw new BuildError(`the family "${family.name}" reads ${dataset.file} but does not declare it among its datasets`);
  };
  const uses = Object.fromEntries(Object.entries(family.uses as Uses).map(([name, used]) => [name, built.get(used)?.result]));
  return {
    rows: <D extends Dataset>(dataset: D): RowOf<D>[] => {
      declared(dataset);
      return data.rows(dataset);
    },
    table: <D extends Dataset>(dataset: D) => {
      declared(dataset);
      return data.table(dataset);
    },
    uses,
    sourcesRead: data.sourcesRead,
  };
}

/** Build `families` and the families they use, in build order, over loaded data. */
export function buildFamilies(families: readonly AnyFamily[], data: ReportData): BuiltFamilies {
  const built = new Map<AnyFamily, FamilyOutput<any>>();
  for (const family of buildOrder(families)) built.set(family, family.build(inputFor(family, data, built)));
  return new BuiltFamilies(built);
}

/** A view, by its full name "<family>.<name>". */
export type NamedViews = ReadonlyMap<string, View & { readonly family: AnyFamily }>;

export interface Report {
  readonly stats: StatRegistry;
  /** The figures the content may place, by key. */
  readonly figures: ReadonlyMap<string, FigureDefinition>;
  readonly claims: readonly ClaimAssessment[];
  readonly families: BuiltFamilies;
  /** Every family's views, by "<family>.<name>". */
  readonly views: NamedViews;
  /** The lists the content paginates over, as `families.<family>.<name>` in templates. */
  readonly lists: Readonly<Record<string, Readonly<Record<string, readonly object[]>>>>;
  readonly records: readonly RecordSet[];
  /**
   * The data files each stat and each figure (placed by the content or drawn on a family's
   * page) depends on, by key: its family's files (familyFiles); the claim counts', the claims register's files.
   */
  readonly dependsOn: { readonly stats: ReadonlyMap<string, readonly string[]>; readonly figures: ReadonlyMap<string, readonly string[]> };
}

/** The whole report: every family of the definition, then (for a report with a claims register) the claims audit over every stat. */
export function buildReport(definition: ReportDefinition, data: ReportData): Report {
  const listed = new Set(definition.families);
  for (const family of buildOrder(definition.families)) {
    if (!listed.has(family)) throw new BuildError(`the family "${family.name}" is used but not listed in the report definition's families`);
  }
  const families = buildFamilies(definition.families, data);
  const outputs = families.entries();
  const stats = new StatRegistry(outputs.flatMap(([, output]) => output.stats ?? []));
  const statFiles = new Map<string, readonly string[]>();
  const figureFiles = new Map<string, readonly string[]>();
  const figures = new Map<string, FigureDefinition>();
  for (const [family, output] of outputs) {
    const files = familyFiles(family);
    for (const stat of output.stats ?? []) statFiles.set(stat.key, files);
    for (const figure of output.figures ?? []) {
      if (figures.has(figure.key)) throw new BuildError(`the figure key "${figure.key}" is defined twice (the second time by the family "${family.name}")`);
      figures.set(figure.key, figure);
      figureFiles.set(figure.key, files);
    }
  }
  // A report with a claims register publishes its counts; one without has none to count.
  // The counts follow the register's files alone: the audit stops the build when a claim's
  // recomputed status differs from the one its file records.
  const claims = definition.claims ? auditClaims(data.claims, stats) : [];
  const claimsFiles = data.claims.map((table) => table.file).sort(compareText);
  if (definition.claims) {
    for (const stat of claimStats(claims)) {
      stats.add(stat);
      statFiles.set(stat.key, claimsFiles);
    }
  }
  const views = new Map<string, View & { family: AnyFamily }>();
  const lists: Record<string, Record<string, readonly object[]>> = {};
  for (const [family, output] of outputs) {
    for (const [name, view] of Object.entries(output.views ?? {})) {
      views.set(`${family.name}.${name}`, { ...view, family });
      // A figure on the family's own pages (a council's timeline) depends on the family's files.
      if ("entries" in view) {
        const files = familyFiles(family);
        for (const entry of view.entries.values()) if (entry.figure) figureFiles.set(entry.figure.definition.key, files);
      }
    }
    if (output.lists) lists[family.name] = { ...output.lists };
  }
  const records = outputs.flatMap(([, output]) => output.records ?? []);
  const names = records.map((r) => r.name);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice) throw new BuildError(`the record set "${twice}" is kept by two families`);
  return { stats, figures, claims, families, views, lists, records, dependsOn: { stats: statFiles, figures: figureFiles } };
}

/**
 * Read a project's data and build some of its families (with the families they use): what
 * a test asks for when it wants one family's results through the build's own wiring.
 * Only the datasets those families declare are loaded; the claims audit, which needs
 * every stat, is not run.
 */
export async function buildFamiliesOf(root: string, families: readonly AnyFamily[]): Promise<BuiltFamilies> {
  const order = buildOrder(families);
  const data = loadReportData(await readDataFolder(root), datasetsOf(order));
  return buildFamilies(order, data);
}

/** Read a project's data and build its whole report. */
export async function loadAndBuildReport(root: string, definition: ReportDefinition): Promise<{ data: ReportData; report: Report }> {
  const data = loadReportData(await readDataFolder(root), datasetsOf(buildOrder(definition.families)), definition.claims?.groups ?? []);
  return { data, report: buildReport(definition, data) };
}
