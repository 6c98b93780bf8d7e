import { describe, expect, it } from "vitest";
import markdownIt from "markdown-it";
import { callout, calloutId, keyStatRow, keyStatTile, pullQuote, typeset } from "../../../scripts/engine/eleventy/blocks.ts";

describe("key-stat tiles", () => {
  it("escapes the value and the label", () => {
    expect(keyStatTile("<5%", 'of "R&D"')).toBe('<p class="key-stat"><span class="key-stat-value">&lt;5%</span> <span class="key-stat-label">of &quot;R&amp;D&quot;</span></p>');
  });

  it("puts a row of tiles on one line, so Markdown keeps it as one HTML block", () => {
    expect(keyStatRow("\n  <p>a</p>\n\n  <p>b</p>\n")).toBe('<div class="key-stats"><p>a</p><p>b</p></div>');
  });
});

describe("callouts", () => {
  const md = markdownIt({ html: true });

  it("is a note named by its title, with a Markdown body", () => {
    const html = md.render(callout("Kept as published", "The shares add up to *more* than 100.\n\n- one\n- two", calloutId("Kept as published")));
    expect(html).toContain('<div class="callout" role="note" id="callout-kept-as-published" aria-labelledby="callout-kept-as-published-title">');
    expect(html).toContain('<p class="callout-title" id="callout-kept-as-published-title">Kept as published</p>');
    expect(html).toContain("<p>The shares add up to <em>more</em> than 100.</p>");
    expect(html).toContain("<li>two</li>");
    expect(html.trim().endsWith("</div>")).toBe(true);
  });

  it("sets the title with the page's typography, escaped", () => {
    expect(callout(`Why one year's <reports>`, "Body.", "c")).toContain('<p class="callout-title" id="c-title">Why one year’s &lt;reports&gt;</p>');
  });

  it("gives a title an id made of its words", () => {
    expect(calloutId("What ILACS is, in brief")).toBe("callout-what-ilacs-is-in-brief");
    expect(calloutId("Café & co.")).toBe("callout-cafe-co");
    expect(calloutId("!!!")).toBe("callout-note");
  });
});

describe("pull quotes", () => {
  it("sets the text with the page's typography, hidden from screen readers", () => {
    expect(pullQuote(' A "trap door" --  closing\n behind them. ')).toBe('<p class="pull-quote" aria-hidden="true">A “trap door” – closing behind them.</p>\n');
  });

  it("escapes markup in the text", () => {
    expect(pullQuote("a <b> & c")).toContain(">a &lt;b&gt; &amp; c</p>");
  });
});

describe("typeset", () => {
  it("sets front-matter text like the page's Markdown: curly quotes and dashes, markup escaped", () => {
    expect(typeset(`councils' "grades" -- and <b>`)).toBe("councils’ “grades” – and &lt;b&gt;");
  });
});
