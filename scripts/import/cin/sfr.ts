/**
 * DfE's "Characteristics of children in need" underlying data for the years ending March
 * 2012, 2013 and 2014 (SFR27/2012, SFR45/2013, SFR43/2014), read as published: one CSV per
 * year, a National row and one row per council keyed by DfE's three-digit number (`geog_c`),
 * with columns named by the year (`Referrals1112`, `CPPAt310312`, …).
 *
 * DfE's symbols in place of a number (the files' metadata documents):
 *   x    a number from 1 to 5, suppressed (or suppressed to protect another)
 *   ..   not submitted (Newham and Havering sent no 2011-12 return)
 *   .    not applicable (a council that had moved wholly to single assessments has no initial assessments)
 * The 2013 file writes numbers of 1,000 or more with a thousands separator, in quotes ("3,258").
 * Anything else in a measure cell stops the import at its file, line and column.
 */
import { z } from "zod";
import { codeCell } from "../../engine/data/cells.ts";
import { quoted } from "../../engine/data/errors.ts";
import type { Table } from "../../engine/data/load.ts";

/** DfE's symbols for a missing number in these files, with their meaning. */
export const SFR_SYMBOLS: Readonly<Record<string, string>> = {
  x: "suppressed (a number from 1 to 5, or hidden to protect one)",
  "..": "not submitted",
  ".": "not applicable",
};

export type SfrSymbol = keyof typeof SFR_SYMBOLS & string;

/** A measure cell: a number, or one of DfE's symbols. */
export type SfrValue = { readonly value: number } | { readonly symbol: string };

/** A number as these files write it: digits, perhaps a decimal part, perhaps thousands separators ("3,258"); or a symbol. */
export function sfrCell() {
  return z.string().transform((raw, ctx): SfrValue => {
    const text = raw.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return { value: Number(text.replace(/,/g, "")) };
    if (Object.hasOwn(SFR_SYMBOLS, text)) return { symbol: text };
    const message = text === "" ? "the cell is empty; a number or one of DfE's symbols x, .., . is needed" : `${quoted(text)} is neither a number nor one of DfE's symbols x (suppressed), .. (not submitted), . (not applicable)`;
    ctx.issues.push({ code: "custom", message, input: raw });
    return z.NEVER;
  });
}

/** The measures the import reads from every year's file. */
export const SFR_MEASURES = [
  "referrals",
  "referralsRate",
  "initialAssessments",
  "iaSameDay",
  "ia1to5",
  "ia6to10",
  "singleAssessments",
  "cpp",
  "cppRate",
  "cppReviewsDue",
  "cppReviewed",
  "cppReviewedPercent",
  "population",
] as const;
export type SfrMeasure = (typeof SFR_MEASURES)[number];

/** The three releases as publications (../publisher/publications.ts lists them by these ids). */
export type SfrPublicationId = "dfe-cin-sfr-2012" | "dfe-cin-sfr-2013" | "dfe-cin-sfr-2014";

export interface SfrYear {
  readonly publication: SfrPublicationId;
  /** Year ending 31 March. */
  readonly year: number;
  /** DfE's release, as cited. */
  readonly release: string;
  /** The column of each measure in this year's file; null where the year's file has none. */
  readonly columns: Readonly<Record<SfrMeasure, string | null>>;
  /** Whether the file has a new_la_code column (the 2013 and 2014 files). */
  readonly areaCodes: boolean;
}

/** The three years' files: which column holds which measure. */
export const SFR_YEARS: readonly SfrYear[] = [
  {
    publication: "dfe-cin-sfr-2012",
    year: 2012,
    release: "SFR27/2012",
    areaCodes: false,
    columns: {
      referrals: "Referrals1112",
      referralsRate: "Referrals1112Rate",
      initialAssessments: "IAs1112",
      iaSameDay: "IAsStartEndSameDay1112",
      ia1to5: "IAs1-5days1112",
      ia6to10: "IAs6-10days1112",
      singleAssessments: null,
      cpp: "CPPAt310312",
      cppRate: "CPPAt310312Rate",
      cppReviewsDue: "CPPAt310312For3+mths",
      cppReviewed: "CPPsReviewedinTimescales",
      cppReviewedPercent: "%CPPsReviewedinTimescales",
      population: "Mid2011Pop0-17",
    },
  },
  {
    publication: "dfe-cin-sfr-2013",
    year: 2013,
    release: "SFR45/2013",
    areaCodes: true,
    columns: {
      referrals: "Referrals1213",
      referralsRate: "Referrals1213Rate",
      initialAssessments: "IAs1213",
      iaSameDay: "IAsStartEndSameDay1213",
      ia1to5: "IAs1-5days1213",
      ia6to10: "IAs6-10days1213",
      singleAssessments: null,
      cpp: "CPPAt310313",
      cppRate: "CPPAt310313Rate",
      cppReviewsDue: "CPPAt310313For3+mths",
      cppReviewed: "CPPsReviewedinTimescales",
      cppReviewedPercent: "%CPPsReviewedinTimescales",
      population: "Mid2012Pop0-17",
    },
  },
  {
    publication: "dfe-cin-sfr-2014",
    year: 2014,
    release: "SFR43/2014",
    areaCodes: true,
    columns: {
      referrals: "Referrals1314",
      referralsRate: "Referrals1314Rate",
      initialAssessments: "IAs1314",
      iaSameDay: "IAsStartEndSameDay1314",
      ia1to5: "IAs1-5days1314",
      ia6to10: "IAs6-10days1314",
      singleAssessments: "SAs1314",
      cpp: "CPPAt310314",
      cppRate: "CPPAt310314Rate",
      cppReviewsDue: null,
      cppReviewed: "CPPsReviewedinTimescales",
      cppReviewedPercent: "%CPPsReviewedinTimescales",
      population: "Mid2013Pop017",
    },
  },
];

/** The header columns that tell each year's file from the others (for ./publisher/publications.ts). */
export const sfrSignature = (year: SfrYear): string[] => [year.columns.referrals, year.columns.initialAssessments, year.columns.cpp, year.columns.cppRate, year.columns.population].filter((c): c is string => c !== null);

/** The zod schema of one year's file: its keys, and each measure column it has. */
export function sfrSchema(year: SfrYear) {
  const shape: Record<string, z.ZodType<unknown, string>> = {
    geog_l: codeCell(["National", "LA"]),
    geog_c: z.string(),
    geog_n: z.string(),
  };
  if (year.areaCodes) shape.new_la_code = z.string();
  for (const column of Object.values(year.columns)) if (column !== null) shape[column] = sfrCell();
  return z.object(shape);
}

/** A council's row of one year's file, as read. */
export interface SfrRow {
  readonly year: number;
  readonly file: string;
  readonly line: number;
  readonly dfeNumber: string;
  /** The area code the file gives (2013 and 2014), or null. */
  readonly areaCode: string | null;
  readonly name: string;
  /** Each measure's value or symbol; a measure the year's file lacks is absent. */
  readonly cells: Readonly<Partial<Record<SfrMeasure, SfrValue>>>;
  /** Where each measure's cell is: its column. */
  readonly columnOf: (measure: SfrMeasure) => number;
  /** The columns of geog_c and new_la_code (0 without one). */
  readonly dfeNumberColumn: number;
  readonly areaCodeColumn: number;
}

export interface SfrFile {
  readonly year: SfrYear;
  readonly file: string;
  readonly rows: readonly SfrRow[];
  /** The National row's line, and the area code it (wrongly) carries, if any. */
  readonly national: { readonly line: number; readonly areaCode: string | null } | null;
}

/** One year's table reduced to its council rows and its National row. */
export function sfrFile(year: SfrYear, table: Table<Record<string, unknown>>): SfrFile {
  const rows: SfrRow[] = [];
  let national: SfrFile["national"] = null;
  for (const { row, line } of table.rows) {
    const areaCode = year.areaCodes ? String(row.new_la_code).trim() : null;
    if (row.geog_l === "National") {
      national = { line, areaCode: areaCode === "" ? null : areaCode };
      continue;
    }
    const cells: Partial<Record<SfrMeasure, SfrValue>> = {};
    for (const measure of SFR_MEASURES) {
      const column = year.columns[measure];
      if (column !== null) cells[measure] = row[column] as SfrValue;
    }
    rows.push({
      year: year.year,
      file: table.file,
      line,
      dfeNumber: String(row.geog_c).trim(),
      areaCode: areaCode === "" ? null : areaCode,
      name: String(row.geog_n).trim(),
      cells,
      dfeNumberColumn: table.column("geog_c"),
      areaCodeColumn: year.areaCodes ? table.column("new_la_code") : 0,
      columnOf: (measure) => {
        const column = year.columns[measure];
        return column === null ? 0 : table.column(column);
      },
    });
  }
  return { year, file: table.file, rows, national };
}
