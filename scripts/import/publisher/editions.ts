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

/** The latest dd/mm/yy or dd/mm/yyyy date among the values, as "21 August 2026". */
function latestDate(values: readonly string[]): string | null {
  const iso = values.flatMap((value) => {
    const match = /^(\d{2})\/(\d{2})\/(\d{2}|\d{4})$/.exec(value) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return [];
    return value.includes("/") ? [`${match[3].length === 2 ? `20${match[3]}` : match[3]}-${match[2]}-${match[1]}`] : [value];
  });
  return iso.length === 0 ? null : dayMonthYear(iso.sort().at(-1) as string);
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
    default: {
      // DfE and ONS files in the explore-education-statistics layout.
      const years = [...new Set(columnValues(source, "time_period"))].filter((y) => /^\d{4}$/.test(y)).sort();
      const span = years.length === 0 ? "?" : years[0] === years.at(-1) ? years[0] : `${years[0]}–${years.at(-1)}`;
      return source.publication.id === "ons-population-0-17" ? `mid-year estimates ${span}` : `years ending March ${span}`;
    }
  }
}
