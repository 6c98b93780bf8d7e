/**
 * Spec contract for the cohort figures, built from the real data: each spec compiles with
 * zero Vega-Lite warnings, renders with zero Vega warnings, draws exactly its plotted rows,
 * and its normalised SVG matches the snapshot in __snapshots__/ (review, then `npx vitest run -u`).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { FigureDefinition } from "../../scripts/figures/types.ts";
import { compileSpec, renderRawSvg } from "../../scripts/render/svg.ts";
import { buildChapters12, normaliseSvg } from "../helpers/chapters-1-2.ts";

const KEYS = ["cohort-ia-timeliness", "cohort-stated-changes"];
let figures: FigureDefinition[] = [];
beforeAll(async () => {
  figures = (await buildChapters12()).figures.filter((f) => KEYS.includes(f.key));
});

describe("the cohort specs", () => {
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

describe("dumbbellSpec and statedChangesSpec", () => {
  it("pads the dumbbell's scale to whole tens around the values", async () => {
    const { dumbbellSpec } = await import("../../scripts/charts/cohort.ts");
    const spec = dumbbellSpec(
      [
        { group: "A", year: "2012", percent: 68.62 },
        { group: "A", year: "2014", percent: 52.63 },
      ],
      ["A", "B"],
      ["2012", "2014"],
      "x",
    ) as { layer: { encoding: { x?: { scale?: { domain: number[] } } } }[] };
    // 52.63 − 8 = 44.63 → 40; 68.62 + 5 = 73.62 → 80
    expect(spec.layer[1].encoding.x?.scale?.domain).toEqual([40, 80]);
  });

  it("gives every indicator panel its own scale", async () => {
    const { statedChangesSpec } = await import("../../scripts/charts/cohort.ts");
    const spec = statedChangesSpec([{ indicator: "I", group: "A", change: 1 }], ["A", "B"]) as { resolve: unknown };
    expect(spec.resolve).toEqual({ scale: { x: "independent" } });
  });
});
