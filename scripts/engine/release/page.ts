/**
 * What the "What changed" page and the figure notes show, as plain strings for the
 * Nunjucks partial (_includes/what-changed.njk). Pure: the release state in, words out.
 */
import { dayMonthYear } from "../stats/format.ts";
import { differencesInWords, recordChangeCount, type FieldChange, type RecordEntryView, type ReleaseDiff, type StatDirection, type StatWordingChange } from "./diff.ts";
import type { ReleaseState } from "./store.ts";

/** "2015-03-31" → "31 March 2015"; null → "no dated data". Fixed English, no locale or clock. */
export function readableDate(iso: string | null): string {
  return iso === null ? "no dated data" : dayMonthYear(iso);
}

const DIRECTION_TEXT: Record<StatDirection, string> = {
  up: "up",
  down: "down",
  changed: "changed",
  added: "new",
  removed: "no longer computed",
};

/** The first twelve hex digits of a sha256, enough to tell two versions of a file apart by eye. */
const shortHash = (hash: string | null) => (hash === null ? "–" : hash.slice(0, 12));

export interface ChangesView {
  readonly version: string;
  readonly dataAsOf: string;
  /** The release compared with; null when there is none (or the build differs from its own recorded version). */
  readonly since: { readonly version: string; readonly dataAsOf: string } | null;
  /** This build is its version's recorded release (same data and results; `restyled`: drawn or worded differently since), or null when its version is not recorded or it differs. */
  readonly recorded: { readonly version: string; readonly restyled: boolean } | null;
  /** This build differs from the recorded release of its own version: what differs, in words. Nothing is compared then. */
  readonly mismatch: { readonly version: string; readonly summary: string; readonly items: readonly string[] } | null;
  readonly unchanged: boolean;
  /** Anything in the "Data changed" part changed. */
  readonly dataChanged: boolean;
  /** The release compared with recorded each figure's data and drawing in one hash (manifest schema 1). */
  readonly schema1: boolean;
  readonly dataFiles: readonly { readonly file: string; readonly change: string; readonly before: string; readonly after: string }[];
  readonly statGroups: readonly {
    readonly prefix: string;
    /** `causes`: the data files behind the number that changed; empty when none did (the cause is code). */
    readonly rows: readonly { readonly key: string; readonly label: string; readonly before: string; readonly after: string; readonly change: string; readonly causes: readonly string[] }[];
  }[];
  /** Figures whose plotted data changed, or that came or went. */
  readonly figures: readonly { readonly label: string; readonly title: string; readonly href: string | null; readonly change: string; readonly causes: readonly string[] }[];
  readonly claims: readonly { readonly id: string; readonly before: string; readonly after: string }[];
  /**
   * Each record set (the councils, the judgements): its entries added, removed, renamed and
   * changed, each in words: "Name (key)" (the key where the set shows it), with its fields
   * for one added or removed, and each changed field's value then and now.
   */
  readonly records: readonly {
    readonly name: string;
    readonly heading: string;
    readonly singular: string;
    /** False when the release compared with did not record this set (nothing is listed then). */
    readonly compared: boolean;
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly renamed: readonly string[];
    readonly changed: readonly string[];
  }[];
  /** Figures with the same plotted data, drawn or worded differently; `causes` as for changed numbers (empty: code or style). */
  readonly redrawn: readonly { readonly label: string; readonly title: string; readonly href: string; readonly causes: readonly string[] }[];
  /** Numbers with the same value, worded differently; `causes` as for changed numbers. */
  readonly reworded: readonly { readonly key: string; readonly label: string; readonly before: string; readonly after: string; readonly change: string; readonly causes: readonly string[] }[];
  /** What the page compares, in a sentence: "data file, number, figure, claim and council". */
  readonly kinds: string;
}

/** "a, b and c". */
const inWords = (items: readonly string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/** Up to `most` items in words, then how many more. */
function someOf(items: readonly string[], most = 12): string {
  return items.length <= most ? inWords(items) : `${items.slice(0, most).join(", ")} and ${items.length - most} more`;
}

const STATUS_TEXT: Record<string, string> = { reproduced: "reproduced", consistent: "consistent with the report's own figures", differs: "differs", not_reproducible: "not reproducible" };
const statusText = (status: string | null) => (status === null ? "–" : (STATUS_TEXT[status] ?? status));

function rewording(change: StatWordingChange): string {
  const text = change.before.text !== change.after.text;
  const label = change.before.label !== change.after.label;
  return text && label ? "its text and its label" : text ? "its text" : `its label (it was "${change.before.label}")`;
}

/** An entry named as its set shows it: "Barnet (E09000003)", or the name alone. */
const entryName = (e: { readonly key: string; readonly name: string }, showKeys: boolean) => (showKeys ? `${e.name} (${e.key})` : e.name);

/** An added or removed entry, with what it said: "Dorset — ILACS standard inspection …: Overall: Good; Leadership: Outstanding". */
const entryWithFields = (e: RecordEntryView, showKeys: boolean) =>
  e.fields === null || e.fields.length === 0 ? entryName(e, showKeys) : `${entryName(e, showKeys)}: ${e.fields.map(([label, value]) => `${label}: ${value}`).join("; ")}`;

/** "Children in care: Outstanding → Good"; a field gained or lost reads "(none)" on its other side. */
const fieldChange = (f: FieldChange) => `${f.field}: ${f.before ?? "(none)"} → ${f.after ?? "(none)"}`;

function diffView(diff: ReleaseDiff, sets: ReleaseState["recordSets"]) {
  return {
    dataFiles: diff.dataFiles.map((f) => ({ file: f.file, change: f.change, before: shortHash(f.before), after: shortHash(f.after) })),
    statGroups: diff.stats.map((group) => ({
      prefix: group.prefix,
      rows: group.changes.map((c) => ({
        key: c.key,
        label: c.label,
        before: c.before ?? "–",
        after: c.after ?? "–",
        change: c.sameWhenRounded ? `${DIRECTION_TEXT[c.direction]} (the same when rounded)` : DIRECTION_TEXT[c.direction],
        causes: c.causes,
      })),
    })),
    figures: diff.figures.map((f) => ({ label: f.label, title: f.title, href: f.href, change: f.change === "removed" ? "no longer in the report" : f.change === "added" ? "new" : f.change, causes: f.causes })),
    claims: diff.claims.map((c) => ({ id: c.id, before: statusText(c.before), after: statusText(c.after) })),
    records: diff.records.map((r) => {
      const set = sets.find((s) => s.name === r.name);
      const keys = set?.showKeys ?? true;
      return {
        name: r.name,
        heading: set?.heading ?? r.name,
        singular: set?.singular ?? r.name,
        compared: r.compared,
        added: r.added.map((e) => entryWithFields(e, keys)),
        removed: r.removed.map((e) => entryWithFields(e, keys)),
        renamed: r.renamed.map((e) => `${e.before} is now ${e.after}${keys ? ` (${e.key})` : ""}`),
        changed: r.changed.map((e) => `${entryName(e, keys)}: ${e.fields.map(fieldChange).join("; ")}`),
      };
    }),
    redrawn: diff.presentation.figures.map((f) => ({ label: f.label, title: f.title, href: f.href, causes: f.causes })),
    reworded: diff.presentation.stats.map((c) => ({ key: c.key, label: c.after.label, before: c.before.text ?? "–", after: c.after.text ?? "–", change: rewording(c), causes: c.causes })),
  };
}

/** What differs between a build and the recorded release of its own version, one line per kind. */
function mismatchItems(diff: ReleaseDiff, sets: ReleaseState["recordSets"]): string[] {
  const items: string[] = [];
  if (diff.dataFiles.length) items.push(`Data files: ${someOf(diff.dataFiles.map((f) => `${f.file} (${f.change})`))}`);
  const stats = diff.stats.flatMap((g) => g.changes);
  if (stats.length) {
    const fromCode = stats.filter((c) => c.causes.length === 0).length;
    const cause =
      fromCode === 0 ? "" : fromCode < stats.length ? ` (${fromCode} of them from code: no data file behind them changed)` : stats.length === 1 ? " (from code: no data file behind it changed)" : " (from code: no data file behind them changed)";
    items.push(`Numbers: ${someOf(stats.map((c) => c.key))}${cause}`);
  }
  if (diff.figures.length) items.push(`Figures' plotted data: ${someOf(diff.figures.map((f) => f.label))}`);
  if (diff.claims.length) items.push(`Claims' statuses: ${someOf(diff.claims.map((c) => c.id))}`);
  for (const r of diff.records) {
    if (recordChangeCount(r) === 0) continue;
    const set = sets.find((s) => s.name === r.name);
    const keys = set?.showKeys ?? true;
    const entries = [
      ...r.added.map((e) => `${entryName(e, keys)} added`),
      ...r.removed.map((e) => `${entryName(e, keys)} removed`),
      ...r.renamed.map((e) => `${e.before}${keys ? ` (${e.key})` : ""} renamed ${e.after}`),
      ...r.changed.map((e) => `${entryName(e, keys)} changed`),
    ];
    items.push(`${set?.heading ?? r.name}: ${someOf(entries)}`);
  }
  if (diff.since.dataAsOf !== diff.current.dataAsOf) items.push(`The date the data runs to: ${readableDate(diff.since.dataAsOf)} then, ${readableDate(diff.current.dataAsOf)} now`);
  return items;
}

const EMPTY = { unchanged: false, dataChanged: false, schema1: false, dataFiles: [], statGroups: [], figures: [], claims: [], records: [], redrawn: [], reworded: [] } as const;

export function changesView(state: ReleaseState): ChangesView {
  const { manifest, diff, recordSets, recorded } = state;
  const kinds = inWords(["data file", "number", "figure", "claim", ...(diff?.records ?? []).filter((r) => r.compared).map((r) => recordSets.find((s) => s.name === r.name)?.singular ?? r.name)]);
  const head = { version: manifest.version, dataAsOf: readableDate(manifest.dataAsOf), kinds, recorded: recorded?.matches ? { version: recorded.version, restyled: recorded.restyled } : null, mismatch: null };
  if (recorded && !recorded.matches) {
    const { differences } = recorded;
    return { ...head, ...EMPTY, since: null, mismatch: { version: recorded.version, summary: differencesInWords(differences, recordSets), items: mismatchItems(differences, recordSets) } };
  }
  if (!diff) return { ...head, ...EMPTY, since: null };
  return {
    ...head,
    since: { version: diff.since.version, dataAsOf: readableDate(diff.since.dataAsOf) },
    unchanged: diff.unchanged,
    dataChanged: diff.dataChanged,
    schema1: diff.since.schema === 1,
    ...diffView(diff, recordSets),
  };
}

/** The page's heading: "What changed since 1.0.0", or "What changed" when it compares with no release. */
export function changesTitle(state: ReleaseState): string {
  return state.diff ? `What changed since ${state.diff.since.version}` : "What changed";
}

/** The content page that shows the changes (its URL comes from its front matter). */
export const CHANGES_PAGE = "content/what-changed.md";

/**
 * The note under a figure whose plotted data changed since the release compared with (or
 * that is new since), linking to the changes page when the report has one; null for a
 * figure whose data did not change — drawn or worded differently or not at all —, for one
 * that only differs from a release of schema 1, and when no release is compared with.
 */
export function figureNote(state: ReleaseState, key: string, pages: readonly { readonly inputPath: string; readonly url: string }[]): { readonly text: string; readonly href: string | null } | null {
  if (!state.diff) return null;
  // A figure that only "differs" from a schema-1 release may plot the same rows: no note.
  const figure = state.diff.figures.find((f) => f.key === key && (f.change === "updated" || f.change === "added"));
  if (!figure) return null;
  const page = pages.find((p) => p.inputPath === CHANGES_PAGE);
  return {
    text: `${figure.change === "added" ? "New" : "Updated"} since ${state.diff.since.version}`,
    href: page ? `${page.url}#changed-figures` : null,
  };
}
