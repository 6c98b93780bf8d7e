/**
 * The inspections import on the made-up publishers' files in test/fixtures/import-sources
 * (Ofsted's workbook written as .ods, DfE's and the scout's CSV files), run by
 * `npm run data:update`'s planUpdate and applyUpdate: every output checked against
 * expectations written out by hand from the fixture (see its README).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatUpdate } from "../../scripts/import/update.ts";
import { C1, D5, INSPECTION_FILES, read, scratch, Sources, update, type Scratch } from "./helpers.ts";

const lines = (...text: string[]) => `${text.join("\n")}\n`;

// Sorted by code. Barnet was "Barnet London Borough" in DfE's 2018 row: an alias. Hull's
// Ofsted name differs from DfE's. Buckinghamshire's 2018–2020 rows used E10000002.
// The Dorset restructure: predecessors end 2019-03-31, successors start 2019-04-01; the
// county's area went to both successors.
const COUNCILS = lines(
  "code,former_codes,dfe_number,name,ofsted_name,aliases,region,ofsted_region,status,existed_from,existed_until,successor_codes",
  'E06000010,,810,"Kingston upon Hull, City of",Kingston Upon Hull,,Yorkshire and The Humber,"North East, Yorkshire and The Humber",current,,,',
  "E06000028,,837,Bournemouth,Bournemouth,,South West,South West,predecessor,,2019-03-31,E06000058",
  "E06000029,,836,Poole,Poole,,South West,South West,predecessor,,2019-03-31,E06000058",
  'E06000058,,839,"Bournemouth, Christchurch and Poole","Bournemouth, Christchurch and Poole",,South West,South West,current,2019-04-01,,',
  "E06000059,,838,Dorset,Dorset,,South West,South West,current,2019-04-01,,",
  "E06000060,E10000002,825,Buckinghamshire,Buckinghamshire,,South East,South East,current,,,",
  "E09000003,,302,Barnet,Barnet,Barnet London Borough,Outer London,London,current,,,",
  "E10000009,,835,Dorset,Dorset,,South West,South West,predecessor,,2019-03-31,E06000058|E06000059",
);

// One row per judgement, by council, publication date, framework. Source lines are rows of
// Ofsted's sheet: table 10 (header in row 5) Barnet 6, BCP 7, Buckinghamshire 8, Dorset (new)
// 9, Hull 10; table 11 (caption in row 13, header in row 14) Bournemouth 15, Dorset (county)
// 16, Poole 17.
// - Buckinghamshire's SLAC looked-after judgement is "-": no row.
// - Barnet's first-SIF adoption judgement is "-": empty cell.
// - SIF dates: Barnet from PDF lines 2 and 3 (the re-inspection PDF is 5 days earlier);
//   Hull from PDF line 4, start read from the text "18 Aug 2014" (the ISO column said
//   2014-09-18); Buckinghamshire 2014 from line 5, end empty ("… and 7 – 8"); the 2016
//   re-inspection PDF is 17 days off, so no dates.
// - Report address: Barnet's first ILACS (2019-07-01) takes the scrape's line 3 (its URN 900001
//   is Barnet's in the lookup, same day); no other judgement has a scrape row of its council and day.
const INSPECTIONS = lines(
  "council_code,framework,ilacs_type,published,inspection_start,inspection_end,overall,help_protection,looked_after_permanence,adoption,care_leavers,leadership,lscb,source_table,source_line,dates_line,report_url",
  "E06000010,slac-safeguarding,,2011-09-02,,,requires_improvement,,,,,,,table-10,10,,",
  "E06000010,slac-looked-after,,2011-09-02,,,good,,,,,,,table-10,10,,",
  "E06000010,cpi,,2013-02-15,,,inadequate,,,,,,,table-10,10,,",
  "E06000010,sif,,2014-10-20,2014-08-18,2014-09-09,inadequate,inadequate,requires_improvement,good,requires_improvement,inadequate,requires_improvement,table-10,10,4,",
  "E06000010,ilacs-first,short,2019-09-10,,,requires_improvement,,,,,,,table-10,10,,",
  "E06000028,slac-safeguarding,,2011-05-05,,,good,,,,,,,table-11,15,,",
  "E06000028,slac-looked-after,,2011-05-05,,,good,,,,,,,table-11,15,,",
  "E06000028,sif,,2014-06-30,,,requires_improvement,requires_improvement,requires_improvement,requires_improvement,requires_improvement,requires_improvement,good,table-11,15,,",
  "E06000029,slac-safeguarding,,2011-12-09,,,good,,,,,,,table-11,17,,",
  "E06000029,slac-looked-after,,2011-12-09,,,good,,,,,,,table-11,17,,",
  "E06000029,sif,,2017-11-20,,,requires_improvement,requires_improvement,good,good,requires_improvement,requires_improvement,requires_improvement,table-11,17,,",
  "E06000058,ilacs-first,standard,2022-02-14,,,requires_improvement,,,,,,,table-10,7,,",
  "E06000059,ilacs-first,short,2021-11-22,,,good,,,,,,,table-10,9,,",
  "E06000060,slac-safeguarding,,2010-06-17,,,inadequate,,,,,,,table-10,8,,",
  "E06000060,tlac,,2013-08-23,,,inadequate,,,,,,,table-10,8,,",
  "E06000060,sif,,2014-05-09,2014-03-03,,inadequate,inadequate,requires_improvement,good,requires_improvement,inadequate,inadequate,table-10,8,5,",
  "E06000060,sif-reinspection,,2016-12-12,,,requires_improvement,requires_improvement,requires_improvement,good,requires_improvement,requires_improvement,,table-10,8,,",
  "E06000060,ilacs-first,standard,2019-05-03,,,good,,,,,,,table-10,8,,",
  "E06000060,ilacs-second,standard,2023-01-30,,,outstanding,,,,,,,table-10,8,,",
  "E09000003,slac-safeguarding,,2011-03-11,,,good,,,,,,,table-10,6,,",
  "E09000003,slac-looked-after,,2011-03-11,,,good,,,,,,,table-10,6,,",
  "E09000003,sif,,2015-07-07,2015-05-04,2015-05-28,requires_improvement,requires_improvement,requires_improvement,,good,requires_improvement,good,table-10,6,2,",
  "E09000003,sif-reinspection,,2017-03-15,2017-01-09,2017-02-02,good,good,good,good,requires_improvement,good,,table-10,6,3,",
  "E09000003,ilacs-first,standard,2019-07-01,,,good,,,,,,,table-10,6,,https://files.example.org/v1/file/1002",
  "E10000009,slac-safeguarding,,2011-10-14,,,good,,,,,,,table-11,16,,",
  "E10000009,slac-looked-after,,2011-10-14,,,good,,,,,,,table-11,16,,",
  "E10000009,sif,,2016-05-16,,,requires_improvement,requires_improvement,requires_improvement,good,requires_improvement,requires_improvement,requires_improvement,table-11,16,,",
);

// Year ending March N with the mid-(N−1) population. Empty: Barnet 2019 referrals ("c"),
// Hull 2020 plans ("x"), Bournemouth 2018 population (mid-2017 "x"), Poole 2019 plans (no row).
// Buckinghamshire is one series across its two codes.
const DEMAND = lines(
  "council_code,year_ending_march,referrals,cpp_at_31_march,population_0_17,population_mid_year",
  "E06000010,2018,4100,400,60000,2017",
  "E06000010,2019,4250,410,60200,2018",
  "E06000010,2020,4300,,60400,2019",
  "E06000010,2021,4010,390,60500,2020",
  "E06000028,2018,1500,120,,2017",
  "E06000028,2019,1550,125,37000,2018",
  "E06000029,2018,1200,90,29000,2017",
  "E06000029,2019,1220,,29100,2018",
  "E06000058,2020,3300,220,76000,2019",
  "E06000058,2021,3350,230,76500,2020",
  "E06000059,2020,2500,280,68000,2019",
  "E06000059,2021,2550,290,68300,2020",
  "E06000060,2018,5000,450,120000,2017",
  "E06000060,2019,5100,460,121000,2018",
  "E06000060,2020,5200,470,122000,2019",
  "E06000060,2021,5300,480,123000,2020",
  "E09000003,2018,3010,250,95000,2017",
  "E09000003,2019,,260,95500,2018",
  "E09000003,2020,3120,270,96000,2019",
  "E09000003,2021,3200,280,96400,2020",
  "E10000009,2018,2600,300,70000,2017",
  "E10000009,2019,2700,310,70500,2018",
);

const CANONICAL = ["data/councils/councils.csv", "data/councils/inspections.csv", "data/councils/demand.csv", "data/councils/import-report.md"];

describe("the inspections import on the made-up sources", () => {
  let sources: Sources;
  // One run on the unchanged sources, shared by the tests that only read its outputs.
  let dir: Scratch;
  let first: Awaited<ReturnType<typeof update>>;
  beforeAll(async () => {
    sources = await Sources.load(INSPECTION_FILES);
    dir = await scratch();
    first = await update(dir, sources);
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("writes the council lookup, one row per council including predecessors", async () => {
    expect(await read(dir.root, "data/councils/councils.csv")).toBe(COUNCILS);
  });

  it("writes one row per judgement with SIF dates and sub-judgements, from both tables of Ofsted's sheet", async () => {
    expect(await read(dir.root, "data/councils/inspections.csv")).toBe(INSPECTIONS);
  });

  it("writes demand by council and year, with empty cells for suppressed and missing values", async () => {
    expect(await read(dir.root, "data/councils/demand.csv")).toBe(DEMAND);
  });

  it("records every drop, change, alias, match and empty cell in the import report", async () => {
    const report = await read(dir.root, "data/councils/import-report.md");
    const expected = [
      // Sources: Ofsted's sheet by file and sheet; national and regional rows are listed by line.
      "| Childrens_social_care_in_England_2023_underlying_data.ods[LA_inspections_2009-2023] | 8 | all: the tables of current councils and of councils before a restructure |",
      "| c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv | 24 | 22 local-authority rows; 2 national and regional rows not imported (lines 2–3) |",
      "8 councils: 5 current and 3 predecessors (abolished in a restructure).",
      "| Dorset (E10000009) | 2019-03-31 | Bournemouth, Christchurch and Poole (E06000058); Dorset (E06000059) |",
      // Buckinghamshire's three c1 rows of 2018–2020 under the old code (lines 22–24).
      "| Buckinghamshire | E10000002 | E06000060 | 2020-04-01 | c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv | 3 | 2018–2020 | 22–24 |",
      // Hull is row 10 of Ofsted's sheet.
      "| 10 | Kingston Upon Hull | Kingston upon Hull, City of (E06000010) |",
      // Row:column of the sheet: the SLAC looked-after judgement is column 7 (G), first-SIF adoption column 22 (V).
      '| 8:7 | Buckinghamshire (E06000060) | slac-looked-after | 2010-06-17 | the overall judgement is "-" (none given), so there is no slac-looked-after judgement to record |',
      "| 6:22 | Barnet (E09000003) | sif | adoption |",
      '| 4 | kingston upon hull | the text "18 Aug 2014 – 9 September 2014" reads 2014-08-18 to 2014-09-09, but the ISO columns say 2014-09-18 to 2014-09-09; the text\'s dates are used |',
      "| 4 | kingston upon hull | Kingston upon Hull, City of (E06000010) | ofsted name |",
      "| Barnet (E09000003) | sif-reinspection | 2017-03-15 | 3 | 2017-03-10 | -5 | 2017-01-09 | 2017-02-02 | the PDF's re-inspection flag is False; Ofsted's table (sif-reinspection) is followed |",
      "| Buckinghamshire (E06000060) | sif-reinspection | 2016-12-12 | no report PDF of this council was published within 10 days of 2016-12-12 |",
      "| 6 | buckinghamshire | 2016-11-25 | no inspection of E06000060 in Ofsted's table was published within 10 days of 2016-11-25 |",
      "| 7 | buckinghamshire | 2019-05-03 | it is the report of the ilacs-first inspection published 2019-05-03; inspection dates are imported for SIF inspections only |",
      '| 8 | atlantis | 2015-01-01 | no single council answers to "atlantis" on 2015-01-01 |',
      // Empty cells, with the source cell: count columns are column 12 in all three files.
      '| Barnet (E09000003) | 2019 | referrals | c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv:5:12 | "c": suppressed to protect confidentiality |',
      '| Kingston upon Hull, City of (E06000010) | 2020 | cpp_at_31_march | d5_cpps_at31march_by_duration_2013_to_2025.csv:9:12 | "x": not available |',
      '| Bournemouth (E06000028) | 2018 | population_0_17 | ons_mid-year_population_estimates_2012_to_2024.csv:12:12 | "x": not available |',
      "| Poole (E06000029) | 2019 | cpp_at_31_march | no row | d5_cpps_at31march_by_duration_2013_to_2025.csv has no row for E06000029 in the year ending March 2019 |",
      // Barnet's mid-2016 estimate would belong to the year ending March 2017, which is not in the DfE files.
      "| 3 | Barnet (E09000003) | 2016 |",
    ];
    for (const line of expected) expect(report.split("\n")).toContain(line);
    // First SIFs with dates: Barnet, Hull, Buckinghamshire (not the three Table 11 councils'
    // first SIFs: no PDFs); re-inspections: Barnet only.
    expect(report).toContain("Dates used for 3 of 6 first SIFs and 1 of 2 SIF re-inspections (8 SIF events in all).");
    // Report addresses: 27 judgements, Barnet's 2019 ILACS linked; the scrape's first readable day is line 2's.
    expect(report).toContain("1 of 27 judgements take an address; 26 have no scrape row of their council and day; 0 are ambiguous. The scrape's reports begin on 2012-06-14.");
    expect(report.split("\n")).toContain("| ilacs-first | 5 | 1 | 4 | 0 |");
    expect(report.endsWith("\n")).toBe(true);
    expect(report).not.toContain("\r");
    // Sources are named by file name: the report does not depend on where they were kept.
    expect(report).not.toContain(dir.sources);
  });

  it("reports every row as added on the first run, naming the first few councils", () => {
    expect(first.plan.imports).toEqual(["inspections"]);
    expect(first.written).toEqual([...CANONICAL, "data/README.md"]);
    const text = formatUpdate(first.plan, first.written).split("\n");
    const at = text.indexOf("data/councils/councils.csv: 8 rows; 8 added, 0 changed, 0 removed");
    expect(text.slice(at, at + 21)).toEqual([
      "data/councils/councils.csv: 8 rows; 8 added, 0 changed, 0 removed",
      "  added: Kingston upon Hull, City of (E06000010)",
      "  added: Bournemouth (E06000028)",
      "  added: Poole (E06000029)",
      "  added: Bournemouth, Christchurch and Poole (E06000058)",
      "  added: Dorset (E06000059)",
      "  … and 3 more added",
      "data/councils/inspections.csv: 27 rows; 27 added, 0 changed, 0 removed",
      "  added: Kingston upon Hull, City of (E06000010) slac-safeguarding 2011-09-02",
      "  added: Kingston upon Hull, City of (E06000010) slac-looked-after 2011-09-02",
      "  added: Kingston upon Hull, City of (E06000010) cpi 2013-02-15",
      "  added: Kingston upon Hull, City of (E06000010) sif 2014-10-20",
      "  added: Kingston upon Hull, City of (E06000010) ilacs-first 2019-09-10",
      "  … and 22 more added",
      "data/councils/demand.csv: 22 rows; 22 added, 0 changed, 0 removed",
      "  added: Kingston upon Hull, City of (E06000010) 2018",
      "  added: Kingston upon Hull, City of (E06000010) 2019",
      "  added: Kingston upon Hull, City of (E06000010) 2020",
      "  added: Kingston upon Hull, City of (E06000010) 2021",
      "  added: Bournemouth (E06000028) 2018",
      "  … and 17 more added",
    ]);
  });

  it("is idempotent: a second run on the same files writes nothing and says so", async () => {
    const other = await scratch();
    try {
      await update(other, sources);
      const before = await Promise.all([...CANONICAL, "data/README.md"].map((f) => read(other.root, f)));
      const second = await update(other, sources);
      expect(second.written).toEqual([]);
      expect(await Promise.all([...CANONICAL, "data/README.md"].map((f) => read(other.root, f)))).toEqual(before);
      const reportLines = before[3].split("\n").length - 1;
      const ledgerLines = before[4].split("\n").length - 1;
      const text = formatUpdate(second.plan, second.written).split("\n");
      expect(text.slice(text.indexOf("Imports run: inspections (data/councils/)"))).toEqual([
        "Imports run: inspections (data/councils/)",
        "",
        "data/councils/councils.csv: 8 rows; 0 added, 0 changed, 0 removed (unchanged)",
        "data/councils/inspections.csv: 27 rows; 0 added, 0 changed, 0 removed (unchanged)",
        "data/councils/demand.csv: 22 rows; 0 added, 0 changed, 0 removed (unchanged)",
        `data/councils/import-report.md: ${reportLines} lines; 0 added, 0 removed (unchanged)`,
        `data/README.md: ${ledgerLines} lines; 0 added, 0 removed (unchanged)`,
        "",
        "data/ is already up to date with these files: nothing was written.",
      ]);
    } finally {
      await other.remove();
    }
  });

  it("counts and names the rows added, changed and removed against the previous files", async () => {
    const other = await scratch();
    try {
      await update(other, sources);
      // A source change: Hull's 2021 referrals 4010 → 4011 (c1 line 11, column 12).
      const changed = sources.copy().csvCell(C1, 11, 12, "4011");
      // A stale row in the old demand file that the sources no longer give, and a row missing from it.
      const demandFile = path.join(other.root, "data/councils/demand.csv");
      await writeFile(demandFile, (await readFile(demandFile, "utf8")).replace("E10000009,2019,2700,310,70500,2018\n", "E10000009,2020,1,1,1,2019\n"));
      // The stale row is one the sources no longer give: the update refuses to remove it, naming the files it would come from.
      await expect(update(other, changed)).rejects.toThrow(
        `${path.join(other.sources, C1)} and ${path.join(other.sources, D5)} give less than data/ holds: data/councils/demand.csv would lose 1 of its 22 council years (1 council, the year ending March 2020).\nIf the publisher did withdraw them, run again with --allow-removals, which lists every one; if not, the file may be cut short or not the one meant: download it again.`,
      );
      const { plan, written } = await update(other, changed, { allowRemovals: true });
      const demand = plan.files.find((f) => f.file === "data/councils/demand.csv")!;
      // Added: E10000009/2019; changed: E06000010/2021; removed: E10000009/2020.
      expect([demand.diff?.rows, demand.diff?.added, demand.diff?.changed, demand.diff?.removed]).toEqual([22, 1, 1, 1]);
      expect(demand.diff?.changedRows.map((c) => c.cells)).toEqual([[{ column: "referrals", before: "4010", after: "4011" }]]);
      const text = formatUpdate(plan, written).split("\n");
      const at = text.indexOf("data/councils/demand.csv: 22 rows; 1 added, 1 changed, 1 removed");
      expect(text.slice(at, at + 4)).toEqual([
        "data/councils/demand.csv: 22 rows; 1 added, 1 changed, 1 removed",
        "  added: Dorset (E10000009) 2019",
        "  changed: Kingston upon Hull, City of (E06000010) 2021: referrals 4010 → 4011",
        "  removed: Dorset (E10000009) 2020",
      ]);
      expect(text).toContain("data/councils/councils.csv: 8 rows; 0 added, 0 changed, 0 removed (unchanged)");
      expect(written).toEqual(["data/councils/demand.csv", "data/README.md"]);
      expect(await read(other.root, "data/councils/demand.csv")).toBe(DEMAND.replace("E06000010,2021,4010,", "E06000010,2021,4011,"));
    } finally {
      await other.remove();
    }
  });
});
