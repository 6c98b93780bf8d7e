/**
 * The claims register: every quantitative claim of the report being rebuilt, where it
 * makes it, the value as printed, the stat key of our recomputation, and the status we
 * expect. Split into files under data/claims/ (same columns), one per part of the report.
 *
 * One row per claim: a claim the report makes in more than one place is one row, with
 * its other places in `restated`, so that it has one status.
 *
 * What a recomputation is checked against (`basis`) decides what agreement means:
 *   records  our own recomputation from independent records (for this report, council records)
 *   report   the report's own figures (its table, its other printed numbers, their arithmetic)
 * Status rules (checked at build time against the recomputed stat):
 *   reproduced        basis records, |recomputed − value| ≤ tolerance
 *   consistent        basis report,  |recomputed − value| ≤ tolerance
 *   differs           a recomputation exists and falls outside the tolerance; the note shows the arithmetic
 *   not_reproducible  no data to recompute it (interview, survey microdata…); `stat` is empty and the note says why
 *
 * Notes and caveats are reader text: a stat is named as `{key}` (shown as its value, linked
 * to the page that states it) and a figure as `{figure:key}`, never by a bare key.
 */
import { z } from "zod";
import { codeCell, numberCell, textCell } from "../data/cells.ts";
import { uniqueKey } from "../data/checks.ts";
import { defineDataset } from "../data/dataset.ts";
import { BuildError, quoted } from "../data/errors.ts";

export const CLAIM_STATUSES = ["reproduced", "consistent", "differs", "not_reproducible"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** What a recomputation is checked against; empty when there is none. */
export const CLAIM_BASES = ["records", "report", ""] as const;
export type ClaimBasis = (typeof CLAIM_BASES)[number];

/** Another place the report states the same claim. */
export interface Restatement {
  readonly chapter: string;
  readonly location: string;
}

/** An optional cell: empty stays empty. */
const optionalText = () => z.string().transform((raw) => raw.trim());

/**
 * A part of the report the register groups claims by (a chapter number, "summary"), in
 * reading order: the report definition lists them. The heading is the chapter's title
 * when a content page has that chapter number, else `heading`, else "Chapter <id>".
 */
export interface ClaimGroup {
  readonly id: string;
  readonly heading?: string;
}

/** The row schema of a claims file whose `chapter` is one of `groups`. */
export const claimSchema = (groups: readonly ClaimGroup[]) => z.object({
  /** Unique across all claim files, e.g. "ch2-ia-timeliness-inadequate-drop". */
  id: textCell("claim id"),
  /** One of the report's claim groups, e.g. "summary", "1", "conclusion". */
  chapter: codeCell(groupIds(groups)),
  /** Where in the report: section heading, paragraph or footnote (the first place it is made). */
  location: textCell("location"),
  /** The other places it is stated: "<group>: <location>", separated by " | "; empty if none. */
  restated: restatementsCell(groups),
  /** What is claimed, paraphrased in our words. */
  claim: textCell("claim"),
  /** The value exactly as printed, e.g. "15.89%", "£30million", "86". */
  stated: textCell("stated value"),
  /** The printed value as a number on the stat's scale (15.89 for "15.89%", 30000000 for "£30million"). */
  value: numberCell(),
  /** Stat key of our recomputation; empty when not reproducible. */
  stat: optionalText(),
  /** Largest difference still counted as reproduced (e.g. 0.5 for a whole-number percentage). */
  tolerance: numberCell({ min: 0 }),
  /** What the recomputation is checked against: records or report; empty exactly when `stat` is. */
  basis: codeCell(CLAIM_BASES),
  status: codeCell(CLAIM_STATUSES),
  /** A warning the reader must see with the claim (a contradiction, a row that cannot be right); optional. */
  caveat: optionalText(),
  /** For differs: the arithmetic; for not_reproducible: why. Optional otherwise. */
  note: optionalText(),
});

const RESTATEMENT_SEPARATOR = " | ";

/** `restated`: "summary: Executive summary, paragraph 3 | 1: Chapter 1, section 1", each group one of the report's. */
function restatementsCell(groups: readonly ClaimGroup[]) {
  const ids = groups.map((g) => g.id);
  return z.string().transform((raw, ctx): Restatement[] => {
    const text = raw.trim();
    if (text === "") return [];
    const places: Restatement[] = [];
    for (const part of text.split(RESTATEMENT_SEPARATOR)) {
      const match = /^([^:]+):\s*(\S.*)$/.exec(part.trim());
      if (!match || !ids.includes(match[1].trim())) {
        ctx.issues.push({ code: "custom", message: `${quoted(part.trim())} is not "<group>: <location>" with a group of: ${ids.join(", ")}`, input: raw });
        return z.NEVER;
      }
      places.push({ chapter: match[1].trim(), location: match[2].trim() });
    }
    return places;
  });
}

function groupIds(groups: readonly ClaimGroup[]): [string, ...string[]] {
  const ids = groups.map((g) => g.id);
  if (ids.length === 0) throw new BuildError(`there are claims files in ${CLAIMS_FOLDER} but the report definition lists no claim groups`);
  return ids as [string, ...string[]];
}

/** Every CSV directly in this folder is a claims file. */
export const CLAIMS_FOLDER = "data/claims/";

/** The claims file `data/claims/<name>.csv`. */
export const claimsDataset = (name: string, groups: readonly ClaimGroup[]) =>
  defineDataset({
    file: `${CLAIMS_FOLDER}${name}.csv`,
    schema: claimSchema(groups),
    checks: [uniqueKey(["id"])],
  });

export type ClaimRow = z.output<ReturnType<typeof claimSchema>>;
