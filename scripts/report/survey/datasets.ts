/**
 * The report's scoring survey of sector leaders (chapters 3 and 4) and the workforce
 * exhaustion figures it cites in chapter 2, as published.
 *
 * survey-statements.csv has one row per statement × response group the report gives.
 * A statement the report mentions without a number still has a row (precision
 * `words` or `not_printed`), so the file is a complete register of what was asked.
 */
import { z } from "zod";
import { codeCell, numberCell, percentCell, textCell } from "../../engine/data/cells.ts";
import { uniqueKey, type Check } from "../../engine/data/checks.ts";
import { defineDataset, type RowOf } from "../../engine/data/dataset.ts";
import { DataError } from "../../engine/data/errors.ts";
import type { Table } from "../../engine/data/load.ts";

/** The statements, in the order the report presents them. Codes become stat keys in camelCase. */
export const SURVEY_STATEMENTS = [
  "remove_outstanding",
  "judgement_phrasing",
  "five_year_framework",
  "financial_context",
  "early_help_parity",
  "local_partnerships",
  "peer_dcs",
  "code_of_conduct",
  "moratorium",
  "new_organisation",
  "future_role",
] as const;
export type SurveyStatement = (typeof SURVEY_STATEMENTS)[number];

/**
 * Response groups. Agreement and disagreement are the two ends of the five-point
 * scale folded together, as the report prints them; `unlabelled_chart_segment` is a
 * number left from a chart whose answer category cannot be read; the comment group
 * overlaps the others (it counts respondents who wrote a comment); `none` marks a
 * statement with no printed result.
 */
export const SURVEY_RESPONSES = [
  "agree_or_strongly_agree",
  "disagree_or_strongly_disagree",
  "unlabelled_chart_segment",
  "commented_guidance_sufficient",
  "none",
] as const;
export type SurveyResponse = (typeof SURVEY_RESPONSES)[number];

/** Response groups that exclude each other, so their shares can add up to at most 100. */
export const EXCLUSIVE_RESPONSES: readonly SurveyResponse[] = ["agree_or_strongly_agree", "disagree_or_strongly_disagree", "unlabelled_chart_segment"];

/**
 * How the value is printed:
 *   exact        a percentage such as "65.3%" (percent and decimals filled)
 *   approximate  a percentage with a qualifier, "approximately 44%" (percent and decimals filled)
 *   words        only words, "a majority" (percent and decimals empty)
 *   not_printed  nothing: the statement is known from a footnote or heading only (stated empty too)
 */
export const SURVEY_PRECISIONS = ["exact", "approximate", "words", "not_printed"] as const;
export type SurveyPrecision = (typeof SURVEY_PRECISIONS)[number];

/** An optional cell: empty stays empty. */
const optionalText = () => z.string().transform((raw) => raw.trim());

/** An optional number cell: empty → null, otherwise as `numberCell(options)`. */
function optionalNumber(options: Parameters<typeof numberCell>[0] = {}) {
  const inner = numberCell(options);
  return z.string().transform((raw, ctx) => {
    if (raw.trim() === "") return null;
    const result = inner.safeParse(raw);
    if (result.success) return result.data;
    ctx.issues.push({ code: "custom", message: result.error.issues[0].message, input: raw });
    return z.NEVER;
  });
}

const optionalPercent = () => optionalNumber({ min: 0, max: 100, unit: "%" });

/** The digits of `value` written with `decimals` places, as they must appear in the stated text. */
const printedDigits = (value: number, decimals: number) => value.toFixed(decimals);

/**
 * Row-level consistency of the printed value: numbers present exactly when the
 * precision says so, and the stated text containing the number with its decimals.
 */
export function printedValueCheck<T extends { precision: SurveyPrecision; stated: string; percent: number | null; decimals: number | null }>(): Check<T> {
  return (table: Table<T>) => {
    for (const { row, line } of table.rows) {
      const numeric = row.precision === "exact" || row.precision === "approximate";
      if (numeric && (row.percent === null || row.decimals === null)) {
        throw new DataError(table.file, line, table.column(row.percent === null ? "percent" : "decimals"), `a value printed as ${row.precision} needs both percent and decimals`);
      }
      if (!numeric && (row.percent !== null || row.decimals !== null)) {
        throw new DataError(table.file, line, table.column(row.percent !== null ? "percent" : "decimals"), `a value printed as ${row.precision} has no number; leave percent and decimals empty`);
      }
      if (row.precision === "not_printed" ? row.stated !== "" : row.stated === "") {
        throw new DataError(table.file, line, table.column("stated"), row.precision === "not_printed" ? "nothing was printed, so stated must be empty" : "the stated value is empty");
      }
      if (numeric && row.percent !== null && row.decimals !== null) {
        const digits = printedDigits(row.percent, row.decimals);
        // The number must appear as a whole token: "44" in "approximately 44%", not inside "144".
        if (!new RegExp(`(^|[^\\d.])${digits.replace(".", "\\.")}(?![\\d])`).test(row.stated)) {
          throw new DataError(table.file, line, table.column("stated"), `the stated text ${JSON.stringify(row.stated)} does not show ${digits}, the percent with ${row.decimals} decimal${row.decimals === 1 ? "" : "s"}`);
        }
      }
    }
  };
}

/** Every row of one statement carries the same label. */
export function sameLabelCheck<T extends { statement: string; label: string }>(): Check<T> {
  return (table) => {
    const first = new Map<string, { label: string; line: number }>();
    for (const { row, line } of table.rows) {
      const seen = first.get(row.statement);
      if (!seen) first.set(row.statement, { label: row.label, line });
      else if (seen.label !== row.label) {
        throw new DataError(table.file, line, table.column("label"), `statement ${row.statement} is labelled differently here than on line ${seen.line}`);
      }
    }
  };
}

/**
 * Within a statement, the shares of response groups that exclude each other add up
 * to at most 100, plus what rounding can add: half a unit of the last printed decimal
 * per share (an approximate share: `approximateTolerance` points). 65.3 + 17.3 = 82.6 ✓.
 */
export function sharesWithin100<T extends { statement: string; response: SurveyResponse; precision: SurveyPrecision; percent: number | null; decimals: number | null }>(
  approximateTolerance = 1,
): Check<T> {
  return (table) => {
    const sums = new Map<string, { line: number; total: number; slack: number }>();
    for (const { row, line } of table.rows) {
      if (row.percent === null || row.decimals === null || !EXCLUSIVE_RESPONSES.includes(row.response)) continue;
      const entry = sums.get(row.statement) ?? { line, total: 0, slack: 0 };
      entry.total += row.percent;
      entry.slack += row.precision === "approximate" ? approximateTolerance : 0.5 / 10 ** row.decimals;
      sums.set(row.statement, entry);
    }
    for (const [statement, { line, total, slack }] of sums) {
      const rounded = Math.round(total * 1000) / 1000;
      if (rounded <= 100 + slack + 1e-9) continue;
      throw new DataError(table.file, line, table.column("percent"), `the shares of statement ${statement} add up to ${rounded}, more than 100 (allowing ${Math.round(slack * 1000) / 1000} for rounding)`);
    }
  };
}

export const surveyStatements = defineDataset({
  file: "data/national/survey-statements.csv",
  schema: z.object({
    statement: codeCell(SURVEY_STATEMENTS),
    response: codeCell(SURVEY_RESPONSES),
    /** The value exactly as printed, e.g. "65.3%", "approximately 44%", "a majority"; empty when nothing is printed. */
    stated: optionalText(),
    percent: optionalPercent(),
    decimals: optionalNumber({ min: 0, max: 3, integer: true }),
    precision: codeCell(SURVEY_PRECISIONS),
    /** The statement in a few of our own words (used as the chart label). */
    label: textCell("label"),
    source: textCell("source"),
    note: optionalText(),
  }),
  checks: [uniqueKey(["statement", "response"]), printedValueCheck(), sameLabelCheck(), sharesWithin100()],
});

export type SurveyStatementRow = RowOf<typeof surveyStatements>;

export const EXHAUSTION_LEVELS = ["high", "moderate", "high_or_moderate"] as const;
export type ExhaustionLevel = (typeof EXHAUSTION_LEVELS)[number];

/** The two levels that make up the published total. */
export const EXHAUSTION_PARTS: readonly ExhaustionLevel[] = ["high", "moderate"];

/** The parts (high, moderate) of each measure add up to at most 100, allowing half a point each. */
export function partsWithin100<T extends { measure: string; level: ExhaustionLevel; percent: number }>(): Check<T> {
  return (table) => {
    const sums = new Map<string, { line: number; total: number; count: number }>();
    for (const { row, line } of table.rows) {
      if (!EXHAUSTION_PARTS.includes(row.level)) continue;
      const entry = sums.get(row.measure) ?? { line, total: 0, count: 0 };
      entry.total += row.percent;
      entry.count += 1;
      sums.set(row.measure, entry);
    }
    for (const [measure, { line, total, count }] of sums) {
      if (total <= 100 + 0.5 * count) continue;
      throw new DataError(table.file, line, table.column("percent"), `the levels of ${measure} add up to ${total}, more than 100`);
    }
  };
}

export const workforceExhaustion = defineDataset({
  file: "data/national/workforce-exhaustion.csv",
  schema: z.object({
    /** What was measured; one measure so far. */
    measure: codeCell(["emotional_exhaustion"]),
    level: codeCell(EXHAUSTION_LEVELS),
    /** As printed, e.g. "73%". */
    stated: textCell("stated value"),
    percent: percentCell(),
    source: textCell("source"),
  }),
  checks: [uniqueKey(["measure", "level"]), partsWithin100()],
});

export type WorkforceExhaustionRow = RowOf<typeof workforceExhaustion>;
