/**
 * data/ilacs/judgements.csv, written by `npm run data:update` (scripts/import/ilacs/): every
 * ILACS inspection of a council's children's services from January 2018, one row per
 * report. Ofsted's official table covers the years to its "as at" date; the scrape of
 * published reports is used only after that, and `source` says which one a row came from.
 * Facts only; empty cells mean "no value", and data/ilacs/import-report.md lists every
 * source row that was dropped and why.
 */
import { z } from "zod";
import { codeCell, isoDateCell, numberCell, optionalCell, textCell } from "../../engine/data/cells.ts";
import { uniqueKey, type Check } from "../../engine/data/checks.ts";
import { defineDataset } from "../../engine/data/dataset.ts";
import { DataError } from "../../engine/data/errors.ts";
import { councilCodeCell, councilCodesKnown } from "../councils/datasets.ts";
import { JUDGEMENTS } from "../shared/grades.ts";

/** ILACS inspection types: a standard or short inspection, or one Ofsted ran longer than standard. */
export const ILACS_TYPES = ["standard", "short", "longer"] as const;
export type IlacsType = (typeof ILACS_TYPES)[number];

/** Where a row came from: Ofsted's official ILACS history, or the scrape of published reports. */
export const ILACS_SOURCES = ["ofsted-official", "report-scrape"] as const;
export type IlacsSource = (typeof ILACS_SOURCES)[number];

/** Why a report has no overall grade: from April 2026 Ofsted's reports no longer give one. */
export const UNGRADED_REASONS = ["no-grade-after-reform"] as const;

/** The four ILACS sub-judgements. */
export const ILACS_SUB_JUDGEMENTS = ["leadership", "help_protection", "in_care", "care_leavers"] as const;
export type IlacsSubJudgement = (typeof ILACS_SUB_JUDGEMENTS)[number];

const judgementCell = () => optionalCell(codeCell(JUDGEMENTS));

export const ilacsJudgementSchema = z.object({
  /** Current ONS code of the council (a predecessor's own code for councils since abolished). */
  council_code: councilCodeCell(),
  inspection_type: codeCell(ILACS_TYPES),
  /** First and last day of the inspection on site, when the source gives them. */
  inspection_start: optionalCell(isoDateCell()),
  inspection_end: optionalCell(isoDateCell()),
  /** Publication date of the report. */
  published: isoDateCell(),
  /** Overall effectiveness; empty only when `ungraded_reason` says why. */
  overall: judgementCell(),
  /** The impact of leaders on social work practice with children and families. */
  leadership: judgementCell(),
  /** The experiences and progress of children who need help and protection. */
  help_protection: judgementCell(),
  /** The experiences and progress of children in care (looked after). */
  in_care: judgementCell(),
  /** The experiences and progress of care leavers (judged separately from 2023). */
  care_leavers: judgementCell(),
  ungraded_reason: optionalCell(codeCell(UNGRADED_REASONS)),
  /** Address of the report where the source gives one. */
  report_url: optionalCell(textCell("address")),
  source: codeCell(ILACS_SOURCES),
  /** Line of the row in its source file (header = line 1). */
  source_line: numberCell({ integer: true, min: 2 }),
});

export type IlacsJudgementRow = z.output<typeof ilacsJudgementSchema>;

export const ilacsJudgements = defineDataset({
  file: "data/ilacs/judgements.csv",
  schema: ilacsJudgementSchema,
  checks: [uniqueKey<IlacsJudgementRow>(["council_code", "published"]), ilacsFields()],
  crossChecks: [councilCodesKnown<IlacsJudgementRow>()],
  // The report's data run to the latest report published.
  asOfColumn: "published",
});

/** A grade or a reason for none; dates in order and not after publication; addresses are https. */
function ilacsFields(): Check<IlacsJudgementRow> {
  return (table) => {
    for (const { row, line } of table.rows) {
      const fail = (field: keyof IlacsJudgementRow & string, message: string) => {
        throw new DataError(table.file, line, table.column(field), message);
      };
      if ((row.overall === null) === (row.ungraded_reason === null)) {
        fail("ungraded_reason", row.overall === null ? "a report without an overall grade needs the reason (ungraded_reason)" : "a report with an overall grade has no ungraded_reason");
      }
      if (row.published < "2018-01-01") fail("published", `ILACS began in January 2018; ${row.published} is earlier`);
      if (row.inspection_start !== null && row.inspection_end !== null && row.inspection_start > row.inspection_end) fail("inspection_end", `the inspection ends (${row.inspection_end}) before it starts (${row.inspection_start})`);
      const last = row.inspection_end ?? row.inspection_start;
      if (last !== null && last > row.published) fail("published", `the report (${row.published}) is published before the inspection ends (${last})`);
      if (row.report_url !== null && !/^https:\/\/[^\s"<>]+$/.test(row.report_url)) fail("report_url", `${row.report_url} is not an https address`);
    }
  };
}
