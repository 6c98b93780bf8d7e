/**
 * Publishers' files that are not as expected (issue 15, point 4). Each fails with a plain
 * message naming the file — and the sheet, row and column where there is one — and leaves
 * data/ byte for byte as it was (its fingerprint, sha256 and modification time of every file,
 * is the same after); or, where the change is harmless (a moved column, an .xlsx for an
 * .ods), imports exactly as before. The project roots were first brought up to date with
 * the unchanged made-up sources, so data/ holds files to keep.
 */
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { formatUpdate, planUpdate } from "../../scripts/import/update.ts";
import { dataErrorOf, expectDataError } from "../helpers/data-error.ts";
import { C1, D5, edition, fingerprint, HISTORY_SHEET, INSPECTION_FILES, LOOKUP, named, OFSTED, OFSTED_SHEET, OUTCOMES, OUTCOMES_2026, plan, read, SCRAPE, scratch, Sources, update, type Scratch } from "./helpers.ts";
import { ilacsScratch, ilacsSources } from "./ilacs/helpers.ts";

const O = named(OFSTED, OFSTED_SHEET);
const H = named(OUTCOMES, HISTORY_SHEET);
const CANONICAL = ["data/councils/councils.csv", "data/councils/inspections.csv", "data/councils/demand.csv", "data/councils/import-report.md"];
const ILACS_CANONICAL = ["data/ilacs/judgements.csv"];

/** Header text as a reader sees it (what the messages quote): white space runs as one space, trimmed; empty cells left out. */
const seen = (row: readonly string[]) => row.map((cell) => cell.replace(/\s+/g, " ").trim()).filter((cell) => cell !== "");
const quotedList = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");

/** Move the cell at `from` to `to` (1-based) in each of the rows. */
const moveCell = (rows: string[][], from: number, to: number) => {
  for (const row of rows) {
    while (row.length < Math.max(from, to)) row.push("");
    const [cell] = row.splice(from - 1, 1);
    row.splice(to - 1, 0, cell);
  }
};

/** A CSV text with one column taken out, or moved to `to`. */
function reshapeCsv(text: string, column: string, to: number | null): string {
  const records = parse(text, { bom: true }) as string[][];
  const at = records[0].indexOf(column);
  for (const record of records) {
    const [cell] = record.splice(at, 1);
    if (to !== null) record.splice(to - 1, 0, cell);
  }
  return stringify(records);
}

describe("bad publisher files", () => {
  let inspections: Sources;
  let ilacs: Sources;
  let dir: Scratch;
  let ilacsDir: Scratch;
  /** The outputs of the unchanged sources, as first written. */
  let outputs: Record<string, string>;
  let before: Record<string, string>;
  let ilacsBefore: Record<string, string>;

  beforeAll(async () => {
    inspections = await Sources.load(INSPECTION_FILES);
    ilacs = await ilacsSources();
    dir = await scratch();
    ilacsDir = await ilacsScratch();
    await update(dir, inspections);
    await update(ilacsDir, ilacs);
    outputs = Object.fromEntries(await Promise.all([...CANONICAL.map(async (f) => [f, await read(dir.root, f)]), ...[...ILACS_CANONICAL, "data/ilacs/import-report.md"].map(async (f) => [f, await read(ilacsDir.root, f)])]));
    before = await fingerprint(dir.root);
    ilacsBefore = await fingerprint(ilacsDir.root);
  });
  afterEach(async () => {
    // Whatever failed, data/ is as it was.
    expect(await fingerprint(dir.root)).toEqual(before);
    expect(await fingerprint(ilacsDir.root)).toEqual(ilacsBefore);
  });
  afterAll(async () => {
    await dir.remove();
    await ilacsDir.remove();
  });

  /** Plan the inspections update (or the ILACS one) with changed sources; it must throw. */
  const inspectionsWith = (change: (s: Sources) => unknown) => () => {
    const sources = inspections.copy();
    change(sources);
    return plan(dir, sources);
  };
  const ilacsWith = (change: (s: Sources) => unknown) => () => {
    const sources = ilacs.copy();
    change(sources);
    return plan(ilacsDir, sources);
  };
  /** Run an update that should succeed in a scratch project of its own, returning the files it wrote there. */
  const importInto = async (sources: Sources, make: () => Promise<Scratch>, files: readonly string[]) => {
    const other = await make();
    try {
      await update(other, sources);
      return Object.fromEntries(await Promise.all(files.map(async (f) => [f, await read(other.root, f)])));
    } finally {
      await other.remove();
    }
  };
  const at = (dirOf: Scratch, file: string) => path.join(dirOf.sources, file);

  describe("a renamed sheet", () => {
    it("names the sheet looked for and the sheets found", async () => {
      await expectDataError(
        inspectionsWith((s) => (s.sheets(OFSTED).find((sheet) => sheet.name === OFSTED_SHEET)!.name = "LA_inspections")),
        `${named(OFSTED)}:1:1: no sheet named like LA_inspections_2009-YYYY (the sheets are: Cover, Contents, LA_level_at_31_Mar_2023, LA_inspections)`,
      );
      await expectDataError(
        ilacsWith((s) => (s.sheets(OUTCOMES).find((sheet) => sheet.name === HISTORY_SHEET)!.name = "ILACS_history")),
        `${named(OUTCOMES)}:1:1: no sheet named ILACS_inspection_history (the sheets are: Cover, Inspections_as_at_31_March, In-year_inspections, ILACS_history)`,
      );
    });
  });

  describe("a renamed or missing column", () => {
    it("names the column expected and the header found, at the header's row (the first table)", async () => {
      const header = [...inspections.sheet(OFSTED, OFSTED_SHEET)[4]];
      header[5] = "SLAC Safeguarding OE";
      await expectDataError(inspectionsWith((s) => (s.sheet(OFSTED, OFSTED_SHEET)[4][5] = "SLAC Safeguarding OE")), `${O}:5:1: the column "SLAC Safeguarding Overall effectiveness (OE)" is missing; the header has: ${quotedList(seen(header))}`);
    });

    it("names it in the second table too, instead of leaving that table's councils out", async () => {
      // The table of councils before the restructure (header row 14), its ILACS columns under their own names.
      const header = [...inspections.sheet(OFSTED, OFSTED_SHEET)[13]];
      header[1] = "LA name";
      await expectDataError(inspectionsWith((s) => (s.sheet(OFSTED, OFSTED_SHEET)[13][1] = "LA name")), `${O}:14:1: the column "Local authority name" is missing; the header has: ${quotedList(seen(header))}`);
    });

    it("names a column missing from Ofsted's ILACS history", async () => {
      // "Inspection type" (column 8) taken out of the header and every row.
      const rows = ilacs.copy().sheet(OUTCOMES, HISTORY_SHEET);
      for (const row of rows) row.splice(7, 1);
      await expectDataError(
        ilacsWith((s) => s.sheet(OUTCOMES, HISTORY_SHEET).forEach((row) => row.splice(7, 1))),
        `${H}:3:1: the column "Inspection type" is missing; the header has: ${quotedList(seen(rows[2]))}`,
      );
    });

    it("names a column missing from a DfE file", async () => {
      const text = reshapeCsv(inspections.text(D5), "CPP_At31", null);
      await expectDataError(inspectionsWith((s) => s.setText(D5, text)), `${named(D5)}:1:1: the column "CPP_At31" is missing; the header has: ${quotedList(text.split("\n")[0].split(","))}`);
    });
  });

  describe("a moved column", () => {
    it("still imports, with the same output", async () => {
      const moved = inspections.copy();
      const sheet = moved.sheet(OFSTED, OFSTED_SHEET);
      // "Local authority name" moved from B to D in both tables' headers and rows (rows 5–10 and 14–17).
      moveCell([...sheet.slice(4, 10), ...sheet.slice(13, 17)], 2, 4);
      expect(sheet[4].slice(0, 4)).toEqual(["Web link", "LA region", "LA Authority Type", "Local authority name"]);
      // And in the referrals file, country_code moved after la_name.
      moved.setText(C1, reshapeCsv(moved.text(C1), "country_code", 10));
      expect(await importInto(moved, scratch, CANONICAL)).toEqual(Object.fromEntries(CANONICAL.map((f) => [f, outputs[f]])));

      const movedIlacs = ilacs.copy();
      // "Publication date" moved from G to the end (M) in the header and every report.
      moveCell(movedIlacs.sheet(OUTCOMES, HISTORY_SHEET).slice(2), 7, 13);
      const written = await importInto(movedIlacs, ilacsScratch, ["data/ilacs/judgements.csv", "data/ilacs/import-report.md"]);
      expect(written["data/ilacs/judgements.csv"]).toBe(outputs["data/ilacs/judgements.csv"]);
      // The report differs only in the workbook's sha256 (its bytes changed).
      const withoutSha = (text: string) => text.replace(/\| [0-9a-f]{64} \|/g, "| sha256 |");
      expect(withoutSha(written["data/ilacs/import-report.md"])).toBe(withoutSha(outputs["data/ilacs/import-report.md"]));
    });

    it("reads a header cell broken over lines, or with doubled spaces, as a reader does", async () => {
      const changed = inspections.copy();
      const header = changed.sheet(OFSTED, OFSTED_SHEET)[4];
      // As Ofsted's own header writes it: " First SIF Overall Judgement\n(OE)".
      header[18] = " First SIF Overall Judgement\n(OE)";
      header[1] = "Local  authority\tname";
      expect(await importInto(changed, scratch, CANONICAL)).toEqual(Object.fromEntries(CANONICAL.map((f) => [f, outputs[f]])));
    });

    it("refuses a column moved in one of the two tables only: the tables must line up", async () => {
      await expectDataError(
        inspectionsWith((s) => moveCell(s.sheet(OFSTED, OFSTED_SHEET).slice(4, 10), 2, 4)),
        `${O}:14:2: the table under row 13 has its column "Local authority name" in another place than the first table; the two tables must line up`,
      );
    });
  });

  describe("an empty sheet", () => {
    it("says the sheet is empty", async () => {
      await expectDataError(inspectionsWith((s) => s.sheet(OFSTED, OFSTED_SHEET).splice(0)), `${O}:1:1: the sheet is empty`);
      await expectDataError(ilacsWith((s) => s.sheet(OUTCOMES, HISTORY_SHEET).splice(0)), `${H}:1:1: the sheet is empty`);
    });

    it("says what was looked for in a sheet with its title but no table", async () => {
      const error = await dataErrorOf(ilacsWith((s) => s.sheet(OUTCOMES, HISTORY_SHEET).splice(2)));
      expect(error.message).toBe(
        `${H}:1:1: no table in the sheet has the columns "Local authority area code", "Local authority name", "Local authority status", "Ofsted region", "Inspection date", "Publication date", "Inspection type", "Overall effectiveness", "The impact of leaders on social work practice with children and families", "The experiences and progress of children who need help and protection", "The experiences and progress of children in care", "The experiences and progress of care leavers"`,
      );
    });
  });

  describe("a damaged workbook", () => {
    const unreadable = async (action: () => Promise<unknown>, file: string) => {
      const error = await dataErrorOf(action);
      expect([error.file, error.line, error.column]).toEqual([file, 1, 1]);
      expect(error.plain).toMatch(/^the file cannot be read as a spreadsheet \(.+\); it may be truncated or not an \.ods or \.xlsx file$/);
    };

    it("refuses a truncated .ods", async () => {
      const bytes = inspections.bytes(OFSTED);
      await unreadable(
        inspectionsWith((s) => s.setBytes(OFSTED, bytes.subarray(0, Math.floor(bytes.length / 2)))),
        at(dir, OFSTED),
      );
    });

    it("refuses a corrupt .ods", async () => {
      // The zip's signature kept, its contents overwritten.
      const bytes = Uint8Array.from(ilacs.bytes(OUTCOMES));
      bytes.fill(0x41, 100, bytes.length - 100);
      await unreadable(
        ilacsWith((s) => s.setBytes(OUTCOMES, bytes)),
        at(ilacsDir, OUTCOMES),
      );
    });

    it("refuses an .ods that is not a spreadsheet at all (an error page saved under its name)", async () => {
      await expectDataError(
        inspectionsWith((s) => s.setBytes(OFSTED, new TextEncoder().encode("<!DOCTYPE html><html><body>Page not found</body></html>\n"))),
        `${at(dir, OFSTED)}:1:1: the file is not a spreadsheet (an .ods or .xlsx file is a zip archive, and this one is not); it may be damaged or not the file that was meant to be downloaded`,
      );
    });
  });

  describe("an .xlsx given where Ofsted publishes an .ods", () => {
    it("is read like the .ods when it holds the right sheets", async () => {
      const xlsx = inspections.copy().asXlsx(OFSTED, OFSTED.replace(/\.ods$/, ".xlsx"));
      const fromXlsx = await importInto(xlsx, scratch, CANONICAL);
      // The same canonical files; the import report names the file read.
      const reportOf = (text: string) => text.replace("Childrens_social_care_in_England_2023_underlying_data.xlsx[", "Childrens_social_care_in_England_2023_underlying_data.ods[");
      expect({ ...fromXlsx, "data/councils/import-report.md": reportOf(fromXlsx["data/councils/import-report.md"]) }).toEqual(Object.fromEntries(CANONICAL.map((f) => [f, outputs[f]])));
      const ilacsXlsx = ilacs.copy().asXlsx(OUTCOMES, OUTCOMES.replace(/\.ods$/, ".xlsx"));
      const written = await importInto(ilacsXlsx, ilacsScratch, ["data/ilacs/judgements.csv", "data/README.md"]);
      expect(written["data/ilacs/judgements.csv"]).toBe(outputs["data/ilacs/judgements.csv"]);
      expect(written["data/README.md"]).toContain("| LA_Inspection_Outcomes_as_at_31_March_2025.xlsx |");
    });
  });

  describe("a CSV file in another encoding", () => {
    const advice = "save the file as UTF-8, as the publisher does, and run the update again";

    it("refuses Latin-1 bytes at the line and cell of the first one, instead of reading it as U+FFFD", async () => {
      // "Barnét" on line 4, cell 10 (la_name): é is the one byte 0xE9 in Latin-1, not UTF-8.
      const latin1 = Buffer.from(inspections.text(C1).replace("Barnet London Borough", "Barnét London Borough"), "latin1");
      await expectDataError(
        inspectionsWith((s) => s.setBytes(C1, latin1)),
        `${at(dir, C1)}:4:10: the file is not UTF-8 text: byte 0xE9 in this cell ("Barnét London Borough" if the file is Windows-1252) is not UTF-8; ${advice}`,
      );
      // In the scrape, in a quoted cell holding a comma (line 15, cell 2), after a valid UTF-8 "’" (three bytes) on an earlier line.
      const scrape = ilacs.text(SCRAPE).replace("children's services", "children’s services").replace('"bournemouth, christchurch & poole"', '"bournemouth, christchurch & pöole"');
      const [head, tail] = scrape.split("ö");
      expect(head.split("\n").findIndex((line) => line.includes("’")) + 1).toBeLessThan(15);
      const bytes = Buffer.concat([Buffer.from(head, "utf8"), Buffer.from([0xf6]), Buffer.from(tail, "utf8")]);
      await expectDataError(ilacsWith((s) => s.setBytes(SCRAPE, bytes)), `${at(ilacsDir, SCRAPE)}:15:2: the file is not UTF-8 text: byte 0xF6 in this cell ("bournemouth, christchurch & pöole" if the file is Windows-1252) is not UTF-8; ${advice}`);
    });

    it("refuses UTF-16 (with its byte-order mark)", async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(inspections.text(C1), "utf16le")]);
      await expectDataError(
        inspectionsWith((s) => s.setBytes(C1, utf16)),
        `${at(dir, C1)}:1:1: the file is not UTF-8 text (it is UTF-16LE, by its byte-order mark); ${advice}`,
      );
    });
  });

  describe("a CSV file cut short", () => {
    const cut = (where: string) => `the file ends in the middle of a row${where}, with no line break after it: it looks cut short (an interrupted download); download it again`;

    it("refuses a file cut inside its last cell, where the rest would parse as a shorter value", async () => {
      // Line 25, the last: its last cell (21), a count, loses its last digit.
      const text = inspections.text(C1);
      expect(text.split("\n")).toHaveLength(26);
      await expectDataError(inspectionsWith((s) => s.setText(C1, text.slice(0, -2))), `${named(C1)}:25:21: ${cut("")}`);
    });

    it("refuses a file cut in the middle of a line, or inside a quoted value", async () => {
      // The scrape cut 25 characters into line 10 (in its second cell, the name), and inside the quoted name of line 15.
      const text = ilacs.text(SCRAPE);
      const lineStart = (n: number) => text.split("\n").slice(0, n - 1).join("\n").length + 1;
      await expectDataError(ilacsWith((s) => s.setText(SCRAPE, text.slice(0, lineStart(10) + 25))), `${named(SCRAPE)}:10:2: ${cut("")}`);
      await expectDataError(ilacsWith((s) => s.setText(SCRAPE, text.slice(0, text.indexOf('"bournemouth,') + 5))), `${named(SCRAPE)}:15:2: ${cut(", inside a quoted value")}`);
    });
  });

  describe("a CSV file cut short at a line boundary (it parses; data/ would hold less)", () => {
    const advice = "If the publisher did withdraw them, run again with --allow-removals, which lists every one; if not, the file may be cut short or not the one meant: download it again.";
    /** The first `n` lines of a text, each ending with its line break, as a download cut there leaves it. */
    const firstLines = (text: string, n: number) => `${text.split("\n").slice(0, n).join("\n")}\n`;
    // The scrape cut after line 8 of its 18: lines 9 (West Northamptonshire, 7 July 2026), 13 (Barnsley,
    // 5 March 2026) and 16 (Buckinghamshire, 20 June 2025) gave reports after the official table's as-at date.
    const cutScrape = (s: Sources) => s.setText(SCRAPE, firstLines(s.text(SCRAPE), 8));
    // DfE's referrals cut after line 17 of its 25: lines 18–25 were the referrals of Bournemouth, Christchurch and
    // Poole and of Dorset Council (2020, 2021) and of Buckinghamshire (2018–2021). Their rows stay, from the child
    // protection plans, with referrals empty.
    const cutReferrals = (s: Sources) => s.setText(C1, firstLines(s.text(C1), 17));
    const refusalOf = async (action: () => Promise<unknown>) => {
      const error = await action().then(
        () => null,
        (thrown: Error) => thrown,
      );
      expect(error?.name).toBe("BuildError");
      return error!.message;
    };

    it("refuses a scrape that lost reports data/ holds, naming the files, what would be lost and what to do", async () => {
      expect(await refusalOf(ilacsWith(cutScrape))).toBe(
        `${at(ilacsDir, SCRAPE)} and ${at(ilacsDir, LOOKUP)} give less than data/ holds: data/ilacs/judgements.csv would lose 3 of its 14 reports (3 councils, published 2025-06-20 to 2026-07-07).\n${advice}`,
      );
    });

    it("refuses a DfE file that lost values data/ holds, though every row stays", async () => {
      expect(await refusalOf(inspectionsWith(cutReferrals))).toBe(
        `${at(dir, C1)} gives less than data/ holds: data/councils/demand.csv would lose referrals from 8 of its 22 council years (3 councils, years ending March 2018 to 2021).\n${advice}`,
      );
    });

    it("with --allow-removals, updates data/ and lists every row removed and every value emptied", async () => {
      const [other, otherIlacs] = await Promise.all([scratch(), ilacsScratch()]);
      try {
        await update(other, inspections);
        await update(otherIlacs, ilacs);
        const referrals = await update(other, cutReferrals(inspections.copy()), { allowRemovals: true });
        const reports = await update(otherIlacs, cutScrape(ilacs.copy()), { allowRemovals: true });
        const listed = (text: string, file: string) => {
          const lines = text.split("\n");
          const start = lines.findIndex((line) => line.startsWith(`${file}: `));
          return lines.slice(start, lines.findIndex((line, i) => i > start && !line.startsWith("  ")));
        };
        // All eight, not the first five.
        expect(listed(formatUpdate(referrals.plan, referrals.written), "data/councils/demand.csv")).toEqual([
          "data/councils/demand.csv: 22 rows; 0 added, 8 changed, 0 removed",
          "  emptied: Bournemouth, Christchurch and Poole (E06000058) 2020: referrals 3300 → (empty)",
          "  emptied: Bournemouth, Christchurch and Poole (E06000058) 2021: referrals 3350 → (empty)",
          "  emptied: Dorset (E06000059) 2020: referrals 2500 → (empty)",
          "  emptied: Dorset (E06000059) 2021: referrals 2550 → (empty)",
          "  emptied: Buckinghamshire (E06000060) 2018: referrals 5000 → (empty)",
          "  emptied: Buckinghamshire (E06000060) 2019: referrals 5100 → (empty)",
          "  emptied: Buckinghamshire (E06000060) 2020: referrals 5200 → (empty)",
          "  emptied: Buckinghamshire (E06000060) 2021: referrals 5300 → (empty)",
        ]);
        expect(listed(formatUpdate(reports.plan, reports.written), "data/ilacs/judgements.csv")).toEqual([
          "data/ilacs/judgements.csv: 11 rows; 0 added, 0 changed, 3 removed",
          "  removed: Buckinghamshire (E06000060) 2025-06-20",
          "  removed: West Northamptonshire (E06000062) 2026-07-07",
          "  removed: Barnsley (E08000016) 2026-03-05",
        ]);
        // And written: the three reports gone, nothing else changed.
        const gone = ["E06000060,longer,2025-04-07,", "E06000062,standard,2026-05-11,", "E08000016,standard,2026-01-19,"];
        const judgements = outputs["data/ilacs/judgements.csv"].split("\n");
        expect(gone.every((start) => judgements.some((line) => line.startsWith(start)))).toBe(true);
        expect(await read(otherIlacs.root, "data/ilacs/judgements.csv")).toBe(judgements.filter((line) => !gone.some((start) => line.startsWith(start))).join("\n"));
        expect(reports.written).toEqual(["data/ilacs/judgements.csv", "data/ilacs/import-report.md", "data/README.md"]);
      } finally {
        await Promise.all([other.remove(), otherIlacs.remove()]);
      }
    });
  });

  describe("publications given twice, or without the others", () => {
    it("refuses the same publication given twice, naming both files", async () => {
      const copy = "downloads/referrals (1).csv";
      await expectDataError(
        inspectionsWith((s) => s.setText(copy, s.text(C1))),
        `${at(dir, copy)}:1:1: the same publication as ${at(dir, C1)} (Department for Education, Children in need: referrals and re-referrals); give one edition of each publication`,
      );
    });

    it("refuses two editions of Ofsted's outcomes given together (the new one dropped beside the old)", async () => {
      const edition2026 = await edition(2026, [OUTCOMES_2026]);
      await expectDataError(
        () => plan(ilacsDir, ilacs.with(edition2026)),
        `${at(ilacsDir, OUTCOMES_2026)}:1:1: the same publication as ${at(ilacsDir, OUTCOMES)} (Ofsted, Local authority inspection outcomes as at 31 March (sheets ILACS_inspection_history and Inspections_as_at_31_March)); give one edition of each publication`,
      );
    });

    it("names the publications an import needs that were not given", async () => {
      await expectDataError(
        ilacsWith((s) => s.remove(SCRAPE).remove(LOOKUP)),
        `${at(ilacsDir, OUTCOMES)}:1:1: the ILACS (data/ilacs/) import needs data-to-insight / JT-39, ofsted-ilacs-scrape-tool, ILACS report history, scraped daily from Ofsted's published reports; and data-to-insight / JT-39, ofsted-ilacs-scrape-tool, The scrape's lookup of local authorities (Ofsted URN to DfE number and area code) too; give them with it (the folder where the current editions are kept)`,
      );
    });

    it("says so when none of the files is a publication, or a path does not exist", async () => {
      const unrelated = Sources.load([]).then((s) => s.setText("notes.txt", "Nothing to import here.\n"));
      await expect(plan(dir, await unrelated)).rejects.toThrow(/^none of the files given is a publication the import reads \(/);
      const missing = path.join(dir.sources, "no-such-folder");
      await expectDataError(() => planUpdate({ inputs: [missing], root: dir.root }), `${missing}:1:1: there is no such file or folder`);
    });
  });
});
