import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { compileSpec, renderRawSvg } from "../../../scripts/engine/render/svg.ts";

const good: TopLevelSpec = {
  data: { values: [{ a: "x", b: 1 }, { a: "y", b: 3 }] },
  mark: "bar",
  encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
};

describe("compileSpec", () => {
  it("compiles a valid spec to Vega", () => {
    const vega = compileSpec(good);
    expect(vega.marks?.length).toBeGreaterThan(0);
  });

  it("fails on any Vega-Lite warning, naming the chart", () => {
    // Deliberately wrong (a quantitative field on a discrete channel), so the type needs a cast.
    const misleading = { data: { values: [{ a: 1 }] }, mark: "point", encoding: { shape: { field: "a", type: "quantitative" } } } as unknown as TopLevelSpec;
    expect(() => compileSpec(misleading, 'figure "shapes"')).toThrow(/^figure "shapes": Vega-Lite reported warning: shape encoding should be discrete/);
  });

  it("fails on a spec that does not compile", () => {
    const broken = { data: { values: [] }, mark: "nonsense" } as unknown as TopLevelSpec;
    expect(() => compileSpec(broken, "broken")).toThrow(/^broken: the Vega-Lite spec does not compile/);
  });
});

describe("renderRawSvg", () => {
  it("renders in-process to an SVG document with the data drawn", async () => {
    const svg = await renderRawSvg(good);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    // Two bars: 1 and 3 on a shared scale, so one bar is three times the other's height.
    const heights = [...svg.matchAll(/<path aria-label="a: ([xy]); b: \d"[^>]*d="M[\d.]+,[\d.]+h[\d.]+v([\d.]+)h/g)].map((m) => [m[1], Number(m[2])]);
    expect(heights.map(([bar]) => bar)).toEqual(["x", "y"]);
    expect((heights[1][1] as number) / (heights[0][1] as number)).toBeCloseTo(3, 5);
    expect(svg).toContain(">x<");
    expect(svg).toContain(">y<");
  });

  it("draws the same bytes for the same spec whatever was drawn before it (Vega's clip ids count per process)", async () => {
    const clipped: TopLevelSpec = { ...good, mark: { type: "bar", clip: true } };
    const first = await renderRawSvg(clipped);
    expect(first).toContain('clip-path="url(#chart-1)"');
    await renderRawSvg(clipped);
    await renderRawSvg({ ...clipped, data: { values: [{ a: "z", b: 2 }] } });
    expect(await renderRawSvg(clipped)).toBe(first);
  });

  it("leaves the spec's rows as they were: Vega draws a copy", async () => {
    const rows = [{ a: "x", b: 1 }, { a: "y", b: 3 }];
    const spec: TopLevelSpec = { ...good, data: { values: rows } };
    await renderRawSvg(spec);
    // Vega's ingest marks each row it reads with a symbol key; none may reach the caller's objects.
    expect(rows.map((row) => Object.getOwnPropertySymbols(row).length)).toEqual([0, 0]);
    expect(rows).toEqual([{ a: "x", b: 1 }, { a: "y", b: 3 }]);
  });

  it("fails when the Vega runtime warns (here: a log scale whose domain includes zero)", async () => {
    const runtimeWarning: TopLevelSpec = {
      data: { values: [{ a: "x", b: 1 }] },
      mark: { type: "bar" },
      encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative", scale: { type: "log", domain: [0, 10] } } },
    };
    await expect(renderRawSvg(runtimeWarning, "log zero")).rejects.toThrow("log zero: Vega reported warning: Log scale domain includes zero");
  });
});
