import { describe, expect, it } from "vitest";
import { openTagMessage, openTags } from "../../../scripts/engine/check/open-tags.ts";
import { PAIRED_SHORTCODES } from "../../../scripts/engine/eleventy/paired-shortcodes.ts";
import { registerReportShortcodes } from "../../../scripts/engine/eleventy/shortcodes.ts";
import type { PreparedState } from "../../../scripts/engine/eleventy/state.ts";

const messages = (source: string) => openTags(source).map((tag) => `${tag.line}:${tag.column}: ${openTagMessage(tag)}`);

describe("openTags", () => {
  it("finds nothing open when every tag is closed, a {% set %} with = needing no end", () => {
    expect(messages('{% callout "T" %}\n{% if x %}a{% else %}b{% endif %}\n{% endcallout %}\n{% set y = 1 %}{{ y }}{% figure "f" %}')).toEqual([]);
  });

  it("names block tags and paired shortcodes without their end tag, outermost first", () => {
    expect(messages('Text.\n\n{% callout "Note" %}\n{% for x in xs %}{{ x }}{% endfor %}\n  {%- pullQuote %}words\n{% set block %}')).toEqual([
      "3:1: {% callout %} is never closed; end it with {% endcallout %}",
      "5:3: {% pullQuote %} is never closed; end it with {% endpullQuote %}",
      "6:1: {% set %} is never closed; end it with {% endset %}",
    ]);
  });

  it("names a tag whose %} or }} never comes, alone, whether the next tag or the end of the file comes first", () => {
    expect(messages('A {% stat "a.b" and then {% stat "c.d" %}.\n{% callout %}')).toEqual(["1:3: the {% stat tag is never closed with %}"]);
    expect(messages('Line one.\nA {{ value and {% figure "f" %}')).toEqual(["2:3: this {{ is never closed with }}"]);
    expect(messages('{% figure "f"')).toEqual(["1:1: the {% figure tag is never closed with %}"]);
  });
});

describe("PAIRED_SHORTCODES", () => {
  it("are exactly the paired shortcodes the engine registers", () => {
    const paired: string[] = [];
    const ignore = () => {};
    registerReportShortcodes({ addShortcode: ignore, addFilter: ignore, addPairedShortcode: (name: string) => void paired.push(name) }, {} as PreparedState, () => "", "/");
    expect(paired.sort()).toEqual([...PAIRED_SHORTCODES].sort());
  });
});
