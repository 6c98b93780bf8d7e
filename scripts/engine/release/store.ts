/**
 * The release store on disk: the report's version (package.json), the manifest of the
 * build being made, and the manifests recorded by `npm run release` in releases/<version>/.
 * The pure parts (manifest, diff, versions) live beside this file.
 */
import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { BuildError } from "../data/errors.ts";
import { readDataFolder } from "../data/folder.ts";
import { verifyProvenance } from "../data/provenance.ts";
import type { ReportData } from "../data/report-data.ts";
import { pagePlacement, type Placement } from "../figures/placement.ts";
import { figureRenderings } from "../figures/renderings.ts";
import type { PageFigure, RecordSet } from "../family.ts";
import type { FigureDefinition } from "../figures/types.ts";
import type { Report } from "../report.ts";
import { specHash } from "../render/cache.ts";
import { differencesInWords, diffManifests, type DiffOptions, type ReleaseDiff } from "./diff.ts";
import { buildManifest, dataAsOf, MANIFEST_SCHEMA, manifestJson, parseManifest, stableJson, type Manifest, type ManifestInput, type RecordedManifest } from "./manifest.ts";
import { compareVersions, isVersion, latestVersion } from "./versions.ts";

export const RELEASES_DIR = "releases";
export const MANIFEST_FILE = "manifest.json";

/** The report's version: "version" in the project's package.json, a semantic version. */
export async function readVersion(root: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path.join(root, "package.json"), "utf8");
  } catch {
    throw new BuildError(`package.json: missing; the report's version is its "version" field`);
  }
  const version = (JSON.parse(text) as { version?: unknown }).version;
  if (typeof version !== "string" || !isVersion(version)) throw new BuildError(`package.json: "version" must be a version such as 1.2.0, not ${JSON.stringify(version)}`);
  return version;
}

/** Every date in the columns the loaded datasets name as their "data as of" (each dataset's asOfColumn). */
export function dataDates(data: ReportData): string[] {
  return data.loaded().flatMap(([dataset, table]) => {
    const column = dataset.asOfColumn;
    return column ? table.rows.map(({ row }) => String((row as Record<string, unknown>)[column] ?? "")) : [];
  });
}

/** A figure as the manifest records it: its renderings' specs, rows and words, its data files, where it is. */
type ManifestFigureInput = ManifestInput["figures"][number];

/** The manifest of the build being made, and what a release of schema 1 is compared with. */
export interface BuildRecord {
  readonly manifest: Manifest;
  /** Each figure's hash as schema 1 recorded it (diff.ts DiffOptions). */
  readonly schema1Hashes: Readonly<Record<string, string>>;
}

/** The manifest of the build being made: its data, report, figures (placed and drawn on family pages), version and date. */
export function manifestOfBuild(version: string, data: ReportData, report: Report, placements: ReadonlyMap<string, Placement>, pageFigures: readonly PageFigure[]): BuildRecord {
  const entry = (definition: FigureDefinition, placement: Placement, label: string): ManifestFigureInput => {
    const files = report.dependsOn.figures.get(definition.key);
    if (!files) throw new BuildError(`the figure "${definition.key}" has no record of the family that made it`);
    const { title, description, caption, source, columns, pivot } = definition;
    return { key: placement.key, specs: figureRenderings(definition).map((r) => r.spec), rows: definition.rows, words: { title, description, caption, source, columns, pivot }, files, label, title, href: placement.href };
  };
  const placed = [...placements.values()].flatMap((placement): ManifestFigureInput[] => {
    const definition = report.figures.get(placement.key);
    return definition ? [entry(definition, placement, placement.label)] : [];
  });
  // Figures on a family's own pages (a council's timeline) are named by their page too.
  const onPages = pageFigures.map((figure): ManifestFigureInput => {
    const placement = pagePlacement(figure.definition.key, figure);
    return entry(figure.definition, placement, `${placement.label}, ${placement.page.title}`);
  });
  const figures = [...placed, ...onPages];
  const manifest = buildManifest({
    version,
    dataAsOf: dataAsOf(dataDates(data)),
    dataFiles: data.provenance,
    stats: report.stats,
    statFiles: report.dependsOn.stats,
    figures,
    claims: report.claims.map((a) => ({ id: a.claim.id, status: a.derived })),
    records: report.records,
  });
  return { manifest, schema1Hashes: Object.fromEntries(figures.map((f) => [f.key, specHash(...f.specs)])) };
}

export const releaseManifestPath = (root: string, version: string) => path.join(root, RELEASES_DIR, version, MANIFEST_FILE);

/** The versions recorded in releases/ (folders named as versions), in no particular order. */
export async function recordedVersions(root: string): Promise<string[]> {
  try {
    return (await readdir(path.join(root, RELEASES_DIR), { withFileTypes: true })).filter((e) => e.isDirectory() && isVersion(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
}

/** The manifest recorded for one version. */
export async function readRelease(root: string, version: string): Promise<RecordedManifest> {
  const file = releaseManifestPath(root, version);
  const where = `${RELEASES_DIR}/${version}/${MANIFEST_FILE}`;
  const text = await readFile(file, "utf8").catch(() => {
    throw new BuildError(`${where}: missing; the folder ${RELEASES_DIR}/${version} holds no manifest`);
  });
  const manifest = (() => {
    try {
      return parseManifest(text, where);
    } catch (error) {
      throw new BuildError((error as Error).message);
    }
  })();
  if (manifest.version !== version) throw new BuildError(`${where}: records version ${manifest.version}, not ${version}`);
  return manifest;
}

/**
 * What a build knows about releases: its own manifest, and the release its "What changed"
 * page compares it with — the latest recorded release before its version. When its own
 * version is recorded too, `recorded` says whether this build is that release (the same
 * data and results: then the comparison is with the release before it) or differs from it
 * (then nothing is compared: a version is not compared with itself, and `warning` says so).
 */
export interface ReleaseState {
  readonly manifest: Manifest;
  /** The changes since the release before this version; null when there is none, or when the build differs from its own recorded version. */
  readonly diff: ReleaseDiff | null;
  /** This build's version as recorded in releases/, or null when it is not recorded. */
  readonly recorded: RecordedVersion | null;
  /** How this build's record sets are named in words ("Councils", "council") and whether their keys are shown. */
  readonly recordSets: readonly Pick<RecordSet, "name" | "heading" | "singular" | "showKeys">[];
  /** For the build to print on stderr: this build differs from the recorded release of its version. */
  readonly warning: string | null;
}

export type RecordedVersion =
  /** `restyled`: the same data and results, but drawn or worded differently since it was recorded. */
  | { readonly version: string; readonly matches: true; readonly restyled: boolean }
  /** What differs: the recorded release's manifest against this build's. */
  | { readonly version: string; readonly matches: false; readonly differences: ReleaseDiff };

export async function releaseState(root: string, build: BuildRecord | Manifest, recordSets: ReleaseState["recordSets"] = []): Promise<ReleaseState> {
  const { manifest, schema1Hashes } = "schema" in build ? { manifest: build, schema1Hashes: undefined } : build;
  const options: DiffOptions = { schema1Hashes };
  const sets = recordSets.map(({ name, heading, singular, showKeys }) => ({ name, heading, singular, showKeys }));
  const versions = await recordedVersions(root);
  const version = manifest.version;
  let recorded: RecordedVersion | null = null;
  if (versions.includes(version)) {
    const differences = diffManifests(await readRelease(root, version), manifest, options);
    if (differences.dataChanged) {
      const where = `${RELEASES_DIR}/${version}/${MANIFEST_FILE}`;
      const warning = `this build is version ${version}, but it differs from release ${version} as recorded in ${where} (${differencesInWords(differences, sets)}). Raise "version" in package.json for a new release (npm version minor --no-git-tag-version), then build and record it (npm run release); until then its "What changed" page says it differs and compares nothing.`;
      return { manifest, diff: null, recorded: { version, matches: false, differences }, recordSets: sets, warning };
    }
    recorded = { version, matches: true, restyled: !differences.unchanged };
  }
  const previous = latestVersion(versions.filter((v) => compareVersions(v, version) < 0));
  const diff = previous === undefined ? null : diffManifests(await readRelease(root, previous), manifest, options);
  return { manifest, diff, recorded, recordSets: sets, warning: null };
}

export interface RecordOptions {
  readonly root: string;
  /** The built site whose manifest.json is recorded (default <root>/_site). */
  readonly siteDir?: string;
  /** Replace an existing release of the same version. */
  readonly force?: boolean;
}

/**
 * `npm run release`: copy the built site's manifest to releases/<version>/manifest.json.
 * The site must have been built from the data and version as they are now; an existing
 * release of the same version is kept unless `force`. Returns the path written, relative to root.
 */
export async function recordRelease(options: RecordOptions): Promise<string> {
  const root = path.resolve(options.root);
  const siteDir = path.resolve(options.siteDir ?? path.join(root, "_site"));
  const built = path.join(siteDir, MANIFEST_FILE);
  const text = await readFile(built, "utf8").catch(() => {
    throw new Error(`There is no ${path.relative(root, built) || built}: run npm run build first.`);
  });
  const manifest = parseManifest(text, path.relative(root, built));
  if (manifest.schema !== MANIFEST_SCHEMA) {
    throw new Error(`The built site's manifest is of schema ${manifest.schema}, written by an older engine: run npm run build first.`);
  }
  const version = await readVersion(root);
  if (manifest.version !== version) {
    throw new Error(`The built site is version ${manifest.version} but package.json says ${version}: run npm run build first.`);
  }
  const ledger = verifyProvenance(await readDataFolder(root));
  const current = Object.fromEntries(ledger.map((e) => [e.file, e.sha256]));
  if (stableJson(current) !== stableJson(manifest.dataFiles)) {
    throw new Error("The built site was made from other data than the data now in data/: run npm run build first.");
  }
  const target = releaseManifestPath(root, version);
  const relative = path.relative(root, target).split(path.sep).join("/");
  const exists = await readFile(target).then(
    () => true,
    () => false,
  );
  if (exists && !options.force) {
    throw new Error(`Release ${version} is already recorded in ${relative}. Raise "version" in package.json for a new release, or run npm run release -- --force to replace it.`);
  }
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, manifestJson(manifest));
  await rename(temporary, target);
  return relative;
}
