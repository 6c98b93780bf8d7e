/**
 * Checks against the real publishers' files, run only where they are present
 * (../shared/data-sources next to the project): `npm run data:update -- --dry-run` on them
 * reproduces the committed canonical files in every column but `source_line`, which now is
 * the row of Ofsted's sheet (and, once the data has been re-imported, exactly), each such
 * row holds the council and date it is cited for, and the population rule matches DfE's own
 * practice.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCouncilLookup } from "../../scripts/import/councils.ts";
import { planUpdate, type UpdatePlan } from "../../scripts/import/update.ts";

const SOURCES = "../shared/data-sources";
const DFE = `${SOURCES}/dfe-analytical-services__CSC_outcomes_and_enablers`;
const present = existsSync(DFE) && existsSync(`${SOURCES}/JT-39__ofsted-ilacs-scrape-tool`);

type Row = Record<string, string>;
const rowsOf = (text: string) => parse(text, { columns: true, bom: true }) as Row[];
const headerOf = (text: string) => text.slice(0, text.indexOf("\n"));

/** A sheet as its cells display, row N at index N − 1 (blank rows kept), read with SheetJS directly. */
async function sheetGrid(file: string, sheet: string): Promise<string[][]> {
  const bytes = await readFile(file);
  // SheetJS notes each ODS number format it reads approximately on stderr; the displayed text is what is compared here.
  const error = console.error;
  console.error = (...args: unknown[]) => (typeof args[0] === "string" && args[0].startsWith("ODS number format") ? undefined : error(...args));
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: "buffer", dense: true, sheets: [sheet] });
  } finally {
    console.error = error;
  }
  const ws = book.Sheets[sheet];
  expect(XLSX.utils.decode_range(ws["!ref"] as string).s).toEqual({ r: 0, c: 0 });
  return XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: "", blankrows: true }).map((r) => r.map((c) => String(c).replace(/\s+/g, " ").trim()));
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * The new file against the committed one: the same header and rows, in the same order, in
 * every column but source_line; returns the pairs (committed, new) of source_line.
 */
function sameButSourceLine(file: string, committed: string, made: string): [string, string][] {
  expect(headerOf(made), file).toBe(headerOf(committed));
  const before = rowsOf(committed);
  const after = rowsOf(made);
  expect(after.length, file).toBe(before.length);
  const strip = ({ source_line: _, ...rest }: Row) => rest;
  expect(after.map(strip), file).toEqual(before.map(strip));
  return before.map((row, i) => [row.source_line, after[i].source_line]);
}

describe.skipIf(!present)("the real sources", () => {
  let plan: UpdatePlan;
  const made = (file: string) => plan.files.find((f) => f.file === file)!.after;
  beforeAll(async () => {
    plan = await planUpdate({ inputs: [SOURCES], root: "." });
  }, 120_000);

  it("are all read: the three imports run on the eleven publications they need", () => {
    expect(plan.imports).toEqual(["inspections", "ilacs", "children-in-need"]);
    expect(plan.sources.map((s) => s.name).sort()).toEqual([
      "Childrens_social_care_in_England_2023_underlying_data.ods",
      "LA_Inspection_Outcomes_as_at_31_March_2025.ods",
      "Provider_data_lookup.csv",
      "SFR27-2012ud.csv",
      "SFR43-2014.csv",
      "SFR45-2013ud.csv",
      "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
      "d5_cpps_at31march_by_duration_2013_to_2025.csv",
      "ofsted_csc_ilacs_history.csv",
      "ons_mid-year_population_estimates_2012_to_2024.csv",
      "sif_era_report_dates_from_pdfs.csv",
    ]);
    // Editions read from the files themselves: Ofsted's cover sheets ("Published on:"), the sheet's and title's years, the CSVs' years and dates.
    expect(Object.fromEntries(plan.sources.map((s) => [s.name, s.edition]))).toMatchObject({
      "Childrens_social_care_in_England_2023_underlying_data.ods": "inspections 2009–2023, published 06 July 2023",
      "LA_Inspection_Outcomes_as_at_31_March_2025.ods": "as at 31 March 2025, published 25 September 2025",
      "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv": "years ending March 2013–2025",
      "ons_mid-year_population_estimates_2012_to_2024.csv": "mid-year estimates 2012–2024",
      "SFR27-2012ud.csv": "year ending March 2012, release SFR27/2012",
    });
  });

  it("give the committed children-in-need 2012–2014 file exactly, each value as DfE published it", async () => {
    const file = "data/councils/children-in-need-2012-2014.csv";
    expect(made(file)).toBe(await readFile(file, "utf8"));
    // Calderdale (DfE 381), SFR27-2012ud.csv line 63: 2,465 referrals at 544 per 10,000 on 45,300 children; the
    // 10-day initial assessments 427 + 612 + 652 = 1,691 of 1,978. 2013's "3,258" is read from its quotes.
    const rows = made(file).split("\n");
    expect(rows).toContain("E08000033,2012,381,yes,2465,544,1978,1691,no,213,47,,,97.6,45300,2011,63");
    expect(rows.find((r) => r.startsWith("E08000033,2013,"))).toMatch(/^E08000033,2013,381,yes,3258,714\.2,/);
    // Newham and Havering sent no 2011-12 return.
    expect(rows.filter((r) => /^E090000(16|25),2012,\d+,no,/.test(r))).toHaveLength(2);
  });

  it("give the committed councils and demand exactly", async () => {
    for (const file of ["data/councils/councils.csv", "data/councils/demand.csv"]) expect(made(file), file).toBe(await readFile(file, "utf8"));
  });

  it("give the committed inspections in every column but source_line, which is the row of Ofsted's sheet", async () => {
    const committed = await readFile("data/councils/inspections.csv", "utf8");
    const pairs = sameButSourceLine("data/councils/inspections.csv", committed, made("data/councils/inspections.csv"));
    const reimported = committed === made("data/councils/inspections.csv");
    if (!reimported) {
      // Before the re-import, source_line was the line of the data scout's CSV extract of the
      // sheet (header on line 1, the 152 current councils on lines 2–153, the 4 earlier ones
      // after them); the sheet has four title rows above the first header, and a blank row, a
      // second blank row, a caption and a second header between the tables.
      for (const [before, after] of pairs) expect(Number(after) - Number(before)).toBe(Number(before) <= 153 ? 4 : 8);
    }
    // Each row cited holds the council's name (as Ofsted writes it) and the publication date.
    const grid = await sheetGrid(`${DFE}/Childrens_social_care_in_England_2023_underlying_data.ods`, "LA_inspections_2009-2023");
    const ofstedName = new Map(rowsOf(made("data/councils/councils.csv")).map((c) => [c.code, c.ofsted_name]));
    for (const row of rowsOf(made("data/councils/inspections.csv"))) {
      const cells = grid[Number(row.source_line) - 1];
      expect(cells, `${row.council_code} ${row.framework} ${row.published}`).toContain(ofstedName.get(row.council_code));
      expect(cells, `${row.council_code} ${row.framework} ${row.published}`).toContain(dmy(row.published));
    }
  });

  it("give the committed ILACS judgements in every column but source_line, which for Ofsted's rows is the row of its sheet", async () => {
    const committed = await readFile("data/ilacs/judgements.csv", "utf8");
    const after = made("data/ilacs/judgements.csv");
    const pairs = sameButSourceLine("data/ilacs/judgements.csv", committed, after);
    const rows = rowsOf(after);
    if (committed !== after) {
      // The extract's header was line 1; the sheet's header is row 3 (a title and a note above it). The scrape's lines are unchanged.
      pairs.forEach(([before, now], i) => expect(Number(now) - Number(before), `${rows[i].council_code} ${rows[i].published}`).toBe(rows[i].source === "ofsted-official" ? 2 : 0));
    }
    const grid = await sheetGrid(`${DFE}/LA_Inspection_Outcomes_as_at_31_March_2025.ods`, "ILACS_inspection_history");
    const header = grid.find((cells) => cells.includes("Local authority area code") && cells.includes("Publication date"))!;
    const councils = new Map(rowsOf(made("data/councils/councils.csv")).map((c) => [c.code, c]));
    for (const row of rows.filter((r) => r.source === "ofsted-official")) {
      const cells = grid[Number(row.source_line) - 1];
      // The row's area code is the council's, or a former code of it (Buckinghamshire, North Yorkshire, Somerset).
      const codes = [row.council_code, ...(councils.get(row.council_code)?.former_codes.split("|") ?? [])];
      expect(codes, `${row.council_code} ${row.published}: ${cells.join(", ")}`).toContain(cells[header.indexOf("Local authority area code")]);
      expect(cells[header.indexOf("Publication date")], `${row.council_code} ${row.published}`).toBe(dmy(row.published));
    }
  });

  it("report, in a dry run, no change but source_line (or none at all) to the committed canonical files", () => {
    for (const f of plan.files.filter((file) => file.diff)) {
      expect([f.file, f.diff!.added, f.diff!.removed]).toEqual([f.file, 0, 0]);
      expect(new Set(f.diff!.changedRows.flatMap((c) => c.cells.map((cell) => cell.column))), f.file).toEqual(new Set(f.diff!.changed > 0 ? ["source_line"] : []));
    }
  });

  it("give the committed import reports exactly once the data has been re-imported from them", async () => {
    for (const [csv, report] of [
      ["data/councils/inspections.csv", "data/councils/import-report.md"],
      ["data/ilacs/judgements.csv", "data/ilacs/import-report.md"],
    ]) {
      if (made(csv) !== (await readFile(csv, "utf8"))) continue;
      expect(made(report), report).toBe(await readFile(report, "utf8"));
    }
  });

  it("confirm the population rule: DfE's year ending March N uses the ONS mid-(N−1) estimate", async () => {
    // DfE's children-looked-after file publishes the population behind its rates (2021–2025).
    const cla = parse(await readFile(path.join(DFE, "cla_number_and_rate_per_10k_children.csv"), "utf8"), { bom: true, columns: true }) as Row[];
    const lookup = await loadCouncilLookup(".");
    const demand = rowsOf(await readFile("data/councils/demand.csv", "utf8"));
    const ours = new Map(demand.map((r) => [`${r.council_code}/${r.year_ending_march}`, r.population_0_17]));
    let agree = 0;
    const disagree: string[] = [];
    const unknown: string[] = [];
    for (const row of cla.filter((r) => r.geographic_level === "Local authority" && /^\d+$/.test(r.population_estimate))) {
      const council = lookup.byCode(row.new_la_code);
      const mine = council && ours.get(`${council.code}/${row.time_period}`);
      if (mine === undefined) {
        unknown.push(`${row.time_period} ${row.la_name}`);
        continue;
      }
      if (mine === row.population_estimate) agree += 1;
      else disagree.push(`${row.time_period} ${row.la_name}: ${row.population_estimate} vs ${mine}`);
    }
    expect(disagree).toEqual([]);
    expect(unknown).toEqual([]);
    // Every numeric local-authority population in the file (about 152 councils × 5 years × 3 measures).
    expect(agree).toBe(2283);
  });
});
