/**
 * Spec contract for the reversion figures, built from the real data: each spec compiles with
 * zero Vega-Lite warnings, renders with zero Vega warnings, draws exactly its plotted rows,
 * and its normalised SVG matches the snapshot in __snapshots__/ (review, then `npx vitest run -u`).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { FigureDefinition } from "../../scripts/figures/types.ts";
import { compileSpec, renderRawSvg } from "../../scripts/render/svg.ts";
import { buildChapters12, normaliseSvg } from "../helpers/chapters-1-2.ts";

const KEYS = ["mean-reversion-illustration"];
let figures: FigureDefinition[] = [];
beforeAll(async () => {
  figures = (await buildChapters12()).figures.filter((f) => KEYS.includes(f.key));
});

describe("the reversion specs", () => {
  it("exist", () => {
    expect(figures.map((f) => f.key)).toEqual(KEYS);
  });

  it("compile with zero Vega-Lite warnings and plot exactly their rows", () => {
    for (const figure of figures) {
      expect(() => compileSpec(figure.spec, figure.key)).not.toThrow();
      expect((figure.spec.data as { values: unknown[] }).values).toEqual(figure.rows);
    }
  });

  it("render with zero Vega warnings and match their SVG snapshots", async () => {
    for (const figure of figures) {
      const svg = await renderRawSvg(figure.spec, figure.key);
      await expect(normaliseSvg(svg, figure.key)).toMatchFileSnapshot(`./__snapshots__/${figure.key}.svg`);
    }
  });
});
