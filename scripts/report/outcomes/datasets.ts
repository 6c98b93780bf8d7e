/** The report's table of overall inspection outcomes by year, as published. */
import { z } from "zod";
import { codeCell, numberCell, optionalCell, percentCell, textCell, yearSpanCell } from "../../engine/data/cells.ts";
import { completeGrid, sharesSumTo100, uniqueKey, type Check } from "../../engine/data/checks.ts";
import { DataError } from "../../engine/data/errors.ts";
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

/** The grades a press report gives for an assessment: the four of the table, or good and outstanding together. */
export const ASSESSMENT_GRADES = [...GRADES, "good_or_outstanding"] as const;

/**
 * Ofsted's national counts of its yearly assessments of councils' children's services,
 * 2007–2011 (the annual performance assessment, APA, to 2008; the children's services
 * assessment, CSA, 2009–2011), as press reports gave them: a count or a percentage per grade,
 * with the number of councils rated where given. As reported, with a source on every row.
 */
const ofstedAssessmentSchema = z.object({
  assessment: codeCell(["apa-2007", "apa-2008", "csa-2009", "csa-2010", "csa-2011"]),
  /** When it was published, as reported. */
  published: textCell("publication"),
  /** Councils given a grade (those whose outcome was withheld are not counted); empty where not reported. */
  councils_rated: optionalCell(numberCell({ integer: true, min: 1 })),
  grade: codeCell(ASSESSMENT_GRADES),
  count: optionalCell(numberCell({ integer: true, min: 0 })),
  percent: optionalCell(percentCell()),
  /** The assessment's own words for the grade, or the report's phrase. */
  wording: textCell("wording"),
  source: textCell("source"),
});

export type OfstedAssessmentRow = z.output<typeof ofstedAssessmentSchema>;

export const ofstedAssessments = defineDataset({
  file: "data/national/ofsted-assessments-2007-2011.csv",
  schema: ofstedAssessmentSchema,
  checks: [uniqueKey<OfstedAssessmentRow>(["assessment", "grade"]), countOrPercent()],
});

/** A row gives a count or a percentage, never both. */
function countOrPercent(): Check<OfstedAssessmentRow> {
  return (table) => {
    for (const { row, line } of table.rows) {
      if ((row.count === null) === (row.percent === null)) throw new DataError(table.file, line, table.column("count"), "give a count or a percentage, not both or neither");
    }
  };
}
