/**
 * Every dataset the report reads, in load order. A new family adds its datasets here.
 * (data/known-exceptions.csv is loaded first, separately: the checks of the others use it.)
 */
import type { ExceptionLedger } from "../checks.ts";
import type { Dataset, RowOf } from "../dataset.ts";
import type { Table } from "../load.ts";
import { cohort2013Design, cohort2013Indicators } from "./cohort.ts";
import { costOfFailure } from "./cost.ts";
import { councils, demand, inspections, knownCouncilCodes } from "./councils.ts";
import { futuresVisions } from "./futures.ts";
import { ilacsJudgements } from "./ilacs.ts";
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
  ilacsJudgements,
];

/** Reads a loaded table; given to cross-file checks by the loader. */
export type TableOf = <D extends Dataset>(dataset: D) => Table<RowOf<D>>;

export interface CrossCheck {
  /** The files it spans; it runs only when all of them were loaded. */
  readonly datasets: readonly Dataset[];
  readonly run: (table: TableOf, ledger: ExceptionLedger) => void;
}

/**
 * Rules that span files, run after every dataset has loaded and passed its own checks.
 * A failure points at the offending row of the dependent file.
 */
export const CROSS_CHECKS: readonly CrossCheck[] = [
  {
    // Inspections and demand name councils by code; each code must be in the council list
    // (as a current code or a former one).
    datasets: [councils, inspections, demand],
    run(table, ledger) {
      const codes = new Set(table(councils).rows.flatMap(({ row }) => [row.code, ...row.former_codes]));
      knownCouncilCodes<RowOf<typeof inspections>>(codes)(table(inspections), ledger);
      knownCouncilCodes<RowOf<typeof demand>>(codes)(table(demand), ledger);
    },
  },
  {
    // ILACS judgements name councils by code too (predecessors keep their own code).
    datasets: [councils, ilacsJudgements],
    run(table, ledger) {
      const codes = new Set(table(councils).rows.flatMap(({ row }) => [row.code, ...row.former_codes]));
      knownCouncilCodes<RowOf<typeof ilacsJudgements>>(codes)(table(ilacsJudgements), ledger);
    },
  },
];
