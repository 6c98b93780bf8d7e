import { describe, expect, it } from "vitest";
import { headingSlug, reportMarkdown } from "../../../scripts/engine/eleventy/markdown.ts";

describe("headingSlug", () => {
  it("keeps the heading's words, lower case, joined by hyphens", () => {
    expect(headingSlug("Is Outstanding still within reach?")).toBe("is-outstanding-still-within-reach");
    expect(headingSlug("  What “mean reversion” would predict — in 2015/16 ")).toBe("what-mean-reversion-would-predict-in-2015-16");
    expect(headingSlug("Café & crèche")).toBe("cafe-creche");
  });

  it("stays out of the way of the ids the layouts use", () => {
    // Figures' ids are "figure-" and their key; footnotes' are "fn1", "fnref1".
    expect(headingSlug("Figure 1 explained")).toBe("section-figure-1-explained");
    expect(headingSlug("FN1")).toBe("section-fn1");
    expect(headingSlug("Figures")).toBe("figures");
    expect(headingSlug("Notes")).toBe("section-notes");
    expect(headingSlug("Sources")).toBe("section-sources");
    expect(headingSlug("Main")).toBe("section-main");
    expect(headingSlug("???")).toBe("section");
  });
});

describe("reportMarkdown", () => {
  const md = reportMarkdown();

  it("gives h2 and h3 an id and a named link to the section after the heading", () => {
    const html = md.render("## A long decline\n\ntext\n\n### Detail\n\n#### Not linked\n");
    expect(html).toContain('<h2 id="a-long-decline">A long decline</h2>');
    expect(html).toContain('<a class="heading-anchor" href="#a-long-decline"><span class="visually-hidden">Link to the section “A long decline”</span> <span aria-hidden="true">#</span></a>');
    expect(html).toContain('<h3 id="detail">Detail</h3>');
    expect(html).toContain("<h4>Not linked</h4>");
  });

  it("numbers a repeated heading's id so ids stay unique on the page", () => {
    const html = md.render("## Results\n\n## Results\n");
    expect(html.match(/<h2 id="[^"]+"/g)).toEqual(['<h2 id="results"', '<h2 id="results-1"']);
  });

  it("renders footnotes as a Notes section with a heading and labelled links both ways", () => {
    const html = md.render("A claim.[^a] Another.[^b] The first again.[^a]\n\n[^a]: First source.\n[^b]: Second source.\n");
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn1" id="fnref1" aria-label="Note 1">1</a></sup>');
    expect(html).toContain('<a href="#fn2" id="fnref2" aria-label="Note 2">2</a>');
    // The second reference to note 1 gets its own id, and note 1 a second way back.
    expect(html).toContain('<a href="#fn1" id="fnref1-2" aria-label="Note 1">1</a>');
    expect(html).toContain('<section class="footnotes" aria-labelledby="notes">\n<h2 id="notes">Notes</h2>');
    expect(html).toContain('<li id="fn1" class="footnote-item"><p>First source. <a href="#fnref1" class="footnote-backref" aria-label="Back to the text of note 1">');
    expect(html).toContain('<a href="#fnref1-2" class="footnote-backref" aria-label="Back to the text of note 1 (reference 2)">');
  });

  it("still passes raw HTML through and sets quotes typographically", () => {
    expect(md.render('<figure id="figure-x">\n<p>x</p>\n</figure>\n')).toContain('<figure id="figure-x">');
    expect(md.render('"quoted" -- text')).toBe("<p>“quoted” – text</p>\n");
  });
});
