/**
 * The claims audit: compare each claim's printed value with our recomputation and
 * derive its status. The register records the status we expect; a build whose data
 * or code changes a claim's status fails until the register is updated, so a changed
 * conclusion can never slip through unnoticed.
 *
 *   recomputed absent                      → not_reproducible
 *   |recomputed − printed| ≤ tolerance     → reproduced (checked against records) or
 *                                            consistent (checked against the report's own figures)
 *   otherwise                              → differs   (difference = recomputed − printed)
 */
import type { ClaimRow, ClaimStatus } from "./dataset.ts";

export interface ClaimInput extends ClaimRow {
  /** Where the row is recorded, for error messages. */
  readonly file: string;
  readonly line: number;
}

export interface ClaimAssessment {
  readonly claim: ClaimInput;
  /** Our value on the same scale as the printed one, when we can recompute it. */
  readonly recomputed: number | undefined;
  /** recomputed − printed, when recomputed. */
  readonly difference: number | undefined;
  readonly derived: ClaimStatus;
}

/** `lookup` returns the numeric value of a stat key (and throws for unknown keys). */
export function assessClaim(claim: ClaimInput, lookup: (key: string) => number): ClaimAssessment {
  if (claim.stat === "") return { claim, recomputed: undefined, difference: undefined, derived: "not_reproducible" };
  const recomputed = lookup(claim.stat);
  // Round away binary noise (e.g. 68.62 − 52.63 = 15.990000000000002) before comparing.
  const difference = Math.round((recomputed - claim.value) * 1e9) / 1e9;
  const agrees = Math.abs(difference) <= claim.tolerance;
  // Agreement with the report's own figures shows the report is coherent, not that it is right: it is not "reproduced".
  return { claim, recomputed, difference, derived: agrees ? (claim.basis === "records" ? "reproduced" : "consistent") : "differs" };
}

/** Claims whose recorded status no longer matches what the data says. */
export function changedStatuses(assessments: readonly ClaimAssessment[]): ClaimAssessment[] {
  return assessments.filter((a) => a.derived !== a.claim.status);
}

export interface ClaimCounts {
  readonly total: number;
  readonly reproduced: number;
  readonly consistent: number;
  readonly differs: number;
  readonly not_reproducible: number;
}

export function countStatuses(assessments: readonly ClaimAssessment[]): ClaimCounts {
  const count = (status: ClaimStatus) => assessments.filter((a) => a.derived === status).length;
  return { total: assessments.length, reproduced: count("reproduced"), consistent: count("consistent"), differs: count("differs"), not_reproducible: count("not_reproducible") };
}
