/**
 * Spec contract for every figure of the real report: the spec compiles with zero
 * Vega-Lite warnings, renders with zero Vega warnings, draws from exactly the plotted
 * rows, and its normalised SVG matches the committed snapshot in __snapshots__/.
 * After an intended chart change, review the diff and run `npx vitest run -u`.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadReportData } from "../../scripts/data/report-data.ts";
import type { FigureDefinition } from "../../scripts/figures/types.ts";
import { finishSvg } from "../../scripts/render/stabilise.ts";
import { compileSpec, renderRawSvg } from "../../scripts/render/svg.ts";
import { buildReport } from "../../scripts/report.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Stable ids and numbers rounded to 0.1 px, so snapshots only change when the picture does. */
function normaliseSvg(svg: string, key: string): string {
  return finishSvg(svg, { idPrefix: key, title: key, description: key })
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, ">\n<");
}

let figures: FigureDefinition[] = [];
beforeAll(async () => {
  figures = [...buildReport(await loadReportData(ROOT)).figures.values()];
});

/** Figures the report must have; the list grows as chapters are added. */
const EXPECTED = [
  "outcomes-by-year",
  "outcomes-yearly-swing",
  "transitions-repeat-inspections",
  "transitions-implied-group-sizes",
  "projection-inadequate-2017",
  "cohort-ia-timeliness",
  "cohort-stated-changes",
  "mean-reversion-illustration",
  "cost-of-failure",
  "survey-statements",
  "workforce-exhaustion",
  "futures-quadrant",
];

describe("every figure spec", () => {
  it("exists", () => {
    expect(figures.map((f) => f.key)).toEqual(expect.arrayContaining(EXPECTED));
    expect(new Set(figures.map((f) => f.key)).size).toBe(figures.length);
  });

  it("compiles with zero Vega-Lite warnings and plots exactly its rows", () => {
    for (const figure of figures) {
      expect(() => compileSpec(figure.spec, figure.key)).not.toThrow();
      const data = figure.spec.data as { values: unknown[] };
      expect(data.values).toEqual(figure.rows);
      expect(figure.title.length).toBeGreaterThan(20);
      expect(figure.description.length).toBeGreaterThan(40);
      expect(figure.source).not.toBe("");
    }
  });

  it("renders with zero Vega warnings and matches its SVG snapshot", async () => {
    for (const figure of figures) {
      const svg = await renderRawSvg(figure.spec, figure.key);
      await expect(normaliseSvg(svg, figure.key)).toMatchFileSnapshot(`./__snapshots__/${figure.key}.svg`);
    }
  });
});

