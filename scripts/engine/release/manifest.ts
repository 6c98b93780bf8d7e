/**
 * The release manifest: what one build of the report contains, in a form two builds
 * can be compared by. Every build writes it to _site/manifest.json; `npm run release`
 * records it as releases/<version>/manifest.json. It holds, by key:
 *   - each data file's sha256 (from the provenance ledger the build has just verified);
 *   - each stat's value, formatted text and label;
 *   - each placed figure's hash of spec + plotted data (the SVG cache's hashing, without
 *     the renderer) and where it appears;
 *   - each claim's derived status;
 *   - each council's name (data/councils/councils.csv);
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
  readonly councils: Readonly<Record<string, string>>;
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
  readonly figures: readonly { readonly key: string; /** Every rendering's spec, wide first (scripts/figures/renderings.ts). */ readonly specs: readonly TopLevelSpec[]; readonly label: string; readonly title: string; readonly href: string }[];
  readonly claims: readonly { readonly id: string; readonly status: string }[];
  readonly councils: readonly { readonly code: string; readonly name: string }[];
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
    councils: byKey(input.councils.map((c) => [c.code, c.name] as const)),
  };
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
 * The rule for "data as of": the latest publication date found in the dated per-council
 * data (inspection reports in data/councils/inspections.csv and, once imported, ILACS
 * reports in data/ilacs/judgements.csv). Figures transcribed from the 2015 report carry
 * no dates of their own and do not count. Empty cells are skipped; no dates at all → null.
 * ISO dates compare correctly as strings.
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
  const m = parsed as Partial<Manifest> | null;
  const objects = ["dataFiles", "stats", "figures", "claims", "councils"] as const;
  if (!m || typeof m !== "object" || m.schema !== MANIFEST_SCHEMA || typeof m.version !== "string" || objects.some((k) => typeof m[k] !== "object" || m[k] === null)) {
    throw new Error(`${where} is not a release manifest (schema ${MANIFEST_SCHEMA}: version, dataAsOf, dataFiles, stats, figures, claims, councils)`);
  }
  return m as Manifest;
}
