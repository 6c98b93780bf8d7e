import { describe, expect, it } from "vitest";
import { pullQuoteProblems } from "../../../scripts/engine/check/pull-quotes.ts";
import { pullQuote } from "../../../scripts/engine/eleventy/blocks.ts";

/** A paragraph that shares no word with any quote below: what stands between a quote and the sentence it repeats. */
const ELSEWHERE = "Meanwhile, inspectors visited other places.";

describe("pullQuoteProblems", () => {
  it("accepts a pull quote whose words the page says, across inline markup and line breaks", () => {
    const html = `<main><p>Councils that fell behind <em>stayed</em>\nbehind for years.</p><p>${ELSEWHERE}</p>${pullQuote("Councils that fell behind stayed behind for years.")}<p>${ELSEWHERE}</p></main>`;
    expect(pullQuoteProblems(html)).toEqual([]);
  });

  it("matches the page's typography: straight quotes in the source come out curly in both", () => {
    const html = `<p>The “trap door” closed behind them.</p><p>${ELSEWHERE}</p>${pullQuote('The "trap door" closed behind them.')}`;
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

describe("pullQuoteProblems beside the sentence it repeats", () => {
  const quote = "Councils that fell behind stayed behind for years.";
  const sentence = `<p>Most recovered. Councils that fell behind stayed behind for years. So the report found.</p>`;

  it("refuses a pull quote placed just after the paragraph that says it", () => {
    expect(pullQuoteProblems(`<main>${sentence}${pullQuote(quote)}<p>${ELSEWHERE}</p></main>`)).toEqual([
      `the pull quote "${quote}" sits beside the sentence it repeats; place it by a passage that does not already say it`,
    ]);
  });

  it("refuses one placed just before it, with only a figure between (figures are not the page's words)", () => {
    const figure = `<figure class="figure"><figcaption>Grades.</figcaption></figure>`;
    expect(pullQuoteProblems(`<main><p>${ELSEWHERE}</p>${pullQuote(quote)}${figure}${sentence}</main>`)).toHaveLength(1);
  });

  it("refuses a quote whose words are mostly in the neighbouring paragraph, even reworded", () => {
    // Every one of the quote's longer words ("councils", "that", "fell", "behind", "stayed", "years") is in the paragraph after it.
    const html = `<main><p>Councils that fell behind stayed behind for years.</p><p>${ELSEWHERE}</p>${pullQuote(quote)}<p>For years, councils that fell behind stayed there.</p></main>`;
    expect(pullQuoteProblems(html)).toHaveLength(1);
  });

  it("accepts the quote a paragraph away, beside words it does not repeat", () => {
    expect(pullQuoteProblems(`<main>${sentence}<p>${ELSEWHERE}</p>${pullQuote(quote)}<p>${ELSEWHERE}</p></main>`)).toEqual([]);
  });
});

describe("pullQuoteProblems on a whole page", () => {
  it("counts only the main content as the page's words", () => {
    const page = (main: string) => `<html><body><header><p>Grades fell.</p></header><main>${main}</main><footer>x</footer></body></html>`;
    expect(pullQuoteProblems(page(`<p>Other words.</p>${pullQuote("Grades fell.")}`))).toHaveLength(1);
    expect(pullQuoteProblems(page(`<p>Grades fell.</p><p>${ELSEWHERE}</p>${pullQuote("Grades fell.")}`))).toEqual([]);
  });
});

describe("pullQuoteProblems and figures", () => {
  it("does not take a figure's caption as the page's words", () => {
    const html = `<main><figure class="figure"><figcaption>Grades fell.</figcaption><svg><text>x</text></svg></figure>${pullQuote("Grades fell.")}</main>`;
    expect(pullQuoteProblems(html)).toHaveLength(1);
  });
});
