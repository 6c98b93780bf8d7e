/**
 * A made-up illustration of reversion to the mean for chapter 2: a handful of example
 * councils' scores in an extreme year. These are NOT data: every row says so in its
 * `kind` column, and the file lives under data/illustrations/.
 */
import { z } from "zod";
import { codeCell, numberCell, textCell } from "../../engine/data/cells.ts";
import { uniqueKey } from "../../engine/data/checks.ts";
import { defineDataset, type RowOf } from "../../engine/data/dataset.ts";

export const meanReversionIllustration = defineDataset({
  file: "data/illustrations/mean-reversion.csv",
  schema: z.object({
    example: textCell("example name"),
    /** A score on a 0–100 scale (think of a timeliness percentage) in the extreme year. */
    score: numberCell({ min: 0, max: 100 }),
    kind: codeCell(["illustrative"]),
  }),
  checks: [uniqueKey(["example"])],
});

export type ReversionRow = RowOf<typeof meanReversionIllustration>;
