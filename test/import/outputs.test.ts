import { describe, expect, it } from "vitest";
import { compareCsv, compareLines, diffCsv, toCsv } from "../../scripts/import/outputs.ts";
import { lineRanges } from "../../scripts/import/import-report.ts";

describe("toCsv", () => {
  it("quotes only where needed, joins lists with | and ends every line with \\n", () => {
    const text = toCsv(["a", "b", "c", "d"], [
      { a: "Bristol, City of", b: null, c: 12, d: ["E06000058", "E06000059"] },
      { a: 'say "hi"', b: "plain", c: 0, d: [] },
    ]);
    expect(text).toBe('a,b,c,d\n"Bristol, City of",,12,E06000058|E06000059\n"say ""hi""",plain,0,\n');
  });
});

describe("compareCsv", () => {
  const header = "k,v\n";
  it("counts added, changed and removed rows by key", () => {
    // Old: a=1, b=2, c=3. New: a=1, b=9 (changed), d=4 (added); c removed.
    expect(compareCsv(`${header}a,1\nb,2\nc,3\n`, `${header}a,1\nb,9\nd,4\n`, ["k"])).toEqual({ rows: 3, added: 1, changed: 1, removed: 1 });
  });

  it("treats a missing previous file as all rows added", () => {
    expect(compareCsv(null, `${header}a,1\nb,2\n`, ["k"])).toEqual({ rows: 2, added: 2, changed: 0, removed: 0 });
  });

  it("treats a previous file without the key columns as all rows removed", () => {
    expect(compareCsv("x,y\n1,2\n3,4\n", `${header}a,1\n`, ["k"])).toEqual({ rows: 1, added: 1, changed: 0, removed: 2 });
  });

  it("counts a row as changed when a column was added", () => {
    expect(compareCsv(`${header}a,1\n`, "k,v,w\na,1,\n", ["k"])).toEqual({ rows: 1, added: 0, changed: 1, removed: 0 });
  });
});

describe("diffCsv", () => {
  it("gives the rows added and removed, and for each changed row the cells that differ", () => {
    const before = "k,v,w\na,1,x\nb,2,y\nc,3,z\n";
    const after = "k,v,w\na,1,x\nb,9,\nd,4,w\n";
    expect(diffCsv(before, after, ["k"])).toEqual({
      rows: 3,
      added: 1,
      changed: 1,
      removed: 1,
      addedRows: [{ k: "d", v: "4", w: "w" }],
      changedRows: [{ row: { k: "b", v: "9", w: "" }, cells: [{ column: "v", before: "2", after: "9" }, { column: "w", before: "y", after: "" }] }],
      removedRows: [{ k: "c", v: "3", w: "z" }],
    });
  });

  it("keys rows by several columns", () => {
    const diff = diffCsv("c,y,n\nA,2020,1\nA,2021,2\n", "c,y,n\nA,2021,2\nA,2022,3\n", ["c", "y"]);
    expect([diff.addedRows, diff.removedRows, diff.changedRows]).toEqual([[{ c: "A", y: "2022", n: "3" }], [{ c: "A", y: "2020", n: "1" }], []]);
  });

  it("names a column only one version has as changed in every row", () => {
    expect(diffCsv("k,v\na,1\n", "k,v,w\na,1,\n", ["k"]).changedRows).toEqual([{ row: { k: "a", v: "1", w: "" }, cells: [{ column: "w", before: "(no column)", after: "" }] }]);
  });
});

describe("compareLines", () => {
  it("counts lines added and removed", () => {
    expect(compareLines("one\ntwo\n", "one\nthree\nfour\n")).toEqual({ rows: 3, added: 2, changed: 0, removed: 1 });
    expect(compareLines("one\n", "one\n")).toEqual({ rows: 1, added: 0, changed: 0, removed: 0 });
  });
});

describe("lineRanges", () => {
  it("compresses runs of lines", () => {
    expect(lineRanges([5, 2, 3, 4, 9, 12, 13])).toBe("2–5, 9, 12–13");
    expect(lineRanges([])).toBe("none");
  });
});
