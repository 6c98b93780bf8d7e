/**
 * Structurally broken ILACS sources stop the import with `file:line:column: message`
 * (the official table must be read whole; the scrape's messy cells are left out instead,
 * see transform.test.ts). Positions are worked out from the fixture files.
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ILACS_REPORT_FILE, runIlacsImport } from "../../../scripts/import/ilacs/run.ts";
import { expectDataError } from "../../helpers/data-error.ts";
import { editCell, editLine, type Scratch } from "../helpers.ts";
import { ilacsScratch, LOOKUP, OFFICIAL, SCRAPE } from "./helpers.ts";

describe("malformed ILACS sources", () => {
  let dir: Scratch;
  const at = (file: string) => `${dir.sources}/${file}`;
  const run = () => runIlacsImport({ sources: dir.sources, root: dir.root });
  const edit = (file: string, line: number, column: number, value: string) => editCell(path.join(dir.sources, file), line, column, value);

  beforeEach(async () => {
    dir = await ilacsScratch();
  });
  afterEach(async () => {
    await dir.remove();
  });

  describe("Ofsted's official table", () => {
    it("rejects a grade outside Ofsted's wording", async () => {
      // Barnet 2019 (line 2), overall effectiveness (column 9).
      await edit(OFFICIAL, 2, 9, "Requires improvement");
      await expectDataError(run, `${at(OFFICIAL)}:2:9: Overall effectiveness: "Requires improvement" is not one of: Inadequate, Requires improvement to be good, Good, Outstanding, - or empty`);
    });

    it("rejects a date that is not in the calendar", async () => {
      await edit(OFFICIAL, 3, 7, "31/06/2024");
      await expectDataError(run, `${at(OFFICIAL)}:3:7: Publication date: "31/06/2024" is not a day in the calendar`);
    });

    it("rejects a report without its publication date or overall judgement", async () => {
      await edit(OFFICIAL, 3, 7, "");
      await expectDataError(run, `${at(OFFICIAL)}:3:7: the publication date is empty`);
      await edit(OFFICIAL, 3, 7, "23/07/2024");
      await edit(OFFICIAL, 3, 9, "");
      await expectDataError(run, `${at(OFFICIAL)}:3:9: the report published 2024-07-23 has no overall judgement`);
    });

    it("rejects an inspection type it does not know", async () => {
      await edit(OFFICIAL, 4, 8, "ILACS Focused Visit");
      await expectDataError(run, `${at(OFFICIAL)}:4:8: Inspection type: "ILACS Focused Visit" is not one of: ILACS Standard Inspection, ILACS Short Inspection`);
    });

    it("rejects a council code that is not in the council list", async () => {
      await edit(OFFICIAL, 2, 2, "E09000099");
      await expectDataError(run, `${at(OFFICIAL)}:2:2: E09000099 (Barnet) is not a council in data/councils/councils.csv, as a current or a former code; run npm run import:inspections or add the council there`);
    });

    it("rejects a report on Northamptonshire published after its abolition", async () => {
      await edit(OFFICIAL, 5, 7, "29/07/2021");
      await expectDataError(run, `${at(OFFICIAL)}:5:2: Northamptonshire (E10000021) existed … to 2021-03-31, not on 2021-07-29 when this report was published`);
    });

    it("rejects two different reports of one council on one day, and drops an exact repeat", async () => {
      await editLine(path.join(dir.sources, OFFICIAL), 12, "Ofsted Local Authority Webpage,E09000003,Barnet,Current,London,13/05/2019,01/07/2019,ILACS Short Inspection,Good,Good,Good,Good,");
      await expectDataError(run, `${at(OFFICIAL)}:12:7: Barnet (E09000003) has another, different report published 2019-07-01 on line 2`);
      await editLine(path.join(dir.sources, OFFICIAL), 12, "Ofsted Local Authority Webpage,E09000003,Barnet,Current,London,13/05/2019,01/07/2019,ILACS Standard Inspection,Good,Good,Good,Good,");
      await run();
      const report = await readFile(path.join(dir.root, ILACS_REPORT_FILE), "utf8");
      expect(report).toContain("| ofsted-official | 12 | Barnet | Barnet (E09000003) | 2019-07-01 | duplicate of line 2 (the same report, cell for cell) |");
    });
  });

  describe("the scrape and its lookup", () => {
    it("rejects a header that is not the scrape's", async () => {
      await edit(SCRAPE, 1, 10, "overall_grade");
      await expectDataError(run, `${at(SCRAPE)}:1:10: header column 10 should be "overall_effectiveness_grade" but is "overall_grade" (expected header: urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version)`);
    });

    it("rejects a row with a missing field", async () => {
      await editLine(path.join(dir.sources, SCRAPE), 5, "900001,barnet,https://files.example.org/v1/file/1004,report.pdf,15/09/25,standard");
      await expectDataError(run, `${at(SCRAPE)}:5:7: the row has 6 fields but the header has 15`);
    });

    it("rejects a URN that is not a number and a report address that is not https", async () => {
      await edit(SCRAPE, 3, 1, "barnet");
      await expectDataError(run, `${at(SCRAPE)}:3:1: urn: "barnet" is not an Ofsted URN (digits only)`);
      await edit(SCRAPE, 3, 1, "900001");
      await edit(SCRAPE, 3, 3, "http://files.example.org/v1/file/1002");
      await expectDataError(run, `${at(SCRAPE)}:3:3: inspection_link: "http://files.example.org/v1/file/1002" is not an https address`);
    });

    it("rejects a URN listed twice in the lookup and an area code that is not one", async () => {
      await edit(LOOKUP, 3, 1, "900001");
      await expectDataError(run, `${at(LOOKUP)}:3:1: URN 900001 is listed again; it already has the row on line 2`);
      await edit(LOOKUP, 3, 1, "900002");
      await edit(LOOKUP, 4, 3, "W06000062");
      await expectDataError(run, `${at(LOOKUP)}:4:3: la_code_new: "W06000062" is not a council area code (E06, E08, E09 or E10 and six digits)`);
    });

    it("names a missing source file and a missing council list", async () => {
      await rm(path.join(dir.sources, LOOKUP));
      await expectDataError(run, `${at(LOOKUP)}:1:1: the source file does not exist`);
      await rm(path.join(dir.root, "data", "councils", "councils.csv"));
      await expectDataError(run, "data/councils/councils.csv:1:1: the file does not exist");
    });
  });
});
