/**
 * The grade table's early rows (2007/08 to 2009/10) against Ofsted's national assessment
 * counts as the press reported them (data/national/ofsted-assessments-2007-2011.csv): each
 * publication's shares, rounded as the report rounds (whole percentages, halves up), and
 * which publication gives each row.
 *
 * A share from counts is count ÷ councils rated × 100: the December 2009 assessment's 9
 * councils performing poorly of 152 = 5.92% → 6%. A publication reported only as percentages
 * gives them as reported. Good and outstanding together (all some reports give) compare with
 * the row's good + outstanding. A row matches a publication when every grade both give agrees
 * and they share at least two.
 *
 * Pure functions: rows in, typed results out; no I/O, no clock.
 */
import { GRADES, type Grade } from "../shared/grades.ts";
import { wholePercent } from "../shared/percent.ts";
import type { YearOutcomes } from "./compute.ts";
import type { OfstedAssessmentRow } from "./datasets.ts";

export type AssessmentGrade = Grade | "good_or_outstanding";

export interface AssessmentShare {
  /** Whole percent, halves up, as the report prints; or the percentage as reported. */
  readonly percent: number;
  /** 100 × count ÷ rated, where the count is reported; null for a reported percentage. */
  readonly exact: number | null;
  readonly count: number | null;
}

export interface PublicationShares {
  readonly assessment: OfstedAssessmentRow["assessment"];
  readonly published: string;
  readonly rated: number | null;
  readonly shares: Readonly<Partial<Record<AssessmentGrade, AssessmentShare>>>;
}

/** Each publication's shares, in file order. */
export function publicationShares(rows: readonly OfstedAssessmentRow[]): PublicationShares[] {
  const order = [...new Set(rows.map((r) => r.assessment))];
  return order.map((assessment) => {
    const own = rows.filter((r) => r.assessment === assessment);
    const rated = own.find((r) => r.councils_rated !== null)?.councils_rated ?? null;
    const shares: Partial<Record<AssessmentGrade, AssessmentShare>> = {};
    for (const row of own) {
      if (row.percent !== null) shares[row.grade] = { percent: row.percent, exact: null, count: null };
      else if (row.count !== null && row.count === 0) shares[row.grade] = { percent: 0, exact: 0, count: 0 };
      else if (row.count !== null && rated !== null) shares[row.grade] = { percent: wholePercent(row.count, rated), exact: (100 * row.count) / rated, count: row.count };
    }
    const good = shares.good;
    const outstanding = shares.outstanding;
    if (shares.good_or_outstanding === undefined && good?.count != null && outstanding?.count != null && rated !== null) {
      const both = good.count + outstanding.count;
      shares.good_or_outstanding = { percent: wholePercent(both, rated), exact: (100 * both) / rated, count: both };
    }
    return { assessment, published: own[0].published, rated, shares };
  });
}

export interface RowComparison {
  readonly assessment: PublicationShares["assessment"];
  /** Grades both give, and those on which they agree. */
  readonly compared: readonly AssessmentGrade[];
  readonly agreeing: readonly AssessmentGrade[];
  readonly matches: boolean;
}

export interface EarlyRowCheck {
  readonly year: string;
  readonly comparisons: readonly RowComparison[];
  /** The publications that give the row. */
  readonly matchedBy: readonly PublicationShares["assessment"][];
}

/** The table's row for `year` against every publication. */
export function checkEarlyRow(row: YearOutcomes, publications: readonly PublicationShares[]): EarlyRowCheck {
  const table: Record<AssessmentGrade, number> = { ...(Object.fromEntries(GRADES.map((g) => [g, row.shares[g]])) as Record<Grade, number>), good_or_outstanding: row.shares.good + row.shares.outstanding };
  const comparisons = publications.map((p): RowComparison => {
    // Good and outstanding together count as one grade only where the publication does not give them apart.
    const apart = p.shares.good !== undefined && p.shares.outstanding !== undefined;
    const compared = (Object.keys(table) as AssessmentGrade[]).filter((g) => p.shares[g] !== undefined && !(apart && g === "good_or_outstanding"));
    const agreeing = compared.filter((g) => p.shares[g]?.percent === table[g]);
    return { assessment: p.assessment, compared, agreeing, matches: compared.length >= 2 && agreeing.length === compared.length };
  });
  return { year: row.year, comparisons, matchedBy: comparisons.filter((c) => c.matches).map((c) => c.assessment) };
}
