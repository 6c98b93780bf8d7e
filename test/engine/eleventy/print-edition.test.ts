import { describe, expect, it } from "vitest";
import { PAGE_TITLE_ID, printHref, printSection, printSlug, printedUrlSet } from "../../../scripts/engine/eleventy/print-edition.ts";

const printed = printedUrlSet(["/chapter-1/", "/appendix/checking-the-numbers/"]);

describe("printSlug", () => {
  it("names a page by its path", () => {
    expect(printSlug("/chapter-1/")).toBe("chapter-1");
    expect(printSlug("/appendix/checking-the-numbers/")).toBe("appendix-checking-the-numbers");
    expect(printSlug("/")).toBe("cover");
  });
});

describe("printHref", () => {
  it("points in-page links at this page's ids and links to printed pages into the document", () => {
    expect(printHref("#fn1", "chapter-1", printed)).toBe("#chapter-1--fn1");
    expect(printHref("#", "chapter-1", printed)).toBe("#");
    expect(printHref("/chapter-1/#figure-a", "summary", printed)).toBe("#chapter-1--figure-a");
    expect(printHref("/appendix/checking-the-numbers/", "chapter-1", printed)).toBe("#appendix-checking-the-numbers");
    expect(printHref("/chapter-1", "summary", printed)).toBe("#chapter-1");
    expect(printHref("/", "summary", printed)).toBe("#cover");
  });

  it("leaves links to pages the print edition does not hold, and to other sites, as they are", () => {
    expect(printHref("/councils/ashvale/", "chapter-1", printed)).toBe("/councils/ashvale/");
    expect(printHref("/data/figures/a.csv", "chapter-1", printed)).toBe("/data/figures/a.csv");
    expect(printHref("https://example.org/#x", "chapter-1", printed)).toBe("https://example.org/#x");
    expect(printHref("//example.org/", "chapter-1", printed)).toBe("//example.org/");
  });
});

describe("printSection", () => {
  it("prefixes every id and every reference to one: links, id lists and SVG url(#…)", () => {
    const html =
      '<p id="x">See <a href="#fn1">1</a> and <a href="/appendix/checking-the-numbers/#claim-a">the claim</a>.</p>' +
      '<svg aria-labelledby="t d"><title id="t">T</title><desc id="d">D</desc><clipPath id="c"></clipPath><g clip-path="url(#c)" style="fill: url(#grad)"></g></svg>' +
      '<label for="box">Box</label><input id="box">';
    const out = printSection(html, "/chapter-1/", printed);
    expect(out).toBe(
      '<p id="chapter-1--x">See <a href="#chapter-1--fn1">1</a> and <a href="#appendix-checking-the-numbers--claim-a">the claim</a>.</p>' +
        '<svg aria-labelledby="chapter-1--t chapter-1--d"><title id="chapter-1--t">T</title><desc id="chapter-1--d">D</desc><clipPath id="chapter-1--c"></clipPath><g clip-path="url(#chapter-1--c)" style="fill: url(#chapter-1--grad)"></g></svg>' +
        '<label for="chapter-1--box">Box</label><input id="chapter-1--box">',
    );
  });

  it("names each labelled section by the page's title too, so two chapters' Notes differ", () => {
    const html = `<h1 id="${PAGE_TITLE_ID}">Chapter</h1><section aria-labelledby="notes"><h2 id="notes">Notes</h2></section>`;
    expect(printSection(html, "/chapter-1/", printed)).toBe(
      '<h1 id="chapter-1--page-title">Chapter</h1><section aria-labelledby="chapter-1--notes chapter-1--page-title"><h2 id="chapter-1--notes">Notes</h2></section>',
    );
    // Without a page title the sections keep their own names.
    expect(printSection('<section aria-labelledby="n"></section>', "/x/", printed)).toBe('<section aria-labelledby="x--n"></section>');
  });

  it("writes boolean attributes without a value and leaves text that looks like one alone", () => {
    expect(printSection('<a href="/data/a.csv" download>CSV</a><details open><summary>s</summary></details>', "/chapter-1/", printed)).toBe(
      '<a href="/data/a.csv" download>CSV</a><details open><summary>s</summary></details>',
    );
    expect(printSection('<p>x download="" y</p><p title="a open=&quot;&quot;">t</p>', "/x/", printed)).toBe('<p>x download="" y</p><p title="a open=&quot;&quot;">t</p>');
  });
});
