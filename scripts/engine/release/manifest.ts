/**
 * The release manifest: what one build of the report contains, in a form two builds
 * can be compared by. Every build writes it to _site/manifest.json; `npm run release`
 * records it as releases/<version>/manifest.json. It holds, by key:
 *   - each data file's sha256 (from the provenance ledger the build has just verified);
 *   - each stat's value, formatted text and label;
 *   - each placed figure's hash of spec + plotted data (the SVG cache's hashing, without
 *     the renderer) and where it appears;
 *   - each claim's derived status;
 *   - each record set the families keep (e.g. the councils, code → name), at the top level under its name;
 *   - the report version and the date the data runs to.
 * Pure: no clock, no I/O. The same inputs give the same bytes (keys sorted, stable JSON).
 */
import type { TopLevelSpec } from "vega-lite";
import { specHash } from "../render/cache.ts";

export const MANIFEST_SCHEMA = 1;

export interface ManifestStat {
  /** The raw value; null when it is not a finite number or a string (never quoted then). */
  readonly value: number | string | null;
  /** The value as a reader sees it; null when it cannot be formatted. */
  readonly text: string | null;
  readonly label: string;
}

export interface ManifestFigure {
  /** sha256 of the Vega-Lite spec, which inlines the plotted rows. */
  readonly hash: string;
  /** "Figure 1.2" */
  readonly label: string;
  readonly title: string;
  /** Page URL plus anchor, e.g. /chapter-1/#figure-outcomes-by-year. */
  readonly href: string;
}

export interface Manifest {
  readonly schema: number;
  readonly version: string;
  /** ISO date (YYYY-MM-DD) the data runs to, or null when the data has no dates (see dataAsOf). */
  readonly dataAsOf: string | null;
  readonly dataFiles: Readonly<Record<string, string>>;
  readonly stats: Readonly<Record<string, ManifestStat>>;
  readonly figures: Readonly<Record<string, ManifestFigure>>;
  readonly claims: Readonly<Record<string, string>>;
  /** The families' record sets by name, each key → name (in the JSON, each at the top level under its name). */
  readonly records: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** The parts of a prepared report the manifest reads; the stat registry fits `stats`. */
export interface ManifestInput {
  readonly version: string;
  readonly dataAsOf: string | null;
  readonly dataFiles: readonly { readonly file: string; readonly sha256: string }[];
  readonly stats: {
    keys(): string[];
    get(key: string): { readonly value: number | string; readonly label: string };
    format(key: string): string;
  };
  /** The figures readers see: those placed in the content and those drawn by page templates (council timelines). */
  readonly figures: readonly { readonly key: string; /** Every rendering's spec, wide first (scripts/engine/figures/renderings.ts). */ readonly specs: readonly TopLevelSpec[]; readonly label: string; readonly title: string; readonly href: string }[];
  readonly claims: readonly { readonly id: string; readonly status: string }[];
  readonly records: readonly { readonly name: string; readonly entries: readonly { readonly key: string; readonly name: string }[] }[];
}

/** An object with its entries sorted by key (so JSON.stringify writes them in that order). */
function byKey<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const result: Record<string, T> = {};
  for (const [key, value] of sorted) {
    if (Object.hasOwn(result, key)) throw new Error(`the manifest key "${key}" occurs twice`);
    result[key] = value;
  }
  return result;
}

function statEntry(stats: ManifestInput["stats"], key: string): ManifestStat {
  const { value, label } = stats.get(key);
  const usable = typeof value === "string" || Number.isFinite(value);
  let text: string | null = null;
  try {
    text = stats.format(key);
  } catch {
    // A stat no page quotes may have no usable value (the registry only fails when one is quoted).
  }
  return { value: usable ? value : null, text, label };
}

export function buildManifest(input: ManifestInput): Manifest {
  return {
    schema: MANIFEST_SCHEMA,
    version: input.version,
    dataAsOf: input.dataAsOf,
    dataFiles: byKey(input.dataFiles.map((f) => [f.file, f.sha256] as const)),
    stats: byKey(input.stats.keys().map((key) => [key, statEntry(input.stats, key)] as const)),
    figures: byKey(input.figures.map((f) => [f.key, { hash: specHash(...f.specs), label: f.label, title: f.title, href: f.href }] as const)),
    claims: byKey(input.claims.map((c) => [c.id, c.status] as const)),
    records: byKey(
      input.records.map((set) => {
        if (BASE_KEYS.includes(set.name)) throw new Error(`a record set cannot be named "${set.name}": the manifest uses that name`);
        return [set.name, byKey(set.entries.map((e) => [e.key, e.name] as const))] as const;
      }),
    ),
  };
}

/** The manifest's own top-level keys; every other top-level key is a record set. */
const BASE_KEYS: readonly string[] = ["schema", "version", "dataAsOf", "dataFiles", "stats", "figures", "claims"];

/** The manifest as written to manifest.json: stable JSON with each record set at the top level. */
export function manifestJson(manifest: Manifest): string {
  const { records, ...base } = manifest;
  return stableJson({ ...base, ...records });
}

/** Sort every object's keys, recursively; arrays keep their order. */
function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (value !== null && typeof value === "object") {
    return byKey(Object.entries(value).map(([k, v]) => [k, sortedDeep(v)] as const));
  }
  return value;
}

/** Stable JSON: keys sorted at every level, two-space indent, one trailing newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortedDeep(value), null, 2)}\n`;
}

/**
 * The rule for "data as of": the latest publication date in the datasets that name a
 * column of them (a dataset's `asOfColumn`: in this report, the inspection and ILACS
 * reports' publication dates). Data with no dates of its own (figures transcribed from a
 * report) does not count. Empty cells are skipped; no dates at all → null. ISO dates
 * compare correctly as strings.
 */
export function dataAsOf(dates: Iterable<string>): string | null {
  let latest: string | null = null;
  for (const raw of dates) {
    const date = raw.trim();
    if (date === "") continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not an ISO date (YYYY-MM-DD)`);
    if (latest === null || date > latest) latest = date;
  }
  return latest;
}

/** Check that parsed JSON looks like a manifest this code can compare against. */
export function parseManifest(json: string, where: string): Manifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  const m = parsed as Record<string, unknown> | null;
  const objects = ["dataFiles", "stats", "figures", "claims"] as const;
  const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);
  if (!m || !isObject(m) || m.schema !== MANIFEST_SCHEMA || typeof m.version !== "string" || objects.some((k) => !isObject(m[k]))) {
    throw new Error(`${where} is not a release manifest (schema ${MANIFEST_SCHEMA}: version, dataAsOf, dataFiles, stats, figures, claims, and any record sets)`);
  }
  const records: Record<string, Record<string, string>> = {};
  for (const [key, value] of Object.entries(m)) {
    if (BASE_KEYS.includes(key)) continue;
    if (!isObject(value) || Object.values(value as object).some((name) => typeof name !== "string")) {
      throw new Error(`${where}: "${key}" is not a record set (an object of names by key)`);
    }
    records[key] = value as Record<string, string>;
  }
  const base = Object.fromEntries(Object.entries(m).filter(([key]) => BASE_KEYS.includes(key)));
  return { ...(base as Omit<Manifest, "records">), records };
}
