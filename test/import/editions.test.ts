/**
 * A later edition arrives (issue 15, point 3). The made-up 2025 state: the inspections
 * fixture and an outcomes workbook "as at 31 March 2025", a scrape and its lookup for the same
 * councils (test/fixtures/import-sources/editions/2025). Then the 2026 files
 * (editions/2026): the outcomes "as at 31 March 2026" with three new reports and one grade
 * corrected, DfE's files with the year ending March 2026 (ONS with mid-2025), and a newer
 * scrape. `npm run data:update` on them reports exactly the rows added and changed, naming
 * councils and dates, writes them, records the new editions and sha256s in data/README.md,
 * and a second run changes nothing. Every expectation is worked out by hand from the files.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatUpdate } from "../../scripts/import/update.ts";
import { C1_2026, D5_2026, fingerprint, LOOKUP, OFSTED, ONS_2026, OUTCOMES_2026, PDFS, read, scratch, SCRAPE, sha256, sourcesOf2025, sourcesOf2026, update, type Sources, type Scratch } from "./helpers.ts";

const lines = (...text: string[]) => `${text.join("\n")}\n`;

// Official rows 4–11 of the 2025 history (Hull's row 12, published 11 April 2025, is after
// the as-at date); scrape line 3 (Hull) and line 4 (Barnet, 15 September 2025). Barnet's official
// 2024 report (row 5) carries the address of the scrape's report of that day (line 2).
const JUDGEMENTS_2025 = lines(
  "council_code,inspection_type,inspection_start,inspection_end,published,overall,leadership,help_protection,in_care,care_leavers,ungraded_reason,report_url,source,source_line",
  "E06000010,short,2019-07-29,,2019-09-10,requires_improvement,requires_improvement,requires_improvement,requires_improvement,,,,ofsted-official,11",
  "E06000010,short,2025-03-03,2025-03-07,2025-04-11,good,good,good,good,requires_improvement,,https://files.example.org/v1/file/2002,report-scrape,3",
  "E06000028,standard,2018-07-02,,2018-08-24,requires_improvement,requires_improvement,requires_improvement,good,,,,ofsted-official,6",
  "E06000058,standard,2022-01-10,,2022-02-14,requires_improvement,requires_improvement,requires_improvement,requires_improvement,,,,ofsted-official,7",
  "E06000059,short,2021-10-11,,2021-11-22,good,good,good,good,,,,ofsted-official,10",
  "E06000060,standard,2019-03-18,,2019-05-03,good,good,good,good,,,,ofsted-official,8",
  "E06000060,standard,2022-12-05,,2023-01-30,outstanding,outstanding,outstanding,outstanding,outstanding,,,ofsted-official,9",
  "E09000003,standard,2019-05-13,,2019-07-01,good,good,good,good,,,,ofsted-official,4",
  "E09000003,short,2024-06-10,,2024-07-23,good,good,good,outstanding,good,,https://files.example.org/v1/file/2001,ofsted-official,5",
  "E09000003,standard,2025-07-28,2025-08-08,2025-09-15,requires_improvement,good,requires_improvement,good,good,,https://files.example.org/v1/file/2003,report-scrape,4",
);

// As at 31 March 2026: official rows 4–14 (Hull's and Barnet's 2025 reports now from the
// table, rows 12 and 13; Dorset's new report row 14; Barnet's 2024 report corrected: in care
// good); Buckinghamshire's report of 17 April 2026 (row 15) is after the as-at date, so the
// scrape's (line 6) is used, with the scrape's Bournemouth, Christchurch and Poole report of
// 15 July 2026 (line 7), after the reform and without an overall grade.
const JUDGEMENTS_2026 = lines(
  "council_code,inspection_type,inspection_start,inspection_end,published,overall,leadership,help_protection,in_care,care_leavers,ungraded_reason,report_url,source,source_line",
  "E06000010,short,2019-07-29,,2019-09-10,requires_improvement,requires_improvement,requires_improvement,requires_improvement,,,,ofsted-official,11",
  "E06000010,short,2025-03-03,,2025-04-11,good,good,good,good,requires_improvement,,https://files.example.org/v1/file/2002,ofsted-official,12",
  "E06000028,standard,2018-07-02,,2018-08-24,requires_improvement,requires_improvement,requires_improvement,good,,,,ofsted-official,6",
  "E06000058,standard,2022-01-10,,2022-02-14,requires_improvement,requires_improvement,requires_improvement,requires_improvement,,,,ofsted-official,7",
  "E06000058,standard,2026-06-01,2026-06-12,2026-07-15,,good,requires_improvement,good,good,no-grade-after-reform,https://files.example.org/v1/file/2006,report-scrape,7",
  "E06000059,short,2021-10-11,,2021-11-22,good,good,good,good,,,,ofsted-official,10",
  "E06000059,standard,2026-01-12,,2026-02-20,good,outstanding,good,good,good,,https://files.example.org/v1/file/2004,ofsted-official,14",
  "E06000060,standard,2019-03-18,,2019-05-03,good,good,good,good,,,,ofsted-official,8",
  "E06000060,standard,2022-12-05,,2023-01-30,outstanding,outstanding,outstanding,outstanding,outstanding,,,ofsted-official,9",
  "E06000060,short,2026-03-02,2026-03-06,2026-04-17,good,good,good,good,good,,https://files.example.org/v1/file/2005,report-scrape,6",
  "E09000003,standard,2019-05-13,,2019-07-01,good,good,good,good,,,,ofsted-official,4",
  "E09000003,short,2024-06-10,,2024-07-23,good,good,good,good,good,,https://files.example.org/v1/file/2001,ofsted-official,5",
  "E09000003,standard,2025-07-28,,2025-09-15,requires_improvement,good,requires_improvement,good,good,,https://files.example.org/v1/file/2003,ofsted-official,13",
);

// The year ending March 2026 with the mid-2025 population, for the five current councils.
const DEMAND_2026_ROWS = [
  "E06000010,2026,3900,380,60300,2025",
  "E06000058,2026,3450,240,77000,2025",
  "E06000059,2026,2600,300,68600,2025",
  "E06000060,2026,5400,490,124000,2025",
  "E09000003,2026,3300,290,97000,2025",
];

describe("a later edition of the publications", () => {
  let dir: Scratch;
  let before2025: Sources;
  let after2026: Sources;
  let data2025: Record<string, string>;
  let run2026: Awaited<ReturnType<typeof update>>;
  beforeAll(async () => {
    before2025 = await sourcesOf2025();
    // The 2026 folder: the new editions, with the files that have no new edition (Ofsted's 2023 workbook, the SIF dates, the lookup).
    after2026 = await sourcesOf2026();
    dir = await scratch();
    await update(dir, before2025);
    data2025 = Object.fromEntries(
      await Promise.all(["data/councils/councils.csv", "data/councils/inspections.csv", "data/councils/demand.csv", "data/ilacs/judgements.csv"].map(async (f) => [f, await read(dir.root, f)])),
    );
    run2026 = await update(dir, after2026);
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("starts from the 2025 editions", () => {
    expect(data2025["data/ilacs/judgements.csv"]).toBe(JUDGEMENTS_2025);
  });

  it("reports exactly the rows added and changed, naming councils and dates", () => {
    const text = formatUpdate(run2026.plan, run2026.written).split("\n");
    expect(text.slice(text.indexOf("Imports run: inspections (data/councils/), ILACS (data/ilacs/)"), -1).filter((line) => !/^data\/(councils|ilacs)\/import-report\.md|^data\/README\.md/.test(line))).toEqual([
      "Imports run: inspections (data/councils/), ILACS (data/ilacs/)",
      "",
      "data/councils/councils.csv: 8 rows; 0 added, 0 changed, 0 removed (unchanged)",
      "data/councils/inspections.csv: 27 rows; 0 added, 0 changed, 0 removed (unchanged)",
      "data/councils/demand.csv: 27 rows; 5 added, 0 changed, 0 removed",
      "  added: Kingston upon Hull, City of (E06000010) 2026",
      "  added: Bournemouth, Christchurch and Poole (E06000058) 2026",
      "  added: Dorset (E06000059) 2026",
      "  added: Buckinghamshire (E06000060) 2026",
      "  added: Barnet (E09000003) 2026",
      "data/ilacs/judgements.csv: 13 rows; 3 added, 3 changed, 0 removed",
      "  added: Bournemouth, Christchurch and Poole (E06000058) 2026-07-15",
      "  added: Dorset (E06000059) 2026-02-20",
      "  added: Buckinghamshire (E06000060) 2026-04-17",
      "  changed: Kingston upon Hull, City of (E06000010) 2025-04-11: inspection_end 2025-03-07 → (empty), source report-scrape → ofsted-official, source_line 3 → 12",
      "  changed: Barnet (E09000003) 2024-07-23: in_care outstanding → good",
      "  changed: Barnet (E09000003) 2025-09-15: inspection_end 2025-08-08 → (empty), source report-scrape → ofsted-official, source_line 4 → 13",
      "",
      // The last line, the next steps, is left out by the slice.
      "Wrote data/councils/demand.csv, data/councils/import-report.md, data/ilacs/judgements.csv, data/ilacs/import-report.md, data/README.md.",
    ]);
    // The publications read, with the editions they hold.
    const read = text.slice(1, 9).map((line) => line.replace(/: \/.*$/, ""));
    expect(read.sort()).toEqual(
      [
        "  Ofsted, Children's social care data in England, underlying data (sheet LA_inspections_2009-YYYY); inspections 2009–2023, published 12 July 2023",
        "  Ofsted, Local authority inspection outcomes as at 31 March (sheets ILACS_inspection_history and Inspections_as_at_31_March); as at 31 March 2026, published 23 September 2026",
        "  Department for Education, Children in need: referrals and re-referrals; years ending March 2018–2026",
        "  Department for Education, Children in need: children on a child protection plan at 31 March, by duration; years ending March 2018–2026",
        "  Office for National Statistics (in DfE's layout), Mid-year population estimates, children aged 0 to 17; mid-year estimates 2016–2025",
        "  data-to-insight / JT-39, ofsted-ilacs-scrape-tool, ILACS report history, scraped daily from Ofsted's published reports; reports published up to 15 July 2026",
        "  data-to-insight / JT-39, ofsted-ilacs-scrape-tool, The scrape's lookup of local authorities (Ofsted URN to DfE number and area code); undated (a lookup)",
        "  this project's data scout, from the report PDFs kept by ofsted-ilacs-scrape-tool, SIF inspection and publication dates, read from the SIF report PDFs; reports published up to 3 May 2019",
      ].sort(),
    );
  });

  it("writes the new rows, and nothing else changes in the canonical files", async () => {
    expect(await read(dir.root, "data/ilacs/judgements.csv")).toBe(JUDGEMENTS_2026);
    const demand2025 = data2025["data/councils/demand.csv"].split("\n").filter((l) => l !== "");
    // Each council's 2026 row follows its 2021 row (rows by council, then year).
    const expected = [...demand2025];
    for (const row of DEMAND_2026_ROWS) expected.splice(expected.findIndex((l) => l.startsWith(`${row.slice(0, 9)},2021,`)) + 1, 0, row);
    expect(await read(dir.root, "data/councils/demand.csv")).toBe(lines(...expected));
    for (const file of ["data/councils/councils.csv", "data/councils/inspections.csv"]) expect(await read(dir.root, file), file).toBe(data2025[file]);
  });

  it("records the editions read and their sha256s, and re-signs the files written", async () => {
    const ledger = await read(dir.root, "data/README.md");
    const sha = (file: string) => sha256(after2026.bytes(file));
    const section = ledger.slice(ledger.indexOf("## Sources as read"), ledger.indexOf("## Columns"));
    expect(section.split("\n").filter((l) => l.startsWith("| ")).slice(1)).toEqual([
      `| Children's social care data in England, underlying data (sheet LA_inspections_2009-YYYY) | Ofsted | inspections 2009–2023, published 12 July 2023 | Childrens_social_care_in_England_2023_underlying_data.ods | ${sha(OFSTED)} |`,
      `| Local authority inspection outcomes as at 31 March (sheets ILACS_inspection_history and Inspections_as_at_31_March) | Ofsted | as at 31 March 2026, published 23 September 2026 | LA_Inspection_Outcomes_as_at_31_March_2026.ods | ${sha(OUTCOMES_2026)} |`,
      `| Children in need: referrals and re-referrals | Department for Education | years ending March 2018–2026 | c1_children_in_need_referrals_and_rereferrals_2013_to_2026.csv | ${sha(C1_2026)} |`,
      `| Children in need: children on a child protection plan at 31 March, by duration | Department for Education | years ending March 2018–2026 | d5_cpps_at31march_by_duration_2013_to_2026.csv | ${sha(D5_2026)} |`,
      `| Mid-year population estimates, children aged 0 to 17 | Office for National Statistics (in DfE's layout) | mid-year estimates 2016–2025 | ons_mid-year_population_estimates_2012_to_2025.csv | ${sha(ONS_2026)} |`,
      `| ILACS report history, scraped daily from Ofsted's published reports | data-to-insight / JT-39, ofsted-ilacs-scrape-tool | reports published up to 15 July 2026 | ofsted_csc_ilacs_history.csv | ${sha(SCRAPE)} |`,
      `| The scrape's lookup of local authorities (Ofsted URN to DfE number and area code) | data-to-insight / JT-39, ofsted-ilacs-scrape-tool | undated (a lookup) | Provider_data_lookup.csv | ${sha(LOOKUP)} |`,
      `| SIF inspection and publication dates, read from the SIF report PDFs | this project's data scout, from the report PDFs kept by ofsted-ilacs-scrape-tool | reports published up to 3 May 2019 | sif_era_report_dates_from_pdfs.csv | ${sha(PDFS)} |`,
    ]);
    // The 2025 editions are gone from it.
    expect(ledger).not.toContain("LA_Inspection_Outcomes_as_at_31_March_2025.ods");
    expect(ledger).not.toContain(sha256(before2025.bytes(SCRAPE)));
    // Every canonical file's sha256 in the ledger is that of its bytes now.
    for (const file of ["data/councils/councils.csv", "data/councils/inspections.csv", "data/councils/demand.csv", "data/ilacs/judgements.csv"]) {
      expect(ledger).toContain(`| \`${file}\` |`);
      expect(ledger.split("\n").find((l) => l.startsWith(`| \`${file}\` |`))!.endsWith(`| ${sha256(await read(dir.root, file))} |`), file).toBe(true);
    }
  });

  it("is idempotent: run again on the same files, it writes nothing and leaves every byte", async () => {
    const before = await fingerprint(dir.root);
    const again = await update(dir, after2026);
    expect(again.written).toEqual([]);
    expect(again.plan.files.every((f) => f.before === f.after)).toBe(true);
    expect(formatUpdate(again.plan, again.written).split("\n").at(-1)).toBe("data/ is already up to date with these files: nothing was written.");
    // Same bytes, and not even rewritten (the modification times are those of before).
    expect(await fingerprint(dir.root)).toEqual(before);
    expect(Object.keys(before).every((file) => !file.includes(".update-"))).toBe(true);
  });
});
