import { describe, expect, it } from "vitest";
import { frontMatterLineCount, frontMatterListAt, frontMatterValueAt, withoutFrontMatter } from "../../scripts/engine/front-matter.ts";

const page = [
  "---",
  "title: A page",
  "# a comment: chapter: 9",
  "chapter: 2",
  "sources:",
  "  - first-id",
  "",
  '  - "second-id"  # why',
  "tags: [a, 'b c',  d]",
  "---",
  "Body line 1",
].join("\n");

describe("front matter positions", () => {
  it("counts the front matter's lines, delimiters included, and none without front matter", () => {
    expect(frontMatterLineCount(page)).toBe(10);
    expect(frontMatterLineCount(page.replace(/\n/g, "\r\n"))).toBe(10);
    expect(frontMatterLineCount("Just text\n---\n")).toBe(0);
    expect(withoutFrontMatter(page).split("\n")).toEqual([...Array(10).fill(""), "Body line 1"]);
  });

  it("finds a top-level value where it is written, not in a comment", () => {
    expect(frontMatterValueAt(page, "chapter")).toEqual({ line: 4, column: 10 });
    expect(frontMatterValueAt(page, "title")).toEqual({ line: 2, column: 8 });
    // A value written below its key: the key.
    expect(frontMatterValueAt(page, "sources")).toEqual({ line: 5, column: 1 });
    expect(frontMatterValueAt(page, "order")).toBeUndefined();
    expect(frontMatterValueAt("No front matter\nchapter: 2\n", "chapter")).toBeUndefined();
  });

  it("lists a key's items under it or in brackets, quotes removed, each at its first character", () => {
    expect(frontMatterListAt(page, "sources")).toEqual([
      { value: "first-id", line: 6, column: 5 },
      { value: "second-id", line: 8, column: 5 },
    ]);
    expect(frontMatterListAt(page, "tags")).toEqual([
      { value: "a", line: 9, column: 8 },
      { value: "b c", line: 9, column: 11 },
      { value: "d", line: 9, column: 19 },
    ]);
    expect(frontMatterListAt(page, "title")).toEqual([]);
  });
});
