/**
 * The publications the inspections import reads, as their publishers publish them, and a
 * zod schema of the columns it uses in each: Ofsted's table of every council's inspections
 * (a sheet of the .ods "Children's social care data in England"), the SIF dates read from
 * the report PDFs, and DfE's explore-education-statistics CSV files of referrals, child
 * protection plans and ONS population. Sheets and columns are found by their names
 * (./publisher/); every row is validated, and a bad cell stops the import with
 * `file[sheet]:row:column: message`.
 */
import { z } from "zod";
import { codeCell, isCalendarDate, isoDateCell, optionalCell, textCell } from "../engine/data/cells.ts";
import { DataError, quoted } from "../engine/data/errors.ts";
import type { Table } from "../engine/data/load.ts";
import { importFiles, type PublicationId, type SourceFile } from "./publisher/publications.ts";
import { sheetLabel, sheetTables } from "./publisher/tables.ts";

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

/** The sheet's two tables: current councils (table 10), and councils that existed before a restructure (table 11, captioned so). */
export type OfstedTableCode = "table-10" | "table-11";
const tableOf = (caption: string | null): OfstedTableCode => (caption !== null && /before (the )?restructure/i.test(caption) ? "table-11" : "table-10");

/**
 * The table of councils before a restructure had one ILACS inspection each: its columns say
 * "ILACS framework …" where the table of current councils says "First ILACS framework …",
 * and it has no "Second ILACS framework …" columns.
 */
const OFSTED_COLUMN_RULES = {
  aliases: Object.fromEntries(
    ["inspection type", "publication date", "overall effectiveness", "impact of leaders", "experiences and progress of children who need help and protection", "experiences and progress of children in care and care leavers"].map((what) => [`First ILACS framework ${what}`, [`ILACS framework ${what}`]]),
  ),
  optional: ["inspection type", "publication date", "overall effectiveness", "impact of leaders", "experiences and progress of children who need help and protection", "experiences and progress of children in care", "experiences and progress of care leavers"].map((what) => `Second ILACS framework ${what}`),
};

/** The sheet of every council's inspections: LA_inspections_2009-2023 in the 2023 edition, ending with the edition's year. */
export const OFSTED_SHEET = /^LA_inspections_2009-\d{4}$/;

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

/** The columns of Ofsted's sheet the import reads (the web link's text and the authority type it leaves: see ofsted-events.ts). */
export const ofstedTableSchema = z.object({
  "Local authority name": textCell("local authority name"),
  "LA region": textCell("region"),
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

/** A row of Ofsted's sheet, with the table it stands in: current councils, or those that existed before a restructure. */
export type OfstedRow = z.output<typeof ofstedTableSchema> & { readonly table: OfstedTableCode };
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

/** The columns of an EES file that identify a row (every such file has them). */
const eesKeys = {
  time_period: yearCell(),
  time_identifier: codeCell(["Reporting year"]),
  geographic_level: codeCell(LEVELS),
  region_name: anyText(),
  old_la_code: anyText(),
  new_la_code: anyText(),
  la_name: anyText(),
};

export const referralsSchema = z.object({ ...eesKeys, referral_count: countCell() });

export const plansSchema = z.object({ ...eesKeys, CPP_At31: countCell() });

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

export interface Sources {
  readonly ofsted: Table<OfstedRow>;
  readonly sifDates: Table<SifDatesRow>;
  readonly referrals: EesFile;
  readonly plans: EesFile;
  readonly population: EesFile;
  /** The files read, for the report. */
  readonly files: readonly SourceFile[];
}

/** The publications this import reads (the report scrape and its lookup through report-links.ts). */
export const INSPECTION_PUBLICATIONS: readonly PublicationId[] = ["ofsted-csc-data", "sif-report-dates", "dfe-referrals", "dfe-protection-plans", "ons-population-0-17", "ilacs-report-scrape", "ilacs-scrape-lookup"];

/** The sheet of Ofsted's inspections: one table of current councils and one of councils before a restructure, with the same columns. */
export function ofstedTable(source: SourceFile): Table<OfstedRow> {
  const book = source.workbook;
  if (!book) throw new DataError(source.name, 1, 1, "is not a spreadsheet");
  const sheet = book.sheetNames.find((name) => OFSTED_SHEET.test(name));
  if (!sheet) throw new DataError(source.name, 1, 1, `no sheet named like LA_inspections_2009-YYYY (the sheets are: ${book.sheetNames.join(", ")})`);
  const tables = sheetTables({ ...book, file: source.name }, sheet, ofstedTableSchema, OFSTED_COLUMN_RULES);
  const [first] = tables;
  const where = sheetLabel(source.name, sheet);
  // One column() serves every row's messages: a column both tables have must stand in the same place.
  for (const other of tables.slice(1)) {
    for (const field of Object.keys(ofstedTableSchema.shape)) {
      if (other.column(field) > 0 && first.column(field) > 0 && other.column(field) !== first.column(field)) throw new DataError(where, other.headerRow, other.column(field), `the table under row ${other.headerRow - 1} has its column ${JSON.stringify(field)} in another place than the first table; the two tables must line up`);
    }
  }
  const codes = tables.map((t) => tableOf(t.caption));
  if (codes.filter((code) => code === "table-10").length > 1) throw new DataError(where, tables[1].headerRow, 1, "the sheet has two tables of current councils; the second table's caption should say the councils existed before the restructure");
  return {
    file: where,
    header: first.header,
    column: first.column,
    rows: tables.flatMap((t, index) => t.rows.map(({ row, line }) => ({ row: { ...row, table: codes[index] }, line }))),
  };
}

/** Read and validate every publication this import reads, each one file as recognised. */
export function readSources(files: ReadonlyMap<PublicationId, SourceFile>): Sources {
  const { file: source, csv } = importFiles(files, "inspections");
  return {
    ofsted: ofstedTable(source("ofsted-csc-data")),
    sifDates: csv("sif-report-dates", sifDatesSchema),
    referrals: eesFile(csv("dfe-referrals", referralsSchema), "referral_count", "year-ending-march"),
    plans: eesFile(csv("dfe-protection-plans", plansSchema), "CPP_At31", "year-ending-march"),
    population: eesFile(csv("ons-population-0-17", populationSchema), "population_estimate", "mid-year"),
    files: INSPECTION_PUBLICATIONS.map(source),
  };
}
