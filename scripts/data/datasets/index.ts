/**
 * Every dataset the report reads, in load order. A new family adds its datasets here.
 * (data/known-exceptions.csv is loaded first, separately: the checks of the others use it.)
 */
import type { Dataset } from "../dataset.ts";
import { futuresVisions } from "./futures.ts";
import { inspectionOutcomesByYear } from "./outcomes.ts";

export const REPORT_DATASETS: readonly Dataset[] = [inspectionOutcomesByYear, futuresVisions];
