/**
 * The three years' files (./sfr.ts) turned into data/councils/children-in-need-2012-2014.csv:
 * each council row joined to today's council through DfE's number (`geog_c` = the lookup's
 * `dfe_number`), its 2013 and 2014 area code checked against the lookup's code or former
 * codes, and every measure kept as published. Initial assessments within 10 working days are
 * the sum of DfE's three bands (same day, 1–5 days, 6–10 days); a band suppressed leaves the
 * sum empty. A symbol in place of a number leaves the cell empty, and is counted and listed.
 */
import { compareText } from "../../engine/compare.ts";
import { DataError } from "../../engine/data/errors.ts";
import type { ChildrenInNeedRow, CouncilRow } from "../../report/councils/datasets.ts";
import { SFR_MEASURES, type SfrFile, type SfrMeasure, type SfrRow, type SfrValue } from "./sfr.ts";

/** A cell left empty, and why. */
export interface EmptiedCell {
  readonly council: string;
  readonly year: number;
  readonly measure: SfrMeasure | "initialAssessmentsWithin10Days";
  readonly symbol: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ChildrenInNeedBuild {
  readonly rows: ChildrenInNeedRow[];
  /** Per file, per column, per symbol: how many council cells hold it. */
  readonly symbols: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>;
  /** Councils that sent no return for a year (every measure ".."). */
  readonly noReturn: readonly { readonly council: CouncilRow; readonly year: number; readonly file: string; readonly line: number }[];
  /** The area code each National row carries, where it has one (a source error: it is not a council's). */
  readonly nationalCodes: readonly { readonly file: string; readonly line: number; readonly code: string }[];
  /** Councils of the lookup some year's file has and another does not. */
  readonly absent: readonly { readonly council: CouncilRow; readonly year: number }[];
  /** Rows whose area code is the council's code before 1 April 2013 (EARLIER_CODES). */
  readonly oldCodes: readonly { readonly council: CouncilRow; readonly year: number; readonly code: string; readonly file: string; readonly line: number }[];
  /** Initial-assessment sums left empty because a band was suppressed. */
  readonly iaSumEmpty: readonly EmptiedCell[];
}

/**
 * ONS codes retired before the councils' lookup begins (it is made from files that start in
 * 2013-14 and already use the new codes): on 1 April 2013 Gateshead and Northumberland kept their
 * areas and DfE numbers but were given new codes, and DfE's 2013 and 2014 files still print the old ones.
 */
export const EARLIER_CODES: readonly { readonly from: string; readonly to: string; readonly name: string; readonly on: string }[] = [
  { from: "E08000020", to: "E08000037", name: "Gateshead", on: "2013-04-01" },
  { from: "E06000048", to: "E06000057", name: "Northumberland", on: "2013-04-01" },
];

const valueOf = (cell: SfrValue | undefined): number | null => (cell !== undefined && "value" in cell ? cell.value : null);

/** The rows of the canonical file, and what the import report says about them. */
export function buildChildrenInNeed(files: readonly SfrFile[], councils: readonly CouncilRow[]): ChildrenInNeedBuild {
  const byNumber = new Map(councils.map((c) => [c.dfe_number, c] as const));
  const symbols = new Map<string, Map<string, Map<string, number>>>();
  const noReturn: ChildrenInNeedBuild["noReturn"][number][] = [];
  const iaSumEmpty: EmptiedCell[] = [];
  const oldCodes: ChildrenInNeedBuild["oldCodes"][number][] = [];
  const rows: ChildrenInNeedRow[] = [];
  const seenIn = new Map<number, Set<string>>();
  for (const file of files) {
    const perColumn = new Map<string, Map<string, number>>();
    symbols.set(file.file, perColumn);
    const seen = new Map<string, SfrRow>();
    seenIn.set(file.year.year, new Set());
    for (const source of file.rows) {
      const council = byNumber.get(source.dfeNumber);
      const numberColumn = source.dfeNumberColumn;
      if (!council) throw new DataError(file.file, source.line, numberColumn, `DfE number ${source.dfeNumber} (${source.name}) is no council's dfe_number in data/councils/councils.csv`);
      const earlierCode = EARLIER_CODES.find((c) => c.from === source.areaCode && c.to === council.code);
      if (earlierCode) oldCodes.push({ council, year: file.year.year, code: earlierCode.from, file: file.file, line: source.line });
      if (source.areaCode !== null && source.areaCode !== council.code && !council.former_codes.includes(source.areaCode) && !earlierCode) {
        throw new DataError(file.file, source.line, source.areaCodeColumn, `area code ${source.areaCode} is not the code of DfE number ${source.dfeNumber}, ${council.name} (${council.code}${council.former_codes.length > 0 ? `, formerly ${council.former_codes.join(", ")}` : ""}) in data/councils/councils.csv`);
      }
      const earlier = seen.get(council.code);
      if (earlier) throw new DataError(file.file, source.line, numberColumn, `a second row for ${council.name} (DfE number ${source.dfeNumber}); the first is on line ${earlier.line}`);
      seen.set(council.code, source);
      seenIn.get(file.year.year)?.add(council.code);
      for (const measure of SFR_MEASURES) {
        const cell = source.cells[measure];
        const column = file.year.columns[measure];
        if (cell === undefined || column === null || !("symbol" in cell)) continue;
        const counts = perColumn.get(column) ?? new Map<string, number>();
        counts.set(cell.symbol, (counts.get(cell.symbol) ?? 0) + 1);
        perColumn.set(column, counts);
      }
      const measured = SFR_MEASURES.filter((m) => m !== "population" && source.cells[m] !== undefined);
      const submitted = !measured.every((m) => {
        const cell = source.cells[m];
        return cell !== undefined && "symbol" in cell && cell.symbol === "..";
      });
      if (!submitted) noReturn.push({ council, year: file.year.year, file: file.file, line: source.line });
      const bands = (["iaSameDay", "ia1to5", "ia6to10"] as const).map((m) => source.cells[m]);
      const within = bands.every((b) => b !== undefined && "value" in b) ? bands.reduce((sum, b) => sum + (valueOf(b) ?? 0), 0) : null;
      if (within === null && valueOf(source.cells.initialAssessments) !== null) {
        const band = (["iaSameDay", "ia1to5", "ia6to10"] as const).find((m) => valueOf(source.cells[m]) === null) as SfrMeasure;
        const cell = source.cells[band] as { symbol: string };
        iaSumEmpty.push({ council: council.code, year: file.year.year, measure: "initialAssessmentsWithin10Days", symbol: cell.symbol, file: file.file, line: source.line, column: source.columnOf(band) });
      }
      const sa = source.cells.singleAssessments;
      const singleAssessments = sa === undefined ? "no" : "value" in sa ? (sa.value > 0 ? "yes" : "no") : sa.symbol === "x" ? "yes" : sa.symbol === "." ? "no" : "unknown";
      rows.push({
        council_code: council.code,
        year_ending_march: file.year.year,
        dfe_number: source.dfeNumber,
        submitted: submitted ? "yes" : "no",
        referrals: valueOf(source.cells.referrals),
        referrals_rate_published: valueOf(source.cells.referralsRate),
        initial_assessments: valueOf(source.cells.initialAssessments),
        initial_assessments_within_10_days: within,
        single_assessments_reported: singleAssessments,
        cpp_at_31_march: valueOf(source.cells.cpp),
        cpp_rate_published: valueOf(source.cells.cppRate),
        cpp_reviews_due: valueOf(source.cells.cppReviewsDue),
        cpp_reviewed_in_timescales: valueOf(source.cells.cppReviewed),
        cpp_reviewed_percent_published: valueOf(source.cells.cppReviewedPercent),
        population_0_17_published: valueOf(source.cells.population),
        population_mid_year: file.year.year - 1,
        source_line: source.line,
      });
    }
  }
  const everywhere = new Set([...seenIn.values()].flatMap((s) => [...s]));
  const absent = [...seenIn.entries()].flatMap(([year, seen]) => [...everywhere].filter((code) => !seen.has(code)).map((code) => ({ council: councils.find((c) => c.code === code) as CouncilRow, year })));
  rows.sort((a, b) => compareText(a.council_code, b.council_code) || a.year_ending_march - b.year_ending_march);
  const nationalCodes = files.flatMap((f) => (f.national?.areaCode ? [{ file: f.file, line: f.national.line, code: f.national.areaCode }] : []));
  return { rows, symbols, noReturn, nationalCodes, absent, iaSumEmpty, oldCodes };
}
