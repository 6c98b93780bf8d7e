/**
 * Building a report from families (scripts/engine/report.ts), with made-up families over a
 * made-up data folder held in memory: the build order, what each family may read, results
 * handed to the families that use them (each family built once), and how the report
 * gathers stats, figures, views, lists and record sets, refusing what would be ambiguous.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { z } from "zod";
import { afterAll, describe, expect, it } from "vitest";
import { numberCell, textCell } from "../../scripts/engine/data/cells.ts";
import { uniqueKey } from "../../scripts/engine/data/checks.ts";
import { defineDataset, loadOrder, type CrossCheck } from "../../scripts/engine/data/dataset.ts";
import { DataError } from "../../scripts/engine/data/errors.ts";
import { DataFolder } from "../../scripts/engine/data/folder.ts";
import { loadReportData } from "../../scripts/engine/data/report-data.ts";
import { defineReport, loadReportDefinition } from "../../scripts/engine/definition.ts";
import { defineFamily, type Family } from "../../scripts/engine/family.ts";
import type { FigureDefinition } from "../../scripts/engine/figures/types.ts";
import { buildFamilies, buildOrder, buildReport, datasetsOf, familyFiles } from "../../scripts/engine/report.ts";
import { count } from "../../scripts/engine/stats/format.ts";

const fruit = defineDataset({ file: "data/fruit.csv", schema: z.object({ name: textCell("name"), kilos: numberCell({ min: 0 }) }), checks: [uniqueKey(["name"])] });
const prices = defineDataset({
  file: "data/prices.csv",
  schema: z.object({ name: textCell("name"), pence: numberCell({ min: 0 }) }),
  checks: [],
  // Every price is of a fruit in data/fruit.csv.
  crossChecks: [
    {
      needs: [fruit],
      run(table, tableOf) {
        const names = new Set(tableOf(fruit).rows.map(({ row }) => row.name));
        for (const { row, line } of table.rows) if (!names.has(row.name)) throw new DataError(table.file, line, 1, `${row.name} is not a fruit`);
      },
    },
  ],
});

/** A data folder as the build reads it: the files, and a ledger with each CSV's sha256. */
function folderOf(files: Record<string, string>): DataFolder {
  const all = { "data/known-exceptions.csv": "file,check,key,note\n", ...files };
  const rows = Object.entries(all).map(([file, text]) => `| \`${file}\` | made up | made up | CC0 | 2026 | ${createHash("sha256").update(text).digest("hex")} |`);
  const ledger = ["| File | Contents | Source | Licence | Date | sha256 |", "|---|---|---|---|---|---|", ...rows, ""].join("\n");
  return new DataFolder(new Map(Object.entries({ ...all, "data/README.md": ledger }).sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, text]) => [file, Buffer.from(text)])));
}

const FOLDER = folderOf({ "data/fruit.csv": "name,kilos\napple,3\npear,5\n", "data/prices.csv": "name,pence\napple,40\n" });

const figure = (key: string): FigureDefinition => ({ key, title: `${key} title`, description: "d", caption: "c", source: "s", rows: [{ a: 1 }], columns: [{ field: "a", label: "A" }], spec: { mark: "bar", data: { values: [{ a: 1 }] } } as TopLevelSpec, dataFiles: [] });

let builds: string[] = [];
const weights = defineFamily({
  name: "weights",
  datasets: [fruit],
  uses: {},
  build({ rows }) {
    builds.push("weights");
    const total = rows(fruit).reduce((sum, r) => sum + r.kilos, 0);
    return { result: { total }, stats: [{ key: "weights.total", value: total, format: count(), label: "kilos in all" }], figures: [figure("weights-chart")] };
  },
});
const costs = defineFamily({
  name: "costs",
  datasets: [prices],
  uses: { weights },
  build({ rows, uses }) {
    builds.push("costs");
    return {
      stats: [{ key: "costs.perKilo", value: rows(prices)[0].pence / uses.weights.total, format: count(), label: "pence per kilo of all" }],
      lists: { items: rows(prices).map((r) => ({ name: r.name })) },
      views: { table: { template: "costs.njk", context: { n: rows(prices).length } } },
      records: [{ name: "fruit", heading: "Fruit", singular: "fruit", entries: rows(prices).map((r) => ({ key: r.name, name: r.name })) }],
    };
  },
});
const summary = defineFamily({
  name: "summary",
  datasets: [],
  uses: { weights, costs },
  build({ uses }) {
    builds.push("summary");
    return { stats: [{ key: "summary.total", value: uses.weights.total, format: count(), label: "the total again" }] };
  },
});

describe("buildOrder", () => {
  it("puts each family after the families it uses, each once, in the order listed where the uses allow", () => {
    expect(buildOrder([summary]).map((f) => f.name)).toEqual(["weights", "costs", "summary"]);
    expect(buildOrder([costs, weights, summary]).map((f) => f.name)).toEqual(["weights", "costs", "summary"]);
    expect(datasetsOf(buildOrder([summary]))).toEqual([fruit, prices]);
  });

  it("refuses families that use each other", () => {
    const a: Family<void, Record<string, Family<any, any>>> = { name: "a", datasets: [], uses: {}, build: () => ({}) };
    const b: Family<void, Record<string, Family<any, any>>> = { name: "b", datasets: [], uses: { a }, build: () => ({}) };
    (a.uses as Record<string, unknown>).b = b;
    expect(() => buildOrder([a])).toThrow("the families a → b → a use each other");
  });
});

describe("buildFamilies", () => {
  it("builds each family once, handing each the results of the families it uses by name", () => {
    builds = [];
    const data = loadReportData(FOLDER, datasetsOf(buildOrder([summary])));
    const built = buildFamilies([summary, costs], data);
    expect(builds).toEqual(["weights", "costs", "summary"]);
    expect(built.of(weights).result).toEqual({ total: 8 });
    // 40 pence ÷ 8 kilos = 5.
    expect(built.of(costs).stats?.[0].value).toBe(5);
    expect(built.of(summary).stats?.[0].value).toBe(8);
  });

  it("lets a family read only the datasets it declares", () => {
    const nosy = defineFamily({ name: "nosy", datasets: [fruit], uses: {}, build: ({ rows }) => ({ stats: [{ key: "nosy.n", value: rows(prices).length, format: count(), label: "n" }] }) });
    const data = loadReportData(FOLDER, [fruit, prices]);
    expect(() => buildFamilies([nosy], data)).toThrow('the family "nosy" reads data/prices.csv but does not declare it among its datasets');
  });
});

describe("loading the datasets", () => {
  it("loads what a cross-check needs first, and runs the check against it", () => {
    expect(loadOrder([prices])).toEqual([fruit, prices]);
    expect(() => loadReportData(folderOf({ "data/fruit.csv": "name,kilos\napple,3\n", "data/prices.csv": "name,pence\napple,40\nplum,9\n" }), [prices])).toThrow("data/prices.csv:3:1: plum is not a fruit");
  });

  it("refuses cross-checks that need each other", () => {
    const checksOfOne: CrossCheck<unknown>[] = [];
    const one = defineDataset({ file: "data/one.csv", schema: z.object({ a: textCell() }), checks: [], crossChecks: checksOfOne });
    const two = defineDataset({ file: "data/two.csv", schema: z.object({ a: textCell() }), checks: [], crossChecks: [{ needs: [one], run: () => {} }] });
    checksOfOne.push({ needs: [two], run: () => {} });
    expect(() => loadOrder([one])).toThrow("the cross-checks of data/one.csv → data/two.csv → data/one.csv need each other");
  });
});

describe("buildReport", () => {
  const data = loadReportData(FOLDER, [fruit, prices], []);

  it("gathers every family's stats and figures, views by <family>.<name>, lists by family, and record sets", () => {
    const report = buildReport(defineReport({ families: [weights, costs, summary] }), data);
    expect(report.stats.keys()).toEqual(["costs.perKilo", "summary.total", "weights.total"]);
    expect([...report.figures.keys()]).toEqual(["weights-chart"]);
    expect([...report.views.keys()]).toEqual(["costs.table"]);
    expect(report.views.get("costs.table")?.family).toBe(costs);
    expect(report.lists).toEqual({ costs: { items: [{ name: "apple" }] } });
    expect(report.records.map((r) => r.name)).toEqual(["fruit"]);
  });

  it("audits the claims register of a report that has one, and publishes its counts", () => {
    const report = buildReport(defineReport({ families: [weights], claims: { groups: [{ id: "1" }] } }), data);
    expect(report.claims).toEqual([]);
    expect(report.stats.keys()).toEqual(["claims.count.consistent", "claims.count.differs", "claims.count.not_reproducible", "claims.count.reproduced", "claims.count.total", "weights.total"]);
  });

  it("knows the data files each stat and figure depends on: its family's and those of the families it uses, however indirectly", () => {
    expect(familyFiles(weights)).toEqual(["data/fruit.csv"]);
    expect(familyFiles(costs)).toEqual(["data/fruit.csv", "data/prices.csv"]);
    // summary reads no dataset of its own, but uses weights and costs (and weights again through costs).
    expect(familyFiles(summary)).toEqual(["data/fruit.csv", "data/prices.csv"]);
    // A figure on a family's own pages (a keyed view's entry) depends on the files of the family that drew it.
    const pages = defineFamily({
      name: "pages",
      datasets: [],
      uses: { weights },
      build: () => ({ views: { page: { template: "page.njk", entries: new Map([["one", { context: {}, figure: { definition: figure("page-one"), page: { url: "/one/", title: "One" }, label: "Chart" } }]]) } } }),
    });
    const report = buildReport(defineReport({ families: [weights, costs, summary, pages] }), data);
    expect(Object.fromEntries(report.dependsOn.stats)).toEqual({
      "weights.total": ["data/fruit.csv"],
      "costs.perKilo": ["data/fruit.csv", "data/prices.csv"],
      "summary.total": ["data/fruit.csv", "data/prices.csv"],
    });
    expect(Object.fromEntries(report.dependsOn.figures)).toEqual({ "weights-chart": ["data/fruit.csv"], "page-one": ["data/fruit.csv"] });
  });

  it("makes the claim counts depend on the claims register's files", () => {
    const claim = "id,chapter,location,restated,claim,stated,value,stat,tolerance,basis,status,caveat,note\nc1,1,Intro,,Kilos,8,8,weights.total,0,records,reproduced,,\n";
    const withClaims = loadReportData(folderOf({ "data/fruit.csv": "name,kilos\napple,3\npear,5\n", "data/prices.csv": "name,pence\napple,40\n", "data/claims/one.csv": claim }), [fruit], [{ id: "1" }]);
    const report = buildReport(defineReport({ families: [weights], claims: { groups: [{ id: "1" }] } }), withClaims);
    expect(report.dependsOn.stats.get("claims.count.reproduced")).toEqual(["data/claims/one.csv"]);
    expect(report.stats.get("claims.count.reproduced").value).toBe(1);
  });

  it("refuses a family used but not listed, a figure key made twice and a record set kept twice", () => {
    expect(() => buildReport(defineReport({ families: [costs] }), data)).toThrow('the family "weights" is used but not listed in the report definition\'s families');
    const again = defineFamily({ name: "again", datasets: [], uses: {}, build: () => ({ figures: [figure("weights-chart")], records: [{ name: "fruit", heading: "F", singular: "f", entries: [] }] }) });
    expect(() => buildReport(defineReport({ families: [weights, again] }), data)).toThrow('the figure key "weights-chart" is defined twice (the second time by the family "again")');
    const records = defineFamily({ name: "records", datasets: [], uses: {}, build: () => ({ records: [{ name: "fruit", heading: "F", singular: "f", entries: [] }] }) });
    expect(() => buildReport(defineReport({ families: [weights, costs, records] }), data)).toThrow('the record set "fruit" is kept by two families');
  });
});

describe("loadReportDefinition", () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

  it("names the missing file, a project that does not say its modules are ES modules, and a module whose default export is not a definition", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "definition-"));
    folders.push(folder);
    await expect(loadReportDefinition(path.join(folder, "scripts", "report", "index.ts"))).rejects.toThrow("missing; a project's report definition lives in scripts/report/index.ts");
    await writeFile(path.join(folder, "wrong.ts"), "export default { families: 3 };\n");
    await writeFile(path.join(folder, "package.json"), '{ "name": "x", "version": "1.0.0" }\n');
    await expect(loadReportDefinition(path.join(folder, "wrong.ts"))).rejects.toThrow('a report definition is an ES module; ');
    await expect(loadReportDefinition(path.join(folder, "wrong.ts"))).rejects.toThrow('package.json must say "type": "module"');
    await writeFile(path.join(folder, "package.json"), '{ "name": "x", "version": "1.0.0", "type": "module" }\n');
    await expect(loadReportDefinition(path.join(folder, "wrong.ts"))).rejects.toThrow("its default export must be a report definition, defineReport({ families: [...] })");
  });
});
