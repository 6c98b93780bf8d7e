/**
 * The ILACS figures on the real data: titles state the finding from the computed values,
 * and each figure plots exactly its rows. Their specs and SVGs are checked with every
 * other figure's in test/charts/all-figures.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { IlacsAnalysis } from "../../../scripts/report/ilacs/compute.ts";
import type { FigureDefinition } from "../../../scripts/engine/figures/types.ts";
import { ilacs } from "../../../scripts/report/ilacs/family.ts";
import { familyOutput } from "../../helpers/report.ts";

let analysis: IlacsAnalysis;
let byKey: Map<string, FigureDefinition>;
beforeAll(async () => {
  const built = await familyOutput(ilacs);
  analysis = built.result;
  byKey = new Map((built.figures ?? []).map((f) => [f.key, f]));
});
const figure = (key: string) => byKey.get(key) as FigureDefinition;

describe("the ILACS figures", () => {
  it("are the five of the chapter", () => {
    expect([...byKey.keys()]).toEqual(["ilacs-grades-by-year", "ilacs-moves", "ilacs-inadequate-spells", "ilacs-sub-judgements", "ilacs-regions"]);
  });

  it("plot four grades for every year with graded reports, each year's shares adding to 100, part-years marked", () => {
    const f = figure("ilacs-grades-by-year");
    // The data begin and end within a year: the first and last years are marked, and the title rests on neither.
    const marked = [...new Set(f.rows.map((r) => String(r.year)))].filter((y) => y.endsWith("(part-year)"));
    expect(marked.map((y) => Number(y.slice(0, 4)))).toEqual([Number(analysis.first.slice(0, 4)), Number(analysis.asOf.slice(0, 4))]);
    for (const y of marked) expect(f.title).not.toContain(y.slice(0, 4));
    const years = [...new Set(f.rows.map((r) => r.year))];
    expect(f.rows).toHaveLength(years.length * 4);
    for (const year of years) expect(f.rows.filter((r) => r.year === year).reduce((sum, r) => sum + Number(r.percent), 0)).toBeCloseTo(100, 9);
    // The reports counted are the graded ones.
    expect(f.rows.reduce((sum, r) => sum + Number(r.reports), 0)).toBe(analysis.graded);
  });

  it("put every pair of consecutive reports in the grid once", () => {
    const f = figure("ilacs-moves");
    expect(f.rows).toHaveLength(16);
    expect(f.rows.reduce((sum, r) => sum + Number(r.pairs), 0)).toBe(analysis.moves.pairs);
    expect(f.title).toMatch(/^Of \d+ moves from one ILACS report to the next, \d+% were to a better grade, \d+% kept the grade and \d+% went to a worse one$/);
  });

  it("count every spell Inadequate, ended or running, once, in a survival curve from 100%", () => {
    const f = figure("ilacs-inadequate-spells");
    expect(f.rows[0]).toMatchObject({ years: 0, still: 100, atRisk: analysis.spells.spells.length });
    expect(f.rows.reduce((sum, r) => sum + Number(r.ended) + Number(r.censored), 0)).toBe(analysis.spells.spells.length);
    const still = f.rows.map((r) => Number(r.still));
    expect(still).toEqual([...still].sort((a, b) => b - a));
    expect(f.caption).toContain("since 1 November 2013");
  });

  it("name the regions with the largest and smallest shares and show England", () => {
    const f = figure("ilacs-regions");
    const shares = f.rows.map((r) => Number(r.goodOrBetter));
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(f.title).toContain(`England ${Math.round(analysis.regional.england.goodOrBetterShare)}%`);
  });
});
