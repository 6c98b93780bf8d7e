/**
 * Compare two manifests (a recorded release and the current build) into the list of
 * changes the "What changed" page shows, in two parts:
 *   - what the data says: data files, numbers whose value moved, figures whose plotted
 *     rows changed, claims' statuses, record sets (entries added, removed, renamed, or with
 *     a field changed). Each number and figure names its cause: the data files it depends on
 *     that changed, or none — then the change came from code (a change of method);
 *   - how it is presented: figures whose rows are the same but whose drawing or words
 *     changed, numbers whose value is the same but whose wording (text, label) changed.
 *     These name their cause too: new data can move what frames a figure or a number (an
 *     axis that runs to the latest year, the year a label names) while its values stay;
 *     with no data file behind it changed, the cause is code or style.
 * Only the first part marks a figure as updated. Pure; every list is sorted by key, so the
 * page is the same whatever order the manifests were written in.
 *
 * A release of schema 1 (manifest.ts) recorded one hash per figure for its data and drawing
 * together. Against it a figure is compared by that hash, worked out for the current build
 * (`schema1Hashes`): the same, it is unchanged; different, it "differs" when a data file it
 * depends on changed — new rows or a new drawing, schema 1 cannot tell which, so it is not
 * marked as updated (a file can change in a column no figure plots) — and counts as redrawn
 * when none did (its rows may still have changed through code; the page says so).
 */
import { recordParts, type Manifest, type ManifestFigure, type ManifestRecord, type ManifestStat, type ManifestV1Figure, type RecordedManifest, type RecordFields } from "./manifest.ts";
import { compareText } from "../compare.ts";

export type Presence = "added" | "removed" | "changed";

export interface DataFileChange {
  readonly file: string;
  readonly change: Presence;
  readonly before: string | null;
  readonly after: string | null;
}

/** up/down for numbers that moved; "changed" for text values. */
export type StatDirection = "up" | "down" | "changed" | "added" | "removed";

export interface StatChange {
  readonly key: string;
  readonly label: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly direction: StatDirection;
  /** The raw value moved but reads the same when rounded. */
  readonly sameWhenRounded: boolean;
  /** The data files it depends on that changed (sorted); empty when none did: the change came from code. */
  readonly causes: readonly string[];
}

export interface StatGroup {
  /** The key's first segment: "outcomes" for "outcomes.variation.early". */
  readonly prefix: string;
  readonly changes: readonly StatChange[];
}

/** A number whose value is the same but whose wording (formatted text or label) changed: a presentation change. */
export interface StatWordingChange {
  readonly key: string;
  readonly before: { readonly text: string | null; readonly label: string };
  readonly after: { readonly text: string | null; readonly label: string };
  /** The data files it depends on that changed (sorted); empty when none did: the cause is code. */
  readonly causes: readonly string[];
}

/** A figure whose plotted data changed (or that came or went). */
export interface FigureChange {
  readonly key: string;
  /** "differs": against a release of schema 1, which cannot tell new rows from a new drawing (see the module's comment). */
  readonly change: "updated" | "added" | "removed" | "differs";
  readonly label: string;
  readonly title: string;
  /** Where the figure is now; null for a figure no longer on the site. */
  readonly href: string | null;
  /** The data files it depends on that changed (sorted); empty when none did (code). */
  readonly causes: readonly string[];
}

/** A figure with the same plotted data, drawn or worded differently: a presentation change. */
export interface FigureRedrawn {
  readonly key: string;
  readonly label: string;
  readonly title: string;
  readonly href: string;
  /** The data files it depends on that changed (sorted); empty when none did: the cause is code or style. */
  readonly causes: readonly string[];
}

export interface ClaimChange {
  readonly id: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** An entry of a record set as recorded: its key, name and fields (null when it has none). */
export interface RecordEntryView {
  readonly key: string;
  readonly name: string;
  readonly fields: RecordFields | null;
}

/** One field of a record set's entry that changed; null where the entry lacked it. */
export interface FieldChange {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** The entries of one record set (the councils, the judgements) added, removed, renamed or with fields changed, by key. */
export interface RecordChanges {
  readonly name: string;
  /** False when only one of the two manifests recorded this set: its entries are not compared (and none is listed). */
  readonly compared: boolean;
  readonly added: readonly RecordEntryView[];
  readonly removed: readonly RecordEntryView[];
  readonly renamed: readonly { readonly key: string; readonly before: string; readonly after: string }[];
  /** Entries whose fields changed, under their name now. */
  readonly changed: readonly { readonly key: string; readonly name: string; readonly fields: readonly FieldChange[] }[];
}

export interface ReleaseDiff {
  readonly since: { readonly version: string; readonly dataAsOf: string | null; readonly schema: number };
  readonly current: { readonly version: string; readonly dataAsOf: string | null };
  /** What the data says. */
  readonly dataFiles: readonly DataFileChange[];
  readonly stats: readonly StatGroup[];
  readonly figures: readonly FigureChange[];
  readonly claims: readonly ClaimChange[];
  /** Every record set of either manifest, by name, changed or not. */
  readonly records: readonly RecordChanges[];
  /** How it is presented. */
  readonly presentation: { readonly figures: readonly FigureRedrawn[]; readonly stats: readonly StatWordingChange[] };
  /** True when anything in the first part changed, or the date the data runs to. */
  readonly dataChanged: boolean;
  /** True when nothing at all changed. */
  readonly unchanged: boolean;
}

export interface DiffOptions {
  /**
   * The current build's figures hashed as schema 1 hashed them (specHash of their specs), by
   * key: what a figure of a schema-1 release is compared with. Without it, every figure of
   * such a release counts as different.
   */
  readonly schema1Hashes?: Readonly<Record<string, string>>;
}

const sortedKeys = (...records: Readonly<Record<string, unknown>>[]) => [...new Set(records.flatMap((r) => Object.keys(r)))].sort(compareText);
const get = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);
const filesOf = (entry: object | undefined): readonly string[] => (entry && "files" in entry ? (entry.files as readonly string[]) : []);

export function statDirection(before: Pick<ManifestStat, "value"> | undefined, after: Pick<ManifestStat, "value"> | undefined): StatDirection {
  if (!before) return "added";
  if (!after) return "removed";
  if (typeof before.value === "number" && typeof after.value === "number" && before.value !== after.value) return after.value > before.value ? "up" : "down";
  return "changed";
}

/** The files among those of `entries` (a release's and the build's record of one thing) that changed. */
function causesOf(changedFiles: ReadonlySet<string>, ...entries: (object | undefined)[]): string[] {
  return [...new Set(entries.flatMap((entry) => filesOf(entry)))].filter((file) => changedFiles.has(file)).sort(compareText);
}

function statChanges(before: RecordedManifest["stats"], after: Manifest["stats"], changedFiles: ReadonlySet<string>): { groups: StatGroup[]; wording: StatWordingChange[] } {
  const groups = new Map<string, StatChange[]>();
  const wording: StatWordingChange[] = [];
  for (const key of sortedKeys(before, after)) {
    const [old, now] = [get(before, key), get(after, key)];
    // A share of other counts (2 of 4, then 3 of 6) is a change of data though its value is the same;
    // a release recorded before shares carried their counts has none to compare, and is compared by value.
    const sameBase = !old || !now || !("base" in old) || !old.base || !now.base || (old.base.part === now.base.part && old.base.whole === now.base.whole);
    if (old && now && old.value === now.value && sameBase) {
      if (old.text !== now.text || old.label !== now.label) wording.push({ key, before: { text: old.text, label: old.label }, after: { text: now.text, label: now.label }, causes: causesOf(changedFiles, old, now) });
      continue;
    }
    const prefix = key.split(".")[0];
    const change: StatChange = {
      key,
      label: (now ?? old)?.label ?? key,
      before: old?.text ?? null,
      after: now?.text ?? null,
      direction: statDirection(old, now),
      sameWhenRounded: Boolean(old && now && old.text === now.text),
      causes: causesOf(changedFiles, old, now),
    };
    groups.set(prefix, [...(groups.get(prefix) ?? []), change]);
  }
  return { groups: [...groups].map(([prefix, changes]) => ({ prefix, changes })), wording };
}

function figureChanges(
  before: RecordedManifest["figures"],
  after: Manifest["figures"],
  changedFiles: ReadonlySet<string>,
  schema1Hashes: Readonly<Record<string, string>> | undefined,
): { changed: FigureChange[]; redrawn: FigureRedrawn[] } {
  const changed: FigureChange[] = [];
  const redrawn: FigureRedrawn[] = [];
  for (const key of sortedKeys(before, after)) {
    const [old, now] = [get<ManifestFigure | ManifestV1Figure>(before, key), get(after, key)];
    const causes = causesOf(changedFiles, old, now);
    if (!old || !now) {
      const shown = (now ?? old) as ManifestFigure | ManifestV1Figure;
      changed.push({ key, change: old ? "removed" : "added", label: shown.label, title: shown.title, href: now ? now.href : null, causes });
      continue;
    }
    const where = { key, label: now.label, title: now.title, href: now.href, causes };
    if ("hash" in old) {
      // Schema 1: one hash of data and drawing together (see the module's comment).
      if (schema1Hashes !== undefined && get(schema1Hashes, key) === old.hash) continue;
      if (causes.length > 0) changed.push({ ...where, change: "differs" });
      else redrawn.push(where);
      continue;
    }
    if (old.dataHash !== now.dataHash) changed.push({ ...where, change: "updated" });
    else if (old.drawingHash !== now.drawingHash) redrawn.push(where);
  }
  return { changed, redrawn };
}

function dataFileChanges(before: Manifest["dataFiles"], after: Manifest["dataFiles"]): DataFileChange[] {
  return sortedKeys(before, after).flatMap((file): DataFileChange[] => {
    const [old, now] = [get(before, file) ?? null, get(after, file) ?? null];
    if (old === now) return [];
    return [{ file, change: old === null ? "added" : now === null ? "removed" : "changed", before: old, after: now }];
  });
}

const entryView = (key: string, record: ManifestRecord): RecordEntryView => ({ key, ...recordParts(record) });

/** The fields of an entry that differ: in the order they have now, then those it no longer has. */
function fieldChanges(before: RecordFields | null, after: RecordFields | null): FieldChange[] {
  const [old, now] = [new Map(before ?? []), new Map(after ?? [])];
  return [...new Set([...now.keys(), ...old.keys()])].flatMap((field) => {
    const [a, b] = [old.get(field) ?? null, now.get(field) ?? null];
    return a === b ? [] : [{ field, before: a, after: b }];
  });
}

function recordChanges(name: string, before: Readonly<Record<string, ManifestRecord>> | undefined, after: Readonly<Record<string, ManifestRecord>> | undefined): RecordChanges {
  const added: RecordEntryView[] = [];
  const removed: RecordEntryView[] = [];
  const renamed: RecordChanges["renamed"][number][] = [];
  const changed: RecordChanges["changed"][number][] = [];
  // A set only one side recorded (a family began or stopped keeping it) is not compared:
  // every entry would otherwise count as added, or as removed.
  if (before === undefined || after === undefined) return { name, compared: false, added, removed, renamed, changed };
  for (const key of sortedKeys(before, after)) {
    const [old, now] = [get(before, key), get(after, key)];
    if (old === undefined && now !== undefined) added.push(entryView(key, now));
    else if (now === undefined && old !== undefined) removed.push(entryView(key, old));
    else if (old !== undefined && now !== undefined) {
      const [a, b] = [recordParts(old), recordParts(now)];
      if (a.name !== b.name) renamed.push({ key, before: a.name, after: b.name });
      const fields = fieldChanges(a.fields, b.fields);
      if (fields.length > 0) changed.push({ key, name: b.name, fields });
    }
  }
  return { name, compared: true, added, removed, renamed, changed };
}

/** How many entries of a record set changed in any way (an entry renamed and changed counts once). */
export function recordChangeCount(r: RecordChanges): number {
  return r.added.length + r.removed.length + new Set([...r.renamed, ...r.changed].map((e) => e.key)).size;
}

/** The changes from a recorded release (`before`, of schema 1 or 2) to the current build (`after`). */
export function diffManifests(before: RecordedManifest, after: Manifest, options: DiffOptions = {}): ReleaseDiff {
  const dataFiles = dataFileChanges(before.dataFiles, after.dataFiles);
  const changedFiles = new Set(dataFiles.map((f) => f.file));
  const stats = statChanges(before.stats, after.stats, changedFiles);
  const figures = figureChanges(before.figures, after.figures, changedFiles, options.schema1Hashes);
  const claims = sortedKeys(before.claims, after.claims).flatMap((id): ClaimChange[] => {
    const [old, now] = [get(before.claims, id) ?? null, get(after.claims, id) ?? null];
    return old === now ? [] : [{ id, before: old, after: now }];
  });
  const records = sortedKeys(before.records, after.records).map((name) => recordChanges(name, get(before.records, name), get(after.records, name)));
  const recordsChanged = records.some((r) => recordChangeCount(r) > 0);
  const dataChanged = dataFiles.length + stats.groups.length + figures.changed.length + claims.length > 0 || recordsChanged || before.dataAsOf !== after.dataAsOf;
  return {
    since: { version: before.version, dataAsOf: before.dataAsOf, schema: before.schema },
    current: { version: after.version, dataAsOf: after.dataAsOf },
    dataFiles,
    stats: stats.groups,
    figures: figures.changed,
    claims,
    records,
    presentation: { figures: figures.redrawn, stats: stats.wording },
    dataChanged,
    unchanged: !dataChanged && figures.redrawn.length + stats.wording.length === 0,
  };
}

/** The ways a build differs from a recorded release, counted in words: "2 data files, 1 number and 1 council". */
export function differencesInWords(diff: ReleaseDiff, recordSets: readonly { readonly name: string; readonly heading: string; readonly singular: string }[] = []): string {
  const counted = (n: number, one: string, many: string) => (n === 0 ? [] : [`${n} ${n === 1 ? one : many}`]);
  const records = diff.records.flatMap((r) => {
    const set = recordSets.find((s) => s.name === r.name);
    return counted(recordChangeCount(r), `${set?.singular ?? r.name} added, removed or changed`, `${set?.heading.toLowerCase() ?? r.name} added, removed or changed`);
  });
  const parts = [
    ...counted(diff.dataFiles.length, "data file", "data files"),
    ...counted(diff.stats.reduce((n, g) => n + g.changes.length, 0), "number", "numbers"),
    ...counted(diff.figures.length, "figure's plotted data", "figures' plotted data"),
    ...counted(diff.claims.length, "claim's status", "claims' statuses"),
    ...records,
    ...(diff.since.dataAsOf !== diff.current.dataAsOf ? ["the date the data runs to"] : []),
  ];
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
