import { describe, expect, it } from "vitest";
import { csvShape, datasetViews, downloadSize, figureDownloads, pageFigureDownloads, reportFileBase, zipBaseName } from "../../../scripts/engine/downloads/catalogue.ts";
import { parseColumnNotes } from "../../../scripts/engine/downloads/columns.ts";
import type { ProvenanceEntry } from "../../../scripts/engine/data/provenance.ts";

const entry = (file: string, line: number): ProvenanceEntry => ({ file, contents: `Contents of ${file}`, source: "Invented", licence: "CC0 1.0", date: "2026-01-01", sha256: "ab".repeat(32), line });

describe("csvShape", () => {
  it("counts data rows, not lines: a quoted cell may span lines; a BOM and a final newline are not data", () => {
    expect(csvShape('\uFEFFyear,note\n2014,"two\nlines"\n2015,plain\n')).toEqual({ header: ["year", "note"], rows: 2 });
    expect(csvShape("a,b\r\n")).toEqual({ header: ["a", "b"], rows: 0 });
  });
});

describe("datasetViews", () => {
  const shapes = new Map([
    ["data/national/outcomes.csv", csvShape("year,grade,percent\n2014,good,40\n2014,inadequate,20\n2015,good,45\n")],
    ["data/claims/summary.csv", csvShape("id,note\nc1,x\n")],
  ]);
  const notes = parseColumnNotes("## Columns\n\n### `data/national/outcomes.csv`\n\n| `year` | The year. |\n| `percent` | Share, 0–100. |\n");

  it("lists the ledger's files by path, each served at its repository path, with its provenance, rows and columns", () => {
    const views = datasetViews([entry("data/national/outcomes.csv", 9), entry("data/claims/summary.csv", 10)], shapes, notes);
    expect(views.map((v) => [v.file, v.href, v.anchor, v.rows])).toEqual([
      ["data/claims/summary.csv", "/data/claims/summary.csv", "dataset-claims-summary", 1],
      ["data/national/outcomes.csv", "/data/national/outcomes.csv", "dataset-national-outcomes", 3],
    ]);
    expect(views[1].columns).toEqual([
      { name: "year", meaning: "The year." },
      { name: "grade", meaning: undefined },
      { name: "percent", meaning: "Share, 0–100." },
    ]);
    expect([views[1].contents, views[1].source, views[1].licence, views[1].date, views[1].sha256]).toEqual(["Contents of data/national/outcomes.csv", "Invented", "CC0 1.0", "2026-01-01", "ab".repeat(32)]);
  });

  it("refuses a data file where the site publishes figure CSVs, and a listed file it was not given", () => {
    expect(() => datasetViews([entry("data/figures/x.csv", 9)], new Map([["data/figures/x.csv", csvShape("a\n")]]), notes)).toThrow(/cannot live in data\/figures\//);
    expect(() => datasetViews([entry("data/missing.csv", 9)], shapes, notes)).toThrow(/data\/missing\.csv is listed/);
  });
});

describe("zipBaseName", () => {
  it("names the zip from the title, without a leading article", () => {
    expect(zipBaseName("A Brave New World")).toBe("brave-new-world-data");
    expect(zipBaseName("Mini Report")).toBe("mini-report-data");
    expect(zipBaseName("The Café's Report, 2015")).toBe("cafe-s-report-2015-data");
    expect(zipBaseName("A")).toBe("a-data");
    expect(() => zipBaseName("—")).toThrow(/gives no name/);
  });

  it("is the report's file name (its PDF's too) with -data after it", () => {
    expect(reportFileBase("A Brave New World")).toBe("brave-new-world");
    expect(reportFileBase("The Café's Report, 2015")).toBe("cafe-s-report-2015");
  });
});

describe("downloadSize", () => {
  it("gives bytes, KB (1,024 bytes) rounded, or MB to one decimal", () => {
    expect(downloadSize(900)).toBe("900 bytes");
    expect(downloadSize(1536)).toBe("2 KB");
    expect(downloadSize(102_400)).toBe("100 KB");
    expect(downloadSize(1_468_006)).toBe("1.4 MB");
  });
});

describe("figure downloads", () => {
  const figure = (key: string) => ({ label: `Figure ${key}`, title: `Title ${key}`, href: `/p/#figure-${key}`, csvPath: `/data/figures/${key}.csv` });
  it("lists placed figures in the order given, skipping keys with no rendered figure", () => {
    const figures = new Map([["b", figure("b")], ["a", figure("a")]]);
    expect(figureDownloads([{ key: "a", page: { title: "One" } }, { key: "gone", page: { title: "Two" } }, { key: "b", page: { title: "Two" } }], figures)).toEqual([
      { label: "Figure a", title: "Title a", href: "/p/#figure-a", page: "One", csvHref: "/data/figures/a.csv" },
      { label: "Figure b", title: "Title b", href: "/p/#figure-b", page: "Two", csvHref: "/data/figures/b.csv" },
    ]);
  });
  it("names each figure of a family's pages by its page, in the pages' order", () => {
    expect(pageFigureDownloads([{ page: "Brookmere", figure: figure("c") }, { page: "Ashvale", figure: figure("d") }]).map((f) => [f.label, f.page, f.href, f.csvHref])).toEqual([
      ["Brookmere", "Brookmere", "/p/#figure-c", "/data/figures/c.csv"],
      ["Ashvale", "Ashvale", "/p/#figure-d", "/data/figures/d.csv"],
    ]);
  });
});
