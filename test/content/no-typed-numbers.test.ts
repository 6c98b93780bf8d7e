/**
 * Numbers in prose come from stat keys, never from the keyboard. Outside shortcodes and
 * front matter, content may contain years (2013, 2007/08) and nothing else made of digits.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";

const CONTENT = path.resolve(import.meta.dirname, "../../content");
const YEAR = /^(19|20)\d{2}(\/\d{2})?$/;

/** Digit sequences in Markdown prose that are not years, with their line numbers. */
function typedNumbers(markdown: string): { line: number; text: string }[] {
  const { content } = matter(markdown);
  return content.split("\n").flatMap((line, index) =>
    // Shortcodes, link targets, ordered-list markers and chapter or figure numbers are not prose numbers.
    [...line
      .replace(/\{%.*?%\}/g, "")
      .replace(/\]\([^)]*\)/g, "]")
      .replace(/^\s*\d+\.\s/, "")
      .replace(/\b(chapter|figure)\s+\d+(\.\d+)?/gi, "")
      .matchAll(/\d+(?:[.,/]\d+)*/g)]
      .map((m) => m[0])
      .filter((text) => !YEAR.test(text))
      .map((text) => ({ line: index + 1, text })),
  );
}

describe("typedNumbers", () => {
  it("finds hand-typed numbers but allows years and shortcodes", () => {
    const sample = '---\nchapter: 1\n---\nIn 2007/08 and 2013, {% stat "outcomes.good.2007-08" %} were good (see [chapter 3](/chapter-3/) and Figure 3.1).\n2. But 69% and 9.4 and 1,234 are typed.';
    expect(typedNumbers(sample).map((n) => n.text)).toEqual(["69", "9.4", "1,234"]);
  });
});

describe("content", () => {
  it("types no number other than years", async () => {
    const files = (await readdir(CONTENT, { recursive: true })).filter((f) => f.endsWith(".md"));
    expect(files.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of files) {
      for (const { line, text } of typedNumbers(await readFile(path.join(CONTENT, file), "utf8"))) found.push(`content/${file}: line ${line} of the body: ${text}`);
    }
    expect(found).toEqual([]);
  });
});
