/**
 * Every dataset the report reads, in load order. A new family adds its datasets here.
 * (data/known-exceptions.csv is loaded first, separately: the checks of the others use it.)
 */
import type { Dataset } from "../dataset.ts";
import { cohort2013Design, cohort2013Indicators } from "./cohort.ts";
import { costOfFailure } from "./cost.ts";
import { councils, demand, inspections } from "./councils.ts";
import { futuresVisions } from "./futures.ts";
import { projectionInputs } from "./projection.ts";
import { meanReversionIllustration } from "./reversion.ts";
import { repeatInspectionTransitions } from "./transitions.ts";
import { inspectionOutcomesByYear } from "./outcomes.ts";
import { surveyStatements, workforceExhaustion } from "./survey.ts";

export const REPORT_DATASETS: readonly Dataset[] = [
  inspectionOutcomesByYear,
  repeatInspectionTransitions,
  cohort2013Indicators,
  cohort2013Design,
  meanReversionIllustration,
  costOfFailure,
  projectionInputs,
  surveyStatements,
  workforceExhaustion,
  futuresVisions,
  councils,
  inspections,
  demand,
];
