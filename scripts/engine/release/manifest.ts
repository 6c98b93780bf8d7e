/**
 * The release manifest: what one build of the report contains, in a form two builds
 * can be compared by. Every build writes it to _site/manifest.json; `npm run release`
 * records it as releases/<version>/manifest.json. It holds, by key:
 *   - each data file's sha256 (from the provenance ledger the build has just verified);
 *   - each stat's value, apart from its wording (formatted text and label), and the data
 *     files it depends on (its family's, report.ts familyFiles);
 *   - each figure (placed by the content or drawn on a family's page): a hash of its plotted
 *     data (its rows: what its CSV and table hold), apart from a hash of how it is drawn (its
 *     renderings' specs with those rows left out, its title, description, caption, source and
 *     table headings), the data files it depends on, and where it appears;
 *   - each claim's derived status;
 *   - each record set the families keep, at the top level under its name: by key, an entry's
 *     name (the councils: code → name), or its name and fields when the report says more of
 *     it (an inspection judgement: its grades, dates and report link);
 *   - the report version and the date the data runs to.
 * So "What changed" can tell a change of data from a change of presentation or method.
 * Pure: no clock, no I/O. The same inputs give the same bytes (keys sorted, stable JSON).
 *
 * Schema 2. Schema 1 (releases recorded before it, e.g. 0.1.0) kept one hash per figure over
 * its specs with the rows inlined, and no data files per stat: parseManifest still reads it,
 * as a ManifestV1, and the diff compares what it can (diff.ts).
 */
import { createHash } from "node:crypto";
import type { TopLevelSpec } from "vega-lite";
import { z } from "zod";
import { isCalendarDate } from "../data/cells.ts";
import { parseJsonFile } from "../data/json.ts";
import { isVersion } from "./versions.ts";
import type { RecordEntry } from "../family.ts";
import type { FigureDefinition, PlottedRow } from "../figures/types.ts";
import { compareText } from "../compare.ts";

export const MANIFEST_SCHEMA = 2;

export interface ManifestStat {
  /** The raw value; null when it is not a finite number or a string (never quoted then). */
  readonly value: number | string | null;
  /** The value as a reader sees it; null when it cannot be formatted. Wording, with the label. */
  readonly text: string | null;
  readonly label: string;
  /** The data files the value is computed from (sorted). */
  readonly files: readonly string[];
  /** For a share, the counts it is taken of (Stat.base): the same share of other counts is new data, not new wording. */
  readonly base?: { readonly part: number; readonly whole: number };
}

export interface ManifestFigure {
  /** sha256 of the plotted rows (every field, keys sorted, rows in order): what the figure's CSV and table hold. */
  readonly dataHash: string;
  /** sha256 of how it is drawn: every rendering's spec with the plotted rows left out, and its words (figureWords). */
  readonly drawingHash: string;
  /** The data files its rows are computed from (sorted). */
  readonly files: readonly string[];
  /** "Figure 1.2" */
  readonly label: string;
  readonly title: string;
  /** Page URL plus anchor, e.g. /chapter-1/#figure-outcomes-by-year. */
  readonly href: string;
}

/** An entry's fields: [label, value] pairs in the family's reading order. */
export type RecordFields = readonly (readonly [label: string, value: string])[];

/** One entry of a record set: its name, or its name and fields when it has fields. */
export type ManifestRecord = string | { readonly name: string; readonly fields: RecordFields };

/** An entry's name and fields (null when it has none), whichever way it was recorded. */
export function recordParts(record: ManifestRecord): { readonly name: string; readonly fields: RecordFields | null } {
  return typeof record === "string" ? { name: record, fields: null } : record;
}

export interface Manifest {
  readonly schema: typeof MANIFEST_SCHEMA;
  readonly version: string;
  /** ISO date (YYYY-MM-DD) the data runs to, or null when the data has no dates (see dataAsOf). */
  readonly dataAsOf: string | null;
  readonly dataFiles: Readonly<Record<string, string>>;
  readonly stats: Readonly<Record<string, ManifestStat>>;
  readonly figures: Readonly<Record<string, ManifestFigure>>;
  readonly claims: Readonly<Record<string, string>>;
  /** The families' record sets by name, each key → entry (in the JSON, each at the top level under its name). */
  readonly records: Readonly<Record<string, Readonly<Record<string, ManifestRecord>>>>;
}

/** A figure as schema 1 recorded it: one hash of its renderings' specs, which inline its rows (specHash in render/cache.ts). */
export interface ManifestV1Figure {
  readonly hash: string;
  readonly label: string;
  readonly title: string;
  readonly href: string;
}

/** A manifest of schema 1 (releases/0.1.0): stats without their files, figures with one hash of data and drawing together. */
export interface ManifestV1 extends Omit<Manifest, "schema" | "stats" | "figures"> {
  readonly schema: 1;
  readonly stats: Readonly<Record<string, Omit<ManifestStat, "files">>>;
  readonly figures: Readonly<Record<string, ManifestV1Figure>>;
}

/** A recorded release's manifest, of either schema this engine reads. */
export type RecordedManifest = Manifest | ManifestV1;

/** What a figure says in words besides its chart: part of how it is drawn. */
export type FigureWords = Pick<FigureDefinition, "title" | "description" | "caption" | "source" | "columns" | "pivot">;

/** The parts of a prepared report the manifest reads; the stat registry fits `stats`. */
export interface ManifestInput {
  readonly version: string;
  readonly dataAsOf: string | null;
  readonly dataFiles: readonly { readonly file: string; readonly sha256: string }[];
  readonly stats: {
    keys(): string[];
    get(key: string): { readonly value: number | string; readonly label: string; readonly base?: { readonly part: number; readonly whole: number } };
    format(key: string): string;
  };
  /** The data files each stat depends on, by key (report.ts dependsOn.stats); every stat must have its entry. */
  readonly statFiles: ReadonlyMap<string, readonly string[]>;
  /** The figures readers see: those placed in the content and those drawn by page templates (council timelines). */
  readonly figures: readonly {
    readonly key: string;
    /** Every rendering's spec, wide first (scripts/engine/figures/renderings.ts). */
    readonly specs: readonly TopLevelSpec[];
    readonly rows: readonly PlottedRow[];
    readonly words: FigureWords;
    readonly files: readonly string[];
    readonly label: string;
    readonly title: string;
    readonly href: string;
  }[];
  readonly claims: readonly { readonly id: string; readonly status: string }[];
  readonly records: readonly { readonly name: string; readonly entries: readonly RecordEntry[] }[];
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The hash of a figure's plotted data: its rows, each with its fields in key order, in their order. */
export function figureDataHash(rows: readonly PlottedRow[]): string {
  return sha256(JSON.stringify(sortedDeep(rows)));
}

/** What stands in a spec for the figure's own rows when the drawing is hashed. */
export const ROWS_PLACEHOLDER = "(the figure's plotted rows)";

/**
 * A spec with every array equal to the figure's rows (its inline `data.values`, wherever
 * the spec or its layers hold them) replaced by ROWS_PLACEHOLDER; keys sorted. Inline data
 * that is not the rows (an annotation's text, a reference line) stays: it is part of the drawing.
 */
export function specWithoutRows(spec: unknown, rows: readonly PlottedRow[]): unknown {
  const rowsJson = JSON.stringify(sortedDeep(rows));
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      if (value.length === rows.length && JSON.stringify(sortedDeep(value)) === rowsJson) return ROWS_PLACEHOLDER;
      return value.map(strip);
    }
    if (value !== null && typeof value === "object") return byKey(Object.entries(value).map(([k, v]) => [k, strip(v)] as const));
    return value;
  };
  return strip(spec);
}

/** The hash of how a figure is drawn: its renderings' specs without its rows, and its words. */
export function figureDrawingHash(specs: readonly TopLevelSpec[], rows: readonly PlottedRow[], words: FigureWords): string {
  const { title, description, caption, source, columns, pivot } = words;
  return sha256(JSON.stringify({ specs: specs.map((spec) => specWithoutRows(spec, rows)), words: sortedDeep({ title, description, caption, source, columns, pivot: pivot ?? null }) }));
}

/** An object with its entries sorted by key (so JSON.stringify writes them in that order). */
function byKey<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const sorted = [...entries].sort(([a], [b]) => compareText(a, b));
  const result: Record<string, T> = {};
  for (const [key, value] of sorted) {
    if (Object.hasOwn(result, key)) throw new Error(`the manifest key "${key}" occurs twice`);
    result[key] = value;
  }
  return result;
}

function statEntry(stats: ManifestInput["stats"], statFiles: ManifestInput["statFiles"], key: string): ManifestStat {
  const { value, label, base } = stats.get(key);
  const files = statFiles.get(key);
  if (!files) throw new Error(`the stat "${key}" has no record of the data files it depends on`);
  const usable = typeof value === "string" || Number.isFinite(value);
  let text: string | null = null;
  try {
    text = stats.format(key);
  } catch {
    // A stat no page quotes may have no usable value (the registry only fails when one is quoted).
  }
  return { value: usable ? value : null, text, label, files: [...files], ...(base ? { base: { part: base.part, whole: base.whole } } : {}) };
}

export function buildManifest(input: ManifestInput): Manifest {
  return {
    schema: MANIFEST_SCHEMA,
    version: input.version,
    dataAsOf: input.dataAsOf,
    dataFiles: byKey(input.dataFiles.map((f) => [f.file, f.sha256] as const)),
    stats: byKey(input.stats.keys().map((key) => [key, statEntry(input.stats, input.statFiles, key)] as const)),
    figures: byKey(
      input.figures.map((f) => [f.key, { dataHash: figureDataHash(f.rows), drawingHash: figureDrawingHash(f.specs, f.rows, f.words), files: [...f.files], label: f.label, title: f.title, href: f.href }] as const),
    ),
    claims: byKey(input.claims.map((c) => [c.id, c.status] as const)),
    records: byKey(
      input.records.map((set) => {
        if (BASE_KEYS.includes(set.name)) throw new Error(`a record set cannot be named "${set.name}": the manifest uses that name`);
        return [set.name, byKey(set.entries.map((e) => [e.key, e.fields === undefined ? e.name : { name: e.name, fields: e.fields.map(([label, value]) => [label, value] as const) }] as const))] as const;
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

/** An array of numbers, strings, booleans or nulls as JSON.stringify indents it: one element per line. */
const PRIMITIVE_ARRAY = /\[\n((?:[ ]*(?:"(?:[^"\\\n]|\\.)*"|-?\d[\d.eE+-]*|true|false|null),?\n)+)[ ]*\]/g;

/**
 * Stable JSON: keys sorted at every level, two-space indent, one trailing newline; an array
 * of plain values on one line (a stat's files, a record's [label, value] pairs), which keeps
 * a manifest of a thousand records readable and a third of the size.
 */
export function stableJson(value: unknown): string {
  const indented = JSON.stringify(sortedDeep(value), null, 2);
  return `${indented.replace(PRIMITIVE_ARRAY, (_, items: string) => `[${items.split("\n").filter((line) => line !== "").map((line) => line.trim().replace(/,$/, "")).join(", ")}]`)}\n`;
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

/**
 * How a manifest is written, as zod schemas: what `parseManifest` accepts of each schema it
 * reads. A recorded release is compared number by number with the build, so a manifest whose
 * inner shapes are wrong (a stat recorded as a bare number, a figure as null) would list every
 * number as changed, or stop the build somewhere far from the file: each value is checked
 * here, and the first that is not as expected is named by its path in the file.
 */
const described = <T extends z.ZodType>(what: string, schema: (error: { error: string }) => T) => schema({ error: what });
const textOf = (what: string) => described(what, (e) => z.string(e));
const listOf = <T extends z.ZodType>(item: T, what: string) => described(what, (e) => z.array(item, e));
const byName = <T extends z.ZodType>(value: T, what: string) => described(what, (e) => z.record(z.string(), value, e));
// A hash is checked to be text, not to be 64 hexadecimal digits: it is only ever compared.
const hash = textOf("a hash (a string)");
const files = listOf(textOf("a data file's path"), "a list of data files' paths");

const isoDateOrNull = described("an ISO date (YYYY-MM-DD) of the calendar, or null", (e) =>
  z.union([z.string(e).refine((text) => { const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text); return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])); }, e), z.null()], e),
);

const statV1 = described("a stat: an object with value, text and label (schema 1)", (e) =>
  z.object(
    {
      value: described("a number, a string or null", (v) => z.union([z.number(), z.string(), z.null()], v)),
      text: described("a string or null", (v) => z.union([z.string(), z.null()], v)),
      label: textOf("the stat's label (a string)"),
      base: described("the counts of a share: an object with part and whole, numbers", (b) => z.object({ part: z.number(b), whole: z.number(b) }, b)).optional(),
    },
    e,
  ),
);
const statV2 = described("a stat: an object with value, text, label and files (schema 2)", (e) => z.object({ ...statV1.shape, files }, e));

const figureText = { label: textOf("the figure's label (a string)"), title: textOf("the figure's title (a string)"), href: textOf("the figure's address (a string)") };
const figureV1 = described("a figure: an object with hash, label, title and href (schema 1)", (e) => z.object({ hash: hash, ...figureText }, e));
const figureV2 = described("a figure: an object with dataHash, drawingHash, files, label, title and href (schema 2)", (e) =>
  z.object({ dataHash: hash, drawingHash: hash, files, ...figureText }, e),
);

const recordFields = listOf(described("a [label, value] pair of strings", (e) => z.tuple([z.string(e), z.string(e)], e)), "a list of [label, value] pairs");
const recordEntry = described("an entry's name, or an object with its name and fields", (e) => z.union([z.string(), z.object({ name: textOf("the entry's name (a string)"), fields: recordFields })], e));
/** Every top-level key beyond the manifest's own is a record set. */
const recordSet = byName(recordEntry, "a record set: an object by key of names, or of names with their fields");

const manifestOf = <S extends z.ZodType, F extends z.ZodType>(schema: 1 | 2, stat: S, figure: F) =>
  z
    .object({
      schema: z.literal(schema),
      version: described("a version such as 1.2.0", (e) => z.string(e).refine(isVersion, e)),
      dataAsOf: isoDateOrNull,
      dataFiles: byName(hash, "an object of data files' sha256 by path"),
      stats: byName(stat, "an object of stats by key"),
      figures: byName(figure, "an object of figures by key"),
      claims: byName(textOf("a claim's status (a string)"), "an object of claims' statuses by id"),
    })
    .catchall(recordSet);
const SCHEMAS = { 1: manifestOf(1, statV1, figureV1), [MANIFEST_SCHEMA]: manifestOf(MANIFEST_SCHEMA, statV2, figureV2) } as const;

/** A path into a JSON document as JavaScript writes it: stats["ilacs.total"].value, figures.grades, claims. */
export function jsonPath(keys: readonly PropertyKey[]): string {
  return keys
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      const name = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(name)) return index === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join("");
}

/** A JSON value in a few words, for "found …". */
function found(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return `${typeof value === "string" ? "the string" : `the ${typeof value}`} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}

/**
 * The issue to report: a value that is one of several shapes (an entry's name, or its name and
 * fields) and fails inside one of them is reported where it fails inside it, so the message
 * names the innermost value that is wrong; one that is none of them, by the union's own words.
 */
function innermost(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code === "invalid_union") {
    const deepest = issue.errors.flat().reduce<z.core.$ZodIssue | undefined>((best, inner) => (inner.path.length > (best?.path.length ?? 0) ? inner : best), undefined);
    if (deepest) {
      const inner = innermost(deepest);
      return { path: [...issue.path, ...inner.path], message: inner.message };
    }
  }
  return { path: issue.path, message: issue.message };
}

const valueAt = (root: unknown, keys: readonly PropertyKey[]) => keys.reduce<unknown>((value, key) => (value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined), root);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Read a manifest written by this engine: schema 2, or schema 1 (a release recorded before
 * figures kept their data apart from their drawing). Anything else fails in plain words: JSON
 * that does not parse at its line and column, a value not as its schema writes it at its path.
 */
export function parseManifest(json: string, where: string): RecordedManifest {
  const m = parseJsonFile(where, json);
  const shape = `schema, version, dataAsOf, dataFiles, stats, figures, claims, and any record sets`;
  if (!isObject(m) || !["dataFiles", "stats", "figures", "claims"].some((key) => key in m)) {
    throw new Error(`${where} is not a release manifest (an object with ${shape})`);
  }
  if (m.schema !== 1 && m.schema !== MANIFEST_SCHEMA) {
    const newer = typeof m.schema === "number" && m.schema > MANIFEST_SCHEMA;
    throw new Error(`${where} is a manifest of schema ${JSON.stringify(m.schema ?? null)}; this engine reads schemas 1 and ${MANIFEST_SCHEMA}${newer ? ": it was written by a newer engine" : ""}`);
  }
  const result = SCHEMAS[m.schema].safeParse(m);
  if (!result.success) {
    const { path, message } = innermost(result.error.issues[0]);
    throw new Error(`${where}: ${jsonPath(path)}: expected ${message}, found ${found(valueAt(m, path))}`);
  }
  const records: Record<string, Record<string, ManifestRecord>> = {};
  const base: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(result.data)) {
    if (BASE_KEYS.includes(key)) base[key] = value;
    else records[key] = value as Record<string, ManifestRecord>;
  }
  return { ...(base as Omit<RecordedManifest, "records">), records } as RecordedManifest;
}
