/**
 * The committed data/ilacs/judgements.csv loads with its schema and checks, names only
 * known councils, and has the counts by source and year that data/ilacs/import-report.md states.
 */
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { ExceptionLedger } from "../../../scripts/engine/data/checks.ts";
import { councils, knownCouncilCodes } from "../../../scripts/report/councils/datasets.ts";
import { ILACS_SOURCES, ilacsJudgements, type IlacsJudgementRow } from "../../../scripts/report/ilacs/datasets.ts";
import { loadCsv, type Table } from "../../../scripts/engine/data/load.ts";

describe("data/ilacs/judgements.csv", () => {
  let table: Table<IlacsJudgementRow>;
  let report: string;
  beforeAll(async () => {
    table = await loadCsv(".", ilacsJudgements.file, ilacsJudgements.schema);
    report = await readFile("data/ilacs/import-report.md", "utf8");
  });

  it("passes its checks and names only councils of data/councils/councils.csv", async () => {
    const ledger = new ExceptionLedger("data/known-exceptions.csv", []);
    for (const check of ilacsJudgements.checks) check(table, ledger);
    const lookup = await loadCsv(".", councils.file, councils.schema);
    knownCouncilCodes<IlacsJudgementRow>(new Set(lookup.rows.flatMap(({ row }) => [row.code, ...row.former_codes])))(table, ledger);
  });

  it("has the counts by source and year that the import report states", () => {
    const rows = table.rows.map(({ row }) => row);
    const count = (source: string, year?: string) => rows.filter((r) => r.source === source && (year === undefined || r.published.startsWith(year))).length;
    const official = count("ofsted-official");
    const scrape = count("report-scrape");
    expect(report).toContain(`${rows.length} reports: ${official} from Ofsted's official table, ${scrape} from the scrape;`);
    expect([official, scrape]).toEqual([262, 62]);
    const years = [...new Set(rows.map((r) => r.published.slice(0, 4)))].sort();
    expect(years).toEqual(["2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]);
    for (const year of years) {
      const ungraded = rows.filter((r) => r.published.startsWith(year) && r.ungraded_reason !== null).length;
      const cells = [year, ...ILACS_SOURCES.map((s) => count(s, year)), rows.filter((r) => r.published.startsWith(year)).length, ungraded];
      expect(report).toContain(`| ${cells.join(" | ")} |`);
    }
  });

  it("takes the official table up to 31 March 2025 and the scrape after it", () => {
    const rows = table.rows.map(({ row }) => row);
    expect(rows.filter((r) => r.source === "ofsted-official" && r.published > "2025-03-31")).toEqual([]);
    expect(rows.filter((r) => r.source === "report-scrape" && r.published <= "2025-03-31")).toEqual([]);
    // Ungraded reports are all after the April 2026 reform, and all from the scrape.
    expect(rows.filter((r) => r.overall === null).every((r) => r.source === "report-scrape" && (r.inspection_start ?? "") >= "2026-04-01")).toBe(true);
  });

  it("keeps the councils of the restructures: Cumbria until 2023, then Cumberland and Westmorland and Furness", () => {
    const of = (code: string) => table.rows.filter(({ row }) => row.council_code === code).map(({ row }) => row.published);
    expect(of("E10000006")).toEqual(["2022-11-15"]);
    expect(of("E06000063")).toEqual(["2024-11-26"]);
    expect(of("E06000064")).toEqual(["2024-07-12"]);
    expect(of("E10000021")).toEqual(["2019-07-29"]);
  });
});
