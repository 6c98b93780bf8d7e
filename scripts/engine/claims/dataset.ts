/**
 * The claims register: every quantitative claim of the report being rebuilt, where it
 * makes it, the value as printed, the stat key of our recomputation, and the status we
 * expect. Split into files under data/claims/ (same columns), one per part of the report.
 *
 * Status rules (checked at build time against the recomputed stat):
 *   reproduced        |recomputed − value| ≤ tolerance
 *   differs           a recomputation exists and falls outside the tolerance; the note shows the arithmetic
 *   not_reproducible  no data to recompute it (interview, survey microdata…); `stat` is empty and the note says why
 */
import { z } from "zod";
import { codeCell, numberCell, textCell } from "../data/cells.ts";
import { uniqueKey } from "../data/checks.ts";
import { defineDataset } from "../data/dataset.ts";
import { BuildError } from "../data/errors.ts";

export const CLAIM_STATUSES = ["reproduced", "differs", "not_reproducible"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

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
  /** Where in the report: section heading, paragraph or footnote. */
  location: textCell("location"),
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
  status: codeCell(CLAIM_STATUSES),
  /** For differs: the arithmetic; for not_reproducible: why. Optional for reproduced. */
  note: optionalText(),
});

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
