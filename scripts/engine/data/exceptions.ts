/** Published inconsistencies kept as published; see ExceptionLedger in ../checks.ts. */
import { z } from "zod";
import { textCell } from "./cells.ts";
import { defineDataset } from "./dataset.ts";

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
