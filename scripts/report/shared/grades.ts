/**
 * The grades this report speaks of, and how charts draw them. Two scales: the grade table
 * of 2008–2015 (where "requires improvement" replaced "adequate" in 2013, so the two share a
 * row), and the four judgements of the single inspection framework and ILACS since 2013.
 * Colours are paired with distinct dash patterns and point shapes so no reading depends on
 * colour alone.
 */
import { LIGHT } from "./theme.ts";

export const GRADES = ["inadequate", "ri_or_adequate", "good", "outstanding"] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  inadequate: "Inadequate",
  ri_or_adequate: "Requires improvement / adequate",
  good: "Good",
  outstanding: "Outstanding",
};

export const GRADE_COLOURS: Readonly<Record<Grade, string>> = {
  inadequate: LIGHT["grade-inadequate"],
  ri_or_adequate: LIGHT["grade-ri-or-adequate"],
  good: LIGHT["grade-good"],
  outstanding: LIGHT["grade-outstanding"],
};

export const GRADE_DASHES: Readonly<Record<Grade, number[]>> = {
  inadequate: [1, 0],
  ri_or_adequate: [6, 3],
  good: [1, 0],
  outstanding: [2, 2],
};

export const GRADE_SHAPES: Readonly<Record<Grade, string>> = {
  inadequate: "triangle-down",
  ri_or_adequate: "diamond",
  good: "circle",
  outstanding: "triangle-up",
};

/** The overall judgements of the single inspection framework (2013) and ILACS (2018). */
export const JUDGEMENTS = ["inadequate", "requires_improvement", "good", "outstanding"] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

/** Where a judgement sits in the grade table. */
export const GRADE_OF_JUDGEMENT: Readonly<Record<Judgement, Grade>> = {
  inadequate: "inadequate",
  requires_improvement: "ri_or_adequate",
  good: "good",
  outstanding: "outstanding",
};

/** A judgement in a sentence. */
export const JUDGEMENT_WORDS: Readonly<Record<Judgement, string>> = { inadequate: "Inadequate", requires_improvement: "requires improvement to be good", good: "Good", outstanding: "Outstanding" };
/** A judgement in a stat key. */
export const JUDGEMENT_KEYS: Readonly<Record<Judgement, string>> = { inadequate: "inadequate", requires_improvement: "requiresImprovement", good: "good", outstanding: "outstanding" };
/** A judgement on a chart or in a table heading. */
export const JUDGEMENT_LABELS: Readonly<Record<Judgement, string>> = { inadequate: "Inadequate", requires_improvement: "Requires improvement", good: "Good", outstanding: "Outstanding" };

/**
 * A judgement in the words of the framework that gave it. Before the single inspection
 * framework (the SLAC, child protection and targeted looked-after inspections of 2009–2013)
 * the second grade was "adequate"; Ofsted's table prints it as "requires improvement to be
 * good", and the data keep that code (data/README.md), so a reader is shown "Adequate".
 */
export function judgementWordsIn(grade: Judgement, adequateEra: boolean): string {
  return adequateEra && grade === "requires_improvement" ? "Adequate" : JUDGEMENT_WORDS[grade];
}

/** A judgement on a chart or in a table, in the words of the framework that gave it (see judgementWordsIn). */
export function judgementLabelIn(grade: Judgement, adequateEra: boolean): string {
  return adequateEra && grade === "requires_improvement" ? "Adequate" : JUDGEMENT_LABELS[grade];
}

/** The judgements' chart labels, worst first. */
export const JUDGEMENT_CHART_LABELS: string[] = JUDGEMENTS.map((g) => JUDGEMENT_LABELS[g]);

/** Colour by judgement, of a "grade" field holding the chart labels, with the legend below the chart. */
export const judgementColour = {
  field: "grade",
  type: "nominal" as const,
  sort: JUDGEMENT_CHART_LABELS,
  scale: { domain: JUDGEMENT_CHART_LABELS, range: JUDGEMENTS.map((g) => GRADE_COLOURS[GRADE_OF_JUDGEMENT[g]]) },
  legend: { title: null, orient: "bottom" as const, labelLimit: 0 },
};
