/**
 * Councils inspected twice or more since 2010 (chapter 1, section 3, and the executive
 * summary): how many, and the four movements between first and latest judgement the
 * report describes, plus the three shares it quotes. As published.
 */
import type { RowOf } from "../../engine/data/dataset.ts";
import { defineMeasureTable } from "../shared/measures.ts";

export const TRANSITION_MEASURES = {
  /** Councils inspected twice or more since 2010. */
  councils: "councils",
  /** Councils that became Inadequate. */
  became_inadequate: "councils",
  /** Councils that moved out of Inadequate or RI towards Good. */
  towards_good: "councils",
  /** Councils Inadequate at both ends of the period. */
  stayed_inadequate: "councils",
  /** Councils RI (or adequate) at both ends of the period. */
  stayed_ri: "councils",
  /** Share of the councils that stayed Inadequate or RI, as printed. */
  stayed_inadequate_or_ri_percent: "percent",
  /** Share of councils Inadequate in 2010 still Inadequate at re-inspection, as printed (approximate). */
  inadequate_2010_stayed_percent: "percent",
  /** Share of councils RI or adequate in 2010 with the same rating at re-inspection, as printed. */
  ri_2010_kept_percent: "percent",
} as const;

export type TransitionMeasure = keyof typeof TRANSITION_MEASURES;

export const repeatInspectionTransitions = defineMeasureTable("data/national/repeat-inspection-transitions.csv", TRANSITION_MEASURES);

export type TransitionRow = RowOf<typeof repeatInspectionTransitions>;
