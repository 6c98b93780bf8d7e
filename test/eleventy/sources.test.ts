import { describe, expect, it } from "vitest";
import { citedSources } from "../../scripts/eleventy/sources.ts";

const catalogue = {
  report: { title: "A report?", publisher: "Someone", year: "2015" },
  stats: { title: "Some statistics", publisher: "Office", year: "2008–2015", url: "https://example.org/stats", note: "The grades." },
  undated: { title: "An article", publisher: "A magazine" },
  broken: { title: "", publisher: "X", year: "15" },
};

describe("citedSources", () => {
  it("looks up the ids in the order the page lists them", () => {
    expect(citedSources(catalogue, ["stats", "report"], "p.md")).toEqual([
      { id: "stats", title: "Some statistics", publisher: "Office", year: "2008–2015", url: "https://example.org/stats", note: "The grades.", titleEnd: "." },
      { id: "report", title: "A report?", publisher: "Someone", year: "2015", titleEnd: "" },
    ]);
  });

  it("shows a source without a year as n.d.", () => {
    expect(citedSources(catalogue, ["undated"], "p.md")[0].year).toBe("n.d.");
  });

  it("lists nothing for a page without sources", () => {
    expect(citedSources(catalogue, undefined, "p.md")).toEqual([]);
    expect(citedSources(undefined, undefined, "p.md")).toEqual([]);
  });

  it("stops the build on an unknown, repeated or malformed source, naming the page", () => {
    expect(() => citedSources(catalogue, ["nope"], "content/chapters/x.md")).toThrow('content/chapters/x.md: source "nope" is not in content/_data/bibliography.json');
    expect(() => citedSources(catalogue, ["report", "report"], "p.md")).toThrow('p.md: source "report" is listed twice');
    expect(() => citedSources(catalogue, ["broken"], "p.md")).toThrow(/source "broken": title .*; year a year such as 2015/);
    expect(() => citedSources(catalogue, "report", "p.md")).toThrow('p.md: "sources" must be a list of source ids');
    expect(() => citedSources(undefined, ["report"], "p.md")).toThrow("p.md: lists sources but the project has no content/_data/bibliography.json");
    expect(() => citedSources({ x: { title: "t", publisher: "p", url: "ftp://x" } }, ["x"], "p.md")).toThrow(/source "x": url/);
  });
});
