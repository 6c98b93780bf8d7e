import { describe, expect, it } from "vitest";
import { ExceptionLedger } from "../../../scripts/engine/data/checks.ts";
import { meanReversionIllustration } from "../../../scripts/report/cohort/reversion-dataset.ts";
import { parseCsv } from "../../../scripts/engine/data/load.ts";
import { checkedRows } from "../../helpers/report.ts";
import { expectDataError } from "../../helpers/data-error.ts";

describe("data/illustrations/mean-reversion.csv", () => {
  it("is made up, and every row says so", async () => {
    const rows = await checkedRows(meanReversionIllustration);
    expect(rows.map((r) => r.score)).toEqual([40, 55, 65, 80, 85, 95]);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["illustrative"]));
  });

  it("refuses a row not labelled illustrative, and a repeated example", async () => {
    const parse = (...rows: string[]) => parseCsv("data/i.csv", ["example,score,kind", ...rows].join("\n"), meanReversionIllustration.schema);
    await expectDataError(() => parse("Example A,40,data"), 'data/i.csv:2:3: kind: "data" is not one of: illustrative');
    const t = parse("Example A,40,illustrative", "Example A,50,illustrative");
    await expectDataError(() => meanReversionIllustration.checks[0](t, new ExceptionLedger("x", [])), "data/i.csv:3:1: duplicate row for example = Example A (first given on line 2)");
  });
});
