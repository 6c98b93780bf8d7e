/**
 * The claims register: every quantitative claim the 2015 report makes, where it makes
 * it, the value as printed, the stat key of our recomputation, and the status we expect.
 * Split into one file per chapter family under data/claims/ (same columns).
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

export const CLAIM_STATUSES = ["reproduced", "differs", "not_reproducible"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** An optional cell: empty stays empty. */
const optionalText = () => z.string().transform((raw) => raw.trim());

export const claimSchema = z.object({
  /** Unique across all claim files, e.g. "ch2-ia-timeliness-inadequate-drop". */
  id: textCell("claim id"),
  /** "summary", "1", "2", "3", "4", "conclusion" */
  chapter: codeCell(["summary", "1", "2", "3", "4", "conclusion"]),
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

export const claimsDataset = (family: string) =>
  defineDataset({
    file: `data/claims/${family}.csv`,
    schema: claimSchema,
    checks: [uniqueKey(["id"])],
  });

export type ClaimRow = z.output<typeof claimSchema>;
