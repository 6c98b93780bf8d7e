import { describe, expect, it } from "vitest";
import { pullQuoteProblems } from "../../../scripts/engine/check/pull-quotes.ts";
import { pullQuote } from "../../../scripts/engine/eleventy/blocks.ts";

describe("pullQuoteProblems", () => {
  it("accepts a pull quote whose words the page says, across inline markup and line breaks", () => {
    const html = `<main><p>Councils that fell behind <em>stayed</em>\nbehind for years.</p>${pullQuote("Councils that fell behind stayed behind for years.")}</main>`;
    expect(pullQuoteProblems(html)).toEqual([]);
  });

  it("matches the page's typography: straight quotes in the source come out curly in both", () => {
    const html = `<p>The “trap door” closed behind them.</p>${pullQuote('The "trap door" closed behind them.')}`;
    expect(pullQuoteProblems(html)).toEqual([]);
  });

  it("names a pull quote the page does not say, and an empty one", () => {
    const html = `<p>Grades fell.</p>${pullQuote("Grades rose.")}<p class="pull-quote"> </p>`;
    expect(pullQuoteProblems(html)).toEqual([
      `the pull quote "Grades rose." does not repeat the page's own words; a pull quote must quote a sentence of the page`,
      "a pull quote is empty",
    ]);
  });

  it("does not let one pull quote vouch for another with the same words", () => {
    const html = `<p>Something else.</p>${pullQuote("Only here.")}${pullQuote("Only here.")}`;
    expect(pullQuoteProblems(html)).toHaveLength(2);
  });

  it("keeps words of neighbouring blocks apart", () => {
    // "behind" ends one paragraph and "stayed" starts the next: not one sentence.
    const html = `<p>They fell behind</p><p>stayed there.</p>${pullQuote("behind stayed")}`;
    expect(pullQuoteProblems(html)).toHaveLength(1);
  });
});

describe("pullQuoteProblems on a whole page", () => {
  it("counts only the main content as the page's words", () => {
    const page = (main: string) => `<html><body><header><p>Grades fell.</p></header><main>${main}</main><footer>x</footer></body></html>`;
    expect(pullQuoteProblems(page(`<p>Other words.</p>${pullQuote("Grades fell.")}`))).toHaveLength(1);
    expect(pullQuoteProblems(page(`<p>Grades fell.</p>${pullQuote("Grades fell.")}`))).toEqual([]);
  });
});

describe("pullQuoteProblems and figures", () => {
  it("does not take a figure's caption as the page's words", () => {
    const html = `<main><figure class="figure"><figcaption>Grades fell.</figcaption><svg><text>x</text></svg></figure>${pullQuote("Grades fell.")}</main>`;
    expect(pullQuoteProblems(html)).toHaveLength(1);
  });
});
