/**
 * The publications the import knows, and how a file is recognised as one of them by what
 * it holds — a spreadsheet by its sheet names, a CSV file by its header — never by its
 * file name, so a new edition is recognised however it was saved. Each publication says
 * who publishes it, where it is found, and which imports read it (some are recognised only
 * to say that nothing reads them). A file that is none of them is left alone and listed.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { DataError } from "../../engine/data/errors.ts";
import type { z } from "zod";
import { csvRecords, type RowSchema, type Table } from "../../engine/data/load.ts";
import { csvTable, headerText } from "./tables.ts";
import { notUtf8 } from "./text.ts";
import { isZip, readWorkbook, type Workbook } from "./workbook.ts";
import { SFR_YEARS, sfrSignature, type SfrPublicationId } from "../cin/sfr.ts";

export type PublicationId =
  | "ofsted-csc-data"
  | "ofsted-la-outcomes"
  | "dfe-referrals"
  | "dfe-protection-plans"
  | "ons-population-0-17"
  | "dfe-children-in-need"
  | "dfe-section-47"
  | "dfe-subsequent-plans"
  | "dfe-children-looked-after"
  | "ilacs-report-scrape"
  | "ilacs-scrape-lookup"
  | "sif-report-dates"
  | SfrPublicationId;

/** An import: the inspections import (data/councils/), the ILACS import (data/ilacs/), or the children-in-need 2012–2014 import (data/councils/children-in-need-2012-2014.csv). */
export type Importer = "inspections" | "ilacs" | "children-in-need";

interface Signature {
  /** For a spreadsheet: sheet names (patterns), any of which marks the publication. */
  readonly sheets?: readonly RegExp[];
  /** For a CSV file: the header columns that tell it from the others; at least half must be there. */
  readonly columns?: readonly string[];
  /** A DfE explore-education-statistics file: most of the columns every such file starts with must be there too. */
  readonly ees?: boolean;
}

export interface Publication {
  readonly id: PublicationId;
  readonly title: string;
  readonly publisher: string;
  /** Where a maintainer finds the next edition: the publisher's page, by title. */
  readonly foundAt: string;
  /** The imports that read it: one, both (the report scrape and its lookup), or none. */
  readonly importers: readonly Importer[];
  readonly signature: Signature;
}

/** The columns every DfE explore-education-statistics file starts with. */
const EES = ["time_period", "time_identifier", "geographic_level", "old_la_code", "new_la_code", "la_name"];

export const PUBLICATIONS: readonly Publication[] = [
  {
    id: "ofsted-csc-data",
    title: "Children's social care data in England, underlying data (sheet LA_inspections_2009-YYYY)",
    publisher: "Ofsted",
    foundAt: "GOV.UK, Ofsted official statistics \"Children's social care data in England\", the release's underlying data (.ods)",
    importers: ["inspections"],
    signature: { sheets: [/^LA_inspections_2009-\d{4}$/, /^LA_level_at_31_Mar_\d{4}$/, /^Latest_OE_31_Mar_Time_Series$/] },
  },
  {
    id: "ofsted-la-outcomes",
    title: "Local authority inspection outcomes as at 31 March (sheets ILACS_inspection_history and Inspections_as_at_31_March)",
    publisher: "Ofsted",
    foundAt: "GOV.UK, Ofsted official statistics \"Local authority inspection outcomes as at 31 March YYYY\" (.ods)",
    importers: ["ilacs"],
    signature: { sheets: [/^ILACS_inspection_history$/, /^Inspections_as_at_31_March$/, /^In-year_inspections$/] },
  },
  {
    id: "dfe-referrals",
    title: "Children in need: referrals and re-referrals",
    publisher: "Department for Education",
    foundAt: "explore-education-statistics.service.gov.uk, \"Children in need\", data set \"Referrals and re-referrals\" (.csv)",
    importers: ["inspections"],
    signature: { ees: true, columns: ["referral_count", "rereferral_count", "no_further_action_count", "not_in_need_count", "referral_child_count"] },
  },
  {
    id: "dfe-protection-plans",
    title: "Children in need: children on a child protection plan at 31 March, by duration",
    publisher: "Department for Education",
    foundAt: "explore-education-statistics.service.gov.uk, \"Children in need\", data set \"Child protection plans at 31 March by duration\" (.csv)",
    importers: ["inspections"],
    signature: { ees: true, columns: ["CPP_At31", "3_months_or_less", "more_than_3_months_6_months", "2_years_or_more"] },
  },
  {
    id: "ons-population-0-17",
    title: "Mid-year population estimates, children aged 0 to 17",
    publisher: "Office for National Statistics (in DfE's layout)",
    foundAt: "explore-education-statistics.service.gov.uk, \"Children in need\", data set of ONS mid-year population estimates (.csv)",
    importers: ["inspections"],
    signature: { ees: true, columns: ["age_group", "population_estimate"] },
  },
  {
    id: "dfe-children-in-need",
    title: "Children in need: episodes and children",
    publisher: "Department for Education",
    foundAt: "explore-education-statistics.service.gov.uk, \"Children in need\", data set \"Children in need\" (.csv)",
    importers: [],
    signature: { ees: true, columns: ["Anypoint_episodes", "Started_episodes", "Ended_episodes", "At31_episodes"] },
  },
  {
    id: "dfe-section-47",
    title: "Children in need: section 47 enquiries and initial child protection conferences",
    publisher: "Department for Education",
    foundAt: "explore-education-statistics.service.gov.uk, \"Children in need\", data set \"Section 47 enquiries and ICPCs\" (.csv)",
    importers: [],
    signature: { ees: true, columns: ["Section47", "ICPC", "Duration_0-10_days", "Duration_median"] },
  },
  {
    id: "dfe-subsequent-plans",
    title: "Children in need: child protection plans starting, and subsequent plans",
    publisher: "Department for Education",
    foundAt: "explore-education-statistics.service.gov.uk, \"Children in need\", data set \"Child protection plans: subsequent plans\" (.csv)",
    importers: [],
    signature: { ees: true, columns: ["CPP_start", "CPP_subsequent", "CPP_subsequent_percent"] },
  },
  {
    id: "dfe-children-looked-after",
    title: "Children looked after: numbers and rates per 10,000 children",
    publisher: "Department for Education",
    foundAt: "explore-education-statistics.service.gov.uk, \"Children looked after in England\" (.csv)",
    importers: [],
    signature: { ees: true, columns: ["population_type", "population_estimate", "children_count", "rate_per_10000"] },
  },
  {
    id: "ilacs-report-scrape",
    title: "ILACS report history, scraped daily from Ofsted's published reports",
    publisher: "data-to-insight / JT-39, ofsted-ilacs-scrape-tool",
    foundAt: "github.com/JT-39/ofsted-ilacs-scrape-tool, ofsted_csc_ilacs_history.csv",
    importers: ["inspections", "ilacs"],
    signature: { columns: ["urn", "local_authority", "inspection_link", "publication_date", "inspection_framework", "overall_effectiveness_grade", "parser_version"] },
  },
  {
    id: "ilacs-scrape-lookup",
    title: "The scrape's lookup of local authorities (Ofsted URN to DfE number and area code)",
    publisher: "data-to-insight / JT-39, ofsted-ilacs-scrape-tool",
    foundAt: "github.com/JT-39/ofsted-ilacs-scrape-tool, import_data/la_lookup/Provider_data_lookup.csv",
    importers: ["inspections", "ilacs"],
    signature: { columns: ["urn", "la_code", "la_code_new", "local_authority_ons_name", "ofsted_ilacs_scrape_la_name"] },
  },
  {
    id: "sif-report-dates",
    title: "SIF inspection and publication dates, read from the SIF report PDFs",
    publisher: "this project's data scout, from the report PDFs kept by ofsted-ilacs-scrape-tool",
    foundAt: "../shared/data-sources (derived/sif_era_report_dates_from_pdfs.csv, with its PROVENANCE.md)",
    importers: ["inspections"],
    signature: { columns: ["urn", "la_folder_name", "pdf_path_in_repo", "inspection_start", "inspection_end", "report_published", "report_published_source"] },
  },
  // DfE's "Characteristics of children in need" underlying data, one file a year, told apart by the year in their column names.
  ...SFR_YEARS.map(
    (year): Publication => ({
      id: year.publication,
      title: `Characteristics of children in need, underlying data, year ending March ${year.year} (${year.release})`,
      publisher: "Department for Education",
      foundAt: `GOV.UK, DfE statistical first release ${year.release} "Characteristics of children in need", its underlying data (.csv)`,
      importers: ["children-in-need"],
      signature: { columns: sfrSignature(year) },
    }),
  ),
];

export const publication = (id: PublicationId): Publication => PUBLICATIONS.find((p) => p.id === id) as Publication;

/** A file recognised as a publication: its bytes, and its content read once (a workbook, or the CSV's text). */
export interface SourceFile {
  /** The path as given, for messages. */
  readonly path: string;
  readonly name: string;
  readonly sha256: string;
  readonly publication: Publication;
  readonly workbook?: Workbook;
  readonly text?: string;
}

/**
 * The files an import was started with, by publication: each one's file, and a CSV file's
 * table, checked against its schema. The update starts an import only with every
 * publication it reads, so a missing one is a fault of the code, not of the files.
 */
export function importFiles(files: ReadonlyMap<PublicationId, SourceFile>, importName: string) {
  const file = (id: PublicationId): SourceFile => {
    const found = files.get(id);
    if (!found) throw new Error(`the ${importName} import was started without ${id}`);
    return found;
  };
  const csv = <S extends RowSchema>(id: PublicationId, schema: S): Table<z.output<S>> => {
    const found = file(id);
    if (found.text === undefined) throw new DataError(found.name, 1, 1, "is not a CSV file");
    return csvTable(found.name, found.text, schema);
  };
  return { file, csv };
}

export type Recognition = { readonly kind: "source"; readonly source: SourceFile } | { readonly kind: "other"; readonly path: string; readonly why: string };

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The share of `columns` a header holds. */
const share = (columns: readonly string[], header: readonly string[]) => columns.filter((name) => header.includes(name)).length / columns.length;

/**
 * The publication a CSV header belongs to: the one whose telling columns it holds the
 * largest share of, at least half (so a renamed or missing column is still recognised, and
 * then named as missing when the file is read), and no other as large.
 */
function csvPublication(header: readonly string[]): Publication | undefined {
  const scored = PUBLICATIONS.filter((p) => p.signature.columns && (!p.signature.ees || share(EES, header) >= 2 / 3)).map((p) => ({ p, score: share(p.signature.columns as string[], header) }));
  const best = [...scored].sort((a, b) => b.score - a.score)[0];
  return best && best.score >= 1 / 2 && scored.filter((s) => s.score === best.score).length === 1 ? best.p : undefined;
}

/**
 * Recognise one file. A spreadsheet that SheetJS cannot read, and a CSV file of a known
 * publication that is not UTF-8 (at the line and cell of its first byte that is not), fail
 * with a plain message; anything else unknown is "other".
 */
export function recognise(file: string, bytes: Uint8Array): Recognition {
  const name = path.basename(file);
  // A spreadsheet's name is a hint of what it should be, never of which publication. One that is not a
  // zip (an error page saved under the workbook's name, a damaged download) is refused, not passed over.
  const spreadsheetName = /\.(ods|xlsx|xls)$/i.test(name);
  if (spreadsheetName && !isZip(bytes)) throw new DataError(file, 1, 1, "the file is not a spreadsheet (an .ods or .xlsx file is a zip archive, and this one is not); it may be damaged or not the file that was meant to be downloaded");
  if (isZip(bytes)) {
    let workbook: Workbook;
    try {
      workbook = readWorkbook(file, bytes);
    } catch (error) {
      // Another kind of zip (a .docx, an archive) is not an input; a spreadsheet that will not open is.
      if (spreadsheetName) throw error;
      return { kind: "other", path: file, why: "a zip file that is not a spreadsheet" };
    }
    const found = PUBLICATIONS.find((p) => p.signature.sheets?.some((pattern) => workbook.sheetNames.some((sheet) => pattern.test(sheet))));
    if (!found) return { kind: "other", path: file, why: `a spreadsheet whose sheets (${workbook.sheetNames.join(", ")}) are none the import knows` };
    return { kind: "source", source: { path: file, name, sha256: sha256(bytes), publication: found, workbook } };
  }
  const badByte = notUtf8(bytes);
  if (badByte) {
    // Not UTF-8. A publication the import knows, saved in another encoding, is refused in plain words: UTF-16 (its
    // byte-order mark) as a whole, a single-byte encoding such as Latin-1 at its first byte that is not UTF-8.
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
    const header = firstLine(new TextDecoder(utf16 ?? "latin1").decode(bytes));
    if (!csvPublication(header)) return { kind: "other", path: file, why: "not text the import reads" };
    if (utf16) throw new DataError(file, 1, 1, `the file is not UTF-8 text (it is ${utf16.toUpperCase()}, by its byte-order mark); save the file as UTF-8, as the publisher does, and run the update again`);
    throw new DataError(file, badByte.line, badByte.column, badByte.plain);
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  const header = firstLine(text);
  const found = csvPublication(header);
  if (!found) return { kind: "other", path: file, why: header.length > 1 ? "a CSV file whose columns are none the import knows" : "not a CSV file the import knows" };
  return { kind: "source", source: { path: file, name, sha256: sha256(bytes), publication: found, text } };
}

/** The header of a CSV text, as column names (empty for anything that is not a CSV file). */
function firstLine(text: string): string[] {
  const line = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  if (!line.includes(",")) return [];
  try {
    return csvRecords("header", `${line}\n`).header.map(headerText);
  } catch {
    return [];
  }
}
