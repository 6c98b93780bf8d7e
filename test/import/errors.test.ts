/**
 * Malformed sources stop the import with `file:line:column: message`, where file is the
 * sources folder as given plus the file's path inside it. Each case edits one cell (or
 * line) of a scratch copy of the made-up sources; positions are worked out from the fixture.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, it } from "vitest";
import { runImport } from "../../scripts/import/run.ts";
import { expectDataError } from "../helpers/data-error.ts";
import { C1, D5, OFSTED, ONS, PDFS, editCell, editLine, scratch, type Scratch } from "./helpers.ts";

describe("malformed sources", () => {
  let dir: Scratch;
  const at = (file: string) => `${dir.sources}/${file}`;
  const run = () => runImport({ sources: dir.sources, root: dir.root });
  const edit = (file: string, line: number, column: number, value: string) => editCell(path.join(dir.sources, file), line, column, value);

  beforeEach(async () => {
    dir = await scratch();
  });
  afterEach(async () => {
    await dir.remove();
  });

  describe("Ofsted's inspection table", () => {
    it("rejects a grade outside Ofsted's wording", async () => {
      // Barnet (line 2), SLAC safeguarding judgement (column 7).
      await edit(OFSTED, 2, 7, "Adequate");
      await expectDataError(run, `${at(OFSTED)}:2:7: SLAC Safeguarding Overall effectiveness (OE): "Adequate" is not one of: Inadequate, Requires improvement to be good, Good, Outstanding, - or empty`);
    });

    it("rejects a date that is not in the calendar", async () => {
      // Hull (line 6), first SIF publication date (column 19).
      await edit(OFSTED, 6, 19, "30/02/2014");
      await expectDataError(run, `${at(OFSTED)}:6:19: Single Inspection of LA Children's Services (SIF) First SIF publication date: "30/02/2014" is not a day in the calendar`);
    });

    it("rejects a judgement without its publication date", async () => {
      // Hull's CPI date (column 13) removed; its judgement (column 14) stays.
      await edit(OFSTED, 6, 13, "");
      await expectDataError(run, `${at(OFSTED)}:6:14: a cpi judgement is given but its publication date (column 13) is empty`);
    });

    it("rejects a publication date without an overall judgement", async () => {
      // Barnet's SIF re-inspection overall judgement (column 28) removed.
      await edit(OFSTED, 2, 28, "");
      await expectDataError(run, `${at(OFSTED)}:2:28: the sif-reinspection report published 2017-03-15 has no overall judgement`);
    });

    it("rejects an ILACS inspection without its type", async () => {
      // Dorset Council (line 5), first ILACS type (column 34).
      await edit(OFSTED, 5, 34, "");
      await expectDataError(run, `${at(OFSTED)}:5:34: the ilacs-first inspection published 2021-11-22 has no inspection type`);
    });

    it("rejects a council name that matches no council", async () => {
      await edit(OFSTED, 2, 3, "Barnett");
      await expectDataError(run, `${at(OFSTED)}:2:3: no council among the councils that existed on 2023-03-31 in the DfE files answers to "Barnett"; add an alias to NAME_ALIASES in scripts/import/councils.ts`);
    });

    it("looks for Table 11 names among predecessor councils only", async () => {
      await edit(OFSTED, 2, 1, "Table 11: LAs that existed before restructure");
      await expectDataError(run, `${at(OFSTED)}:2:3: no council among the predecessor councils in the DfE files answers to "Barnet"; add an alias to NAME_ALIASES in scripts/import/councils.ts`);
    });

    it("rejects a second row for the same council", async () => {
      // Line 6 renamed to Barnet, which line 2 already is.
      await edit(OFSTED, 6, 3, "Barnet");
      await expectDataError(run, `${at(OFSTED)}:6:3: "Barnet" is Barnet (E09000003) again; it already has the row on line 2`);
    });
  });

  describe("the PDF dates", () => {
    it("rejects an impossible ISO date", async () => {
      await edit(PDFS, 2, 7, "2015-02-30");
      await expectDataError(run, `${at(PDFS)}:2:7: inspection_start: "2015-02-30" is not a day in the calendar`);
    });
  });

  describe("the DfE and ONS files", () => {
    it("rejects a count that is neither a number nor a suppression symbol", async () => {
      // c1 line 11 is Hull 2021; referral_count is column 12.
      await edit(C1, 11, 12, "n/a");
      await expectDataError(run, `${at(C1)}:11:12: referral_count: "n/a" is neither a whole number nor one of the suppression symbols c, k, low, u, x, z`);
    });

    it("rejects a row with too few fields", async () => {
      await editLine(path.join(dir.sources, C1), 6, "2020,Reporting year,Local authority");
      await expectDataError(run, `${at(C1)}:6:4: the row has 3 fields but the header has 21`);
    });

    it("rejects a population of another age group", async () => {
      // ONS line 4 is Barnet mid-2017; age_group is column 11.
      await edit(ONS, 4, 11, "Children aged 0 to 15 years");
      await expectDataError(run, `${at(ONS)}:4:11: age_group: "Children aged 0 to 15 years" is not one of: Children aged 0 to 17 years`);
    });

    it("rejects a local-authority row without an area code", async () => {
      await edit(C1, 4, 9, "");
      await expectDataError(run, `${at(C1)}:4:9: new_la_code: empty is not an E06, E08, E09 or E10 area code (needed on local-authority rows)`);
    });

    it("rejects a council whose DfE number changes", async () => {
      // Barnet's first row of all (by date) is the ONS mid-2016 estimate, line 3.
      await edit(C1, 5, 8, "303");
      await expectDataError(run, `${at(C1)}:5:8: Barnet (E09000003) has DfE number 303 here but 302 in ${at(ONS)} line 3`);
    });

    it("rejects two rows for the same council and year", async () => {
      // Barnet 2020 (line 6) relabelled 2021, the year of line 7.
      await edit(C1, 6, 1, "2021");
      await expectDataError(run, `${at(C1)}:7:9: a second row for Barnet (E09000003) in 2021; the first is on line 6`);
    });

    it("names a missing source file", async () => {
      await rm(path.join(dir.sources, D5));
      await expectDataError(run, `${at(D5)}:1:1: the source file does not exist`);
    });
  });

  describe("councils that disappear or appear", () => {
    it("does not drop a council silently: a current council must reach the latest year", async () => {
      // Remove Hull's 2021 rows (c1 line 11, d5 line 10). Its latest row is then its
      // mid-2020 population (ONS line 11).
      await editLine(path.join(dir.sources, C1), 11, null);
      await editLine(path.join(dir.sources, D5), 10, null);
      await expectDataError(run, `${at(ONS)}:11:9: Kingston upon Hull, City of (E06000010) has no row for the year ending March 2021 and is not listed as a predecessor; add its restructure or code change to scripts/import/councils.ts`);
    });

    it("rejects a predecessor's row after its abolition", async () => {
      // c1 line 13 is Bournemouth 2019; as 2020 it falls after 2019-03-31.
      await edit(C1, 13, 1, "2020");
      await expectDataError(run, `${at(C1)}:13:9: Bournemouth (E06000028) has a row for 2020-03-31, outside its existence (… to 2019-03-31) as listed in RESTRUCTURES`);
    });

    it("rejects an old code used after the council changed code", async () => {
      // c1 line 25 is Buckinghamshire 2021 under its new code.
      await edit(C1, 25, 9, "E10000002");
      await expectDataError(run, `${at(C1)}:25:9: E10000002 (Buckinghamshire) is used for 2021-03-31, but the council has had the code E06000060 since 2020-04-01`);
    });

    it("rejects a restructure with a successor missing from the sources", async () => {
      // Remove every Dorset Council (E06000059) row: c1 20–21, d5 18–19, ONS 20–21 (last first).
      for (const [file, lines] of [[C1, [21, 20]], [D5, [19, 18]], [ONS, [21, 20]]] as const) {
        for (const line of lines) await editLine(path.join(dir.sources, file), line, null);
      }
      // The first present council of the restructure is Bournemouth; its first row by date is ONS mid-2017 (line 12).
      await expectDataError(run, `${at(ONS)}:12:9: the restructure of 2019-04-01 involves E06000059, which has no rows in the sources; a predecessor's successors must all be present`);
    });
  });
});
