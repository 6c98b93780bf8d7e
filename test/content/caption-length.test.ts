/**
 * A caption says what the chart shows, in sixty words at most; how a number was worked out
 * belongs in Methods, where the caption can point. Counted as the reader sees the caption:
 * its markup rendered to text, a word being a run of characters with a letter or digit in it
 * (so "—" and "×" standing alone are not words, and "2013/14" or "£28.8m" are one each).
 */
import { parseFragment } from "parse5";
import type { DefaultTreeAdapterTypes } from "parse5";
import { describe, expect, it } from "vitest";
import { realReport } from "../helpers/report.ts";

const CAPTION_WORDS = 60;

type Node = DefaultTreeAdapterTypes.ChildNode;

/** The text a piece of HTML shows: tags dropped, entities decoded. */
function textOf(html: string): string {
  const walk = (nodes: readonly Node[]): string =>
    nodes.map((node) => (node.nodeName === "#text" ? (node as DefaultTreeAdapterTypes.TextNode).value : "childNodes" in node ? ` ${walk(node.childNodes)} ` : "")).join("");
  return walk(parseFragment(html).childNodes);
}

/** Words in a caption as rendered. */
function captionWords(caption: string): number {
  return textOf(caption)
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

describe("captionWords", () => {
  it("counts the words a reader sees, not markup, entities or lone symbols", () => {
    // "Share of councils — see" is 4 words; "<a href=…>Methods</a>" is 1; "&amp;" decodes to "&", not a word.
    expect(captionWords('Share of councils — see <a href="/methods/">Methods</a> &amp; the table.')).toBe(7);
    expect(captionWords("152 × 28% = 42.56 in 2013/14")).toBe(5);
    expect(captionWords("")).toBe(0);
  });
});

describe("the report's figures", () => {
  it(`have captions of ${CAPTION_WORDS} words or fewer`, async () => {
    const report = await realReport();
    expect(report.figures.size).toBeGreaterThan(0);
    const tooLong = [...report.figures.values()]
      .map((figure) => ({ key: figure.key, words: captionWords(figure.caption) }))
      .filter(({ words }) => words > CAPTION_WORDS)
      .map(({ key, words }) => `${key}: ${words} words`);
    expect(tooLong).toEqual([]);
  });
});
