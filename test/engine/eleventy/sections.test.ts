import { describe, expect, it } from "vitest";
import { reportMarkdown } from "../../../scripts/engine/eleventy/markdown.ts";
import { pageSections, textOf } from "../../../scripts/engine/eleventy/sections.ts";
import { parseFragment } from "parse5";

describe("pageSections", () => {
  it("lists the h2 sections of rendered Markdown in order, leaving out h3 and the Notes", () => {
    const html = reportMarkdown().render("Intro.[^1]\n\n## First *part*\n\n### Detail\n\n## Second & last\n\n[^1]: A note.\n");
    expect(pageSections(html)).toEqual([
      { id: "first-part", text: "First part" },
      { id: "second-last", text: "Second & last" },
    ]);
  });

  it("skips an h2 without an id and finds one nested in other markup", () => {
    expect(pageSections('<h2>No id</h2><div><section><h2 id="deep">Deep <span>down</span></h2></section></div>')).toEqual([{ id: "deep", text: "Deep down" }]);
    expect(pageSections("<p>No sections</p>")).toEqual([]);
  });
});

describe("textOf", () => {
  it("joins text nodes and collapses whitespace", () => {
    const [node] = parseFragment("<p> a\n <b>b</b>  c </p>").childNodes;
    expect(textOf(node)).toBe("a b c");
  });
});
