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

describe("every figure spec", () => {
  it("exists", () => {
    expect(figures.map((f) => f.key)).toEqual(["outcomes-by-year", "outcomes-yearly-swing"]);
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

describe("the grade trend figure", () => {
  it("states the finding from the data", () => {
    const trend = figures.find((f) => f.key === "outcomes-by-year");
    expect(trend?.title).toBe("Good judgements fell from 69% to 18% between 2007/08 and 2014/15, while Inadequate rose from 0% to 28%");
    expect(trend?.caption).toContain("the shares for 2010/11 add up to 111%");
    expect(trend?.rows).toHaveLength(32);
  });
});

describe("the yearly swing figure", () => {
  it("plots the absolute changes inside each cycle", () => {
    const swing = figures.find((f) => f.key === "outcomes-yearly-swing");
    expect(swing?.rows).toHaveLength(16);
    // 2010/11 → 2011/12 inadequate: |3 − 21| = 18
    expect(swing?.rows).toContainEqual({ cycle: "2009/10 to 2011/12", change: "2010/11 to 2011/12", grade: "Inadequate", points: 18 });
    const early = swing?.rows.filter((r) => r.cycle === "2009/10 to 2011/12").map((r) => r.points as number) ?? [];
    // The mean the chart draws as a rule equals the report's 9.4% (75 / 8).
    expect(early.reduce((a, b) => a + b, 0) / early.length).toBe(9.375);
    expect(swing?.title).toBe("Year-on-year swings in the grade shares averaged 9.4 percentage points in 2009/10 to 2011/12, against 2.5 percentage points in 2012/13 to 2014/15");
  });
});
