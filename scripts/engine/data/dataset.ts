/**
 * A dataset: where its CSV lives, the zod schema of its rows and the whole-table checks
 * it must pass. Each family of datasets lives in scripts/data/datasets/<family>.ts and
 * is listed in scripts/data/datasets/index.ts; each file also needs its line in data/README.md.
 */
import type { z } from "zod";
import type { Check } from "./checks.ts";
import type { RowSchema } from "./load.ts";

export interface Dataset<S extends RowSchema = RowSchema> {
  readonly file: string;
  readonly schema: S;
  readonly checks: readonly Check<z.output<S>>[];
}

export const defineDataset = <S extends RowSchema>(dataset: Dataset<S>): Dataset<S> => dataset;

/** The row type of a dataset. */
export type RowOf<D> = D extends Dataset<infer S> ? z.output<S> : never;
