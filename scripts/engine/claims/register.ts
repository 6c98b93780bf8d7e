/**
 * The claims register as the appendix shows it: one entry per claim, grouped by the part of
 * the report that first makes it, with its restatements listed in the entry; plus the same
 * entries in other orders (by status, by size of difference) so readers can "sort" the
 * register by following a link, with no JavaScript. Notes name our numbers by value, linked
 * to the page that states them, never by stat key.
 */
import type { ClaimAssessment } from "./assess.ts";
import { type ClaimBasis, type ClaimGroup, type ClaimStatus } from "./dataset.ts";
import { noteParts } from "./note.ts";
import { BuildError } from "../data/errors.ts";
import type { StatRegistry } from "../stats/registry.ts";

/** A run of a note: text, or a number or figure of ours with the page that states it. */
export interface NoteSegment {
  readonly text: string;
  readonly href?: string;
  /** Where the link leads, in words ("Stated in Chapter 1: …"). */
  readonly title?: string;
}

export interface RegisterRow {
  readonly id: string;
  readonly chapter: string;
  /** Where the claim is first made. */
  readonly location: string;
  /** The other places the report states it, each as the report's location. */
  readonly restated: readonly string[];
  readonly claim: string;
  readonly stated: string;
  readonly recomputed: string;
  readonly difference: string;
  readonly status: ClaimStatus;
  readonly statusLabel: string;
  /** What our value is checked against, in words; empty when there is no value. */
  readonly checkedAgainst: string;
  readonly caveat: readonly NoteSegment[];
  readonly note: readonly NoteSegment[];
}

export interface RegisterGroup {
  readonly chapter: string;
  readonly heading: string;
  readonly rows: readonly RegisterRow[];
}

export interface RegisterView {
  readonly groups: readonly RegisterGroup[];
  readonly byStatus: readonly RegisterRow[];
  readonly byDifference: readonly RegisterRow[];
}

/** The reader's names for the statuses, given what a report calls its records ("council records"). */
export const statusLabels = (records: string): Readonly<Record<ClaimStatus, string>> => ({
  reproduced: `Reproduced from ${records}`,
  consistent: "Consistent with the report's own figures",
  differs: "Differs",
  not_reproducible: "Not reproducible",
});

const checkedAgainst = (records: string): Readonly<Record<ClaimBasis, string>> => ({
  records: `our recount from ${records}`,
  report: "the report's own figures",
  "": "",
});

const STATUS_ORDER: readonly ClaimStatus[] = ["differs", "not_reproducible", "consistent", "reproduced"];

/** Where the register's notes link to: the page that first states a stat, and each figure's place. */
export interface RegisterLinks {
  /** Content pages in reading order, with the stat keys each states. */
  readonly pages: readonly { readonly url: string; readonly title: string; readonly chapter?: string; readonly statKeys: readonly string[] }[];
  /** Placed figures by key: "Figure 2.4" and its address. */
  readonly figures: ReadonlyMap<string, { readonly label: string; readonly href: string }>;
}

const signed = (value: number) => {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? "0" : `${rounded > 0 ? "+" : "\u2212"}${Math.abs(rounded)}`;
};

/**
 * The register's entries in the report definition's group order; a group is headed by the
 * title of the chapter with its number, else its own heading, else "Chapter <id>".
 */
export function claimsRegisterView(
  assessments: readonly ClaimAssessment[],
  stats: StatRegistry,
  chapterTitles: ReadonlyMap<string, string>,
  claimGroups: readonly ClaimGroup[],
  links: RegisterLinks = { pages: [], figures: new Map() },
  records = "the records",
): RegisterView {
  const names = statusLabels(records);
  const against = checkedAgainst(records);
  const order = claimGroups.map((g) => g.id);
  const heading = (id: string) => chapterTitles.get(id) ?? claimGroups.find((g) => g.id === id)?.heading ?? `Chapter ${id}`;
  const statPage = new Map<string, { url: string; title: string }>();
  for (const page of links.pages) {
    const title = page.chapter === undefined ? page.title : `Chapter ${page.chapter}: ${page.title}`;
    for (const key of page.statKeys) if (!statPage.has(key)) statPage.set(key, { url: page.url, title });
  }
  const segments = (text: string, claimId: string): NoteSegment[] =>
    noteParts(text).map((part): NoteSegment => {
      if (part.kind === "text") return { text: part.text };
      if (part.kind === "stat") {
        const page = statPage.get(part.key);
        const value = stats.format(part.key);
        return page ? { text: value, href: page.url, title: `Stated in ${page.title}` } : { text: value };
      }
      const figure = links.figures.get(part.key);
      if (!figure) throw new BuildError(`the claim "${claimId}" names the figure "${part.key}", which no page places`);
      return { text: figure.label, href: figure.href };
    });
  const rows = assessments.map(({ claim, recomputed, difference, derived }): RegisterRow & { size: number; order: number } => ({
    id: claim.id,
    chapter: claim.chapter,
    location: claim.location,
    restated: claim.restated.map((r) => r.location),
    claim: claim.claim,
    stated: claim.stated,
    recomputed: recomputed === undefined ? "–" : stats.format(claim.stat),
    difference: difference === undefined ? "–" : signed(difference),
    status: derived,
    statusLabel: names[derived],
    checkedAgainst: against[claim.basis],
    caveat: segments(claim.caveat, claim.id),
    note: segments(claim.note, claim.id),
    size: difference === undefined ? -1 : Math.abs(difference),
    order: order.indexOf(claim.chapter),
  }));
  const strip = ({ size: _size, order: _order, ...row }: (typeof rows)[number]): RegisterRow => row;
  const groups = claimGroups.map(({ id }) => ({
    chapter: id,
    heading: heading(id),
    rows: rows.filter((r) => r.chapter === id).map(strip),
  })).filter((g) => g.rows.length > 0);
  const byStatus = [...rows].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.order - b.order).map(strip);
  const byDifference = [...rows].sort((a, b) => b.size - a.size || a.order - b.order).map(strip);
  return { groups, byStatus, byDifference };
}
