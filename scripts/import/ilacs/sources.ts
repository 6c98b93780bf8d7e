/**
 * The outside files the ILACS import reads, and a zod schema for each: Ofsted's official
 * ILACS inspection history (as at 31 March 2025), the scrape of published reports, and the
 * scrape's lookup from Ofsted URN to area code.
 *
 * What makes a file unreadable stops the import with `file:line:column: message`: a wrong
 * header, a row with the wrong number of fields, an unclosed quote, a URN or area code that
 * is not one, and in Ofsted's official table any cell outside Ofsted's wording (that table
 * is the authority for its years, so it must be read whole). The scrape is a parser's
 * output and is messy by nature: its dates, framework and grade cells are typed here but
 * never fail; the transform (transform.ts) drops a row it cannot use and says why.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { codeCell, isCalendarDate, optionalCell, textCell } from "../../engine/data/cells.ts";
import { councilCodeCell } from "../../report/councils/datasets.ts";
import type { IlacsType } from "../../report/ilacs/datasets.ts";
import { DataError, quoted } from "../../engine/data/errors.ts";
import { parseCsv, type RowSchema, type Table } from "../../engine/data/load.ts";
import { ofstedDateCell, ofstedGradeCell, sourceLabel, type OfstedGrade } from "../sources.ts";

/** Paths of the source files, relative to the sources folder (as laid out by the data scout). */
export const ILACS_SOURCE_FILES = {
  official: "dfe-analytical-services__CSC_outcomes_and_enablers/derived/LA_Inspection_Outcomes_as_at_31_March_2025__ILACS_inspection_history.csv",
  scrape: "JT-39__ofsted-ilacs-scrape-tool/ofsted_csc_ilacs_history.csv",
  lookup: "JT-39__ofsted-ilacs-scrape-tool/Provider_data_lookup.csv",
} as const;

export type IlacsSourceKey = keyof typeof ILACS_SOURCE_FILES;

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
  "Web link": anyText(),
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
  stat_neighbours: anyText(),
  stat_neighbours_la_code: anyText(),
  stat_neighbours_previous: anyText(),
  local_authority_ons_name: textCell("local authority name"),
  also_known_as: anyText(),
  region_code: anyText(),
  region_name: anyText(),
  domain: anyText(),
  ofsted_ilacs_scrape_la_name: anyText(),
  rgn22cd: anyText(),
  rgn22nm: anyText(),
  ltla23nm: anyText(),
  ltla23nmw: anyText(),
  utla23nm: anyText(),
  country: anyText(),
  "ons_population_0-25": anyText(),
  ons_la_type: anyText(),
});

export type LookupRow = z.output<typeof lookupSchema>;

// ---------------------------------------------------------------------------

export interface IlacsSources {
  readonly official: Table<OfficialRow>;
  readonly scrape: Table<ScrapeRow>;
  readonly lookup: Table<LookupRow>;
  /** sha256 of each file's bytes, by key. */
  readonly sha256: Readonly<Record<IlacsSourceKey, string>>;
}

/**
 * Read and validate the three files. Messages name files as `dir/relative-path`; a URN
 * listed twice in the lookup is an error at its second line.
 */
export async function readIlacsSources(dir: string): Promise<IlacsSources> {
  const label = sourceLabel(dir);
  const sha256: Partial<Record<IlacsSourceKey, string>> = {};
  const read = async <S extends RowSchema>(key: IlacsSourceKey, schema: S) => {
    const file = `${label}/${ILACS_SOURCE_FILES[key]}`;
    const bytes = await readFile(path.join(dir, ILACS_SOURCE_FILES[key])).catch((error: NodeJS.ErrnoException) => {
      throw new DataError(file, 1, 1, error.code === "ENOENT" ? "the source file does not exist" : `the source file cannot be read (${error.code})`);
    });
    sha256[key] = createHash("sha256").update(bytes).digest("hex");
    return parseCsv(file, bytes.toString("utf8"), schema);
  };
  const official = await read("official", officialSchema);
  const scrape = await read("scrape", scrapeSchema);
  const lookup = await read("lookup", lookupSchema);
  const seen = new Map<string, number>();
  for (const { row, line } of lookup.rows) {
    const first = seen.get(row.urn);
    if (first !== undefined) throw new DataError(lookup.file, line, lookup.column("urn"), `URN ${row.urn} is listed again; it already has the row on line ${first}`);
    seen.set(row.urn, line);
  }
  return { official, scrape, lookup, sha256: sha256 as Record<IlacsSourceKey, string> };
}
