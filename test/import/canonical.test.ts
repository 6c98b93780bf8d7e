/**
 * The committed canonical files load with their dataset definitions, refer only to known
 * councils, and hold the counts the sources are known to have (PROVENANCE.md of the
 * outside datasets: 156 councils in Ofsted's table, 152 first SIFs published 11 Feb 2014 to
 * 8 Dec 2017, 21 SIF re-inspections; 152/151/152/153 councils in the DfE years).
 */
import { describe, expect, it } from "vitest";
import { ExceptionLedger } from "../../scripts/engine/data/checks.ts";
import type { Dataset } from "../../scripts/engine/data/dataset.ts";
import { councils, demand, inspections, knownCouncilCodes } from "../../scripts/report/councils/datasets.ts";
import { loadCsv, type RowSchema } from "../../scripts/engine/data/load.ts";

const ledger = new ExceptionLedger("data/known-exceptions.csv", []);
async function load<S extends RowSchema>(dataset: Dataset<S>) {
  const table = await loadCsv(".", dataset.file, dataset.schema);
  for (const check of dataset.checks) check(table, ledger);
  return table;
}
const count = <T>(rows: readonly T[], keep: (row: T) => boolean) => rows.filter(keep).length;

describe("data/councils/*.csv as committed", async () => {
  const councilTable = await load(councils);
  const inspectionTable = await load(inspections);
  const demandTable = await load(demand);
  const c = councilTable.rows.map(({ row }) => row);
  const i = inspectionTable.rows.map(({ row }) => row);
  const d = demandTable.rows.map(({ row }) => row);

  it("refer only to councils of councils.csv", () => {
    const codes = new Set(c.map((row) => row.code));
    knownCouncilCodes(codes)(inspectionTable, ledger);
    knownCouncilCodes(codes)(demandTable, ledger);
  });

  it("has 158 councils: 153 current, 5 predecessors, 156 of them named in Ofsted's table", () => {
    expect(c).toHaveLength(158);
    expect(count(c, (r) => r.status === "current")).toBe(153);
    expect(c.filter((r) => r.status === "predecessor").map((r) => r.name)).toEqual(["Bournemouth", "Poole", "Cumbria", "Dorset", "Northamptonshire"]);
    expect(count(c, (r) => r.ofsted_name !== null)).toBe(156);
    expect(c.filter((r) => r.former_codes.length > 0).map((r) => `${r.name} ${r.former_codes.join("|")}`)).toEqual(["Buckinghamshire E10000002", "North Yorkshire E10000023", "Somerset E10000027"]);
  });

  it("has 152 first SIFs published 11 Feb 2014 to 8 Dec 2017, and 21 re-inspections", () => {
    const sif = i.filter((r) => r.framework === "sif");
    expect(sif).toHaveLength(152);
    expect(sif.map((r) => r.published).sort()[0]).toBe("2014-02-11");
    expect(sif.map((r) => r.published).sort()[151]).toBe("2017-12-08");
    expect(count(i, (r) => r.framework === "sif-reinspection")).toBe(21);
    // Every council of Ofsted's table but the four created by restructures has a first SIF.
    expect(new Set(sif.map((r) => r.council_code)).size).toBe(152);
  });

  it("has inspection dates for 147 first SIFs and 20 re-inspections", () => {
    expect(count(i, (r) => r.framework === "sif" && r.inspection_start !== null)).toBe(147);
    expect(count(i, (r) => r.framework === "sif-reinspection" && r.inspection_start !== null)).toBe(20);
    expect(count(i, (r) => r.inspection_start !== null && r.inspection_end === null)).toBe(1);
  });

  it("has demand rows for 152, 151, 152 and 153 councils in the DfE years", () => {
    const councilsIn = (year: number) => count(d, (r) => r.year_ending_march === year);
    expect([2013, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map(councilsIn)).toEqual([152, 152, 151, 151, 152, 152, 153, 153]);
    expect(d).toHaveLength(1976);
  });
});
