/**
 * The recount claims register (data/claims/recount.csv): every row loads, every recorded
 * status is what the recount gives (through the same audit the build runs), every stat key
 * a note names exists, and the as-published claims for the same numbers are still there.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { claimsDataset, type ClaimRow } from "../../../scripts/engine/claims/dataset.ts";
import { loadCsv, type Table } from "../../../scripts/engine/data/load.ts";
import { auditClaims } from "../../../scripts/engine/claims/audit.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";
import REPORT from "../../../scripts/report/index.ts";
import { recount } from "../../../scripts/report/recount/family.ts";
import { familyOutput, REPO_ROOT as ROOT } from "../../helpers/report.ts";

/** A claims file of this report, as the build reads it. */
const claimsFile = (name: string) => claimsDataset(name, REPORT.claims?.groups ?? []);

let table: Table<ClaimRow>;
let stats: StatRegistry;
beforeAll(async () => {
  table = await loadCsv(ROOT, claimsFile("recount").file, claimsFile("recount").schema);
  stats = new StatRegistry((await familyOutput(recount)).stats);
});
const rows = () => table.rows.map((r) => r.row);
const byId = (id: string) => rows().find((r) => r.id === id);

describe("the recount claims", () => {
  it("pass the audit: every recorded status is the one the recount gives", () => {
    const assessed = auditClaims([table], stats);
    const count = (status: string) => assessed.filter((a) => a.derived === status).length;
    // Reproduced 28: the 48 with its 9.6 and 10, in two places each (6); 86 twice, 16 and 5 (4);
    // the 2014/15 shares in the grade table, the summary and chapter 1 (4 + 3 + 3 = 10); the
    // 2013/14 shares (4); the 29 councils twice (2); the fall of the last Outstanding council twice (2).
    // Differ 10: 18, 23 and the 33% (3); the 25% and 56% in two places each (4); the time since
    // the last Outstanding judgement in three places (3).
    // Not reproducible 4: the cohort's 2012-to-2014 rises.
    expect([assessed.length, count("reproduced"), count("differs"), count("not_reproducible")]).toEqual([42, 28, 10, 4]);
  });

  it("point at recount stats only, under recount- ids", () => {
    for (const row of rows()) {
      expect(row.id).toMatch(/^recount-/);
      if (row.stat !== "") expect(row.stat).toMatch(/^recount\./);
    }
  });

  it("reproduce 48, 86, 16, 5 and the 2014/15 shares, and record the differences with their arithmetic", () => {
    expect(byId("recount-inadequate-2010-2015-ch2")).toMatchObject({ chapter: "2", value: 48, stat: "recount.inadequate.2010-2015", status: "reproduced" });
    expect(byId("recount-repeat-councils")).toMatchObject({ value: 86, status: "reproduced" });
    expect(byId("recount-grade-table-2014-15-inadequate")).toMatchObject({ value: 28, stat: "recount.shares.2014-15.startDateWithCpi.inadequate", status: "reproduced" });
    expect(byId("recount-repeat-stayed-ri")).toMatchObject({ value: 23, status: "differs" });
    expect(byId("recount-repeat-stayed-ri")?.note).toContain("25 - 23 = 2");
    expect(byId("recount-grade-table-2013-14-inadequate")).toMatchObject({ value: 30, stat: "recount.shares.2013-14.startDateWithCpi.inadequate", status: "reproduced" });
    expect(byId("recount-grade-table-2013-14-inadequate")?.note).toContain("8 of 27 = 29.6%, which rounds to 30%");
    expect(byId("recount-cohort-councils")).toMatchObject({ value: 29, stat: "recount.cohort.councils", status: "reproduced" });
    expect(byId("recount-no-outstanding")).toMatchObject({ value: 2.5, stat: "recount.outstanding.safeguarding.years", status: "differs" });
    expect(byId("recount-no-outstanding")?.note).toContain("1,036 days = 1,036 / 365.25 = 2.8 years");
    expect(byId("recount-outstanding-fell")).toMatchObject({ value: 2015, stat: "recount.outstanding.safeguarding.fellYear", status: "reproduced" });
  });

  it("name only stat keys that exist in their notes", () => {
    const named = rows().flatMap((r) => [...r.note.matchAll(/\bstats? ([a-z][\w.-]*[\w])(?: and ([a-z][\w.-]*[\w]))?/g)].flatMap((m) => [m[1], m[2]].filter(Boolean)));
    expect(named.length).toBeGreaterThan(30);
    for (const key of named) expect(stats.has(key), key).toBe(true);
  });

  it("leave the as-published claims for the same numbers in place", async () => {
    const chapter1 = await loadCsv(ROOT, claimsFile("chapter1").file, claimsFile("chapter1").schema);
    const ids = chapter1.rows.map((r) => r.row.id);
    expect(ids).toEqual(expect.arrayContaining(["ch1-s3-repeat-councils", "ch1-s3-stayed-ri", "ch1-s3-towards-good"]));
  });
});
