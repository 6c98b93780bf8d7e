import { describe, expect, it } from "vitest";
import { PAGE_TITLE_ID, openingParagraph, printHref, printPlan, printSection, printSlug, printTreatment } from "../../../scripts/engine/eleventy/print-edition.ts";

const printed = printPlan([
  { url: "/chapter-1/", treatment: "whole" },
  { url: "/appendix/checking-the-numbers/", treatment: "whole" },
  { url: "/councils/", treatment: "left out" },
  { url: "/what-changed/", treatment: "brief" },
]);
const SITE = "https://example.org/bnw/";
const printedWithSite = { ...printed, siteUrl: SITE };

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
    expect(printHref("/councils/", "chapter-1", printed)).toBe("/councils/");
    expect(printHref("/data/figures/a.csv", "chapter-1", printed)).toBe("/data/figures/a.csv");
    expect(printHref("https://example.org/#x", "chapter-1", printed)).toBe("https://example.org/#x");
    expect(printHref("//example.org/", "chapter-1", printed)).toBe("//example.org/");
  });

  it("sends a link into a page printed in brief to the brief, whose detail is not in the document", () => {
    expect(printHref("/what-changed/#figures", "chapter-1", printed)).toBe("#what-changed");
    expect(printHref("/what-changed/", "chapter-1", printed)).toBe("#what-changed");
  });

  it("with the site URL, gives everything the document does not hold its address on the site", () => {
    expect(printHref("/councils/ashvale/", "chapter-1", printedWithSite)).toBe("https://example.org/bnw/councils/ashvale/");
    expect(printHref("/data/figures/a.csv", "chapter-1", printedWithSite)).toBe("https://example.org/bnw/data/figures/a.csv");
    expect(printHref("/what-changed/#figures", "chapter-1", printedWithSite)).toBe("https://example.org/bnw/what-changed/#figures");
    // What the document holds whole stays inside it.
    expect(printHref("/chapter-1/#figure-a", "summary", printedWithSite)).toBe("#chapter-1--figure-a");
    expect(printHref("#fn1", "chapter-1", printedWithSite)).toBe("#chapter-1--fn1");
  });
});

describe("printPlan and printTreatment", () => {
  it("holds the cover and the pages printed whole, and the brief pages apart; a page left out is in neither", () => {
    expect([...printed.whole]).toEqual(["/", "/chapter-1/", "/appendix/checking-the-numbers/"]);
    expect([...printed.brief]).toEqual(["/what-changed/"]);
    expect(printed.siteUrl).toBeUndefined();
  });

  it("reads a page's inPrintEdition: absent or true whole, false left out, \"brief\" in brief, anything else an error naming the page", () => {
    expect(printTreatment(undefined, "a.md")).toBe("whole");
    expect(printTreatment(true, "a.md")).toBe("whole");
    expect(printTreatment(false, "a.md")).toBe("left out");
    expect(printTreatment("brief", "a.md")).toBe("brief");
    expect(() => printTreatment("short", "content/a.md")).toThrow('content/a.md: inPrintEdition must be true, false or "brief"');
  });
});

describe("openingParagraph", () => {
  it("is the page's first top-level paragraph, whatever comes before or after it", () => {
    expect(openingParagraph('<h2 id="a">A</h2>\n<p>First <a href="/x/" download>x</a>.</p><ul><li><p>in a list</p></li></ul><p>Second.</p>')).toBe('<p>First <a href="/x/" download>x</a>.</p>');
    expect(openingParagraph("<ul><li><p>only in a list</p></li></ul>")).toBe("");
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
