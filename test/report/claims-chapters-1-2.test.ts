/**
 * The claims registers of the executive summary and chapters 1 and 2: every row loads,
 * every recorded status is what the data says (through the same audit the build runs),
 * and every stat key a note points the prose to exists.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { claimsDataset, type ClaimRow } from "../../scripts/engine/claims/dataset.ts";
import { loadCsv, type Table } from "../../scripts/engine/data/load.ts";
import { auditClaims } from "../../scripts/engine/claims/audit.ts";
import type { StatRegistry } from "../../scripts/engine/stats/registry.ts";
import REPORT from "../../scripts/report/index.ts";
import { realReport, REPO_ROOT as ROOT } from "../helpers/report.ts";

/** A claims file of this report, as the build reads it. */
const claimsFile = (name: string) => claimsDataset(name, REPORT.claims?.groups ?? []);

const FAMILIES = ["summary", "chapter1", "chapter2"];
let tables: Table<ClaimRow>[] = [];
let stats: StatRegistry;
beforeAll(async () => {
  tables = await Promise.all(FAMILIES.map((family) => loadCsv(ROOT, claimsFile(family).file, claimsFile(family).schema)));
  // Every stat of the report, as the build's claims audit sees them.
  stats = (await realReport()).stats;
});

const rows = () => tables.flatMap((t) => t.rows.map((r) => r.row));
const byId = (id: string) => rows().find((r) => r.id === id);

describe("the summary, chapter 1 and chapter 2 claims", () => {
  it("pass the audit: every recorded status is the one the data gives", () => {
    const assessed = auditClaims(tables, stats);
    const count = (status: string) => assessed.filter((a) => a.derived === status).length;
    // Summary 22 (11 reproduced, 11 not), chapter 1 43 (15 reproduced, 28 not: 10, and the 18 grade-table
    // shares of 2008/09 to 2012/13 not quoted elsewhere), chapter 2 21 (3 reproduced, 2 differ, 16 not).
    expect([assessed.length, count("reproduced"), count("differs"), count("not_reproducible")]).toEqual([86, 29, 2, 55]);
    // The grade table's 2008/09–2012/13 cells, less the two 2010/11 shares quoted in section 1
    // (2007/08 is quoted in the opening paragraph; 2013/14 and 2014/15 are recounted in recount.csv).
    const cells = rows().filter((r) => r.id.startsWith("ch1-s4-table-")).map((r) => r.id.slice("ch1-s4-table-".length));
    expect(cells).toHaveLength(5 * 4 - 2);
    expect(cells.filter((c) => c.startsWith("2010-11"))).toEqual(["2010-11-inadequate", "2010-11-outstanding"]);
  });

  it("record the two initial assessment falls that disagree with their own before and after values", () => {
    const differs = rows().filter((r) => r.status === "differs").map((r) => r.id);
    expect(differs).toEqual(["ch2-ia-inadequate-drop", "ch2-ia-rest-drop"]);
    // 68.62 − 52.63 = 15.99 against the printed 15.89
    expect(byId("ch2-ia-inadequate-drop")?.note).toContain("68.62 - 52.63 = 15.99");
  });

  it("reproduce the printed 33% and £30m, and leave the report's 38 as not reproducible", () => {
    expect(byId("ch1-s3-stayed-low-share")).toMatchObject({ stat: "transitions.stayedLow.share", status: "reproduced" });
    expect(byId("sum-annual-cost")).toMatchObject({ value: 30_000_000, stat: "cost.perYear.report", status: "reproduced" });
    expect(byId("sum-projection-2017")).toMatchObject({ value: 38, stat: "", status: "not_reproducible" });
  });

  it("name only stat keys that exist in their notes", () => {
    const named = rows().flatMap((r) => [...r.note.matchAll(/\bstats? ([a-z][\w.-]*[\w])(?: and ([a-z][\w.-]*[\w]))?/g)].flatMap((m) => [m[1], m[2]].filter(Boolean)));
    expect(named.length).toBeGreaterThan(20);
    for (const key of named) expect(stats.has(key), key).toBe(true);
  });

  it("use ids unique across every claims file", async () => {
    const files = (await readdir(path.join(ROOT, "data/claims"))).filter((f) => f.endsWith(".csv")).map((f) => f.replace(/\.csv$/, ""));
    const all = await Promise.all(files.map((family) => loadCsv(ROOT, claimsFile(family).file, claimsFile(family).schema)));
    const ids = all.flatMap((t) => t.rows.map((r) => r.row.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
