/**
 * How many councils might be Inadequate by the report's horizon (April 2017)? The report
 * prints 38 and gives no method, so we cannot reproduce it. This module implements two
 * simple methods of our own, from the grade table alone, and states them:
 *
 * Constant rate (our headline figure). Assume that by the horizon every council holds a
 * judgement from an inspection on the current timetable, and that councils are judged
 * Inadequate at the average rate of the recent run of years in the grade table. Then
 *   expected Inadequate = councils × mean Inadequate share ÷ 100.
 * With the shares 26%, 30% and 28% for 2012/13–2014/15: mean = 84 ÷ 3 = 28%, and
 *   152 × 28 ÷ 100 = 42.56, about 43 councils.
 *
 * Linear trend (a sensitivity check). Fit a least-squares line to the same shares
 * (x = 0, 1, 2) and extend it to the last inspection year before the horizon (2016/17,
 * x = 4): slope = [(−1)(−2) + 0·2 + (1)(0)] ÷ [1 + 0 + 1] = 1 point a year, intercept
 * 28 − 1 × 1 = 27, so 27 + 4 = 31%, and 152 × 31 ÷ 100 = 47.12, about 47 councils.
 *
 * Both ignore councils that leave Inadequate on re-inspection, and both treat the share
 * of inspections judged Inadequate as the share of councils: they are illustrations of
 * what the published table implies, not forecasts.
 */
import type { ProjectionMeasure } from "./datasets.ts";
import { financialYearFrom } from "../shared/dates.ts";
import { measureValues, type MeasureRow } from "../shared/measures.ts";
import type { ResultOf } from "../../engine/family.ts";
import type { outcomes } from "../outcomes/family.ts";

type YearOutcomes = ResultOf<typeof outcomes>["years"][number];

export interface YearShare {
  readonly year: string;
  /** Share judged Inadequate that year, 0–100. */
  readonly share: number;
}

export interface LinearTrend {
  /** Points per year. */
  readonly slope: number;
  /** Fitted share at x = 0 (the window's first year). */
  readonly intercept: number;
}

export interface ProjectionOptions {
  readonly councils: number;
  /** April of this year; the last inspection year before it is (horizonYear − 1)/(horizonYear). */
  readonly horizonYear: number;
  /** The run of years whose rate is carried forward. */
  readonly first: string;
  readonly last: string;
}

export interface Projection {
  readonly councils: number;
  /** The last inspection year before the horizon, e.g. "2016/17". */
  readonly horizonSpan: string;
  readonly window: readonly YearShare[];
  /** Mean Inadequate share over the window, 0–100. */
  readonly meanShare: number;
  /** councils × meanShare ÷ 100: our headline projection. */
  readonly constantRate: number;
  /** councils × each window year's share ÷ 100: how much the choice of year matters. */
  readonly byYear: readonly (YearShare & { readonly councils: number })[];
  readonly trend: LinearTrend;
  /** The trend's share at the horizon span, kept within 0–100. */
  readonly trendShare: number;
  /** councils × trendShare ÷ 100. */
  readonly trendCouncils: number;
}

/** The first calendar year of a span: "2014/15" → 2014. */
export const spanStart = (span: string) => Number(span.slice(0, 4));

/** The inspection year ending in March of `year`: 2017 → "2016/17". */
export const spanEndingIn = (year: number) => financialYearFrom(year - 1);

/** Least-squares line through (x, y) points. */
export function linearTrend(points: readonly { x: number; y: number }[]): LinearTrend {
  if (points.length < 2) throw new Error("a trend needs at least two points");
  const meanX = points.reduce((s, p) => s + p.x, 0) / points.length;
  const meanY = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sxx = points.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  if (sxx === 0) throw new Error("a trend needs points at more than one x");
  const sxy = points.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0);
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/** Carry the recent Inadequate rate forward to the horizon by both methods. */
export function projectInadequate(years: readonly YearOutcomes[], options: ProjectionOptions): Projection {
  const { councils, horizonYear, first, last } = options;
  const start = years.findIndex((y) => y.year === first);
  const end = years.findIndex((y) => y.year === last);
  if (start < 0 || end < 0 || end < start) throw new Error(`no run of years ${first}–${last} in the grade table`);
  const window = years.slice(start, end + 1).map(({ year, shares }) => ({ year, share: shares.inadequate }));
  const horizonSpan = spanEndingIn(horizonYear);
  const ahead = spanStart(horizonSpan) - spanStart(last);
  if (ahead < 0) throw new Error(`the horizon ${horizonSpan} is before the last year used, ${last}`);
  const meanShare = window.reduce((s, y) => s + y.share, 0) / window.length;
  const expected = (share: number) => (councils * share) / 100;
  const trend = linearTrend(window.map((y, x) => ({ x, y: y.share })));
  const trendShare = Math.min(100, Math.max(0, trend.intercept + trend.slope * (window.length - 1 + ahead)));
  return {
    councils,
    horizonSpan,
    window,
    meanShare,
    constantRate: expected(meanShare),
    byYear: window.map((y) => ({ ...y, councils: expected(y.share) })),
    trend,
    trendShare,
    trendCouncils: expected(trendShare),
  };
}

/** The Inadequate share a printed number of councils amounts to: 38 of 152 = 25%. */
export const impliedShare = (inadequate: number, councils: number) => (100 * inadequate) / councils;

export interface ProjectionAnalysis {
  readonly projection: Projection;
  /** The report's printed projection and its horizon. */
  readonly report: { readonly inadequate: number; readonly horizonYear: number };
}

/** Our projection from the grade table and the published inputs; `window` is the run of years carried forward. */
export function analyseProjection(years: readonly YearOutcomes[], rows: readonly MeasureRow<ProjectionMeasure>[], window: { first: string; last: string }): ProjectionAnalysis {
  const v = measureValues(rows);
  return {
    projection: projectInadequate(years, { councils: v.councils_in_england, horizonYear: v.horizon_year, first: window.first, last: window.last }),
    report: { inadequate: v.inadequate_by_horizon, horizonYear: v.horizon_year },
  };
}
