/** The report's table of overall inspection outcomes by year, as published. */
import { z } from "zod";
import { codeCell, percentCell, textCell, yearSpanCell } from "../../engine/data/cells.ts";
import { completeGrid, sharesSumTo100, uniqueKey } from "../../engine/data/checks.ts";
import { defineDataset, type RowOf } from "../../engine/data/dataset.ts";
import { GRADES } from "../shared/grades.ts";

/** The four overall grades, worst first. Before 2013 the second grade was "adequate". */
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

export type OutcomeShareRow = RowOf<typeof inspectionOutcomesByYear>;
