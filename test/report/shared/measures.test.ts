import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ExceptionLedger } from "../../../scripts/engine/data/checks.ts";
import { defineMeasureTable, measureValues } from "../../../scripts/report/shared/measures.ts";
import { loadCsv, parseCsv } from "../../../scripts/engine/data/load.ts";
import { projectionInputs } from "../../../scripts/report/projection/datasets.ts";
import { expectDataError } from "../../helpers/data-error.ts";

const FILE = "data/m.csv";
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
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

  it("refuses a year later than the file's date unless the measure is declared as a horizon (issue 17, case 6)", async () => {
    // A file of 2015, as the ledger records the report's transcriptions: the report's forecast "by April 2017" is later by design.
    const recorded = { written: "2015", lastDay: "2015-12-31", line: 9 };
    const years = defineMeasureTable(FILE, { inspection_year: "year", horizon_year: "year" }, { mayBeLaterThanFile: ["horizon_year"] });
    const load = (...rows: string[]) => {
      const t = parseCsv(FILE, ["measure,value,unit,source", ...rows.map((r) => `${r},ch. 1`)].join("\n"), years.schema, { recorded });
      for (const c of years.checks) c(t, ledger);
    };
    expect(() => load("inspection_year,2015,year", "horizon_year,2017,year")).not.toThrow();
    await expectDataError(() => load("inspection_year,2016,year", "horizon_year,2017,year"), "data/m.csv:2:2: value: 2016 (inspection_year) is later than 2015, the date data/README.md:9 records for this file (the latest date in its Date column); nothing in a file can be dated after the file was made: correct the value, or the entry's Date if the file is newer");
    // Undeclared, the same horizon is refused; the report's projection table declares it, and its file of 2015 loads.
    const undeclared = defineMeasureTable(FILE, { horizon_year: "year" });
    const t = parseCsv(FILE, "measure,value,unit,source\nhorizon_year,2017,year,ch. 1\n", undeclared.schema, { recorded });
    await expectDataError(() => undeclared.checks.forEach((c) => c(t, ledger)), "data/m.csv:2:2: value: 2017 (horizon_year) is later than 2015, the date data/README.md:9 records for this file (the latest date in its Date column); nothing in a file can be dated after the file was made: correct the value, or the entry's Date if the file is newer");
    const real = await loadCsv(REPO_ROOT, projectionInputs.file, projectionInputs.schema, { recorded });
    expect(() => projectionInputs.checks.forEach((c) => c(real, ledger))).not.toThrow();
    expect(real.rows.find(({ row }) => row.measure === "horizon_year")?.row.value).toBe(2017);
  });
});
