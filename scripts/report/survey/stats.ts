/**
 * Stats of the survey family: every share the report prints for its scoring survey
 * (as published), our reconstruction of the numbers of respondents behind them, the
 * remainders, and the workforce exhaustion figures of chapter 2.
 *
 * Keys: survey.<statement>.<response> where statement is the register code in
 * camelCase (code_of_conduct → codeOfConduct) and response is agree, disagree,
 * chartValue or commentedGuidanceSufficient.
 */
import { AGREE, DISAGREE, commonSampleSizes, listSizes, nearestAchievableShare, type ExhaustionSummary, type StatementAnalysis } from "./compute.ts";
import { count, percent, points, signedPoints, text } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";

/** `code_of_conduct` → `codeOfConduct`. */
export const camelKey = (code: string) => code.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const RESPONSE_KEYS: Readonly<Record<string, string>> = {
  [AGREE]: "agree",
  [DISAGREE]: "disagree",
  unlabelled_chart_segment: "chartValue",
  commented_guidance_sufficient: "commentedGuidanceSufficient",
};

/** The stat-key part of a response group. */
export function responseKey(response: string): string {
  const key = RESPONSE_KEYS[response];
  if (!key) throw new Error(`no stat key for the response group ${response}`);
  return key;
}

const RESPONSE_WORDS: Readonly<Record<string, string>> = {
  [AGREE]: "agreeing or strongly agreeing",
  [DISAGREE]: "disagreeing or strongly disagreeing",
  unlabelled_chart_segment: "value on the chart (answer category not shown)",
  commented_guidance_sufficient: "respondents whose comment said existing guidance suffices",
};

export interface SurveyStatOptions {
  readonly maxN: number;
  readonly approximateTolerance: number;
}

/** The base key of a statement: survey.codeOfConduct. */
export const statementKey = (statement: string) => `survey.${camelKey(statement)}`;

export function surveyStats(analyses: readonly StatementAnalysis[], options: SurveyStatOptions): Stat[] {
  const { maxN, approximateTolerance } = options;
  const stats: Stat[] = [
    { key: "survey.n.max", value: maxN, format: count(), label: "most respondents any statement can have had (the footnotes' n80)" },
    { key: "survey.approximateTolerance", value: approximateTolerance, format: points(0), label: "tolerance we allow an approximate share in the sample-size reconstruction" },
    { key: "survey.statements.count", value: analyses.length, format: count(), label: "survey statements and questions the report mentions" },
    { key: "survey.statements.withNumbers.count", value: analyses.filter((a) => a.shares.length > 0).length, format: count(), label: "survey statements with at least one printed number" },
    {
      key: "survey.statements.wordsOnly.count",
      value: analyses.filter((a) => a.shares.length === 0 && a.words.length > 0).length,
      format: count(),
      label: "survey statements whose result is given in words only",
    },
    {
      key: "survey.statements.notPrinted.count",
      value: analyses.filter((a) => a.shares.length === 0 && a.words.length === 0).length,
      format: count(),
      label: "survey statements or questions with no printed result",
    },
  ];

  for (const a of analyses) {
    const base = statementKey(a.statement);
    stats.push({ key: `${base}.label`, value: a.label, format: text(), label: `short label of the survey statement ${a.statement}` });
    for (const w of a.words) {
      stats.push({ key: `${base}.${responseKey(w.response)}.stated`, value: w.stated, format: text(), label: `${a.label}: result in words, as published` });
    }
    if (a.shares.length === 0) continue;
    const largest = a.candidates[a.candidates.length - 1];
    a.shares.forEach((share, index) => {
      const key = `${base}.${responseKey(share.response)}`;
      const approx = share.approximate ? " (printed as approximate)" : "";
      stats.push({ key, value: share.percent, format: percent(share.decimals), label: `${a.label}: share ${RESPONSE_WORDS[share.response]}, as published${approx}` });
      const reconstructed = largest ? largest.shares[index] : nearestAchievableShare(share.percent, maxN).share;
      stats.push({
        key: `${key}.reconstructed`,
        value: reconstructed,
        format: percent(2),
        label: largest
          ? `${a.label}: 100·k/n for the largest consistent number of respondents (${largest.counts[index]} of ${largest.n})`
          : `${a.label}: nearest share any count of at most ${maxN} respondents gives (no consistent number of respondents)`,
      });
      if (largest) stats.push({ key: `${key}.count`, value: largest.counts[index], format: count(), label: `${a.label}: respondents in this group at the largest consistent n (${largest.n}), our reconstruction` });
    });
    const ns = a.candidates.map((c) => c.n);
    stats.push(
      { key: `${base}.n.candidates`, value: listSizes(ns), format: text(), label: `${a.label}: numbers of respondents up to ${maxN} consistent with the printed shares` },
      { key: `${base}.n.count`, value: ns.length, format: count(), label: `${a.label}: how many numbers of respondents up to ${maxN} are consistent` },
    );
    if (ns.length > 0) {
      stats.push(
        { key: `${base}.n.smallest`, value: ns[0], format: count(), label: `${a.label}: smallest consistent number of respondents` },
        { key: `${base}.n.largest`, value: ns[ns.length - 1], format: count(), label: `${a.label}: largest consistent number of respondents, at most ${maxN}` },
      );
    }
    if (a.sensitivity) {
      stats.push(
        { key: `${base}.n.halfDown.candidates`, value: listSizes(a.sensitivity.halfDown), format: text(), label: `${a.label}: consistent numbers of respondents if ties were rounded down` },
        { key: `${base}.n.halfDown.added`, value: listSizes(a.sensitivity.onlyHalfDown), format: text(), label: `${a.label}: numbers of respondents consistent only if ties round down` },
      );
    }
    if (a.remainder) {
      stats.push(
        { key: `${base}.remainder`, value: a.remainder.percent, format: percent(a.remainder.decimals), label: `${a.label}: 100 minus the agreeing and disagreeing shares (neither, or no answer)` },
        { key: `${base}.remainder.uncertainty`, value: a.remainder.uncertainty, format: points(1), label: `${a.label}: how far rounding of the two shares can move the remainder` },
      );
    }
  }

  const numbered = analyses.filter((a) => a.shares.length > 0);
  const pinned = numbered.filter((a) => a.candidates.length === 1);
  const atMax = numbered.filter((a) => a.candidates.some((c) => c.n === maxN));
  const common = commonSampleSizes(numbered.map((a) => a.candidates.map((c) => c.n)));
  const labels = (list: readonly StatementAnalysis[]) => (list.length === 0 ? "none" : list.map((a) => a.label).join("; "));
  stats.push(
    { key: "survey.pinned.count", value: pinned.length, format: count(), label: `statements whose printed shares fit exactly one number of respondents up to ${maxN}` },
    { key: "survey.pinned.statements", value: labels(pinned), format: text(), label: "statements pinned to a single number of respondents" },
    { key: "survey.n.common.candidates", value: listSizes(common), format: text(), label: "numbers of respondents consistent with every statement that has numbers" },
    { key: "survey.n.common.count", value: common.length, format: count(), label: "how many numbers of respondents fit every statement at once" },
    { key: "survey.n.atMax.count", value: atMax.length, format: count(), label: `statements whose printed shares can come from all ${maxN} respondents` },
    { key: "survey.n.atMax.statements", value: labels(atMax), format: text(), label: `statements consistent with ${maxN} respondents` },
    {
      key: "survey.rounding.halfDownMatters.count",
      value: numbered.filter((a) => a.sensitivity?.matters).length,
      format: count(),
      label: "statements whose consistent numbers of respondents change if ties round down",
    },
  );
  return stats;
}

/** Stats of the workforce exhaustion figures (chapter 2). */
export function workforceStats(summary: ExhaustionSummary): Stat[] {
  return [
    { key: "workforce.exhaustion.high", value: summary.high, format: percent(0), label: "social workers reporting high emotional exhaustion, as published" },
    { key: "workforce.exhaustion.moderate", value: summary.moderate, format: percent(0), label: "social workers reporting moderate emotional exhaustion, as published" },
    { key: "workforce.exhaustion.highOrModerate", value: summary.total, format: percent(0), label: "social workers reporting high or moderate emotional exhaustion, as published" },
    { key: "workforce.exhaustion.sumOfParts", value: summary.check.sum, format: percent(0), label: "high plus moderate emotional exhaustion, our sum" },
    { key: "workforce.exhaustion.difference", value: summary.check.difference, format: signedPoints(0), label: "our sum of the two levels minus the published total" },
  ];
}
