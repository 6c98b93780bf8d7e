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

/** Digit sequences that are not years in the prose of the front matter: standfirst, description, tile labels. */
function typedNumbersInFrontMatter(markdown: string): { field: string; text: string }[] {
  const { data } = matter(markdown, {});
  const prose: [string, unknown][] = [
    ["standfirst", data.standfirst],
    ["description", data.description],
    ...((data.openerStats as { label?: unknown }[] | undefined) ?? []).map((tile, index): [string, unknown] => [`openerStats[${index}].label`, tile.label]),
  ];
  return prose.flatMap(([field, value]) =>
    typeof value === "string" ? [...value.matchAll(/\d+(?:[.,/]\d+)*/g)].map((m) => m[0]).filter((text) => !YEAR.test(text)).map((text) => ({ field, text })) : [],
  );
}

describe("typedNumbersInFrontMatter", () => {
  it("reads the standfirst, the description and the tiles' labels", () => {
    const sample = '---\nstandfirst: "Some 40 councils"\ndescription: "From 2010 to 2015"\nopenerStats:\n  - { key: "a", label: "of 3 groups in 2013/14" }\n---\nBody.';
    expect(typedNumbersInFrontMatter(sample)).toEqual([
      { field: "standfirst", text: "40" },
      { field: "openerStats[0].label", text: "3" },
    ]);
  });
});

describe("content", () => {
  it("types no number other than years in the front matter's prose either", async () => {
    const files = (await readdir(CONTENT, { recursive: true })).filter((f) => f.endsWith(".md"));
    const found: string[] = [];
    for (const file of files) {
      for (const { field, text } of typedNumbersInFrontMatter(await readFile(path.join(CONTENT, file), "utf8"))) found.push(`content/${file}: ${field}: ${text}`);
    }
    expect(found).toEqual([]);
  });

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
