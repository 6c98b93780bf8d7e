/** The ILACS moves grid (scripts/report/ilacs/charts.ts): every cell's number is readable on its cell in both palettes. */
import { describe, expect, it } from "vitest";
import { movesSpec, type MoveRow } from "../../../scripts/report/ilacs/charts.ts";
import { INK, PAPER, RULE } from "../../../scripts/engine/charts/theme.ts";
import { labelContrast, TEXT_CONTRAST } from "../../../scripts/engine/theme/on-mark.ts";
import { REPORT_THEME } from "../../../scripts/report/shared/theme.ts";
import { GRADE_COLOURS } from "../../../scripts/report/shared/grades.ts";

type Json = Record<string, any>;

describe("movesSpec", () => {
  // Counts from 0 to 30: the cell with 30 pairs is the most strongly shaded.
  const grades = ["Inadequate", "Good"];
  const rows: MoveRow[] = grades.flatMap((from, i) => grades.map((to, j) => ({ from, to, pairs: [0, 30, 10, 20][i * 2 + j], direction: i === j ? "Same" : j > i ? "Better" : "Worse" })));
  const spec = movesSpec(rows) as Json;
  const [cells, numbers] = spec.layer;

  it("shades cells by count between fixed opacities, so each cell's colour is known when the spec is made", () => {
    expect(cells.encoding.opacity.scale).toMatchObject({ domain: [0, 30], zero: false, nice: false });
    const [low, high] = cells.encoding.opacity.scale.range;
    expect(high).toBeLessThanOrEqual(0.5);
    expect(low).toBeGreaterThan(0);
  });

  it("writes each number in a colour that reaches 4.5:1 on its cell, as blended with the page, in light and dark", () => {
    const [low, high] = cells.encoding.opacity.scale.range;
    const fill = { Better: GRADE_COLOURS.good, Same: RULE, Worse: GRADE_COLOURS.inadequate } as Record<string, string>;
    const color = numbers.encoding.color;
    for (const r of rows) {
      const opacity = low + (r.pairs / 30) * (high - low);
      const onPaper = color.condition !== undefined && color.condition.test.includes(JSON.stringify(`${r.from}|${r.to}`).slice(1, -1));
      const label = onPaper ? PAPER : INK;
      for (const palette of [REPORT_THEME.light, REPORT_THEME.dark]) expect(labelContrast(label, fill[r.direction], opacity, REPORT_THEME, palette), `${r.from} → ${r.to}`).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });
});
