import { describe, expect, it } from "vitest";
import { activeContentProblems } from "../../../scripts/engine/check/active-content.ts";

/** A page: front matter, then the body's lines (line 4 is the body's first). */
const page = (...body: string[]) => ["---", "title: <script>alert(1)</script>", "---", ...body].join("\n");
const at = (problems: ReturnType<typeof activeContentProblems>) => problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe("activeContentProblems", () => {
  it("allows plain HTML, Markdown links and the engine's shortcodes, and leaves the front matter to the layouts' escaping", () => {
    const body = page(
      'Text with <abbr title="Ofsted">O</abbr>, a [link](https://example.org) and <a href="/chapter-1/#x">another</a>.<br>',
      "",
      '{% figure "grades-by-year" %}',
      '{% callout "A note" %}',
      "Inside.",
      "{% endcallout %}",
      '<img src="data:image/png;base64,AAAA" alt="">',
    );
    expect(activeContentProblems(body, "md")).toEqual([]);
    expect(activeContentProblems(body, "njk")).toEqual([]);
  });

  it("names a script, an embed, a style sheet, an event handler and a script link at their line and column", () => {
    const body = page(
      "Before <script>alert(1)</script> after.",
      '<IFRAME src="https://example.org/video"></IFRAME>',
      '<p onclick="go()">Click</p> <a href=" JaVa&#x09;Script:go()">here</a>',
      "<style>p { color: red }</style><object data=\"file:///etc/passwd\"></object>",
      '<svg><set attributeName="href" to="javascript:go()"/></svg><form action="vbscript:x"></form>',
    );
    expect(at(activeContentProblems(body, "md"))).toEqual([
      "4:8 <script> would run a script in the reader's browser",
      "5:1 <iframe> would embed another page, fetched from wherever it points",
      "6:4 the onclick attribute of <p> would run a script in the reader's browser",
      '6:32 href="javascript:…" on <a> would run a script in the reader\'s browser',
      "7:1 <style> would restyle the whole page, outside the report's stylesheet",
      "7:32 <object> would embed a file or plug-in, fetched from wherever it points",
      '7:40 data="file:…" on <object> points at a local file or at data that is not an image, which a Markdown link may not either',
      '8:32 to="javascript:…" on <set> would run a script in the reader\'s browser',
      '8:66 action="vbscript:…" on <form> would run a script in the reader\'s browser',
    ]);
  });

  it("leaves markup shown as code in Markdown alone, but not in a Nunjucks page, where it is markup", () => {
    const body = page("Write `<script>` or ``<iframe src=x>`` as code.", "", "```html", "<script>alert(1)</script>", "```", "", "    <embed src=x>", "", "{# <script> in a comment #}");
    expect(activeContentProblems(body, "md")).toEqual([]);
    // In HTML the first <script>'s text runs to the "</script>" on line 7, as a browser reads it; a comment is the template's, never output.
    expect(at(activeContentProblems(body, "njk")).map((p) => p.split(" ").slice(0, 2).join(" "))).toEqual(["4:8 <script>", "10:5 <embed>"]);
  });
});
