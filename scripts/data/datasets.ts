/**
 * Every input dataset of the report: where it lives, the zod schema of its rows and
 * the whole-table checks it must pass. Adding a dataset means adding an entry here and
 * a line in data/README.md.
 */
import { z } from "zod";
import { codeCell, percentCell, textCell, yearSpanCell } from "./cells.ts";
import { completeGrid, sharesSumTo100, uniqueKey, type Check } from "./checks.ts";
import type { RowSchema } from "./load.ts";

export interface Dataset<S extends RowSchema> {
  readonly file: string;
  readonly schema: S;
  readonly checks: readonly Check<z.output<S>>[];
}

const defineDataset = <S extends RowSchema>(dataset: Dataset<S>): Dataset<S> => dataset;

/** The four overall grades, worst first. Before 2013 the second grade was "adequate". */
export const GRADES = ["inadequate", "ri_or_adequate", "good", "outstanding"] as const;
export type Grade = (typeof GRADES)[number];

export const knownExceptions = defineDataset({
  file: "data/known-exceptions.csv",
  schema: z.object({
    file: textCell("file"),
    check: textCell("check name"),
    key: textCell("key"),
    note: textCell("note"),
  }),
  checks: [],
});

export const inspectionOutcomesByYear = defineDataset({
  file: "data/national/inspection-outcomes-by-year.csv",
  schema: z.object({
    year: yearSpanCell(),
    grade: codeCell(GRADES),
    percent: percentCell(),
    source: textCell("source"),
  }),
  checks: [uniqueKey(["year", "grade"]), completeGrid("year", "grade", GRADES), sharesSumTo100("year", "percent")],
});

export type OutcomeShareRow = z.output<typeof inspectionOutcomesByYear.schema>;
