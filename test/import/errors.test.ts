/**
 * Malformed sources stop the update with `file:line:column: message` — for Ofsted's sheet
 * `file[sheet]:row:column` — naming the file by its name, and write nothing. Each case edits
 * one cell (or line) of the made-up sources in memory; positions are worked out by hand from
 * the fixture: in Ofsted's sheet the table of current councils has its header in row 5 (Barnet
 * row 6, Bournemouth, Christchurch and Poole 7, Buckinghamshire 8, Dorset 9, Hull 10), the
 * table of councils before a restructure its header in row 14 (Bournemouth 15, Dorset County
 * 16, Poole 17); columns are the sheet's, A = 1.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectDataError } from "../helpers/data-error.ts";
import { C1, D5, fingerprint, INSPECTION_FILES, named, OFSTED, OFSTED_SHEET, ONS, PDFS, plan, scratch, Sources, type Scratch } from "./helpers.ts";

const O = named(OFSTED, OFSTED_SHEET);

describe("malformed sources", () => {
  let base: Sources;
  let dir: Scratch;
  let before: Record<string, string>;
  beforeAll(async () => {
    base = await Sources.load(INSPECTION_FILES);
    dir = await scratch();
    before = await fingerprint(dir.root);
  });
  afterAll(async () => {
    // Nothing was written to the project by any of them.
    expect(await fingerprint(dir.root)).toEqual(before);
    await dir.remove();
  });
  /** Plan the update with a copy of the sources changed by `change`. */
  const run = (change: (s: Sources) => unknown) => {
    const sources = base.copy();
    change(sources);
    return () => plan(dir, sources);
  };

  describe("Ofsted's inspection sheet", () => {
    it("rejects a grade outside Ofsted's wording", async () => {
      // Barnet (row 6), SLAC safeguarding judgement (column 6, F).
      await expectDataError(run((s) => s.cell(OFSTED, OFSTED_SHEET, 6, 6, "Adequate")), `${O}:6:6: SLAC Safeguarding Overall effectiveness (OE): "Adequate" is not one of: Inadequate, Requires improvement to be good, Good, Outstanding, - or empty`);
    });

    it("rejects a date that is not in the calendar", async () => {
      // Hull (row 10), first SIF publication date (column 18, R).
      await expectDataError(run((s) => s.cell(OFSTED, OFSTED_SHEET, 10, 18, "30/02/2014")), `${O}:10:18: Single Inspection of LA Children's Services (SIF) First SIF publication date: "30/02/2014" is not a day in the calendar`);
    });

    it("rejects a judgement without its publication date", async () => {
      // Hull's CPI date (column 12) removed; its judgement (column 13) stays.
      await expectDataError(run((s) => s.cell(OFSTED, OFSTED_SHEET, 10, 12, "")), `${O}:10:13: a cpi judgement is given but its publication date (column 12) is empty`);
    });

    it("rejects a publication date without an overall judgement", async () => {
      // Barnet's SIF re-inspection overall judgement (column 27) removed.
      await expectDataError(run((s) => s.cell(OFSTED, OFSTED_SHEET, 6, 27, "")), `${O}:6:27: the sif-reinspection report published 2017-03-15 has no overall judgement`);
    });

    it("rejects an ILACS inspection without its type", async () => {
      // Dorset Council (row 9), first ILACS type (column 33).
      await expectDataError(run((s) => s.cell(OFSTED, OFSTED_SHEET, 9, 33, "")), `${O}:9:33: the ilacs-first inspection published 2021-11-22 has no inspection type`);
    });

    it("rejects a council name that matches no council", async () => {
      await expectDataError(run((s) => s.cell(OFSTED, OFSTED_SHEET, 6, 2, "Barnett")), `${O}:6:2: no council among the councils that existed on 2023-03-31 in the DfE files answers to "Barnett"; add an alias to NAME_ALIASES in scripts/import/councils.ts`);
    });

    it("looks for the names of the table below the restructure caption among predecessor councils only", async () => {
      // Bournemouth's row (15) renamed Barnet, a current council.
      await expectDataError(run((s) => s.cell(OFSTED, OFSTED_SHEET, 15, 2, "Barnet")), `${O}:15:2: no council among the predecessor councils in the DfE files answers to "Barnet"; add an alias to NAME_ALIASES in scripts/import/councils.ts`);
    });

    it("rejects a second row for the same council", async () => {
      // Row 10 renamed to Barnet, which row 6 already is.
      await expectDataError(run((s) => s.cell(OFSTED, OFSTED_SHEET, 10, 2, "Barnet")), `${O}:10:2: "Barnet" is Barnet (E09000003) again; it already has the row on line 6`);
    });

    it("rejects a second table of current councils (no caption saying it is before the restructure)", async () => {
      // The caption of row 13 cleared: the second header (row 14) then stands under a blank row.
      await expectDataError(run((s) => s.cell(OFSTED, OFSTED_SHEET, 13, 1, "")), `${O}:14:1: the sheet has two tables of current councils; the second table's caption should say the councils existed before the restructure`);
    });
  });

  describe("the PDF dates", () => {
    it("rejects an impossible ISO date", async () => {
      await expectDataError(run((s) => s.csvCell(PDFS, 2, 7, "2015-02-30")), `${named(PDFS)}:2:7: inspection_start: "2015-02-30" is not a day in the calendar`);
    });
  });

  describe("the DfE and ONS files", () => {
    it("rejects a count that is neither a number nor a suppression symbol", async () => {
      // c1 line 11 is Hull 2021; referral_count is column 12.
      await expectDataError(run((s) => s.csvCell(C1, 11, 12, "n/a")), `${named(C1)}:11:12: referral_count: "n/a" is neither a whole number nor one of the suppression symbols c, k, low, u, x, z`);
    });

    it("rejects a row with too few fields", async () => {
      await expectDataError(run((s) => s.csvLine(C1, 6, "2020,Reporting year,Local authority")), `${named(C1)}:6:4: the row has 3 fields but the header has 21`);
    });

    it("rejects a population of another age group", async () => {
      // ONS line 4 is Barnet mid-2017; age_group is column 11.
      await expectDataError(run((s) => s.csvCell(ONS, 4, 11, "Children aged 0 to 15 years")), `${named(ONS)}:4:11: age_group: "Children aged 0 to 15 years" is not one of: Children aged 0 to 17 years`);
    });

    it("rejects a local-authority row without an area code", async () => {
      await expectDataError(run((s) => s.csvCell(C1, 4, 9, "")), `${named(C1)}:4:9: new_la_code: empty is not an E06, E08, E09 or E10 area code (needed on local-authority rows)`);
    });

    it("rejects a council whose DfE number changes", async () => {
      // Barnet's first row of all (by date) is the ONS mid-2016 estimate, line 3.
      await expectDataError(run((s) => s.csvCell(C1, 5, 8, "303")), `${named(C1)}:5:8: Barnet (E09000003) has DfE number 303 here but 302 in ${named(ONS)} line 3`);
    });

    it("rejects two rows for the same council and year", async () => {
      // Barnet 2020 (line 6) relabelled 2021, the year of line 7.
      await expectDataError(run((s) => s.csvCell(C1, 6, 1, "2021")), `${named(C1)}:7:9: a second row for Barnet (E09000003) in 2021; the first is on line 6`);
    });

    it("names the publication missing from the inspections import", async () => {
      // Named at the first of the import's publications given: Ofsted's workbook.
      await expectDataError(
        run((s) => s.remove(D5)),
        `${path.join(dir.sources, OFSTED)}:1:1: the inspections (data/councils/) import needs Department for Education, Children in need: children on a child protection plan at 31 March, by duration too; give them with it (the folder where the current editions are kept)`,
      );
    });
  });

  describe("councils that disappear or appear", () => {
    it("does not drop a council silently: a current council must reach the latest year", async () => {
      // Remove Hull's 2021 rows (c1 line 11, d5 line 10). Its latest row is then its
      // mid-2020 population (ONS line 11).
      await expectDataError(
        run((s) => s.csvLine(C1, 11, null).csvLine(D5, 10, null)),
        `${named(ONS)}:11:9: Kingston upon Hull, City of (E06000010) has no row for the year ending March 2021 and is not listed as a predecessor; add its restructure or code change to scripts/import/councils.ts`,
      );
    });

    it("rejects a predecessor's row after its abolition", async () => {
      // c1 line 13 is Bournemouth 2019; as 2020 it falls after 2019-03-31.
      await expectDataError(run((s) => s.csvCell(C1, 13, 1, "2020")), `${named(C1)}:13:9: Bournemouth (E06000028) has a row for 2020-03-31, outside its existence (… to 2019-03-31) as listed in RESTRUCTURES`);
    });

    it("rejects an old code used after the council changed code", async () => {
      // c1 line 25 is Buckinghamshire 2021 under its new code.
      await expectDataError(run((s) => s.csvCell(C1, 25, 9, "E10000002")), `${named(C1)}:25:9: E10000002 (Buckinghamshire) is used for 2021-03-31, but the council has had the code E06000060 since 2020-04-01`);
    });

    it("rejects a restructure with a successor missing from the sources", async () => {
      // Remove every Dorset Council (E06000059) row: c1 20–21, d5 18–19, ONS 20–21 (last first).
      const change = (s: Sources) => {
        for (const [file, lines] of [[C1, [21, 20]], [D5, [19, 18]], [ONS, [21, 20]]] as const) for (const line of lines) s.csvLine(file, line, null);
      };
      // The first present council of the restructure is Bournemouth; its first row by date is ONS mid-2017 (line 12).
      await expectDataError(run(change), `${named(ONS)}:12:9: the restructure of 2019-04-01 involves E06000059, which has no rows in the sources; a predecessor's successors must all be present`);
    });
  });

  it("leaves the project as it was after every failure", async () => {
    // Checked for all of them in afterAll; here, that the scratch project still holds only the ledger.
    expect(Object.keys(await fingerprint(dir.root)).sort()).toEqual(["data", "data/README.md"]);
  });
});
