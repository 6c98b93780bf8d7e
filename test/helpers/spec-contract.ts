/**
 * The spec contract every figure of the real report must meet, as one reusable block, for
 * each of its renderings (wide, and narrow for phones): the spec compiles with zero
 * Vega-Lite warnings, plots exactly the figure's rows, renders with zero Vega warnings,
 * and its normalised SVG matches the committed snapshot in test/charts/__snapshots__/
 * (<key>.svg for the wide one, <key>.narrow.svg; review a change, then `npx vitest run -u`).
 * A narrow rendering is drawn no wider than a 360 px phone's column (328 px), so its text
 * shows at the size it is set in (NARROW_CHART_FONT_SIZE).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NARROW_WIDTH } from "../../scripts/engine/charts/narrow.ts";
import { figureRenderings } from "../../scripts/engine/figures/renderings.ts";
import type { FigureDefinition } from "../../scripts/engine/figures/types.ts";
import { finishSvg } from "../../scripts/engine/render/stabilise.ts";
import { compileSpec, renderRawSvg } from "../../scripts/engine/render/svg.ts";
import { realReport } from "./report.ts";

const SNAPSHOTS = path.resolve(import.meta.dirname, "../charts/__snapshots__");

/** Stable ids and numbers rounded to 0.1 px, so snapshots only change when the picture does. */
export function normaliseSvg(svg: string, key: string): string {
  return finishSvg(svg, { idPrefix: key, title: key, description: key })
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, ">\n<");
}

async function figuresFor(keys: readonly string[] | "all"): Promise<FigureDefinition[]> {
  const { figures } = await realReport();
  return keys === "all" ? [...figures.values()] : keys.map((key) => figures.get(key) ?? expect.fail(`the report has no figure "${key}"`));
}

export function describeSpecContract(name: string, keys: readonly string[] | "all"): void {
  describe(`${name}: spec contract`, () => {
    it("compiles with zero Vega-Lite warnings and plots exactly its rows, in every rendering", async () => {
      for (const figure of await figuresFor(keys)) {
        for (const { name, spec } of figureRenderings(figure)) {
          expect(() => compileSpec(spec, `${figure.key} (${name})`)).not.toThrow();
          expect((spec.data as { values: unknown[] }).values, `${figure.key} (${name})`).toEqual(figure.rows);
        }
        expect(figure.title.length, figure.key).toBeGreaterThan(20);
        expect(figure.description.length, figure.key).toBeGreaterThan(40);
        expect(figure.source, figure.key).not.toBe("");
      }
    });

    it("renders every rendering with zero Vega warnings and matches its SVG snapshot", async () => {
      for (const figure of await figuresFor(keys)) {
        for (const { name, spec } of figureRenderings(figure)) {
          const svg = await renderRawSvg(spec, `${figure.key} (${name})`);
          const file = name === "wide" ? `${figure.key}.svg` : `${figure.key}.${name}.svg`;
          await expect(normaliseSvg(svg, figure.key)).toMatchFileSnapshot(path.join(SNAPSHOTS, file));
          if (name === "narrow") {
            // Shown at most 328 px wide (a 360 px window less its margins): drawn no wider, so its text is not shrunk.
            const width = Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
            expect(width, `${figure.key} (narrow) is ${width} px wide`).toBeLessThanOrEqual(NARROW_WIDTH);
          }
        }
      }
    });
  });
}
