/**
 * The futures quadrant of chapter 4: the report's two axes (isolationism ↔ colonisation,
 * preventative ↔ reactive), four scenarios (one per quadrant) and the survey's visions
 * of the director's role in 2025. The report publishes the axes but not the positions:
 * names and positions are our reading, and the source column says so on every row.
 */
import { z } from "zod";
import { codeCell, numberCell, textCell } from "../../engine/data/cells.ts";
import { uniqueKey } from "../../engine/data/checks.ts";
import { defineDataset, type RowOf } from "../../engine/data/dataset.ts";

export const futuresVisions = defineDataset({
  file: "data/national/futures-visions.csv",
  schema: z.object({
    id: textCell("id"),
    kind: codeCell(["scenario", "vision"]),
    label: textCell("label"),
    /** −2 = isolationism (the council stands alone) … +2 = colonisation (absorbed into larger bodies). */
    integration: numberCell({ min: -2, max: 2 }),
    /** −2 = preventative action … +2 = reactive action. */
    focus: numberCell({ min: -2, max: 2 }),
    source: textCell("source"),
  }),
  checks: [uniqueKey(["id"])],
});

export type FuturesRow = RowOf<typeof futuresVisions>;
