import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { citedSources, sourceListProblems } from "../../../scripts/engine/eleventy/sources.ts";

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

describe("sourceListProblems: a page's sources checked where its front matter lists them", () => {
  const page = (list: string) => `---\ntitle: A chapter\nsources:${list}\n---\nText.\n`;
  const check = (list: string) => sourceListProblems(catalogue, matter(page(list)).data.sources, "content/chapters/x.md", page(list));

  it("finds nothing wrong with known ids listed once", () => {
    expect(check("\n  - stats\n  - report")).toEqual([]);
    expect(sourceListProblems(catalogue, undefined, "p.md", "---\ntitle: T\n---\n")).toEqual([]);
  });

  it("names each unknown or repeated id at its line and column, an unknown id listed twice once", () => {
    expect(check("\n  - stats\n  - nope\n  - stats\n  - nope")).toEqual([
      'content/chapters/x.md:5:5: source "nope" is not in content/_data/bibliography.json',
      'content/chapters/x.md:6:5: source "stats" is listed twice (first on line 4)',
      'content/chapters/x.md:7:5: source "nope" is listed twice (first on line 5)',
    ]);
    expect(check(" [report, 'nope']")).toEqual(['content/chapters/x.md:3:19: source "nope" is not in content/_data/bibliography.json']);
  });

  it("names the page alone when the lines do not hold the list as parsed, and the key when the list is not one", () => {
    expect(check("\n  - report\n  - >-\n    nope")).toEqual(['content/chapters/x.md: source "nope" is not in content/_data/bibliography.json']);
    expect(check(" report")).toEqual(['content/chapters/x.md:3:10: "sources" must be a list of source ids']);
    expect(sourceListProblems(undefined, ["report"], "p.md", page("\n  - report"))).toEqual(["p.md:3:1: lists sources but the project has no content/_data/bibliography.json"]);
  });
});

describe("the report's bibliography (content/_data/bibliography.json)", () => {
  it("has only valid entries, and every one is listed by some page or cited by Cite this report", async () => {
    const content = path.resolve(import.meta.dirname, "../../../content");
    const catalogue = JSON.parse(await readFile(path.join(content, "_data", "bibliography.json"), "utf8")) as Record<string, unknown>;
    const { original } = JSON.parse(await readFile(path.join(content, "_data", "report.json"), "utf8")) as { original: string };
    const listed = new Set<string>([original]);
    for (const file of (await readdir(content, { recursive: true })).filter((f) => f.endsWith(".md"))) {
      const sources = matter(await readFile(path.join(content, file), "utf8")).data.sources as unknown;
      for (const source of citedSources(catalogue, sources, file)) listed.add(source.id);
    }
    expect(citedSources(catalogue, Object.keys(catalogue), "bibliography.json")).toHaveLength(Object.keys(catalogue).length);
    expect(Object.keys(catalogue).filter((id) => !listed.has(id))).toEqual([]);
  });
});
