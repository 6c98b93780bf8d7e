/**
 * This report's claims register (data/claims/*.csv) as the build reads it: every row loads,
 * every recorded status is what the data says (through the same audit the build runs), each
 * claim is one row (a number the report repeats is listed once, with its other places), the
 * statuses say what was checked, and notes name our numbers as {stat} tokens, never by key.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { claimsDataset, type ClaimRow } from "../../scripts/engine/claims/dataset.ts";
import { statsNamed } from "../../scripts/engine/claims/note.ts";
import { loadCsv, type Table } from "../../scripts/engine/data/load.ts";
import { auditClaims } from "../../scripts/engine/claims/audit.ts";
import type { StatRegistry } from "../../scripts/engine/stats/registry.ts";
import REPORT from "../../scripts/report/index.ts";
import { realReport, REPO_ROOT as ROOT } from "../helpers/report.ts";

/** A claims file of this report, as the build reads it. */
const claimsFile = (name: string) => claimsDataset(name, REPORT.claims?.groups ?? []);

let tables: Table<ClaimRow>[] = [];
let stats: StatRegistry;
beforeAll(async () => {
  const files = (await readdir(path.join(ROOT, "data/claims"))).filter((f) => f.endsWith(".csv")).map((f) => f.replace(/\.csv$/, "")).sort();
  tables = await Promise.all(files.map((name) => loadCsv(ROOT, claimsFile(name).file, claimsFile(name).schema)));
  stats = (await realReport()).stats;
});

const rows = () => tables.flatMap((t) => t.rows.map((r) => r.row));
const byId = (id: string) => rows().find((r) => r.id === id);

describe("the claims register", () => {
  it("passes the audit: every recorded status is the one the data gives", () => {
    const assessed = auditClaims(tables, stats);
    expect(assessed).toHaveLength(rows().length);
  });

  it("has one row per claim: no printed value is listed twice at the same place, and ids are unique", () => {
    const ids = rows().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const places = rows().flatMap((r) => [r.location, ...r.restated.map((p) => p.location)].map((where) => `${where} :: ${r.claim}`));
    expect(new Set(places).size).toBe(places.length);
    // "86 councils" is one claim, stated in chapter 1 and in the summary, reproduced from council records.
    const eightySix = rows().filter((r) => r.stated === "86");
    expect(eightySix.map((r) => r.id)).toEqual(["ch1-s3-repeat-councils"]);
    expect(eightySix[0]).toMatchObject({ chapter: "1", basis: "records", status: "reproduced", stat: "recount.repeat.councils" });
    expect(eightySix[0].restated.map((p) => p.chapter)).toEqual(["summary"]);
  });

  it("lists the time since the last Outstanding judgement once, with its three places and one status", () => {
    const claim = byId("ch1-intro-no-outstanding");
    expect(claim?.restated.map((p) => p.chapter)).toEqual(["summary", "1"]);
    expect(claim).toMatchObject({ status: "differs", basis: "records" });
    // 29 May 2012 to 31 March 2015: 1,036 days, / 365.25 = 2.84 years, printed as two and a half.
    expect(claim?.note).toContain("1,036 days = 1,036 / 365.25 = {recount.outstanding.safeguarding.years} years");
    expect(stats.format("recount.outstanding.safeguarding.years")).toBe("2.8");
  });

  it("calls a check against the report's own table consistent, and keeps reproduced for recounts from council records", () => {
    for (const row of rows()) {
      if (row.status === "reproduced") expect(row.basis, row.id).toBe("records");
      if (row.status === "consistent") expect(row.basis, row.id).toBe("report");
      // Records: Ofsted's and DfE's council figures recounted, or Ofsted's national assessment counts as reported (the grade table's early rows).
      if (row.basis === "records") expect(row.stat, row.id).toMatch(/^(recount\.|outcomes\.assessments\.)/);
    }
    // 69% Good in 2007/08 is checked against the report's own grade table: consistent, not reproduced.
    expect(byId("ch1-intro-good-2007-08")).toMatchObject({ stat: "outcomes.good.2007-08", basis: "report", status: "consistent" });
    // 28% Inadequate in 2014/15 is recounted from council records: 11 of 40 = 27.5%, which rounds to 28%.
    expect(byId("ch1-intro-inadequate-2014-15")).toMatchObject({ stat: "recount.shares.2014-15.startDateWithCpi.inadequate", basis: "records", status: "reproduced" });
  });

  it("records the two initial assessment falls that disagree with their own before and after values", () => {
    // 68.62 − 52.63 = 15.99 against the printed 15.89
    expect(byId("ch2-ia-inadequate-drop")).toMatchObject({ basis: "report", status: "differs" });
    expect(byId("ch2-ia-inadequate-drop")?.note).toContain("68.62 - 52.63 = 15.99");
  });

  it("flags the report's seven-figure sum against its own 'over £10million'", () => {
    const seven = byId("ch2-seven-figures");
    // The largest seven-figure sum, £9,999,999, against the lower bound of the top estimate, £10,000,000.
    expect(seven).toMatchObject({ value: 9_999_999, stat: "cost.estimate.high", basis: "report", status: "differs" });
    expect(stats.get("cost.estimate.high").value).toBe(10_000_000);
    expect(seven?.caveat).toContain("contradicts itself");
    expect(byId("ch2-cost-high")?.caveat).toContain("contradicts itself");
  });

  it("warns that the 9.4% variation rests on the 2010/11 row that adds up to 111%", () => {
    const early = byId("ch1-s4-variation-early");
    expect(early).toMatchObject({ stat: "outcomes.variation.early", status: "consistent" });
    expect(statsNamed(early?.caveat ?? "")).toEqual(["outcomes.total.2010-11"]);
    // 21 + 41 + 46 + 3 = 111, as published
    expect(stats.format("outcomes.total.2010-11")).toBe("111%");
  });

  it("shows the arithmetic of every claim that differs, and says why of every claim that cannot be reproduced", () => {
    for (const row of rows()) {
      if (row.status === "differs") expect(row.note, row.id).toMatch(/\d[^=]* = [^=]*\d/);
      if (row.status === "not_reproducible") expect(row.note.length, row.id).toBeGreaterThan(20);
    }
  });

  it("leaves the report's 38 as not reproducible", () => {
    expect(byId("sum-projection-2017")).toMatchObject({ value: 38, stat: "", basis: "", status: "not_reproducible" });
  });

  it("names our numbers in notes and caveats only as {stat} tokens of stats that exist, never by bare key", () => {
    const named = rows().flatMap((r) => [...statsNamed(r.note), ...statsNamed(r.caveat)]);
    expect(named.length).toBeGreaterThan(60);
    for (const key of named) expect(stats.has(key), key).toBe(true);
    for (const row of rows()) {
      const text = `${row.note} ${row.caveat}`.replace(/\{[^}]*\}/g, "");
      // A stat key, a claims file or another claim's id would reach the reader as code.
      expect(text, row.id).not.toMatch(/\b[a-z]+[A-Za-z]*\.[a-z][\w-]*\.[\w.-]+|data\/claims|\b(?:recount|sum|ch\d)-[a-z]/);
    }
  });
});
