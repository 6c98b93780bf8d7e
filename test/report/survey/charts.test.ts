/**
 * Spec contract for the survey family: both figures compile with zero Vega-Lite
 * warnings, render with zero Vega warnings, draw exactly their plotted rows, label
 * every segment without truncation, and match their SVG snapshots.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exhaustionSegmentLabels, LIKERT_LABELS, segmentsWithRoom, wrapLabel, wrappedLabelExpr, type ExhaustionRow, type LikertRow } from "../../../scripts/report/survey/charts.ts";
import { measureText } from "../../../scripts/engine/render/text-metrics.ts";
import { CHART_FONT_SIZE } from "../../../scripts/engine/theme/palette.ts";
import { EXHAUSTION_COLOURS, SURVEY_COLOURS, SURVEY_UNSPLIT_STROKE } from "../../../scripts/report/survey/charts.ts";
import { analyseStatements, exhaustionSummary } from "../../../scripts/report/survey/compute.ts";
import { surveyStatements, workforceExhaustion } from "../../../scripts/report/survey/datasets.ts";
import { loadCsv } from "../../../scripts/engine/data/load.ts";
import { surveyStatementsFigure, workforceExhaustionFigure } from "../../../scripts/report/survey/figures.ts";
import type { FigureDefinition } from "../../../scripts/engine/figures/types.ts";
import { compileSpec, renderRawSvg } from "../../../scripts/engine/render/svg.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");


/** WCAG contrast ratio of a #rrggbb colour against white. */
function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

let survey: FigureDefinition;
let workforce: FigureDefinition;
beforeAll(async () => {
  const statements = await loadCsv(ROOT, surveyStatements.file, surveyStatements.schema);
  const exhaustion = await loadCsv(ROOT, workforceExhaustion.file, workforceExhaustion.schema);
  survey = surveyStatementsFigure(analyseStatements(statements.rows.map((r) => r.row), { maxN: 80 }), 80);
  workforce = workforceExhaustionFigure(exhaustionSummary(exhaustion.rows.map((r) => r.row)));
});

describe("both survey-family figures", () => {
  it("compile with zero Vega-Lite warnings and plot exactly their rows", () => {
    for (const figure of [survey, workforce]) {
      expect(() => compileSpec(figure.spec, figure.key)).not.toThrow();
      expect((figure.spec.data as { values: unknown[] }).values).toEqual(figure.rows);
      expect(figure.description.length).toBeGreaterThan(40);
      expect(figure.source).not.toBe("");
    }
  });

  // Snapshots of both are checked with every other figure in all-figures.test.ts.
  it("render with zero Vega warnings and every value label drawn in full", async () => {
    for (const figure of [survey, workforce]) {
      const svg = await renderRawSvg(figure.spec, figure.key);
      for (const row of figure.rows) expect(svg).toContain(`>${String(row.shown)}<`);
      // No label was shortened with an ellipsis.
      expect(svg).not.toContain("…");
    }
  });
});

describe("the survey statements figure", () => {
  it("plots the five statements with an agreement share, most agreement first", () => {
    const order = [...new Set(survey.rows.map((r) => r.statement))];
    expect(order).toEqual([
      "Count local partnership quality in the overall judgement", // 87
      "Introduce a code of conduct for lead councillors", // 65.3
      "Rewrite the wording of inspection judgements entirely", // 59.2
      "Set up a new body for sector-led improvement", // 51.4
      "Pause re-inspection after an Inadequate judgement", // about 44
    ]);
    // 2 + 3 + 2 + 3 + 3 segments.
    expect(survey.rows).toHaveLength(13);
  });

  it("derives the rest of 100% by hand-checkable subtraction", () => {
    const rest = (statement: string) => survey.rows.find((r) => r.statement === statement && (r.side === "neither" || r.side === "unsplit"));
    // 100 − 65.3 − 17.3 = 17.4 (neither); 100 − 59.2 = 40.8 (split not published); 100 − 87 = 13.
    expect(rest("Introduce a code of conduct for lead councillors")).toMatchObject({ side: "neither", percent: 17.4, shown: "17.4%", response: LIKERT_LABELS.neither });
    expect(rest("Rewrite the wording of inspection judgements entirely")).toMatchObject({ side: "unsplit", percent: 40.8, shown: "40.8%" });
    expect(rest("Count local partnership quality in the overall judgement")).toMatchObject({ side: "unsplit", percent: 13, shown: "13%" });
    // 100 − 51.4 − 23.6 = 25.0; 100 − 44 − 39 = 17.
    expect(rest("Set up a new body for sector-led improvement")).toMatchObject({ percent: 25, shown: "25.0%" });
    expect(rest("Pause re-inspection after an Inadequate judgement")).toMatchObject({ percent: 17, shown: "17%" });
  });

  it("marks approximate values on the bars", () => {
    const moratorium = survey.rows.filter((r) => r.statement === "Pause re-inspection after an Inadequate judgement" && r.side !== "neither");
    expect(moratorium.map((r) => r.shown)).toEqual(["about 44%", "about 39%"]);
  });

  it("states the finding and the reconstruction caveats", () => {
    expect(survey.title).toBe(
      "87% agreed to count local partnership quality in the overall judgement, the most for any statement; opinion split most evenly on whether to pause re-inspection after an Inadequate judgement (about 44% agreed, about 39% disagreed)",
    );
    expect(survey.caption).toContain("at most 80 respondents");
    // The reconstruction of the numbers of respondents is in Methods, from the survey.<statement>.n.candidates stats.
    expect(survey.caption).toContain("statements without a number tied to an answer are not drawn");
    // The five-year framework has a number but no answer category, so it is named, not drawn.
    expect(survey.description).toContain("Not drawn: keep the inspection framework unchanged for five years");
    expect(survey.description).toContain("Introduce a code of conduct for lead councillors: agree or strongly agree 65.3%, disagree or strongly disagree 17.3%, neither, or no answer 17.4%.");
  });

  it("never truncates labels: wrapped axis lines, labelLimit 0", () => {
    const spec = JSON.stringify(survey.spec);
    expect(spec).toContain('"labelLimit":0');
    expect(spec).not.toMatch(/"labelLimit":[1-9]/);
    for (const label of new Set(survey.rows.map((r) => String(r.statement)))) {
      const lines = wrapLabel(label);
      expect(lines.join(" ")).toBe(label);
      expect(lines.every((line) => line.length <= 32)).toBe(true);
    }
    expect(wrapLabel("Pause re-inspection after an Inadequate judgement")).toEqual(["Pause re-inspection after an", "Inadequate judgement"]);
    expect(wrappedLabelExpr(["A b"], 1)).toBe('datum.value === "A b" ? ["A","b"] : datum.label');
  });
});

describe("the workforce exhaustion figure", () => {
  it("states 91% = 73% high + 18% moderate", () => {
    expect(workforce.title).toBe("91% of the social workers surveyed reported high or moderate emotional exhaustion: 73% high and 18% moderate");
    expect(workforce.caption).toContain("(73 + 18 = 91)");
    expect(workforce.rows.map((r) => [r.level, r.kind, r.percent])).toEqual([
      ["High", "part", 73],
      ["Moderate", "part", 18],
      ["High or moderate (published total)", "total", 91],
    ]);
  });
});

describe("survey colours", () => {
  it("keep at least 3:1 contrast on white (4.5:1 where white labels sit on them)", () => {
    for (const colour of [SURVEY_COLOURS.agree, SURVEY_COLOURS.disagree, SURVEY_COLOURS.neither, EXHAUSTION_COLOURS.high, EXHAUSTION_COLOURS.moderate]) {
      expect(contrastOnWhite(colour)).toBeGreaterThanOrEqual(4.5);
    }
    // The hollow segment is seen by its dashed outline.
    expect(contrastOnWhite(SURVEY_UNSPLIT_STROKE)).toBeGreaterThanOrEqual(3);
    // Sanity check of the formula: black on white is 21:1, white on white 1:1.
    expect(contrastOnWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastOnWhite("#ffffff")).toBeCloseTo(1, 5);
  });
});

describe("value labels that fit their segment", () => {
  const bold = (text: string) => measureText({ fontSize: CHART_FONT_SIZE, fontWeight: "bold" }, text);

  it("keeps a Likert segment's value only where the measured text and 3 px each side fit the segment", () => {
    const row = (shown: string, percent: number): LikertRow => ({ statement: shown, response: LIKERT_LABELS.agree, side: "agree", percent, shown });
    const needed = bold("about 39%") + 6;
    // At 1 px per percentage point a segment is as wide as its percent.
    const rows = [row("about 39%", Math.ceil(needed)), row("about 39%", Math.floor(needed) - 1)];
    expect(segmentsWithRoom(rows, 1)).toEqual([rows[0]]);
    expect(segmentsWithRoom([{ ...rows[0], side: "neither" }], 1)).toEqual([]);
  });

  it("writes level and value where both fit, the value alone where only it fits, else nothing", () => {
    const part = (level: string, percent: number): ExhaustionRow => ({ level, kind: "part", order: 1, percent, shown: `${level} ${percent}%` });
    // At 100 px a percent is a pixel.
    const wide = Math.ceil(bold("Moderate 18%") + 6);
    const valueOnly = Math.ceil(bold("18%") + 6);
    const labels = exhaustionSegmentLabels([part("High", wide), part("Moderate", valueOnly), part("Low", 1)], 100);
    expect(labels).toEqual({ High: `High ${wide}%`, Moderate: `${valueOnly}%`, Low: "" });
  });
});
