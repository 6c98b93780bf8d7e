import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageUrl, placeFigures, scanContent } from "../../../scripts/engine/figures/placement.ts";

describe("pageUrl", () => {
  it("follows Eleventy's default permalinks unless front matter sets one", () => {
    expect(pageUrl("index.md", undefined)).toBe("/");
    expect(pageUrl("about.md", undefined)).toBe("/about/");
    expect(pageUrl(path.join("chapters", "index.md"), undefined)).toBe("/chapters/");
    expect(pageUrl(path.join("chapters", "01-intro.md"), undefined)).toBe("/chapters/01-intro/");
    expect(pageUrl("x.md", "/chapter-1/")).toBe("/chapter-1/");
    expect(pageUrl("x.md", "/chapter-1/index.html")).toBe("/chapter-1/");
  });
});

describe("scanContent and placeFigures", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "placement-"));
    const content = path.join(root, "content");
    await mkdir(path.join(content, "chapters"), { recursive: true });
    await mkdir(path.join(content, "_data"), { recursive: true });
    await writeFile(path.join(content, "index.md"), "---\ntitle: Cover\n---\nSee {% ref \"b\" %}.\n");
    // Chapter 2 sorts before chapter 1 by file name; numbering must follow the chapter order.
    await writeFile(path.join(content, "chapters", "a-second.md"), '---\ntitle: Second\nchapter: 2\npermalink: /chapter-2/\n---\n{% figure "c" %}\n');
    await writeFile(path.join(content, "chapters", "b-first.md"), '---\ntitle: First\nchapter: 1\npermalink: /chapter-1/\n---\n{% figure "a" %}\ntext\n{%- figure \'b\' -%}\n');
    await writeFile(path.join(content, "_data", "ignored.md"), '{% figure "zzz" %}');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("numbers figures per chapter in chapter order and links them", async () => {
    const pages = await scanContent(root, path.join(root, "content"));
    expect(pages.map((p) => p.inputPath)).toEqual(["content/chapters/b-first.md", "content/chapters/a-second.md", "content/index.md"]);
    const placed = placeFigures(pages, new Set(["a", "b", "c"]));
    expect([...placed.values()].map((p) => [p.key, p.label, p.href])).toEqual([
      ["a", "Figure 1.1", "/chapter-1/#figure-a"],
      ["b", "Figure 1.2", "/chapter-1/#figure-b"],
      ["c", "Figure 2.1", "/chapter-2/#figure-c"],
    ]);
  });

  it("refuses unknown keys, figures placed twice, and figures on pages without a chapter", async () => {
    const pages = await scanContent(root, path.join(root, "content"));
    expect(() => placeFigures(pages, new Set(["a", "b"]))).toThrow('content/chapters/a-second.md: unknown figure key "c"');
    const twice = pages.map((p) => (p.chapter === "2" ? { ...p, figureKeys: ["c", "a"] } : p));
    expect(() => placeFigures(twice, new Set(["a", "b", "c"]))).toThrow('figure "a" is already placed in content/chapters/b-first.md');
    const onCover = pages.map((p) => (p.chapter === undefined ? { ...p, figureKeys: ["d"] } : p));
    expect(() => placeFigures(onCover, new Set(["a", "b", "c", "d"]))).toThrow("content/index.md: places figure \"d\" but has no chapter");
  });
});
