/**
 * Figures of the survey family: the scoring-survey statements (diverging bars) and the
 * workforce exhaustion levels. Titles, descriptions and captions are written from the
 * data and the sample-size reconstruction, so they stay true when either changes.
 */
import { AGREE, DISAGREE, type ExhaustionSummary, type PrintedShare, type StatementAnalysis } from "./compute.ts";
import { narrowSpec, NARROW_WIDTH } from "../../engine/charts/narrow.ts";
import { exhaustionSpec, likertSpec, LIKERT_LABELS, LIKERT_NARROW, type ExhaustionRow, type LikertRow, type LikertSide } from "./charts.ts";
import { surveyStatements, workforceExhaustion } from "./datasets.ts";
import { formatValue, percent } from "../../engine/stats/format.ts";
import type { FigureDefinition } from "../../engine/figures/types.ts";

const SURVEY_SOURCE =
  "A Brave New World (iMPOWER for the Local Government Association, 2015), chapters 3 and 4: the report's scoring survey of sector leaders (each result footnoted Scoring Survey, n80). Shares as published; the rest of 100% and the numbers of respondents are our calculation.";

const WORKFORCE_SOURCE =
  "A Brave New World (iMPOWER for the Local Government Association, 2015), chapter 2, citing 2015 research by Queen's University Belfast and Community Care, which measured burnout with the Maslach Burnout Inventory. Figures as published.";

const pctAt = (value: number, decimals: number) => formatValue(value, percent(decimals));
/** A printed share as drawn: "65.3%", or "about 44%" for an approximate one. */
const shownShare = (share: PrintedShare) => `${share.approximate ? "about " : ""}${pctAt(share.percent, share.decimals)}`;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);


/** The rows the Likert chart plots: statements with a printed agreement share, most agreement first. */
export function likertRows(analyses: readonly StatementAnalysis[]): LikertRow[] {
  const plotted = analyses
    .map((a) => ({ a, agree: a.shares.find((s) => s.response === AGREE), disagree: a.shares.find((s) => s.response === DISAGREE) }))
    .filter((p): p is typeof p & { agree: PrintedShare } => p.agree !== undefined)
    .sort((x, y) => y.agree.percent - x.agree.percent);
  return plotted.flatMap(({ a, agree, disagree }) => {
    const row = (side: LikertSide, value: number, shown: string): LikertRow => ({ statement: a.label, response: LIKERT_LABELS[side], side, percent: value, shown });
    const rows = [row("agree", agree.percent, shownShare(agree))];
    if (disagree) rows.push(row("disagree", disagree.percent, shownShare(disagree)));
    if (a.remainder) {
      rows.push(row("neither", a.remainder.percent, pctAt(a.remainder.percent, a.remainder.decimals)));
    } else {
      // Units of the printed decimal keep 100 − 59.2 exact (40.8, not 40.799999999999997).
      const scale = 10 ** agree.decimals;
      const rest = (100 * scale - Math.round(agree.percent * scale)) / scale;
      rows.push(row("unsplit", rest, pctAt(rest, agree.decimals)));
    }
    return rows;
  });
}

export function surveyStatementsFigure(analyses: readonly StatementAnalysis[], maxN: number): FigureDefinition {
  const rows = likertRows(analyses);
  const plotted = new Set(rows.map((r) => r.statement));
  // In plotting order (most agreement first), not register order.
  const shown = [...plotted].map((label) => analyses.find((a) => a.label === label) as StatementAnalysis);
  const agreeOf = (a: StatementAnalysis) => a.shares.find((s) => s.response === AGREE) as PrintedShare;
  const top = shown.reduce((best, a) => (agreeOf(a).percent > agreeOf(best).percent ? a : best));
  const split = shown
    .filter((a) => a.shares.some((s) => s.response === DISAGREE))
    .map((a) => ({ a, agree: agreeOf(a), disagree: a.shares.find((s) => s.response === DISAGREE) as PrintedShare }))
    .reduce<{ a: StatementAnalysis; agree: PrintedShare; disagree: PrintedShare } | undefined>(
      (best, x) => (!best || Math.abs(x.agree.percent - x.disagree.percent) < Math.abs(best.agree.percent - best.disagree.percent) ? x : best),
      undefined,
    );

  const numberedNotShown = analyses.filter((a) => a.shares.length > 0 && !plotted.has(a.label));
  const perStatement = shown.map((a) => {
    const parts = rows.filter((r) => r.statement === a.label).map((r) => `${lowerFirst(r.response)} ${r.shown}`);
    return `${a.label}: ${parts.join(", ")}.`;
  });

  const title =
    `${shownShare(agreeOf(top))} agreed to ${lowerFirst(top.label)}, the most for any statement` +
    (split ? `; opinion split most evenly on whether to ${lowerFirst(split.a.label)} (${shownShare(split.agree)} agreed, ${shownShare(split.disagree)} disagreed)` : "");

  return {
    key: "survey-statements",
    title,
    description:
      `Diverging bar chart of ${shown.length} statements from the report's scoring survey, most agreement first. Agreement is drawn to the right of zero and disagreement, where the report gives it, to the left; a second panel shows the rest of respondents. ` +
      perStatement.join(" ") +
      (numberedNotShown.length > 0 ? ` Not drawn: ${numberedNotShown.map((a) => `${lowerFirst(a.label)} (its only number, ${a.shares.map(shownShare).join(", ")}, is not tied to an answer)`).join("; ")}.` : ""),
    caption:
      // The numbers of respondents that fit each statement, and the statements left out of the chart, are in Methods ("How many people answered the survey?").
      `Shares agreeing or strongly agreeing, and disagreeing or strongly disagreeing where the report prints it. The right-hand panel is the rest: neither or no answer, or a hollow bar where the report does not say how it splits. The survey had at most ${maxN} respondents; statements without a number tied to an answer are not drawn (Methods lists them).`,
    source: SURVEY_SOURCE,
    rows,
    columns: [
      { field: "statement", label: "Statement" },
      { field: "response", label: "Response" },
      { field: "percent", label: "Share of respondents (%)" },
      { field: "shown", label: "As shown" },
    ],
    pivot: { row: "statement", column: "response", value: "shown" },
    spec: likertSpec(rows),
    // Two panels side by side: the generic narrowing cannot stack them, so the chart is drawn narrower itself.
    narrowSpec: likertSpec(rows, LIKERT_NARROW),
    dataFiles: [surveyStatements.file],
  };
}

export function exhaustionRows(summary: ExhaustionSummary): ExhaustionRow[] {
  return [
    { level: "High", kind: "part", order: 1, percent: summary.high, shown: `High ${pctAt(summary.high, 0)}` },
    { level: "Moderate", kind: "part", order: 2, percent: summary.moderate, shown: `Moderate ${pctAt(summary.moderate, 0)}` },
    { level: "High or moderate (published total)", kind: "total", order: 3, percent: summary.total, shown: `${pctAt(summary.total, 0)} high or moderate` },
  ];
}

export function workforceExhaustionFigure(summary: ExhaustionSummary): FigureDefinition {
  const rows = exhaustionRows(summary);
  const { high, moderate, total, check } = summary;
  const p = (value: number) => pctAt(value, 0);
  return {
    key: "workforce-exhaustion",
    title: `${p(total)} of the social workers surveyed reported high or moderate emotional exhaustion: ${p(high)} high and ${p(moderate)} moderate`,
    description: `One horizontal bar on a scale from 0 to 100%: high emotional exhaustion ${p(high)}, followed by moderate ${p(moderate)}; a line at ${p(total)} marks the published total for the two together.`,
    caption:
      `Children's social workers reporting each level of emotional exhaustion in research the report cites. ` +
      (check.consistent
        ? `The two levels add up to the published total (${high} + ${moderate} = ${check.sum}).`
        : `As published, the two levels add up to ${p(check.sum)}, not the ${p(total)} printed as their total; both are shown unchanged.`),
    source: WORKFORCE_SOURCE,
    rows,
    columns: [
      { field: "level", label: "Level of emotional exhaustion" },
      { field: "percent", label: "Share of social workers", format: percent(0) },
    ],
    spec: exhaustionSpec(rows),
    // Fitted to the phone column, the bar is drawn about this wide: segments get the labels that fit it.
    narrowSpec: narrowSpec(exhaustionSpec(rows, NARROW_WIDTH - 28)),
    dataFiles: [workforceExhaustion.file],
  };
}
