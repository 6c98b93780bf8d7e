import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentPages, frontMatter, pageUrl, placeFigures, scanContent, type ContentFile } from "../../../scripts/engine/figures/placement.ts";

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

describe("contentPages: chapter numbers", () => {
  /** A content file as readContentFiles gives it, from its path and text. */
  const file = (inputPath: string, text: string): ContentFile => {
    const { data, content } = frontMatter(inputPath, text);
    return { inputPath, relativeToContent: inputPath.replace(/^content\//, ""), text, data, body: content };
  };
  const chapter = (inputPath: string, value: string, extra = "") => file(inputPath, `---\ntitle: T\n${extra}chapter: ${value}\n---\nText.\n`);

  it("takes whole numbers from 1 and, with an order, one capital letter", () => {
    const pages = contentPages([chapter("content/b.md", "1"), chapter("content/a.md", "2"), chapter("content/m.md", "A", "order: 8\n"), file("content/index.md", "---\ntitle: Cover\n---\n")]);
    expect(pages.map((p) => [p.inputPath, p.chapter])).toEqual([
      ["content/b.md", "1"],
      ["content/a.md", "2"],
      ["content/m.md", "A"],
      ["content/index.md", undefined],
    ]);
  });

  it("refuses a second page of a chapter, number or letter, at its chapter value, naming the first", () => {
    expect(() => contentPages([chapter("content/a.md", "2"), chapter("content/b.md", "2")])).toThrow(
      'content/b.md:3:10: chapter 2 is already content/a.md\'s (line 3); two pages of one chapter would both have a "Figure 2.1" — give each its own',
    );
    // In reading order: the page with the later order is the second, whatever its file name.
    expect(() => contentPages([chapter("content/a.md", "A", "order: 9\n"), chapter("content/b.md", "A", "order: 8\n")])).toThrow(
      "content/a.md:4:10: chapter A is already content/b.md's (line 4)",
    );
  });

  it("refuses a chapter that is neither a whole number from 1 nor a capital letter, a letter without an order, and an order that is not a number", () => {
    const faults = [chapter("content/a.md", "two"), chapter("content/b.md", "1.5"), chapter("content/c.md", "0"), chapter("content/d.md", "a", "order: 3\n"), chapter("content/e.md", "B"), chapter("content/f.md", "3", "order: soon\n")];
    expect(() => contentPages(faults)).toThrow(
      [
        'content/a.md:3:10: chapter "two" is neither a whole number from 1 nor one capital letter (for an appendix), so its figures cannot be numbered',
        "content/b.md:3:10: chapter 1.5 is neither a whole number from 1 nor one capital letter (for an appendix), so its figures cannot be numbered",
        "content/c.md:3:10: chapter 0 is neither a whole number from 1 nor one capital letter (for an appendix), so its figures cannot be numbered",
        'content/d.md:4:10: chapter "a" is neither a whole number from 1 nor one capital letter (for an appendix), so its figures cannot be numbered',
        "content/e.md:3:10: chapter B is a letter, which does not say where the page comes in the contents; give the page an order: (a number) too",
        'content/f.md:3:8: order "soon" is not a number; it places the page in the contents',
      ].join("\n"),
    );
  });
});
