import { describe, expect, it } from "vitest";
import { finishSvg, presentationalChildren, stabiliseIds } from "../../../scripts/engine/render/stabilise.ts";

const raw =
  '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="10" height="10" viewBox="0 0 10 10" role="graphics-document" aria-roledescription="visualization">' +
  '<defs><clipPath id="clip17"><rect/></clipPath><linearGradient id="gradient_3"/></defs>' +
  '<g clip-path="url(#clip17)"><rect fill="url(#gradient_3)"/><use xlink:href="#clip17"/><a href="#elsewhere"/></g></svg>';

describe("stabiliseIds", () => {
  it("renames ids in document order and rewrites every reference", () => {
    const svg = stabiliseIds(raw, "fig-a");
    expect(svg).toContain('<clipPath id="fig-a-1">');
    expect(svg).toContain('<linearGradient id="fig-a-2"/>');
    expect(svg).toContain('clip-path="url(#fig-a-1)"');
    expect(svg).toContain('fill="url(#fig-a-2)"');
    expect(svg).toContain('xlink:href="#fig-a-1"');
    // A reference to something that is not an id in this SVG is left alone.
    expect(svg).toContain('href="#elsewhere"');
    expect(svg).not.toMatch(/clip17|gradient_3/);
  });

  it("gives the same output whatever counter values the renderer used", () => {
    const other = raw.replace(/clip17/g, "clip2").replace(/gradient_3/g, "gradient_99");
    expect(stabiliseIds(other, "p")).toBe(stabiliseIds(raw, "p"));
  });
});

describe("finishSvg", () => {
  const svg = finishSvg(raw, { idPrefix: "figure-x", title: 'Grades <fell> & "rose"', description: "Line chart of <script>alert(1)</script>" });

  it("makes the SVG an image named by its title and described by its desc", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10" class="chart" role="img" aria-labelledby="figure-x-title figure-x-desc" focusable="false">')).toBe(true);
    expect(svg).toContain('<title id="figure-x-title">Grades &lt;fell&gt; &amp; &quot;rose&quot;</title>');
    expect(svg).toContain('<desc id="figure-x-desc">Line chart of &lt;script&gt;alert(1)&lt;/script&gt;</desc>');
    expect(svg).not.toContain("graphics-document");
    expect(svg).not.toContain("<script>");
  });

  it("refuses output that is not an SVG", () => {
    expect(() => finishSvg("<div></div>", { idPrefix: "a", title: "t", description: "d" })).toThrow("did not return an <svg>");
  });
});

describe("presentationalChildren", () => {
  const chart =
    '<svg class="chart" role="img" aria-labelledby="f-title f-desc" focusable="false"><title id="f-title">T</title><desc id="f-desc">D</desc>' +
    '<g class="mark-group role-frame root" role="graphics-object" aria-roledescription="group mark container">' +
    '<g class="mark-text role-title" role="graphics-symbol" aria-roledescription="title" aria-label="Title text \'a > b\'"><text aria-hidden="true">a &gt; b</text></g>' +
    '<path class="background" aria-hidden="true" d="M0,0h1"/></g></svg>';
  const finished = presentationalChildren(chart);

  it("removes Vega's roles, role descriptions and labels from everything inside the image", () => {
    expect(finished).toBe(
      '<svg class="chart" role="img" aria-labelledby="f-title f-desc" focusable="false"><title id="f-title">T</title><desc id="f-desc">D</desc>' +
        '<g class="mark-group role-frame root">' +
        '<g class="mark-text role-title"><text aria-hidden="true">a &gt; b</text></g>' +
        '<path class="background" aria-hidden="true" d="M0,0h1"/></g></svg>',
    );
  });

  it("keeps the root's role and name, and changes nothing the second time", () => {
    expect(finished.startsWith('<svg class="chart" role="img" aria-labelledby="f-title f-desc"')).toBe(true);
    expect(presentationalChildren(finished)).toBe(finished);
  });

  it("refuses anything that is not an SVG", () => {
    expect(() => presentationalChildren("<div role=\"img\"></div>")).toThrow("not an <svg>");
  });
});
