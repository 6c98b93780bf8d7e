/**
 * Made-up charts for the scaling benchmark: N distinct Vega-Lite specs in the shapes the
 * report draws (grouped and stacked bars, lines with points, timelines of dots), with
 * numbers from a seeded generator so every run draws the same N charts.
 */
import type { TopLevelSpec } from "vega-lite";

/** A small linear congruential generator: the same seed gives the same numbers everywhere. */
function generator(seed: number): () => number {
  let state = (seed * 2654435761) % 4294967296;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

const GRADES = ["Inadequate", "Requires improvement", "Good", "Outstanding"];

export function syntheticSpec(index: number): TopLevelSpec {
  const random = generator(index + 1);
  const years = Array.from({ length: 6 + (index % 7) }, (_, i) => String(2012 + i));
  const title = `Synthetic chart ${index + 1}`;
  const base = { title, width: 480, height: 240, config: { font: "sans-serif", view: { stroke: null } } } as const;
  switch (index % 4) {
    case 0:
      return {
        ...base,
        data: { values: years.flatMap((year) => GRADES.map((grade) => ({ year, grade, percent: Math.round(random() * 60) }))) },
        mark: "bar",
        encoding: {
          x: { field: "year", type: "ordinal", title: "Year" },
          y: { field: "percent", type: "quantitative", stack: "normalize", title: "Share of inspections" },
          color: { field: "grade", type: "nominal", sort: GRADES, title: "Grade" },
        },
      };
    case 1:
      return {
        ...base,
        data: { values: years.flatMap((year) => ["England", "Region"].map((area) => ({ year, area, value: Math.round(20 + random() * 60) }))) },
        mark: { type: "line", point: true },
        encoding: {
          x: { field: "year", type: "ordinal", title: "Year" },
          y: { field: "value", type: "quantitative", title: "Per cent good or better", scale: { domain: [0, 100] } },
          color: { field: "area", type: "nominal", title: null },
        },
      };
    case 2:
      return {
        ...base,
        data: { values: GRADES.map((grade) => ({ grade, councils: 1 + Math.round(random() * 80) })) },
        mark: "bar",
        encoding: {
          y: { field: "grade", type: "nominal", sort: GRADES, title: null },
          x: { field: "councils", type: "quantitative", title: "Councils" },
        },
      };
    default:
      return {
        ...base,
        data: { values: years.map((year) => ({ year: Number(year), grade: GRADES[Math.floor(random() * GRADES.length)] })) },
        mark: { type: "point", filled: true, size: 120 },
        encoding: {
          x: { field: "year", type: "quantitative", title: "Year published", axis: { format: "d" } },
          y: { field: "grade", type: "ordinal", sort: GRADES, title: "Overall grade" },
        },
      };
  }
}

export function syntheticSpecs(count: number): TopLevelSpec[] {
  return Array.from({ length: count }, (_, index) => syntheticSpec(index));
}
