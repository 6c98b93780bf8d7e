/**
 * The claims register as the appendix shows it: rows grouped by chapter, plus the same
 * rows in other orders (by status, by size of difference) so readers can "sort" the
 * table by following a link, with no JavaScript.
 */
import type { ClaimAssessment } from "./assess.ts";
import type { ClaimGroup, ClaimStatus } from "./dataset.ts";
import type { StatRegistry } from "../stats/registry.ts";

export interface RegisterRow {
  readonly id: string;
  readonly chapter: string;
  readonly location: string;
  readonly claim: string;
  readonly stated: string;
  readonly recomputed: string;
  readonly difference: string;
  readonly status: ClaimStatus;
  readonly statusLabel: string;
  readonly note: string;
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

export const STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  reproduced: "Reproduced",
  differs: "Differs",
  not_reproducible: "Not reproducible",
};

const STATUS_ORDER: readonly ClaimStatus[] = ["differs", "not_reproducible", "reproduced"];

const signed = (value: number) => {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? "0" : `${rounded > 0 ? "+" : "\u2212"}${Math.abs(rounded)}`;
};

/**
 * The register's rows in the report definition's group order; a group is headed by the
 * title of the chapter with its number, else its own heading, else "Chapter <id>".
 */
export function claimsRegisterView(assessments: readonly ClaimAssessment[], stats: StatRegistry, chapterTitles: ReadonlyMap<string, string>, claimGroups: readonly ClaimGroup[]): RegisterView {
  const order = claimGroups.map((g) => g.id);
  const rows = assessments.map(({ claim, recomputed, difference, derived }): RegisterRow & { size: number; order: number } => ({
    id: claim.id,
    chapter: claim.chapter,
    location: claim.location,
    claim: claim.claim,
    stated: claim.stated,
    recomputed: recomputed === undefined ? "–" : stats.format(claim.stat),
    difference: difference === undefined ? "–" : signed(difference),
    status: derived,
    statusLabel: STATUS_LABELS[derived],
    note: claim.note,
    size: difference === undefined ? -1 : Math.abs(difference),
    order: order.indexOf(claim.chapter),
  }));
  const strip = ({ size: _size, order: _order, ...row }: (typeof rows)[number]): RegisterRow => row;
  const groups = claimGroups.map(({ id, heading }) => ({
    chapter: id,
    heading: chapterTitles.get(id) ?? heading ?? `Chapter ${id}`,
    rows: rows.filter((r) => r.chapter === id).map(strip),
  })).filter((g) => g.rows.length > 0);
  const byStatus = [...rows].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.order - b.order).map(strip);
  const byDifference = [...rows].sort((a, b) => b.size - a.size || a.order - b.order).map(strip);
  return { groups, byStatus, byDifference };
}
