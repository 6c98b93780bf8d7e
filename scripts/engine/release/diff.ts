/**
 * Compare two manifests (a recorded release and the current build) into the list of
 * changes the "What changed" page shows. Pure; every list is sorted by key, so the
 * page is the same whatever order the manifests were written in.
 */
import type { Manifest, ManifestFigure, ManifestStat } from "./manifest.ts";

export type Presence = "added" | "removed" | "changed";

export interface DataFileChange {
  readonly file: string;
  readonly change: Presence;
  readonly before: string | null;
  readonly after: string | null;
}

/** up/down for numbers that moved; "changed" for text or when only the wording of the value changed. */
export type StatDirection = "up" | "down" | "changed" | "added" | "removed";

export interface StatChange {
  readonly key: string;
  readonly label: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly direction: StatDirection;
  /** The raw value moved but reads the same when rounded. */
  readonly sameWhenRounded: boolean;
}

export interface StatGroup {
  /** The key's first segment: "outcomes" for "outcomes.variation.early". */
  readonly prefix: string;
  readonly changes: readonly StatChange[];
}

export interface FigureChange {
  readonly key: string;
  readonly change: "redrawn" | "added" | "removed";
  readonly label: string;
  readonly title: string;
  /** Where the figure is now; null for a figure no longer on the site. */
  readonly href: string | null;
}

export interface ClaimChange {
  readonly id: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** The entries of one record set (the councils) added, removed or renamed, by key. */
export interface RecordChanges {
  readonly name: string;
  readonly added: readonly { readonly key: string; readonly name: string }[];
  readonly removed: readonly { readonly key: string; readonly name: string }[];
  readonly renamed: readonly { readonly key: string; readonly before: string; readonly after: string }[];
}

export interface ReleaseDiff {
  readonly since: { readonly version: string; readonly dataAsOf: string | null };
  readonly current: { readonly version: string; readonly dataAsOf: string | null };
  readonly dataFiles: readonly DataFileChange[];
  readonly stats: readonly StatGroup[];
  readonly figures: readonly FigureChange[];
  readonly claims: readonly ClaimChange[];
  /** Every record set of either manifest, by name, changed or not. */
  readonly records: readonly RecordChanges[];
  /** True when nothing at all changed. */
  readonly unchanged: boolean;
}

const sortedKeys = (...records: Readonly<Record<string, unknown>>[]) => [...new Set(records.flatMap((r) => Object.keys(r)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const get = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

export function statDirection(before: ManifestStat | undefined, after: ManifestStat | undefined): StatDirection {
  if (!before) return "added";
  if (!after) return "removed";
  if (typeof before.value === "number" && typeof after.value === "number" && before.value !== after.value) return after.value > before.value ? "up" : "down";
  return "changed";
}

function statChanges(before: Manifest["stats"], after: Manifest["stats"]): StatGroup[] {
  const groups = new Map<string, StatChange[]>();
  for (const key of sortedKeys(before, after)) {
    const [old, now] = [get(before, key), get(after, key)];
    if (old && now && old.value === now.value && old.text === now.text) continue;
    const prefix = key.split(".")[0];
    const change: StatChange = {
      key,
      label: (now ?? old)?.label ?? key,
      before: old?.text ?? null,
      after: now?.text ?? null,
      direction: statDirection(old, now),
      sameWhenRounded: Boolean(old && now && old.value !== now.value && old.text === now.text),
    };
    groups.set(prefix, [...(groups.get(prefix) ?? []), change]);
  }
  return [...groups].map(([prefix, changes]) => ({ prefix, changes }));
}

function figureChanges(before: Manifest["figures"], after: Manifest["figures"]): FigureChange[] {
  const changes: FigureChange[] = [];
  for (const key of sortedKeys(before, after)) {
    const [old, now] = [get(before, key), get(after, key)];
    if (old && now && old.hash === now.hash) continue;
    const shown = (now ?? old) as ManifestFigure;
    changes.push({ key, change: !old ? "added" : !now ? "removed" : "redrawn", label: shown.label, title: shown.title, href: now ? now.href : null });
  }
  return changes;
}

function dataFileChanges(before: Manifest["dataFiles"], after: Manifest["dataFiles"]): DataFileChange[] {
  return sortedKeys(before, after).flatMap((file): DataFileChange[] => {
    const [old, now] = [get(before, file) ?? null, get(after, file) ?? null];
    if (old === now) return [];
    return [{ file, change: old === null ? "added" : now === null ? "removed" : "changed", before: old, after: now }];
  });
}

function recordChanges(name: string, before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): RecordChanges {
  const added: { key: string; name: string }[] = [];
  const removed: { key: string; name: string }[] = [];
  const renamed: { key: string; before: string; after: string }[] = [];
  for (const key of sortedKeys(before, after)) {
    const [old, now] = [get(before, key), get(after, key)];
    if (old === undefined && now !== undefined) added.push({ key, name: now });
    else if (now === undefined && old !== undefined) removed.push({ key, name: old });
    else if (old !== now && old !== undefined && now !== undefined) renamed.push({ key, before: old, after: now });
  }
  return { name, added, removed, renamed };
}

export function diffManifests(before: Manifest, after: Manifest): ReleaseDiff {
  const dataFiles = dataFileChanges(before.dataFiles, after.dataFiles);
  const stats = statChanges(before.stats, after.stats);
  const figures = figureChanges(before.figures, after.figures);
  const claims = sortedKeys(before.claims, after.claims).flatMap((id): ClaimChange[] => {
    const [old, now] = [get(before.claims, id) ?? null, get(after.claims, id) ?? null];
    return old === now ? [] : [{ id, before: old, after: now }];
  });
  const records = sortedKeys(before.records, after.records).map((name) => recordChanges(name, get(before.records, name) ?? {}, get(after.records, name) ?? {}));
  const recordsChanged = records.some((r) => r.added.length + r.removed.length + r.renamed.length > 0);
  const unchanged = dataFiles.length + stats.length + figures.length + claims.length === 0 && !recordsChanged && before.dataAsOf === after.dataAsOf;
  return {
    since: { version: before.version, dataAsOf: before.dataAsOf },
    current: { version: after.version, dataAsOf: after.dataAsOf },
    dataFiles,
    stats,
    figures,
    claims,
    records,
    unchanged,
  };
}
