/**
 * What the "What changed" page and the figure notes show, as plain strings for the
 * Nunjucks partial (_includes/what-changed.njk). Pure: the release state in, words out.
 */
import { dayMonthYear } from "../stats/format.ts";
import type { ReleaseDiff, StatDirection } from "./diff.ts";
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
  /** Null when no release has been recorded: the page says so. */
  readonly since: { readonly version: string; readonly dataAsOf: string } | null;
  readonly unchanged: boolean;
  readonly dataFiles: readonly { readonly file: string; readonly change: string; readonly before: string; readonly after: string }[];
  readonly statGroups: readonly {
    readonly prefix: string;
    readonly rows: readonly { readonly key: string; readonly label: string; readonly before: string; readonly after: string; readonly change: string }[];
  }[];
  readonly figures: readonly { readonly label: string; readonly title: string; readonly href: string | null; readonly change: string }[];
  readonly claims: readonly { readonly id: string; readonly before: string; readonly after: string }[];
  /** Each record set (the councils): its entries added, removed and renamed, as "Name (key)". */
  readonly records: readonly {
    readonly name: string;
    readonly heading: string;
    readonly singular: string;
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly renamed: readonly string[];
  }[];
  /** What the page compares, in a sentence: "data file, number, figure, claim and council". */
  readonly kinds: string;
}

/** "a, b and c". */
const inWords = (items: readonly string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

const STATUS_TEXT: Record<string, string> = { reproduced: "reproduced", differs: "differs", not_reproducible: "not reproducible" };
const statusText = (status: string | null) => (status === null ? "–" : (STATUS_TEXT[status] ?? status));

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
      })),
    })),
    figures: diff.figures.map((f) => ({ label: f.label, title: f.title, href: f.href, change: f.change === "removed" ? "no longer in the report" : f.change === "added" ? "new" : "redrawn" })),
    claims: diff.claims.map((c) => ({ id: c.id, before: statusText(c.before), after: statusText(c.after) })),
    records: diff.records.map((r) => {
      const set = sets.find((s) => s.name === r.name);
      return {
        name: r.name,
        heading: set?.heading ?? r.name,
        singular: set?.singular ?? r.name,
        added: r.added.map((e) => `${e.name} (${e.key})`),
        removed: r.removed.map((e) => `${e.name} (${e.key})`),
        renamed: r.renamed.map((e) => `${e.before} is now ${e.after} (${e.key})`),
      };
    }),
  };
}

export function changesView(state: ReleaseState): ChangesView {
  const { manifest, diff, recordSets } = state;
  const kinds = inWords(["data file", "number", "figure", "claim", ...(diff?.records ?? []).map((r) => recordSets.find((s) => s.name === r.name)?.singular ?? r.name)]);
  const head = { version: manifest.version, dataAsOf: readableDate(manifest.dataAsOf), kinds };
  if (!diff) {
    return { ...head, since: null, unchanged: false, dataFiles: [], statGroups: [], figures: [], claims: [], records: [] };
  }
  return { ...head, since: { version: diff.since.version, dataAsOf: readableDate(diff.since.dataAsOf) }, unchanged: diff.unchanged, ...diffView(diff, recordSets) };
}

/** The page's heading: "What changed since 1.0.0", or "What changed" before the first release. */
export function changesTitle(state: ReleaseState): string {
  return state.diff ? `What changed since ${state.diff.since.version}` : "What changed";
}

/** The content page that shows the changes (its URL comes from its front matter). */
export const CHANGES_PAGE = "content/what-changed.md";

/**
 * The note under a figure that changed since the latest release, linking to the changes
 * page when the report has one; null for a figure that did not change or before any release.
 */
export function figureNote(state: ReleaseState, key: string, pages: readonly { readonly inputPath: string; readonly url: string }[]): { readonly text: string; readonly href: string | null } | null {
  if (!state.diff) return null;
  const figure = state.diff.figures.find((f) => f.key === key && f.change !== "removed");
  if (!figure) return null;
  const page = pages.find((p) => p.inputPath === CHANGES_PAGE);
  return {
    text: `${figure.change === "added" ? "New" : "Updated"} since ${state.diff.since.version}`,
    href: page ? `${page.url}#changed-figures` : null,
  };
}
