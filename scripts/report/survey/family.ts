/** The 2015 report's survey of directors and staff: each statement's shares, and how worn out the workforce said it was. */
import { defineFamily } from "../../engine/family.ts";
import { analyseStatements, exhaustionSummary } from "./compute.ts";
import { surveyStatements, workforceExhaustion } from "./datasets.ts";
import { surveyStatementsFigure, workforceExhaustionFigure } from "./figures.ts";
import { surveyStats, workforceStats } from "./stats.ts";

/** The survey's footnotes give n80 (at most 80 respondents); "approximately" is read as ±1 point. */
export const SURVEY_OPTIONS = { maxN: 80, approximateTolerance: 1 } as const;

export const survey = defineFamily({
  name: "survey",
  datasets: [surveyStatements, workforceExhaustion],
  uses: {},
  build({ rows }) {
    const statements = analyseStatements(rows(surveyStatements), SURVEY_OPTIONS);
    const exhaustion = exhaustionSummary(rows(workforceExhaustion));
    return {
      stats: [...surveyStats(statements, SURVEY_OPTIONS), ...workforceStats(exhaustion)],
      figures: [surveyStatementsFigure(statements, SURVEY_OPTIONS.maxN), workforceExhaustionFigure(exhaustion)],
    };
  },
});
