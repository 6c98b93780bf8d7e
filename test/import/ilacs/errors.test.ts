/**
 * Structurally broken ILACS sources stop the update with `file:line:column: message` — for
 * Ofsted's sheet `file[sheet]:row:column` — and write nothing (the official table must be
 * read whole; the scrape's messy cells are left out instead, see transform.test.ts).
 * Positions are worked out from the fixture: the official reports are rows 4–13 of
 * ILACS_inspection_history (Barnet 2019 row 4, Barnet 2024 row 5, Bournemouth 6,
 * Northamptonshire 7, …), columns A = 1.
 */
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ILACS_REPORT_FILE } from "../../../scripts/import/ilacs/run.ts";
import { expectDataError } from "../../helpers/data-error.ts";
import { fingerprint, HISTORY_SHEET, LOOKUP, named, OUTCOMES, plan, read, SCRAPE, Sources, update, type Scratch } from "../helpers.ts";
import { ilacsScratch, ilacsSources } from "./helpers.ts";

const O = named(OUTCOMES, HISTORY_SHEET);

describe("malformed ILACS sources", () => {
  let base: Sources;
  let dir: Scratch;
  let before: Record<string, string>;
  const run = (change: (s: Sources) => unknown) => {
    const sources = base.copy();
    change(sources);
    return () => plan(dir, sources);
  };

  beforeAll(async () => {
    base = await ilacsSources();
  });
  beforeEach(async () => {
    dir = await ilacsScratch();
    before = await fingerprint(dir.root);
  });
  afterEach(async () => {
    // Nothing in the project was changed.
    expect(await fingerprint(dir.root)).toEqual(before);
    await dir.remove();
  });

  describe("Ofsted's official table", () => {
    it("rejects a grade outside Ofsted's wording", async () => {
      // Barnet 2019 (row 4), overall effectiveness (column 9).
      await expectDataError(run((s) => s.cell(OUTCOMES, HISTORY_SHEET, 4, 9, "Requires improvement")), `${O}:4:9: Overall effectiveness: "Requires improvement" is not one of: Inadequate, Requires improvement to be good, Good, Outstanding, - or empty`);
    });

    it("rejects a date that is not in the calendar", async () => {
      await expectDataError(run((s) => s.cell(OUTCOMES, HISTORY_SHEET, 5, 7, "31/06/2024")), `${O}:5:7: Publication date: "31/06/2024" is not a day in the calendar`);
    });

    it("rejects a report without its publication date or overall judgement", async () => {
      await expectDataError(run((s) => s.cell(OUTCOMES, HISTORY_SHEET, 5, 7, "")), `${O}:5:7: the publication date is empty`);
      await expectDataError(run((s) => s.cell(OUTCOMES, HISTORY_SHEET, 5, 9, "")), `${O}:5:9: the report published 2024-07-23 has no overall judgement`);
    });

    it("rejects an inspection type it does not know", async () => {
      await expectDataError(run((s) => s.cell(OUTCOMES, HISTORY_SHEET, 6, 8, "ILACS Focused Visit")), `${O}:6:8: Inspection type: "ILACS Focused Visit" is not one of: ILACS Standard Inspection, ILACS Short Inspection`);
    });

    it("rejects a council code that is not in the council list", async () => {
      await expectDataError(
        run((s) => s.cell(OUTCOMES, HISTORY_SHEET, 4, 2, "E09000099")),
        `${O}:4:2: E09000099 (Barnet) is not a council in data/councils/councils.csv, as a current or a former code; give the inspections import's publications with the ILACS import's (npm run data:update) or add the council there`,
      );
    });

    it("rejects a report on Northamptonshire published after its abolition", async () => {
      await expectDataError(run((s) => s.cell(OUTCOMES, HISTORY_SHEET, 7, 7, "29/07/2021")), `${O}:7:2: Northamptonshire (E10000021) existed … to 2021-03-31, not on 2021-07-29 when this report was published`);
    });

    it("rejects two different reports of one council on one day, and drops an exact repeat", async () => {
      // A row 14 after the last report: Barnet's 2019 report again, as a short inspection.
      const row4 = base.sheet(OUTCOMES, HISTORY_SHEET)[3];
      await expectDataError(
        run((s) => s.sheet(OUTCOMES, HISTORY_SHEET).push(row4.map((cell, i) => (i === 7 ? "ILACS Short Inspection" : cell)))),
        `${O}:14:7: Barnet (E09000003) has another, different report published 2019-07-01 on line 4`,
      );
      const repeat = base.copy();
      repeat.sheet(OUTCOMES, HISTORY_SHEET).push([...row4]);
      await update(dir, repeat);
      const report = await read(dir.root, ILACS_REPORT_FILE);
      expect(report).toContain("| ofsted-official | 14 | Barnet | Barnet (E09000003) | 2019-07-01 | duplicate of line 4 (the same report, cell for cell) |");
      // This one wrote: the fingerprint checked after the test is the new one.
      before = await fingerprint(dir.root);
    });

    it("rejects a title whose as-at date is not a day in the calendar", async () => {
      await expectDataError(
        run((s) => s.cell(OUTCOMES, "Inspections_as_at_31_March", 1, 1, "Local authority inspection judgements as at 31 February 2025")),
        `${named(OUTCOMES, "Inspections_as_at_31_March")}:1:1: "as at 31 February 2025" is not a date`,
      );
    });

    it("rejects an edition whose as-at sheet has no title with a date", async () => {
      await expectDataError(
        run((s) => s.cell(OUTCOMES, "Inspections_as_at_31_March", 1, 1, "Local authority inspection judgements")),
        `${named(OUTCOMES, "Inspections_as_at_31_March")}:1:1: no title saying "as at <day> <month> <year>": the edition's as-at date cannot be read`,
      );
    });
  });

  describe("the scrape and its lookup", () => {
    it("rejects a scrape whose grade column was renamed, saying what it found", async () => {
      const header = base.text(SCRAPE).split("\n")[0].split(",");
      const found = header.map((name) => (name === "overall_effectiveness_grade" ? "overall_grade" : name));
      await expectDataError(run((s) => s.csvCell(SCRAPE, 1, 10, "overall_grade")), `${named(SCRAPE)}:1:1: the column "overall_effectiveness_grade" is missing; the header has: ${found.map((n) => `"${n}"`).join(", ")}`);
    });

    it("rejects a row with a missing field", async () => {
      await expectDataError(run((s) => s.csvLine(SCRAPE, 5, "900001,barnet,https://files.example.org/v1/file/1004,report.pdf,15/09/25,standard")), `${named(SCRAPE)}:5:7: the row has 6 fields but the header has 15`);
    });

    it("rejects a URN that is not a number and a report address that is not https", async () => {
      await expectDataError(run((s) => s.csvCell(SCRAPE, 3, 1, "barnet")), `${named(SCRAPE)}:3:1: urn: "barnet" is not an Ofsted URN (digits only)`);
      await expectDataError(run((s) => s.csvCell(SCRAPE, 3, 3, "http://files.example.org/v1/file/1002")), `${named(SCRAPE)}:3:3: inspection_link: "http://files.example.org/v1/file/1002" is not an https address`);
    });

    it("rejects a URN listed twice in the lookup and an area code that is not one", async () => {
      await expectDataError(run((s) => s.csvCell(LOOKUP, 3, 1, "900001")), `${named(LOOKUP)}:3:1: URN 900001 is listed again; it already has the row on line 2`);
      await expectDataError(run((s) => s.csvCell(LOOKUP, 4, 3, "W06000062")), `${named(LOOKUP)}:4:3: la_code_new: "W06000062" is not a council area code (E06, E08, E09 or E10 and six digits)`);
    });

    it("names a missing publication and a missing council list", async () => {
      await expectDataError(
        run((s) => s.remove(LOOKUP)),
        `${path.join(dir.sources, OUTCOMES)}:1:1: the ILACS (data/ilacs/) import needs data-to-insight / JT-39, ofsted-ilacs-scrape-tool, The scrape's lookup of local authorities (Ofsted URN to DfE number and area code) too; give them with it (the folder where the current editions are kept)`,
      );
      // A project root without data/councils/councils.csv.
      await expectDataError(() => plan(dir, base, path.join(path.dirname(dir.root), "no-project")), "data/councils/councils.csv:1:1: the ILACS import needs the council list; give Ofsted's and DfE's publications for the inspections import too");
    });
  });
});
