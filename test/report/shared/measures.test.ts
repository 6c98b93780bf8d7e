import { describe, expect, it } from "vitest";
import { ExceptionLedger } from "../../../scripts/engine/data/checks.ts";
import { defineMeasureTable, measureValues } from "../../../scripts/report/shared/measures.ts";
import { parseCsv } from "../../../scripts/engine/data/load.ts";
import { expectDataError } from "../../helpers/data-error.ts";

const FILE = "data/m.csv";
const ledger = new ExceptionLedger("data/known-exceptions.csv", []);
const table = defineMeasureTable(FILE, { councils: "councils", share: "percent", cost: "gbp" });
/** Rows `measure,value,unit` on lines 2, 3, …; the source is filled in. */
const parse = (...rows: string[]) => parseCsv(FILE, ["measure,value,unit,source", ...rows.map((r) => `${r},ch. 1`)].join("\n"), table.schema);
const check = (t: ReturnType<typeof parse>) => {
  for (const c of table.checks) c(t, ledger);
};

describe("defineMeasureTable", () => {
  it("accepts every declared measure once with its unit, and gives code → value", () => {
    const t = parse("councils,86,councils", "share,33,percent", "cost,3000000,gbp");
    expect(() => check(t)).not.toThrow();
    expect(measureValues(t.rows.map((r) => r.row))).toEqual({ councils: 86, share: 33, cost: 3000000 });
  });

  it("rejects an undeclared measure code at its cell", async () => {
    await expectDataError(() => parse("council,86,councils"), 'data/m.csv:2:1: measure: "council" is not one of: councils, share, cost');
  });

  it("rejects a measure in the wrong unit, pointing at the unit", async () => {
    const t = parse("councils,86,percent", "share,33,percent", "cost,3000000,gbp");
    await expectDataError(() => check(t), "data/m.csv:2:3: the measure councils is in councils, not percent");
  });

  it("rejects a fraction of a council", async () => {
    const t = parse("councils,86.5,councils", "share,33,percent", "cost,3000000,gbp");
    await expectDataError(() => check(t), "data/m.csv:2:2: 86.5 councils is not a whole number");
  });

  it("names missing measures at the last row", async () => {
    const t = parse("councils,86,councils", "share,33,percent");
    await expectDataError(() => check(t), "data/m.csv:3:1: no row for measure cost");
  });

  it("rejects a measure given twice", async () => {
    const t = parse("councils,86,councils", "share,33,percent", "cost,3000000,gbp", "councils,87,councils");
    await expectDataError(() => check(t), "data/m.csv:5:1: duplicate row for measure = councils (first given on line 2)");
  });
});
