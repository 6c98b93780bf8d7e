/**
 * Every dataset the report reads, in load order. A new family adds its datasets here.
 * (data/known-exceptions.csv is loaded first, separately: the checks of the others use it.)
 */
import type { ExceptionLedger } from "../../engine/data/checks.ts";
import type { Dataset, RowOf } from "../../engine/data/dataset.ts";
import type { Table } from "../../engine/data/load.ts";
import { cohort2013Design, cohort2013Indicators } from "../../report/cohort/datasets.ts";
import { costOfFailure } from "../../report/cost/datasets.ts";
import { councils, demand, inspections, knownCouncilCodes } from "../../report/councils/datasets.ts";
import { futuresVisions } from "../../report/futures/datasets.ts";
import { ilacsJudgements } from "../../report/ilacs/datasets.ts";
import { projectionInputs } from "../../report/projection/datasets.ts";
import { meanReversionIllustration } from "../../report/cohort/reversion-dataset.ts";
import { repeatInspectionTransitions } from "../../report/transitions/datasets.ts";
import { inspectionOutcomesByYear } from "../../report/outcomes/datasets.ts";
import { surveyStatements, workforceExhaustion } from "../../report/survey/datasets.ts";

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
