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
import type { Report } from "../report.ts";
import { diffManifests, type ReleaseDiff } from "./diff.ts";
import { buildManifest, dataAsOf, manifestJson, parseManifest, stableJson, type Manifest, type ManifestInput } from "./manifest.ts";
import { isVersion, latestVersion } from "./versions.ts";

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

/** A figure as the manifest records it: its renderings' specs, where it is and what it says. */
type ManifestFigureInput = ManifestInput["figures"][number];

/** The manifest of the build being made: its data, report, figures (placed and drawn on family pages), version and date. */
export function manifestOfBuild(version: string, data: ReportData, report: Report, placements: ReadonlyMap<string, Placement>, pageFigures: readonly PageFigure[]): Manifest {
  const placed = [...placements.values()].flatMap((placement): ManifestFigureInput[] => {
    const definition = report.figures.get(placement.key);
    return definition ? [{ key: placement.key, specs: figureRenderings(definition).map((r) => r.spec), label: placement.label, title: definition.title, href: placement.href }] : [];
  });
  // Figures on a family's own pages (a council's timeline) are named by their page too.
  const onPages = pageFigures.map((figure): ManifestFigureInput => {
    const placement = pagePlacement(figure.definition.key, figure);
    return { key: placement.key, specs: figureRenderings(figure.definition).map((r) => r.spec), label: `${placement.label}, ${placement.page.title}`, title: figure.definition.title, href: placement.href };
  });
  return buildManifest({
    version,
    dataAsOf: dataAsOf(dataDates(data)),
    dataFiles: data.provenance,
    stats: report.stats,
    figures: [...placed, ...onPages],
    claims: report.claims.map((a) => ({ id: a.claim.id, status: a.derived })),
    records: report.records,
  });
}

export const releaseManifestPath = (root: string, version: string) => path.join(root, RELEASES_DIR, version, MANIFEST_FILE);

/** The latest recorded release by version order, or null when there is none. */
export async function latestRelease(root: string): Promise<Manifest | null> {
  let names: string[];
  try {
    names = (await readdir(path.join(root, RELEASES_DIR), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return null;
  }
  const version = latestVersion(names);
  if (version === undefined) return null;
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

/** What a build knows about releases: its own manifest, and the changes since the latest release. */
export interface ReleaseState {
  readonly manifest: Manifest;
  /** Null when no release has been recorded yet. */
  readonly diff: ReleaseDiff | null;
  /** How this build's record sets are named in words ("Councils", "council"). */
  readonly recordSets: readonly Pick<RecordSet, "name" | "heading" | "singular">[];
}

export async function releaseState(root: string, manifest: Manifest, recordSets: ReleaseState["recordSets"] = []): Promise<ReleaseState> {
  const previous = await latestRelease(root);
  return { manifest, diff: previous ? diffManifests(previous, manifest) : null, recordSets: recordSets.map(({ name, heading, singular }) => ({ name, heading, singular })) };
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
