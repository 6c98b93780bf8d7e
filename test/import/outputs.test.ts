import { describe, expect, it } from "vitest";
import { compareCsv, compareLines, toCsv } from "../../scripts/import/outputs.ts";
import { lineRanges } from "../../scripts/import/import-report.ts";
import { parseArgs } from "../../scripts/import/args.ts";

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

describe("parseArgs", () => {
  it("defaults to the shared sources and the current folder", () => {
    expect(parseArgs([])).toEqual({ sources: "../shared/data-sources", root: "." });
    expect(parseArgs(["--root", "/tmp/p", "--sources", "src"])).toEqual({ sources: "src", root: "/tmp/p" });
  });

  it("rejects unknown or incomplete arguments with the usage line", () => {
    expect(() => parseArgs(["--source", "x"])).toThrow('unknown argument "--source"\nusage: tsx scripts/import/inspections.ts [--sources <dir>] [--root <project root>]');
    expect(() => parseArgs(["--root"])).toThrow("--root needs a folder");
    expect(() => parseArgs(["--root", "--sources", "x"])).toThrow("--root needs a folder");
  });
});
