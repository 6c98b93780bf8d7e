/**
 * The outside source files the inspections import reads, and a zod schema for each.
 * Files are read in place from the sources folder (never copied into the project);
 * every row is validated, and a bad cell stops the import with `file:line:column: message`.
 *
 * Schemas check the columns the import uses; other columns are read as plain text so
 * that the header still has to match exactly.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { codeCell, isCalendarDate, isoDateCell, optionalCell, textCell } from "../engine/data/cells.ts";
import { DataError, quoted } from "../engine/data/errors.ts";
import { parseCsv, type RowSchema, type Table } from "../engine/data/load.ts";

/** Paths of the source files, relative to the sources folder (as laid out by the data scout). */
export const SOURCE_FILES = {
  ofsted: "dfe-analytical-services__CSC_outcomes_and_enablers/derived/Childrens_social_care_in_England_2023__LA_inspections_2009-2023.csv",
  sifDates: "JT-39__ofsted-ilacs-scrape-tool/derived/sif_era_report_dates_from_pdfs.csv",
  referrals: "dfe-analytical-services__CSC_outcomes_and_enablers/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
  plans: "dfe-analytical-services__CSC_outcomes_and_enablers/d5_cpps_at31march_by_duration_2013_to_2025.csv",
  population: "dfe-analytical-services__CSC_outcomes_and_enablers/ons_mid-year_population_estimates_2012_to_2024.csv",
} as const;

export type SourceKey = keyof typeof SOURCE_FILES;

const anyText = () => z.string();

// ---------------------------------------------------------------------------
// Ofsted's table of every council's inspections, 2009–2023 (Tables 10 and 11).

export const OFSTED_GRADES = ["inadequate", "requires_improvement", "good", "outstanding"] as const;
export type OfstedGrade = (typeof OFSTED_GRADES)[number];

/**
 * Ofsted's wording of a judgement. The table prints the pre-2013 grade "adequate" as
 * "Requires improvement to be good"; both become `requires_improvement`.
 */
const GRADE_WORDING: Readonly<Record<string, OfstedGrade>> = {
  Inadequate: "inadequate",
  "Requires improvement to be good": "requires_improvement",
  Good: "good",
  Outstanding: "outstanding",
};

/** A judgement cell: a grade, `null` when empty, or `"-"` (the table's mark for no judgement). */
export type GradeCell = OfstedGrade | "-" | null;

export function ofstedGradeCell() {
  return z.string().transform((raw, ctx): GradeCell => {
    const text = raw.trim();
    if (text === "") return null;
    if (text === "-") return "-";
    const grade = GRADE_WORDING[text];
    if (grade) return grade;
    ctx.issues.push({ code: "custom", message: `${quoted(text)} is not one of: ${Object.keys(GRADE_WORDING).join(", ")}, - or empty`, input: raw });
    return z.NEVER;
  });
}

/** A date written dd/mm/yyyy, returned as ISO `yyyy-mm-dd`; empty → null. */
export function ofstedDateCell() {
  return z.string().transform((raw, ctx): string | null => {
    const text = raw.trim();
    if (text === "") return null;
    const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
    if (match && isCalendarDate(Number(match[3]), Number(match[2]), Number(match[1]))) return `${match[3]}-${match[2]}-${match[1]}`;
    ctx.issues.push({ code: "custom", message: match ? `${quoted(text)} is not a day in the calendar` : `${quoted(text)} is not a date like 31/03/2014`, input: raw });
    return z.NEVER;
  });
}

export const OFSTED_TABLES = { "Table 10: current LAs": "table-10", "Table 11: LAs that existed before restructure": "table-11" } as const;
export type OfstedTableCode = (typeof OFSTED_TABLES)[keyof typeof OFSTED_TABLES];

const ilacsTypeCell = () =>
  z.string().transform((raw, ctx): "standard" | "short" | null => {
    const text = raw.trim();
    if (text === "") return null;
    if (text === "ILACS Standard Inspection") return "standard";
    if (text === "ILACS Short Inspection") return "short";
    ctx.issues.push({ code: "custom", message: `${quoted(text)} is not one of: ILACS Standard Inspection, ILACS Short Inspection or empty`, input: raw });
    return z.NEVER;
  });

const grade = ofstedGradeCell;
const date = ofstedDateCell;

export const ofstedTableSchema = z.object({
  table: codeCell(Object.keys(OFSTED_TABLES) as [keyof typeof OFSTED_TABLES, ...(keyof typeof OFSTED_TABLES)[]]),
  "Web link": anyText(),
  "Local authority name": textCell("local authority name"),
  "LA region": textCell("region"),
  "LA Authority Type": textCell("authority type"),
  "Safeguarding & Looked After Children (SLAC) Inspection publication date": date(),
  "SLAC Safeguarding Overall effectiveness (OE)": grade(),
  "SLAC Looked After Children Overall Effectiveness (OE)": grade(),
  "SLAC re-inspection of Safeguarding publication date": date(),
  "SLAC re-inspection Safeguarding OE": grade(),
  "SLAC re-inspection of services for Children Looked After publication date": date(),
  "SLAC re-inspection of services Children Looked After OE": grade(),
  "Child Protection Inspections (CPI) publication date": date(),
  "CPI Overall Effectiveness (OE)": grade(),
  "Child Protection Re-Inspection (CPRI) publication date": date(),
  "CPRI Overall Effectiveness (OE)": grade(),
  "Targeted Looked After Children (TLAC) inspection publication date": date(),
  "TLAC Overall Effectiveness (OE)": grade(),
  "Single Inspection of LA Children's Services (SIF) First SIF publication date": date(),
  "First SIF Overall Judgement (OE)": grade(),
  "First SIF children who need help and protection": grade(),
  "First SIF children looked after and achieving permanence": grade(),
  "First SIF CLA Sub: Adoption Performance": grade(),
  "First SIF CLA Sub: Experiences and progress of care leavers": grade(),
  "First SIF leadership, management and governance": grade(),
  "LSCB Overall Effectiveness": grade(),
  "Single Inspection of LA Children's Services (SIF) SIF Re-inspection publication date": date(),
  "SIF Re-inspection Overall Judgement (OE)": grade(),
  "SIF Re-inspection children who need help and protection": grade(),
  "SIF Re-inspection children looked after and achieving permanence": grade(),
  "SIF Re-inspection CLA Sub: Adoption Performance": grade(),
  "SIF Re-inspection CLA Sub: Experiences and progress of care leavers": grade(),
  "SIF Re-inspection leadership, management and governance": grade(),
  "First ILACS framework inspection type": ilacsTypeCell(),
  "First ILACS framework publication date": date(),
  "First ILACS framework overall effectiveness": grade(),
  "First ILACS framework impact of leaders": grade(),
  "First ILACS framework experiences and progress of children who need help and protection": grade(),
  "First ILACS framework experiences and progress of children in care and care leavers": grade(),
  "Second ILACS framework inspection type": ilacsTypeCell(),
  "Second ILACS framework publication date": date(),
  "Second ILACS framework overall effectiveness": grade(),
  "Second ILACS framework impact of leaders": grade(),
  "Second ILACS framework experiences and progress of children who need help and protection": grade(),
  "Second ILACS framework experiences and progress of children in care": grade(),
  "Second ILACS framework experiences and progress of care leavers": grade(),
});

export type OfstedRow = z.output<typeof ofstedTableSchema>;
export type OfstedColumn = keyof OfstedRow & string;

// ---------------------------------------------------------------------------
// SIF-era report dates read from the report PDFs.

export const sifDatesSchema = z.object({
  urn: z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (/^\d+$/.test(text)) return text;
    ctx.issues.push({ code: "custom", message: `${quoted(text)} is not an Ofsted URN (digits only)`, input: raw });
    return z.NEVER;
  }),
  la_folder_name: textCell("folder name"),
  pdf_path_in_repo: textCell("PDF path"),
  report_title_type: anyText(),
  is_reinspection: codeCell(["True", "False"]),
  inspection_date_text: anyText(),
  inspection_start: optionalCell(isoDateCell()),
  inspection_end: optionalCell(isoDateCell()),
  report_published_text: anyText(),
  report_published: isoDateCell(),
  report_published_source: codeCell(["pdf_text", "file_name"]),
});

export type SifDatesRow = z.output<typeof sifDatesSchema>;

// ---------------------------------------------------------------------------
// DfE Explore Education Statistics files (children in need, child protection plans, population).

/**
 * The symbols DfE statistics print in place of a number (EES conventions), with their
 * meaning. A cell holding one of these has no value.
 */
export const SUPPRESSION_CODES: Readonly<Record<string, string>> = {
  c: "suppressed to protect confidentiality",
  k: "rounds to zero but is not zero",
  low: "rounds to zero but is not zero",
  u: "low reliability (DfE does not publish the figure)",
  x: "not available",
  z: "not applicable",
};

/** A count: a whole number, or one of DfE's suppression symbols. */
export type Count = { readonly value: number } | { readonly code: string };

export function countCell() {
  return z.string().transform((raw, ctx): Count => {
    const text = raw.trim();
    if (/^\d+$/.test(text)) return { value: Number(text) };
    if (Object.hasOwn(SUPPRESSION_CODES, text)) return { code: text };
    const message = text === "" ? "the count is empty; a whole number or a suppression symbol is needed" : `${quoted(text)} is neither a whole number nor one of the suppression symbols ${Object.keys(SUPPRESSION_CODES).join(", ")}`;
    ctx.issues.push({ code: "custom", message, input: raw });
    return z.NEVER;
  });
}

const yearCell = () =>
  z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (/^\d{4}$/.test(text)) return Number(text);
    ctx.issues.push({ code: "custom", message: `${quoted(text)} is not a four-digit year`, input: raw });
    return z.NEVER;
  });

const LEVELS = ["National", "Regional", "Local authority"] as const;

/** The columns every EES file starts with. */
const eesKeys = {
  time_period: yearCell(),
  time_identifier: codeCell(["Reporting year"]),
  geographic_level: codeCell(LEVELS),
  country_code: anyText(),
  country_name: anyText(),
  region_code: anyText(),
  region_name: anyText(),
  old_la_code: anyText(),
  new_la_code: anyText(),
  la_name: anyText(),
};

export const referralsSchema = z.object({
  ...eesKeys,
  category: anyText(),
  referral_count: countCell(),
  rereferral_count: anyText(),
  rereferral_percent: anyText(),
  no_further_action_count: anyText(),
  no_further_action_percent: anyText(),
  not_in_need_count: anyText(),
  not_in_need_percent: anyText(),
  referral_child_count: anyText(),
  rereferral_child_count: anyText(),
  rereferral_child_percent: anyText(),
});

export const plansSchema = z.object({
  ...eesKeys,
  category: anyText(),
  CPP_At31: countCell(),
  "3_months_or_less": anyText(),
  "3_months_or_less_percent": anyText(),
  more_than_3_months_6_months: anyText(),
  more_than_3_months_6_months_percent: anyText(),
  more_than_6_months_less_than_1_year: anyText(),
  more_than_6_months_less_than_1_year_percent: anyText(),
  "1_year_less_than_2_years": anyText(),
  "1_year_less_than_2_years_percent": anyText(),
  "2_years_or_more": anyText(),
  "2_years_or_more_percent": anyText(),
});

export const populationSchema = z.object({
  ...eesKeys,
  age_group: codeCell(["Children aged 0 to 17 years"]),
  population_estimate: countCell(),
});

/** One local-authority row of an EES file, reduced to what the import uses. */
export interface EesRow {
  /** Year ending 31 March for DfE collections; the mid-year (30 June) for ONS estimates. */
  readonly period: number;
  readonly oldCode: string;
  readonly newCode: string;
  readonly name: string;
  readonly region: string;
  readonly count: Count;
  /** Where the row, its count cell and its area-code cell are. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly codeColumn: number;
  readonly oldCodeColumn: number;
}

export interface EesFile {
  readonly file: string;
  /** Local-authority rows only. */
  readonly rows: readonly EesRow[];
  /** Lines of the national and regional rows, which the import does not use. */
  readonly otherLevelLines: readonly number[];
  /** What the period means for this file. */
  readonly period: "year-ending-march" | "mid-year";
}

type EesTableRow = z.output<typeof referralsSchema> | z.output<typeof plansSchema> | z.output<typeof populationSchema>;

/** Keep the local-authority rows and check the fields that identify the council. */
export function eesFile<R extends EesTableRow>(table: Table<R>, countColumn: keyof R & string, period: EesFile["period"]): EesFile {
  const rows: EesRow[] = [];
  const otherLevelLines: number[] = [];
  for (const { row, line } of table.rows) {
    if (row.geographic_level !== "Local authority") {
      otherLevelLines.push(line);
      continue;
    }
    const need = (field: keyof R & string, pattern: RegExp, what: string) => {
      const value = String(row[field]).trim();
      if (!pattern.test(value)) throw new DataError(table.file, line, table.column(field), `${field}: ${value === "" ? "empty" : quoted(value)} is not ${what} (needed on local-authority rows)`);
      return value;
    };
    rows.push({
      period: row.time_period,
      oldCode: need("old_la_code", /^\d{3}$/, "a three-digit DfE local authority number"),
      newCode: need("new_la_code", /^E(06|08|09|10)\d{6}$/, "an E06, E08, E09 or E10 area code"),
      name: need("la_name", /\S/, "a local authority name"),
      region: need("region_name", /\S/, "a region name"),
      count: row[countColumn] as Count,
      file: table.file,
      line,
      column: table.column(countColumn),
      codeColumn: table.column("new_la_code"),
      oldCodeColumn: table.column("old_la_code"),
    });
  }
  return { file: table.file, rows, otherLevelLines, period };
}

// ---------------------------------------------------------------------------

/** The sources folder as it appears in messages: forward slashes, no trailing slash. */
export const sourceLabel = (dir: string) => dir.split(path.sep).join("/").replace(/(.)\/+$/, "$1");

export interface Sources {
  readonly ofsted: Table<OfstedRow>;
  readonly sifDates: Table<SifDatesRow>;
  readonly referrals: EesFile;
  readonly plans: EesFile;
  readonly population: EesFile;
}

/**
 * Read and validate every source file. `dir` is the sources folder as the user gave it;
 * error messages name files as `dir/relative-path` so a terminal can open them.
 */
export async function readSources(dir: string): Promise<Sources> {
  const label = sourceLabel(dir);
  const read = async <S extends RowSchema>(key: SourceKey, schema: S) => {
    const file = `${label}/${SOURCE_FILES[key]}`;
    const text = await readFile(path.join(dir, SOURCE_FILES[key]), "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new DataError(file, 1, 1, error.code === "ENOENT" ? "the source file does not exist" : `the source file cannot be read (${error.code})`);
    });
    return parseCsv(file, text, schema);
  };
  const [ofsted, sifDates, referrals, plans, population] = await Promise.all([
    read("ofsted", ofstedTableSchema),
    read("sifDates", sifDatesSchema),
    read("referrals", referralsSchema),
    read("plans", plansSchema),
    read("population", populationSchema),
  ]);
  return {
    ofsted,
    sifDates,
    referrals: eesFile(referrals, "referral_count", "year-ending-march"),
    plans: eesFile(plans, "CPP_At31", "year-ending-march"),
    population: eesFile(population, "population_estimate", "mid-year"),
  };
}

