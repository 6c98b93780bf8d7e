/**
 * The publications the ILACS import reads, and a zod schema of the columns it uses in each:
 * Ofsted's official ILACS inspection history (a sheet of "Local authority inspection
 * outcomes as at 31 March YYYY", whose as-at date the edition's as-at sheet gives), the
 * scrape of published reports, and the scrape's lookup from Ofsted URN to area code.
 *
 * What makes a file unreadable stops the import with `file:line:column: message`: a wrong
 * header, a row with the wrong number of fields, an unclosed quote, a URN or area code that
 * is not one, and in Ofsted's official table any cell outside Ofsted's wording (that table
 * is the authority for its years, so it must be read whole). The scrape is a parser's
 * output and is messy by nature: its dates, framework and grade cells are typed here but
 * never fail; the transform (transform.ts) drops a row it cannot use and says why.
 */
import { z } from "zod";
import { codeCell, isCalendarDate, optionalCell, textCell } from "../../engine/data/cells.ts";
import { councilCodeCell } from "../../report/councils/datasets.ts";
import type { IlacsType } from "../../report/ilacs/datasets.ts";
import { DataError, quoted } from "../../engine/data/errors.ts";
import type { Table } from "../../engine/data/load.ts";
import { importFiles, type PublicationId, type SourceFile } from "../publisher/publications.ts";
import { sheetLabel, sheetTables } from "../publisher/tables.ts";
import { ofstedDateCell, ofstedGradeCell, type OfstedGrade } from "../sources.ts";

/** The publications this import reads. */
export const ILACS_PUBLICATIONS: readonly PublicationId[] = ["ofsted-la-outcomes", "ilacs-report-scrape", "ilacs-scrape-lookup"];

/** The sheets of "Local authority inspection outcomes as at 31 March YYYY" the import reads. */
export const HISTORY_SHEET = "ILACS_inspection_history";
export const AS_AT_SHEET = "Inspections_as_at_31_March";

const anyText = () => z.string();

/** An Ofsted unique reference number: digits only. */
export function urnCell() {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (/^\d+$/.test(text)) return text;
    ctx.issues.push({ code: "custom", message: `${quoted(text)} is not an Ofsted URN (digits only)`, input: raw });
    return z.NEVER;
  });
}

// ---------------------------------------------------------------------------
// Ofsted's official ILACS history (sheet ILACS_inspection_history of "Local authority
// inspection outcomes as at 31 March 2025").

const OFFICIAL_TYPES: Readonly<Record<string, IlacsType>> = {
  "ILACS Standard Inspection": "standard",
  "ILACS Short Inspection": "short",
};

const officialTypeCell = () => codeCell(Object.keys(OFFICIAL_TYPES) as [string, ...string[]]).transform((text) => OFFICIAL_TYPES[text]);

export const officialSchema = z.object({
  "Local authority area code": councilCodeCell(),
  "Local authority name": textCell("local authority name"),
  "Local authority status": codeCell(["Current", "No longer exists"]),
  "Ofsted region": textCell("Ofsted region"),
  "Inspection date": ofstedDateCell(),
  "Publication date": ofstedDateCell(),
  "Inspection type": officialTypeCell(),
  "Overall effectiveness": ofstedGradeCell(),
  "The impact of leaders on social work practice with children and families": ofstedGradeCell(),
  "The experiences and progress of children who need help and protection": ofstedGradeCell(),
  "The experiences and progress of children in care": ofstedGradeCell(),
  "The experiences and progress of care leavers": ofstedGradeCell(),
});

export type OfficialRow = z.output<typeof officialSchema>;

/** The official table's columns of the four sub-judgements, by our column name. */
export const OFFICIAL_SUB_COLUMNS = {
  leadership: "The impact of leaders on social work practice with children and families",
  help_protection: "The experiences and progress of children who need help and protection",
  in_care: "The experiences and progress of children in care",
  care_leavers: "The experiences and progress of care leavers",
} as const satisfies Record<string, keyof OfficialRow>;

// ---------------------------------------------------------------------------
// The scrape of published reports (JT-39/ofsted-ilacs-scrape-tool).

/** A scrape cell read as far as it can be: a value, nothing, or the problem with it. */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/**
 * A date written dd/mm/yy (publication) or dd/mm/yyyy (inspection), as ISO `yyyy-mm-dd`.
 * Two-digit years are 20yy: the scrape starts in 2012. Empty → null.
 */
export function scrapeDateCell(digits: 2 | 4) {
  const example = digits === 2 ? "31/03/25" : "31/03/2025";
  const pattern = digits === 2 ? /^(\d{2})\/(\d{2})\/(\d{2})$/ : /^(\d{2})\/(\d{2})\/(\d{4})$/;
  return z.string().transform((raw): Read<string | null> => {
    const text = raw.trim();
    if (text === "") return { ok: true, value: null };
    const match = pattern.exec(text);
    const year = match ? (digits === 2 ? `20${match[3]}` : match[3]) : "";
    if (match && isCalendarDate(Number(year), Number(match[2]), Number(match[1]))) return { ok: true, value: `${year}-${match[2]}-${match[1]}` };
    return { ok: false, problem: match ? `${quoted(text)} is not a day in the calendar` : `${quoted(text)} is not a date like ${example}` };
  });
}

/** The scrape's framework column: an ILACS type, empty (reports before ILACS), or wording we do not know. */
export type ScrapeFramework = { readonly kind: "ilacs"; readonly type: IlacsType } | { readonly kind: "none" } | { readonly kind: "unknown"; readonly text: string };

const SCRAPE_FRAMEWORKS: Readonly<Record<string, IlacsType>> = {
  standard: "standard",
  short: "short",
  "inspection duration longer than standard framework": "longer",
};

const scrapeFrameworkCell = () =>
  z.string().transform((raw): ScrapeFramework => {
    const text = raw.trim();
    if (text === "") return { kind: "none" };
    const type = SCRAPE_FRAMEWORKS[text];
    return type ? { kind: "ilacs", type } : { kind: "unknown", text };
  });

/**
 * A scrape grade cell. Besides the four grades (lower case, "requires improvement") the
 * scrape writes `data_unreadable` when its parser failed, `not_reported_post_reform` for
 * the overall grade of reports after the April 2026 reform, and
 * `inspection_pre_dates_judgement` for care leavers before that judgement existed (2023).
 */
export type ScrapeGrade =
  | { readonly kind: "grade"; readonly grade: OfstedGrade }
  | { readonly kind: "empty" }
  | { readonly kind: "unreadable" }
  | { readonly kind: "post-reform" }
  | { readonly kind: "pre-dates-judgement" }
  | { readonly kind: "unknown"; readonly text: string };

const SCRAPE_GRADES: Readonly<Record<string, OfstedGrade>> = {
  inadequate: "inadequate",
  "requires improvement": "requires_improvement",
  good: "good",
  outstanding: "outstanding",
};

/** The wording a scrape grade cell had, for messages and the comparison with the official table. */
export function scrapeGradeText(cell: ScrapeGrade): string {
  switch (cell.kind) {
    case "grade":
      return cell.grade;
    case "empty":
      return "";
    case "unreadable":
      return "data_unreadable";
    case "post-reform":
      return "not_reported_post_reform";
    case "pre-dates-judgement":
      return "inspection_pre_dates_judgement";
    case "unknown":
      return cell.text;
  }
}

const scrapeGradeCell = () =>
  z.string().transform((raw): ScrapeGrade => {
    const text = raw.trim();
    if (text === "") return { kind: "empty" };
    if (text === "data_unreadable") return { kind: "unreadable" };
    if (text === "not_reported_post_reform") return { kind: "post-reform" };
    if (text === "inspection_pre_dates_judgement") return { kind: "pre-dates-judgement" };
    const grade = SCRAPE_GRADES[text];
    return grade ? { kind: "grade", grade } : { kind: "unknown", text };
  });

const httpsCell = () =>
  z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (/^https:\/\/[^\s"<>]+$/.test(text)) return text;
    ctx.issues.push({ code: "custom", message: `${quoted(text)} is not an https address`, input: raw });
    return z.NEVER;
  });

export const scrapeSchema = z.object({
  urn: urnCell(),
  local_authority: textCell("local authority name"),
  inspection_link: optionalCell(httpsCell()),
  pdf_filename: anyText(),
  publication_date: scrapeDateCell(2),
  inspection_framework: scrapeFrameworkCell(),
  inspector_name: anyText(),
  inspection_start_date: scrapeDateCell(4),
  inspection_end_date: scrapeDateCell(4),
  overall_effectiveness_grade: scrapeGradeCell(),
  impact_of_leaders_grade: scrapeGradeCell(),
  help_and_protection_grade: scrapeGradeCell(),
  in_care_grade: scrapeGradeCell(),
  care_leavers_grade: scrapeGradeCell(),
  parser_version: anyText(),
});

export type ScrapeRow = z.output<typeof scrapeSchema>;
export type ScrapeColumn = keyof ScrapeRow & string;

/** The scrape's columns of the four sub-judgements, by our column name. */
export const SCRAPE_SUB_COLUMNS = {
  leadership: "impact_of_leaders_grade",
  help_protection: "help_and_protection_grade",
  in_care: "in_care_grade",
  care_leavers: "care_leavers_grade",
} as const satisfies Record<string, ScrapeColumn>;

// ---------------------------------------------------------------------------
// The scrape's lookup of local authorities (URN → DfE number and area code).

export const lookupSchema = z.object({
  urn: urnCell(),
  la_code: z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (/^\d{3}$/.test(text)) return text;
    ctx.issues.push({ code: "custom", message: `${quoted(text)} is not a three-digit DfE local authority number`, input: raw });
    return z.NEVER;
  }),
  la_code_new: councilCodeCell(),
  local_authority_ons_name: textCell("local authority name"),
});

export type LookupRow = z.output<typeof lookupSchema>;

// ---------------------------------------------------------------------------

export interface IlacsSources {
  readonly official: Table<OfficialRow>;
  readonly scrape: Table<ScrapeRow>;
  readonly lookup: Table<LookupRow>;
  /** The official table's as-at date (ISO): it lists the inspections up to that day. */
  readonly asAt: string;
  /** The files read, for the report. */
  readonly files: readonly SourceFile[];
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The as-at date of the edition, from the title of its as-at sheet: "… as at 31 March 2025" → "2025-03-31". */
export function asAtDate(source: SourceFile): string {
  const book = source.workbook as NonNullable<SourceFile["workbook"]>;
  const where = sheetLabel(source.name, AS_AT_SHEET);
  if (!book.sheetNames.includes(AS_AT_SHEET)) throw new DataError(source.name, 1, 1, `no sheet named ${AS_AT_SHEET} (the sheets are: ${book.sheetNames.join(", ")}); its title gives the edition's as-at date`);
  for (const { row, cells } of book.rows(AS_AT_SHEET)) {
    const match = /\bas at (\d{1,2}) ([A-Z][a-z]+) (\d{4})\b/.exec(cells.join(" "));
    if (!match) continue;
    const month = MONTHS.indexOf(match[2]) + 1;
    if (month === 0 || !isCalendarDate(Number(match[3]), month, Number(match[1]))) throw new DataError(where, row, 1, `${quoted(match[0])} is not a date`);
    return `${match[3]}-${String(month).padStart(2, "0")}-${match[1].padStart(2, "0")}`;
  }
  throw new DataError(where, 1, 1, 'no title saying "as at <day> <month> <year>": the edition\'s as-at date cannot be read');
}

/** Read and validate the three publications, each one file as recognised; a URN listed twice in the lookup is an error at its second line (uniqueUrns). */
export function readIlacsSources(files: ReadonlyMap<PublicationId, SourceFile>): IlacsSources {
  const { file: source, csv } = importFiles(files, "ILACS");
  const outcomes = source("ofsted-la-outcomes");
  const book = outcomes.workbook;
  if (!book) throw new DataError(outcomes.name, 1, 1, "is not a spreadsheet");
  if (!book.sheetNames.includes(HISTORY_SHEET)) throw new DataError(outcomes.name, 1, 1, `no sheet named ${HISTORY_SHEET} (the sheets are: ${book.sheetNames.join(", ")})`);
  const [official, ...more] = sheetTables({ ...book, file: outcomes.name }, HISTORY_SHEET, officialSchema);
  if (more.length > 0) throw new DataError(sheetLabel(outcomes.name, HISTORY_SHEET), more[0].headerRow, 1, "the sheet holds a second table of ILACS inspections; one is expected");
  const asAt = asAtDate(outcomes);
  const scrape = csv("ilacs-report-scrape", scrapeSchema);
  const lookup = uniqueUrns(csv("ilacs-scrape-lookup", lookupSchema));
  return { official, scrape, lookup, asAt, files: ILACS_PUBLICATIONS.map(source) };
}

/** The lookup as read, when no URN is listed twice; a second listing is an error at its line. */
export function uniqueUrns(lookup: Table<LookupRow>): Table<LookupRow> {
  const seen = new Map<string, number>();
  for (const { row, line } of lookup.rows) {
    const first = seen.get(row.urn);
    if (first !== undefined) throw new DataError(lookup.file, line, lookup.column("urn"), `URN ${row.urn} is listed again; it already has the row on line ${first}`);
    seen.set(row.urn, line);
  }
  return lookup;
}
