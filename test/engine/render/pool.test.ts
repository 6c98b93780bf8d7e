import type { TopLevelSpec } from "vega-lite";
import { afterAll, describe, expect, it } from "vitest";
import { defaultHelpers, defaultStartAt, RenderPool, settleInOrder } from "../../../scripts/engine/render/pool.ts";
import { finishSvg } from "../../../scripts/engine/render/stabilise.ts";
import { renderRawSvg } from "../../../scripts/engine/render/svg.ts";

const bars = (n: number): TopLevelSpec => ({
  data: { values: [{ a: "x", b: n }, { a: "y", b: n + 1 }] },
  mark: "bar",
  encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
});
// A chart with a clip path, so Vega's process-wide id counter shows in the raw SVG.
const clipped = (n: number): TopLevelSpec => ({ ...bars(n), mark: { type: "bar", clip: true } });
const finish = (svg: string) => finishSvg(svg, { idPrefix: "f", title: "t", description: "d" });

describe("RenderPool", () => {
  const pool = new RenderPool({ helpers: 1, startAt: 2 });
  afterAll(() => pool.close());

  it("draws on a helper thread the same chart this thread draws, and each render gets its own chart", async () => {
    await pool.start();
    expect(pool.threads).toBe(1);
    const specs = Array.from({ length: 12 }, (_, i) => clipped(i + 1));
    const pooled = await Promise.all(specs.map((spec, i) => pool.render(spec, `c${i}`)));
    expect(pool.counts.helper).toBeGreaterThan(0);
    expect(pool.counts.local + pool.counts.helper).toBe(12);
    for (const [i, spec] of specs.entries()) {
      // Raw SVGs may differ in Vega's id counters; finished ones are the same bytes.
      expect(finish(pooled[i])).toBe(finish(await renderRawSvg(spec)));
      expect(pooled[i]).toContain(`b: ${i + 2}"`);
    }
  });

  it("reports a helper's error as the same BuildError this thread would throw", async () => {
    const broken = { data: { values: [{ a: 1 }] }, mark: "point", encoding: { shape: { field: "a", type: "quantitative" } } } as unknown as TopLevelSpec;
    const before = pool.counts.helper;
    // Enough renders that some go to the helper; every one of them fails the same way.
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => pool.render(broken, 'figure "shapes"')));
    expect(pool.counts.helper).toBeGreaterThan(before);
    for (const result of results) {
      expect(result.status).toBe("rejected");
      const error = (result as PromiseRejectedResult).reason as Error;
      expect(error.name).toBe("BuildError");
      expect(error.message).toMatch(/^figure "shapes": Vega-Lite reported warning: shape encoding should be discrete/);
    }
  });

  it("starts no thread for fewer renders than its threshold", async () => {
    const small = new RenderPool({ helpers: 1, startAt: 8 });
    await Promise.all([1, 2, 3].map((n) => small.render(bars(n), `s${n}`)));
    expect(small.counts).toEqual({ local: 3, helper: 0, started: 0 });
    expect(small.threads).toBe(0);
  });

  it("renders everything on this thread when it may start no helper", async () => {
    const alone = new RenderPool({ helpers: 0, startAt: 1 });
    const svgs = await Promise.all([1, 2, 3, 4].map((n) => alone.render(bars(n), `a${n}`)));
    expect(svgs.every((svg) => svg.startsWith("<svg"))).toBe(true);
    expect(alone.counts).toEqual({ local: 4, helper: 0, started: 0 });
  });
});

describe("defaultHelpers and defaultStartAt", () => {
  it("read REPORT_RENDER_WORKERS, or leave one core to this thread", () => {
    expect(defaultHelpers("0")).toBe(0);
    expect(defaultHelpers("3")).toBe(3);
    expect(defaultHelpers(undefined)).toBeGreaterThanOrEqual(0);
    expect(() => defaultHelpers("two")).toThrow(/REPORT_RENDER_WORKERS must be a whole number/);
  });
  it("read REPORT_RENDER_START_AT, or start helpers for long queues only", () => {
    expect(defaultStartAt(undefined)).toBe(250);
    expect(defaultStartAt("1")).toBe(1);
    expect(defaultStartAt("0")).toBe(1);
    expect(() => defaultStartAt("-3")).toThrow(/REPORT_RENDER_START_AT must be a whole number/);
  });
});

describe("settleInOrder", () => {
  it("keeps the order of the list, not of completion", async () => {
    const later = new Promise<string>((resolve) => setTimeout(() => resolve("first"), 20));
    expect(await settleInOrder([later, Promise.resolve("second")])).toEqual(["first", "second"]);
  });

  it("throws the failure that comes first in the list, after waiting for the rest", async () => {
    const slowFailure = new Promise((_, reject) => setTimeout(() => reject(new Error("first in list")), 20));
    await expect(settleInOrder([slowFailure, Promise.reject(new Error("first in time"))])).rejects.toThrow("first in list");
  });
});
