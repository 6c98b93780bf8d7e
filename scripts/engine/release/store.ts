/**
 * The release store on disk: the report's version (package.json), the dates the data
 * runs to, and the manifests recorded by `npm run release` in releases/<version>/.
 * The pure parts (manifest, diff, versions) live beside this file.
 */
import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { BuildError } from "../data/errors.ts";
import { councils } from "../../report/councils/datasets.ts";
import { verifyProvenance } from "../data/provenance.ts";
import type { ReportData } from "../data/report-data.ts";
import type { Placement } from "../figures/placement.ts";
import { figureRenderings } from "../figures/renderings.ts";
import type { Report } from "../../report/index.ts";
import { diffManifests, type ReleaseDiff } from "./diff.ts";
import { buildManifest, dataAsOf, parseManifest, stableJson, type Manifest, type ManifestInput } from "./manifest.ts";
import { isVersion, latestVersion } from "./versions.ts";

export const RELEASES_DIR = "releases";
export const MANIFEST_FILE = "manifest.json";

/** Where "data as of" is read from: each file's publication-date column, when the file exists. */
export const DATA_AS_OF_SOURCES = [
  { file: "data/councils/inspections.csv", column: "published" },
  { file: "data/ilacs/judgements.csv", column: "published" },
] as const;

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

/** Every publication date in the dated data files that exist (the build has verified their hashes). */
export async function readDataDates(root: string): Promise<string[]> {
  const dates: string[] = [];
  for (const { file, column } of DATA_AS_OF_SOURCES) {
    let text: string;
    try {
      text = await readFile(path.join(root, file), "utf8");
    } catch {
      continue;
    }
    const records = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
    if (records.length > 0 && !(column in records[0])) throw new BuildError(`${file}: no "${column}" column to read the data's date from`);
    for (const record of records) dates.push(record[column]);
  }
  return dates;
}

/** The manifest of the build being made: its data, report and figure placements, plus version and date. */
export async function manifestOfBuild(root: string, data: ReportData, report: Report, placements: ReadonlyMap<string, Placement>, pageFigures: ManifestInput["figures"] = []): Promise<Manifest> {
  const placed = [...placements.values()].flatMap((placement) => {
    const definition = report.figures.get(placement.key);
    return definition ? [{ key: placement.key, specs: figureRenderings(definition).map((r) => r.spec), label: placement.label, title: definition.title, href: placement.href }] : [];
  });
  // Figures drawn by page templates (the council timelines) are recorded like placed ones.
  const figures = [...placed, ...pageFigures];
  return buildManifest({
    version: await readVersion(root),
    dataAsOf: dataAsOf(await readDataDates(root)),
    dataFiles: data.provenance,
    stats: report.stats,
    figures,
    claims: report.claims.map((a) => ({ id: a.claim.id, status: a.derived })),
    councils: data.rows(councils),
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
}

export async function releaseState(root: string, manifest: Manifest): Promise<ReleaseState> {
  const previous = await latestRelease(root);
  return { manifest, diff: previous ? diffManifests(previous, manifest) : null };
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
  const ledger = await verifyProvenance(root);
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
  await writeFile(temporary, stableJson(manifest));
  await rename(temporary, target);
  return relative;
}
