/**
 * A dataset: where its CSV lives, the zod schema of its rows and the whole-table checks
 * it must pass. A family declares the datasets it reads (scripts/engine/family.ts) and
 * defines its own in its folder's datasets.ts; each file also needs its line in data/README.md.
 */
import type { z } from "zod";
import type { Check, ExceptionLedger } from "./checks.ts";
import type { RowSchema, Table } from "./load.ts";

export interface Dataset<S extends RowSchema = RowSchema> {
  readonly file: string;
  readonly schema: S;
  readonly checks: readonly Check<z.output<S>>[];
  /**
   * Rules against other datasets (codes that must be in a list), run once every dataset of
   * the build has loaded and passed its own checks. Loading this dataset loads those it needs.
   */
  readonly crossChecks?: readonly CrossCheck<z.output<S>>[];
  /** A column of ISO publication dates: the latest date in it is the report's "data as of". */
  readonly asOfColumn?: keyof z.output<S> & string;
}

/** Reads a loaded table; given to cross-dataset checks by the loader. */
export type TableOf = <D extends Dataset>(dataset: D) => Table<RowOf<D>>;

export interface CrossCheck<T> {
  /** The other datasets it reads. */
  readonly needs: readonly Dataset[];
  /** Fails at the offending row of `table`, the dataset that declares the check. */
  readonly run: (table: Table<T>, tableOf: TableOf, ledger: ExceptionLedger) => void;
}

export const defineDataset = <S extends RowSchema>(dataset: Dataset<S>): Dataset<S> => dataset;

/** The row type of a dataset. */
export type RowOf<D> = D extends Dataset<infer S> ? z.output<S> : never;

/** The datasets in the order they load: each after every dataset its cross-checks need, each once. */
export function loadOrder(datasets: readonly Dataset[]): Dataset[] {
  const ordered: Dataset[] = [];
  const visit = (dataset: Dataset, path: readonly Dataset[]) => {
    if (ordered.includes(dataset)) return;
    if (path.includes(dataset)) throw new Error(`the cross-checks of ${[...path, dataset].map((d) => d.file).join(" → ")} need each other`);
    for (const check of dataset.crossChecks ?? []) for (const needed of check.needs) visit(needed, [...path, dataset]);
    ordered.push(dataset);
  };
  for (const dataset of datasets) visit(dataset, []);
  return ordered;
}
