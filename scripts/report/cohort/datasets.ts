/**
 * The report's 2013 cohort (chapter 2, "The growing divide"): councils inspected in 2013,
 * compared on four published indicators in 2012 (before inspection) and 2014 (after),
 * split into those rated Inadequate and the rest (RI or Good). As published.
 *
 * The indicator file is tidy: one row per indicator, group and measure, where measure is
 * the group's average `before` or `after` inspection, or the change the report states
 * (`change_as_stated`, signed: negative where the report describes a fall). The report
 * gives before and after values only for initial assessment timeliness.
 */
import { z } from "zod";
import { codeCell, numberCell, textCell } from "../../engine/data/cells.ts";
import { completeGrid, uniqueKey, type Check } from "../../engine/data/checks.ts";
import { defineDataset, type RowOf } from "../../engine/data/dataset.ts";
import { DataError } from "../../engine/data/errors.ts";
import { defineMeasureTable } from "../shared/measures.ts";

export const INDICATORS = ["ia_timeliness", "cp_review_timeliness", "referrals_per_10k", "cp_plans_per_10k"] as const;
export type Indicator = (typeof INDICATORS)[number];

export const COHORT_GROUPS = ["inadequate", "ri_or_good"] as const;
export type CohortGroup = (typeof COHORT_GROUPS)[number];

export const COHORT_MEASURES = ["before", "after", "change_as_stated"] as const;
export type CohortMeasure = (typeof COHORT_MEASURES)[number];

/** `percent`: share of cases handled on time (changes are in percentage points); `per_10000_children`: a rate. */
export const INDICATOR_UNITS = ["percent", "per_10000_children"] as const;

interface IndicatorRowShape {
  readonly indicator: Indicator;
  readonly group: CohortGroup;
  readonly measure: CohortMeasure;
  readonly unit: string;
}

/** Every row of an indicator has the same unit. */
const oneUnitPerIndicator: Check<IndicatorRowShape> = (table) => {
  const first = new Map<Indicator, { unit: string; line: number }>();
  for (const { row, line } of table.rows) {
    const seen = first.get(row.indicator);
    if (!seen) first.set(row.indicator, { unit: row.unit, line });
    else if (seen.unit !== row.unit) {
      throw new DataError(table.file, line, table.column("unit"), `${row.indicator} is in ${seen.unit} on line ${seen.line}, not ${row.unit}`);
    }
  }
};

/** A group's before and after come as a pair: one without the other cannot be compared. */
const beforeAfterPaired: Check<IndicatorRowShape> = (table) => {
  const key = (r: IndicatorRowShape) => `${r.indicator} / ${r.group}`;
  const measures = new Map<string, { line: number; present: Set<CohortMeasure> }>();
  for (const { row, line } of table.rows) {
    const entry = measures.get(key(row)) ?? { line, present: new Set<CohortMeasure>() };
    entry.present.add(row.measure);
    measures.set(key(row), entry);
  }
  for (const [k, { line, present }] of measures) {
    if (present.has("before") !== present.has("after")) {
      const missing = present.has("before") ? "after" : "before";
      throw new DataError(table.file, line, table.column("measure"), `${k} has no ${missing} value to pair with its ${missing === "after" ? "before" : "after"} value`);
    }
  }
};

export const cohort2013Indicators = defineDataset({
  file: "data/national/cohort-2013-indicators.csv",
  schema: z.object({
    indicator: codeCell(INDICATORS),
    group: codeCell(COHORT_GROUPS),
    measure: codeCell(COHORT_MEASURES),
    value: numberCell(),
    unit: codeCell(INDICATOR_UNITS),
    source: textCell("source"),
  }),
  checks: [uniqueKey(["indicator", "group", "measure"]), completeGrid("indicator", "group", COHORT_GROUPS), oneUnitPerIndicator, beforeAfterPaired],
});

export type CohortIndicatorRow = RowOf<typeof cohort2013Indicators>;

/** The cohort's design: how many councils, the year inspected and the years compared. */
export const cohort2013Design = defineMeasureTable("data/national/cohort-2013-design.csv", {
  councils: "councils",
  inspection_year: "year",
  before_year: "year",
  after_year: "year",
});

export type CohortDesignRow = RowOf<typeof cohort2013Design>;
