/**
 * Demand by council and year ending 31 March: referrals (DfE c1), children on a child
 * protection plan at 31 March (DfE d5, `CPP_At31`) and the ONS estimate of children aged
 * 0–17 used as the denominator of rates per 10,000.
 *
 * Population rule: the year ending 31 March N uses the ONS mid-year estimate for 30 June
 * N−1 (the DfE convention: 2013-14 rates use the mid-2013 estimate). The council's rows are
 * joined through its code (former codes included), so a council that changed code keeps
 * one series.
 *
 * A suppressed value (DfE symbol such as `c` or `x`), a missing row or a missing estimate
 * leaves the cell empty; each one is listed in the import report.
 */
import { DataError } from "../engine/data/errors.ts";
import type { DemandRow } from "../report/councils/datasets.ts";
import { compareText } from "../engine/compare.ts";
import type { CouncilLookup } from "./councils.ts";
import { SUPPRESSION_CODES, type EesFile, type EesRow } from "./sources.ts";

export type DemandField = "referrals" | "cpp_at_31_march" | "population_0_17";

export interface EmptyCell {
  readonly council: string;
  readonly year: number;
  readonly field: DemandField;
  /** Where the suppressed value is; absent when the source has no row at all. */
  readonly at?: { file: string; line: number; column: number };
  readonly why: string;
}

export interface DemandNotes {
  readonly empty: EmptyCell[];
  /** Population rows not used by any demand row. */
  readonly unusedPopulation: EesRow[];
}

/** The ONS mid-year whose estimate goes with the year ending March `year`. */
export const populationMidYearFor = (year: number) => year - 1;

export function buildDemand(referrals: EesFile, plans: EesFile, population: EesFile, lookup: CouncilLookup): { rows: DemandRow[]; notes: DemandNotes } {
  const notes: DemandNotes = { empty: [], unusedPopulation: [] };
  const ref = indexByCouncil(referrals, lookup);
  const cpp = indexByCouncil(plans, lookup);
  const pop = indexByCouncil(population, lookup);
  const keys = [...new Set([...ref.keys(), ...cpp.keys()])].sort(compareText);
  const usedPopulation = new Set<string>();

  const rows = keys.map((key): DemandRow => {
    const [council, yearText] = key.split("/");
    const year = Number(yearText);
    const midYear = populationMidYearFor(year);
    const popKey = `${council}/${midYear}`;
    if (pop.has(popKey)) usedPopulation.add(popKey);
    const cell = (field: DemandField, source: EesRow | undefined, file: EesFile, what: string): number | null => {
      if (source === undefined) {
        notes.empty.push({ council, year, field, why: `${file.file} has no row for ${council} ${what}` });
        return null;
      }
      if ("value" in source.count) return source.count.value;
      const code = source.count.code;
      notes.empty.push({ council, year, field, at: { file: source.file, line: source.line, column: source.column }, why: `"${code}": ${SUPPRESSION_CODES[code]}` });
      return null;
    };
    return {
      council_code: council,
      year_ending_march: year,
      referrals: cell("referrals", ref.get(key), referrals, `in the year ending March ${year}`),
      cpp_at_31_march: cell("cpp_at_31_march", cpp.get(key), plans, `in the year ending March ${year}`),
      population_0_17: cell("population_0_17", pop.get(popKey), population, `for mid-${midYear}`),
      population_mid_year: midYear,
    };
  });
  for (const [key, row] of pop) if (!usedPopulation.has(key)) notes.unusedPopulation.push(row);
  notes.unusedPopulation.sort((a, b) => a.line - b.line);
  return { rows, notes };
}

/** Rows of one file keyed by "council code/period", with the code mapped to the council's current code. */
function indexByCouncil(file: EesFile, lookup: CouncilLookup): Map<string, EesRow> {
  const index = new Map<string, EesRow>();
  for (const row of file.rows) {
    const council = lookup.byCode(row.newCode);
    if (!council) throw new DataError(file.file, row.line, row.codeColumn, `${row.newCode} (${row.name}) is not a council in the lookup`);
    const key = `${council.code}/${row.period}`;
    const earlier = index.get(key);
    if (earlier) throw new DataError(file.file, row.line, row.codeColumn, `a second row for ${council.name} (${council.code}) in ${row.period}; the first is on line ${earlier.line}`);
    index.set(key, row);
  }
  return index;
}
