/**
 * Which edition of a publication a file holds, in words, read from the file itself: the
 * publication date on an Ofsted workbook's cover sheet and the as-at date of its title, the
 * years a DfE or ONS file covers, the latest report a scrape holds. The ledger records it
 * beside the file's sha256 (data/README.md, "Sources as read").
 */
import { z } from "zod";
import { dayMonthYear } from "../../engine/stats/format.ts";
import { asAtDate } from "../ilacs/sources.ts";
import type { SourceFile } from "./publications.ts";
import { csvTable } from "./tables.ts";
import { SFR_YEARS } from "../cin/sfr.ts";

const sfrYearOf = (source: SourceFile) => SFR_YEARS.find((y) => y.publication === source.publication.id);

/** The "Published on:" date of a workbook's cover sheet, as written there; null without one. */
function publishedOn(source: SourceFile): string | null {
  const book = source.workbook;
  if (!book || !book.sheetNames.includes("Cover")) return null;
  for (const { cells } of book.rows("Cover")) {
    if (/^published on:?$/i.test(cells[0] ?? "") && cells[1]) return cells[1];
  }
  return null;
}

/** The distinct values of one column of a CSV file, read by name. */
const columnValues = (source: SourceFile, column: string) => csvTable(source.name, source.text ?? "", z.object({ [column]: z.string() })).rows.map(({ row }) => String(row[column]).trim());

/** The latest dd/mm/yy, dd/mm/yyyy or ISO date among the values, as an ISO date. */
function latestIso(values: readonly string[]): string | null {
  const iso = values.flatMap((value) => {
    const match = /^(\d{2})\/(\d{2})\/(\d{2}|\d{4})$/.exec(value) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return [];
    return value.includes("/") ? [`${match[3].length === 2 ? `20${match[3]}` : match[3]}-${match[2]}-${match[1]}`] : [value];
  });
  return iso.length === 0 ? null : (iso.sort().at(-1) as string);
}

/** The latest date among the values, as "21 August 2026". */
function latestDate(values: readonly string[]): string | null {
  const iso = latestIso(values);
  return iso === null ? null : dayMonthYear(iso);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "12 July 2023" as 2023-07-12; null for anything else. */
function isoOfWords(text: string): string | null {
  const match = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(text.trim());
  const month = match ? MONTHS.indexOf(match[2]) + 1 : 0;
  return match && month > 0 ? `${match[3]}-${String(month).padStart(2, "0")}-${match[1].padStart(2, "0")}` : null;
}

/** The years of a DfE or ONS file's time_period column, in order. */
const yearsOf = (source: SourceFile) => [...new Set(columnValues(source, "time_period"))].filter((y) => /^\d{4}$/.test(y)).sort();

/**
 * The latest date an edition vouches for, as the ledger writes a date (data/README.md, Date):
 * an ISO day (a workbook's publication date, the latest report a scrape or the SIF dates hold),
 * or a year alone for DfE's and ONS's yearly files (meaning its last day); null for an undated
 * file (the lookup). The update gives each file it writes at least the latest of its sources'.
 */
export function editionDate(source: SourceFile): string | null {
  const published = publishedOn(source);
  const publishedIso = published === null ? null : isoOfWords(published);
  switch (source.publication.id) {
    case "ofsted-csc-data":
      return publishedIso ?? source.workbook?.sheetNames.find((name) => /^LA_inspections_2009-\d{4}$/.test(name))?.slice(-4) ?? null;
    case "ofsted-la-outcomes":
      return publishedIso ?? asAtDate(source);
    case "ilacs-report-scrape":
      return latestIso(columnValues(source, "publication_date"));
    case "sif-report-dates":
      return latestIso(columnValues(source, "report_published"));
    case "ilacs-scrape-lookup":
      return null;
    case "dfe-cin-sfr-2012":
    case "dfe-cin-sfr-2013":
    case "dfe-cin-sfr-2014":
      // The release's number ends with the year it was published (SFR27/2012).
      return sfrYearOf(source)?.release.slice(-4) ?? null;
    default:
      return yearsOf(source).at(-1) ?? null;
  }
}

export function editionOf(source: SourceFile): string {
  const published = publishedOn(source);
  const on = published ? `, published ${published}` : "";
  switch (source.publication.id) {
    case "ofsted-csc-data": {
      const sheet = source.workbook?.sheetNames.find((name) => /^LA_inspections_2009-\d{4}$/.test(name));
      return `inspections 2009–${sheet?.slice(-4) ?? "?"}${on}`;
    }
    case "ofsted-la-outcomes":
      return `as at ${dayMonthYear(asAtDate(source))}${on}`;
    case "ilacs-report-scrape":
      return `reports published up to ${latestDate(columnValues(source, "publication_date")) ?? "?"}`;
    case "sif-report-dates":
      return `reports published up to ${latestDate(columnValues(source, "report_published")) ?? "?"}`;
    case "ilacs-scrape-lookup":
      return "undated (a lookup)";
    case "dfe-cin-sfr-2012":
    case "dfe-cin-sfr-2013":
    case "dfe-cin-sfr-2014": {
      const year = sfrYearOf(source);
      return year ? `year ending March ${year.year}, release ${year.release}` : "?";
    }
    default: {
      // DfE and ONS files in the explore-education-statistics layout.
      const years = yearsOf(source);
      const span = years.length === 0 ? "?" : years[0] === years.at(-1) ? years[0] : `${years[0]}–${years.at(-1)}`;
      return source.publication.id === "ons-population-0-17" ? `mid-year estimates ${span}` : `years ending March ${span}`;
    }
  }
}
