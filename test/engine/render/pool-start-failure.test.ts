/**
 * A render pool whose worker thread cannot start (here: the bundle names a worker file that is
 * not there, as a damaged bundle would) still draws every chart, on this thread, and says once
 * that its worker did not start, rather than leaving a slower build unexplained.
 */
import path from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ENGINE_ROOT } from "../../../scripts/engine/locations.ts";
import { RenderPool } from "../../../scripts/engine/render/pool.ts";

const SLOT = Symbol.for("report-engine.bundle");
const WORKER = path.join(ENGINE_ROOT, "scripts", "engine", "render", "pool-worker.ts");

describe("a render pool whose worker cannot start", () => {
  const holder = globalThis as { [SLOT]?: unknown };
  holder[SLOT] = { entries: new Map([[WORKER, "file:///nonexistent/report-engine/pool-worker.mjs"]]) };
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  const pool = new RenderPool({ helpers: 1, startAt: 1 });
  afterAll(async () => {
    await pool.close();
    delete holder[SLOT];
    warn.mockRestore();
  });

  it("draws on this thread and says so once", async () => {
    await expect(pool.start()).rejects.toThrow();
    const spec: TopLevelSpec = { data: { values: [{ a: "x", b: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } };
    const svgs = await Promise.all([pool.render(spec, "one"), pool.render(spec, "two")]);
    for (const svg of svgs) expect(svg).toContain("<svg");
    expect(pool.counts.helper).toBe(0);
    const said = warn.mock.calls.map((call) => String(call[0])).filter((line) => line.includes("render pool's worker thread could not start"));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Warning: the render pool's worker thread could not start \(.+\); charts are drawn on this thread alone\.$/);
  });
});
