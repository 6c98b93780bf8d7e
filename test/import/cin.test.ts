/**
 * The children-in-need 2012–2014 import (scripts/import/cin/) through `npm run data:update`'s
 * own planning (planUpdate), on small made-up files in DfE's layout: a National row and a
 * few councils per year, DfE's symbols x, .. and ., the 2013 file's quoted thousands
 * ("3,258"), Havering's missing 2012 return, the National rows' wrong area code, and
 * Gateshead's area code from before April 2013. Councils are joined through the project's
 * own lookup, data/councils/councils.csv, copied into the scratch project.
 *
 * Every bad file fails with file:line:column and leaves data/ as it was.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyUpdate, planUpdate, type UpdatePlan } from "../../scripts/import/update.ts";
import { SFR_YEARS, type SfrYear } from "../../scripts/import/cin/sfr.ts";
import { expectDataError } from "../helpers/data-error.ts";
import { LEDGER_TEXT } from "./helpers.ts";

const CIN_FILE = "data/councils/children-in-need-2012-2014.csv";
const REPORT = "data/councils/children-in-need-import-report.md";
const LEDGER = LEDGER_TEXT.replace("| `data/ilacs/judgements.csv` |", `| \`${CIN_FILE}\` | Children in need 2012–2014 | The made-up sources | none | 2026 | none |\n| \`data/ilacs/judgements.csv\` |`);

/** A council's cells, by measure; anything left out is written "0". */
type Cells = Partial<Record<keyof SfrYear["columns"], string>>;
interface FileRow {
  readonly level: "National" | "LA";
  readonly number: string;
  readonly code?: string;
  readonly name: string;
  readonly cells: Cells;
}

/** A file in DfE's layout: geog_l, geog_c, (new_la_code), geog_n, an unused DCI column, then the year's measure columns. */
function sfrText(year: SfrYear, rows: readonly FileRow[], quote = false): string {
  const measures = (Object.entries(year.columns) as [keyof Cells, string | null][]).filter(([, c]) => c !== null) as [keyof Cells, string][];
  const header = ["geog_l", "geog_c", ...(year.areaCodes ? ["new_la_code"] : []), "geog_n", "SomeDCI", ...measures.map(([, c]) => c)];
  const cell = (v: string) => (quote && v.includes(",") ? `"${v}"` : v);
  const lines = rows.map((r) => [r.level, r.number, ...(year.areaCodes ? [r.code ?? ""] : []), r.name, "3", ...measures.map(([m]) => cell(r.cells[m] ?? "0"))].join(","));
  return `${[header.join(","), ...lines].join("\n")}\n`;
}

const FULL: Cells = { referrals: "2465", referralsRate: "544", initialAssessments: "1978", iaSameDay: "427", ia1to5: "612", ia6to10: "652", cpp: "213", cppRate: "47", cppReviewsDue: "180", cppReviewed: "176", cppReviewedPercent: "97.6", population: "45300", singleAssessments: "." };
const MISSING: Cells = Object.fromEntries(Object.keys(FULL).map((k) => [k, ".."]));

/** The three years' made-up rows. */
function made(): Record<number, FileRow[]> {
  return {
    2012: [
      { level: "National", number: "921", name: "England", cells: { ...FULL, referrals: "605100" } },
      { level: "LA", number: "381", name: "Calderdale", cells: FULL },
      // Devon: a band of 1–5 suppressed, so its 10-day sum is empty.
      { level: "LA", number: "878", name: "Devon", cells: { ...FULL, iaSameDay: "x" } },
      // Havering sent no return: DfE's ".." in every measure, its population still printed.
      { level: "LA", number: "311", name: "Havering", cells: { ...MISSING, population: "51000" } },
    ],
    2013: [
      { level: "National", number: "", code: "E06000046", name: "England", cells: { ...FULL, referrals: "593,500" } },
      { level: "LA", number: "381", code: "E08000033", name: "Calderdale", cells: { ...FULL, referrals: "3,258", initialAssessments: "2,189", population: "45,600" } },
      { level: "LA", number: "878", code: "E10000008", name: "Devon", cells: FULL },
      { level: "LA", number: "311", code: "E09000016", name: "Havering", cells: FULL },
      // Gateshead still under its code before April 2013.
      { level: "LA", number: "390", code: "E08000020", name: "Gateshead", cells: FULL },
    ],
    2014: [
      { level: "National", number: "", code: "E06000046", name: "England", cells: FULL },
      // Calderdale: initial assessments all year, no single assessments.
      { level: "LA", number: "381", code: "E08000033", name: "Calderdale", cells: { ...FULL, referrals: "4493", referralsRate: "981.6", cppReviewsDue: "0" } },
      // Devon moved to single assessments during the year: part-year initial assessments.
      { level: "LA", number: "878", code: "E10000008", name: "Devon", cells: { ...FULL, singleAssessments: "2100" } },
      // Havering moved wholly: no initial assessments (".", not applicable).
      { level: "LA", number: "311", code: "E09000016", name: "Havering", cells: { ...FULL, initialAssessments: ".", iaSameDay: ".", ia1to5: ".", ia6to10: ".", singleAssessments: "1057" } },
    ],
  };
}

const FILE_NAMES: Record<number, string> = { 2012: "SFR27-2012ud.csv", 2013: "SFR45-2013ud.csv", 2014: "SFR43-2014.csv" };

describe("the children-in-need 2012–2014 import", () => {
  let base: string;
  let sources: string;
  let root: string;

  beforeEach(async () => {
    base = await mkdtemp(path.join(tmpdir(), "cin-import-"));
    sources = path.join(base, "sources");
    root = path.join(base, "project");
    await mkdir(path.join(root, "data", "councils"), { recursive: true });
    await mkdir(sources, { recursive: true });
    await writeFile(path.join(root, "data", "README.md"), LEDGER);
    // The council lookup as the project has it: DfE numbers and area codes.
    await copyFile(path.join("data", "councils", "councils.csv"), path.join(root, "data", "councils", "councils.csv"));
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  /** Write the three files (the 2013 one with its quoted thousands), changed by `edit`, and plan the update. */
  const planWith = async (edit: (texts: Record<number, string>) => void = () => {}): Promise<UpdatePlan> => {
    const rows = made();
    const texts: Record<number, string> = Object.fromEntries(SFR_YEARS.map((y) => [y.year, sfrText(y, rows[y.year], y.year === 2013)]));
    edit(texts);
    for (const year of SFR_YEARS) await writeFile(path.join(sources, FILE_NAMES[year.year]), texts[year.year]);
    return planUpdate({ inputs: [sources], root });
  };
  const output = (plan: UpdatePlan, file: string) => plan.files.find((f) => f.file === file)?.after ?? "";
  const rowsOf = (plan: UpdatePlan) => parse(output(plan, CIN_FILE), { columns: true }) as Record<string, string>[];
  const row = (plan: UpdatePlan, code: string, year: number) => rowsOf(plan).find((r) => r.council_code === code && r.year_ending_march === String(year)) as Record<string, string>;

  it("recognises the three files by their headers and runs only this import", async () => {
    const plan = await planWith();
    expect(plan.sources.map((s) => s.publication.id).sort()).toEqual(["dfe-cin-sfr-2012", "dfe-cin-sfr-2013", "dfe-cin-sfr-2014"]);
    expect(plan.imports).toEqual(["children-in-need"]);
    expect(plan.sources.find((s) => s.publication.id === "dfe-cin-sfr-2013")?.edition).toBe("year ending March 2013, release SFR45/2013");
  });

  it("keeps every value as published, joins councils by DfE number and reads the 2013 file's quoted thousands", async () => {
    const plan = await planWith();
    // 3 councils in 2012 and 2014, 4 in 2013 (Gateshead): 10 council years; the National rows are not councils.
    expect(rowsOf(plan)).toHaveLength(10);
    const calderdale2012 = row(plan, "E08000033", 2012);
    // 427 + 612 + 652 = 1691 within 10 working days, of 1978.
    expect(calderdale2012).toMatchObject({ dfe_number: "381", submitted: "yes", referrals: "2465", referrals_rate_published: "544", initial_assessments: "1978", initial_assessments_within_10_days: "1691", cpp_rate_published: "47", population_0_17_published: "45300", population_mid_year: "2011", single_assessments_reported: "no", source_line: "3" });
    // "3,258" → 3258; "2,189" → 2189; "45,600" → 45600.
    expect(row(plan, "E08000033", 2013)).toMatchObject({ referrals: "3258", initial_assessments: "2189", population_0_17_published: "45600" });
    // Gateshead's 2013 row carries its old code E08000020 and is joined by its number 390 to today's code.
    expect(row(plan, "E08000037", 2013)).toMatchObject({ dfe_number: "390" });
    // The 2014 file has no count of plans due a review: empty, not zero.
    expect(row(plan, "E08000033", 2014)).toMatchObject({ referrals_rate_published: "981.6", cpp_reviews_due: "" });
  });

  it("leaves suppressed, missing and not-applicable cells empty, and counts DfE's symbols per file and column", async () => {
    const plan = await planWith();
    // Devon 2012: its same-day band is "x", so the 10-day sum is empty though the total is published.
    expect(row(plan, "E10000008", 2012)).toMatchObject({ initial_assessments: "1978", initial_assessments_within_10_days: "" });
    // Havering 2012: no return; stated, every count empty.
    expect(row(plan, "E09000016", 2012)).toMatchObject({ submitted: "no", referrals: "", cpp_at_31_march: "", population_0_17_published: "51000" });
    // Havering 2014: wholly single assessments ("."): no initial assessments, single assessments reported.
    expect(row(plan, "E09000016", 2014)).toMatchObject({ initial_assessments: "", single_assessments_reported: "yes" });
    // Devon 2014: part-year initial assessments.
    expect(row(plan, "E10000008", 2014)).toMatchObject({ initial_assessments: "1978", single_assessments_reported: "yes" });
    const report = output(plan, REPORT);
    expect(report).toContain("- Havering (E09000016), year ending March 2012: every measure is DfE's \"..\" (not submitted), SFR27-2012ud.csv line 5.");
    // Havering's 12 measure cells of 2012 are ".."; Devon's same-day band is the file's one "x".
    expect(report).toContain("| SFR27-2012ud.csv | Referrals1112 | 0 | 1 | 0 |");
    expect(report).toContain("| SFR27-2012ud.csv | IAsStartEndSameDay1112 | 1 | 1 | 0 |");
    // 2014: Havering's initial assessments are "." (it had moved wholly to single assessments), and Calderdale's single assessments are ".".
    expect(report).toContain("| SFR43-2014.csv | IAs1314 | 0 | 0 | 1 |");
    expect(report).toContain("| SFR43-2014.csv | SAs1314 | 0 | 0 | 1 |");
    // Devon is line 4; its same-day band the 8th column (geog_l, geog_c, geog_n, SomeDCI, Referrals, Rate, IAs, same day).
    expect(report).toContain("- Devon (E10000008), 2012: \"x\" at SFR27-2012ud.csv:4:8");
  });

  it("names the National rows' wrong area code and Gateshead's old one instead of passing over them", async () => {
    const report = output(await planWith(), REPORT);
    expect(report).toContain("- SFR45-2013ud.csv line 2: the National row carries the area code E06000046, which is a council's (Isle of Wight), not England's.");
    expect(report).toContain("- SFR43-2014.csv line 2: the National row carries the area code E06000046");
    expect(report).toContain("- SFR45-2013ud.csv line 6: Gateshead has its code before 1 April 2013, E08000020; joined by its DfE number to E08000037.");
    // Gateshead has a 2013 row only.
    expect(report).toContain("- Gateshead (E08000037) has no row in the file for the year ending March 2012.");
  });

  it("writes the canonical file and re-signs the ledger; a second run changes nothing", async () => {
    const plan = await planWith();
    const written = await applyUpdate(root, plan);
    expect(written).toEqual([CIN_FILE, REPORT, "data/README.md"]);
    const again = await planWith();
    expect(again.files.every((f) => f.before === f.after)).toBe(true);
    expect(await readFile(path.join(root, CIN_FILE), "utf8")).toBe(output(plan, CIN_FILE));
  });

  describe("bad files fail at their file, line and column", () => {
    // The 2012 file's columns: geog_l 1, geog_c 2, geog_n 3, SomeDCI 4, Referrals1112 5, Referrals1112Rate 6, …
    it("a measure cell that is neither a number nor one of DfE's symbols", async () => {
      await expectDataError(
        () => planWith((t) => (t[2012] = t[2012].replace("381,Calderdale,3,2465", "381,Calderdale,3,24x5"))),
        `SFR27-2012ud.csv:3:5: Referrals1112: "24x5" is neither a number nor one of DfE's symbols x (suppressed), .. (not submitted), . (not applicable)`,
      );
    });
    it("a thousands separator in the wrong place", async () => {
      // The 2013 file: geog_l, geog_c, new_la_code, geog_n, SomeDCI, Referrals1213 is column 6.
      await expectDataError(() => planWith((t) => (t[2013] = t[2013].replace('"3,258"', '"32,58"'))), `SFR45-2013ud.csv:3:6: Referrals1213: "32,58" is neither a number nor one of DfE's symbols x (suppressed), .. (not submitted), . (not applicable)`);
    });
    it("an empty measure cell", async () => {
      await expectDataError(() => planWith((t) => (t[2014] = t[2014].replace("E08000033,Calderdale,3,4493", "E08000033,Calderdale,3,"))), "SFR43-2014.csv:3:6: Referrals1314: the cell is empty; a number or one of DfE's symbols x, .., . is needed");
    });
    it("a DfE number that is no council's", async () => {
      await expectDataError(() => planWith((t) => (t[2012] = t[2012].replace("LA,878,Devon", "LA,999,Devon"))), "SFR27-2012ud.csv:4:2: DfE number 999 (Devon) is no council's dfe_number in data/councils/councils.csv");
    });
    it("an area code that is not the council's", async () => {
      await expectDataError(
        () => planWith((t) => (t[2014] = t[2014].replace("878,E10000008,Devon", "878,E10000009,Devon"))),
        "SFR43-2014.csv:4:3: area code E10000009 is not the code of DfE number 878, Devon (E10000008) in data/councils/councils.csv",
      );
    });
    it("a council twice in one year", async () => {
      await expectDataError(() => planWith((t) => (t[2012] = `${t[2012]}${t[2012].split("\n")[2]}\n`)), "SFR27-2012ud.csv:6:2: a second row for Calderdale (DfE number 381); the first is on line 3");
    });
    it("a level other than National or LA", async () => {
      await expectDataError(() => planWith((t) => (t[2012] = t[2012].replace("LA,878,Devon", "Region,878,Devon"))), `SFR27-2012ud.csv:4:1: geog_l: "Region" is not one of: National, LA`);
    });
    it("a measure column missing from the header", async () => {
      const error = planWith((t) => (t[2014] = t[2014].replace(",CPPAt310314Rate,", ",CPPRate,")));
      await expect(error).rejects.toThrow(/^SFR43-2014\.csv:1:1: the column "CPPAt310314Rate" is missing; the header has: /);
    });
    it("one year's file given without the others", async () => {
      const rows = made();
      await writeFile(path.join(sources, FILE_NAMES[2012]), sfrText(SFR_YEARS[0], rows[2012]));
      await expect(planUpdate({ inputs: [path.join(sources, FILE_NAMES[2012])], root })).rejects.toThrow(
        /SFR27-2012ud\.csv:1:1: the children in need 2012–2014 \(data\/councils\/children-in-need-2012-2014\.csv\) import needs Department for Education, Characteristics of children in need, underlying data, year ending March 2013 \(SFR45\/2013\); and Department for Education, Characteristics of children in need, underlying data, year ending March 2014 \(SFR43\/2014\) too/,
      );
    });
    it("leaves data/ as it was after a failure", async () => {
      await planWith((t) => (t[2012] = t[2012].replace("LA,878,Devon", "LA,999,Devon"))).catch(() => undefined);
      await expect(readFile(path.join(root, CIN_FILE), "utf8")).rejects.toThrow(/ENOENT/);
    });
  });
});
