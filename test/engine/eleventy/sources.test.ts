import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { citedSources } from "../../../scripts/engine/eleventy/sources.ts";

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
