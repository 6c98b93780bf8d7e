import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inspectionOutcomesByYear } from "../../../scripts/report/outcomes/datasets.ts";
import { isoDateCell, optionalCell, yearCell, yearSpanCell } from "../../../scripts/engine/data/cells.ts";
import { loadCsv, parseCsv, type RowSchema } from "../../../scripts/engine/data/load.ts";
import { claimSchema } from "../../../scripts/engine/claims/dataset.ts";
import { expectDataError } from "../../helpers/data-error.ts";

const schema = inspectionOutcomesByYear.schema;
const HEADER = "year,grade,percent,source";
const EXPECTED = "(expected header: year,grade,percent,source)";
const fixtures = fileURLToPath(new URL("../../fixtures/", import.meta.url));

const lines = (...text: string[]) => text.join("\n") + "\n";
const parse = (text: string) => parseCsv("data/x.csv", text, schema);

describe("parseCsv on good input", () => {
  // Line 1 header; line 3–4 a quoted value over two lines; line 5 empty; line 6 quoted comma.
  const good = lines(
    HEADER,
    "2007/08,inadequate,0,table of grades",
    '2007/08,good,69,"first line',
    'second line"',
    "",
    '2008/09, outstanding ,7,"ch. 1, section 4"',
    "2008/09,ri_or_adequate,26.5,table of grades",
  );

  it("returns typed rows with the line each row starts on", () => {
    const table = parse(good);
    expect(table.file).toBe("data/x.csv");
    expect(table.header).toEqual(["year", "grade", "percent", "source"]);
    expect(table.rows).toEqual([
      { line: 2, row: { year: "2007/08", grade: "inadequate", percent: 0, source: "table of grades" } },
      { line: 3, row: { year: "2007/08", grade: "good", percent: 69, source: "first line\nsecond line" } },
      { line: 6, row: { year: "2008/09", grade: "outstanding", percent: 7, source: "ch. 1, section 4" } },
      { line: 7, row: { year: "2008/09", grade: "ri_or_adequate", percent: 26.5, source: "table of grades" } },
    ]);
  });

  it("gives the 1-based column of each header field", () => {
    const table = parse(good);
    expect(table.column("year")).toBe(1);
    expect(table.column("percent")).toBe(3);
    expect(table.column("source")).toBe(4);
  });

  it("counts several empty lines in a row", () => {
    const table = parse(lines(HEADER, "", "", "2007/08,good,69,a", "", "", "", "2008/09,good,61,b"));
    expect(table.rows.map((r) => r.line)).toEqual([4, 8]);
  });

  it("accepts a header-only file as an empty table", () => {
    expect(parse(lines(HEADER)).rows).toEqual([]);
  });

  it("accepts a last line without a line break", () => {
    expect(parse(`${HEADER}\n2007/08,good,69,a`).rows).toEqual([{ line: 2, row: { year: "2007/08", grade: "good", percent: 69, source: "a" } }]);
  });

  it("skips a byte order mark before the header", () => {
    const table = parse(`\uFEFF${good}`);
    expect(table.header[0]).toBe("year");
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 6, 7]);
  });

  it("reads CRLF line endings with the same line numbers", () => {
    const table = parse(good.replace(/\n/g, "\r\n"));
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 6, 7]);
    expect(table.rows[0].row.source).toBe("table of grades");
    // The line break inside the quoted value is kept as written.
    expect(table.rows[1].row.source).toBe("first line\r\nsecond line");
  });

  it("keeps counting correctly after several multi-line values in a CRLF file", () => {
    const text = [HEADER, '2007/08,good,1,"a', "b", 'c"', '2008/09,good,2,"d', 'e"', "", "2009/10,good,3,f", ""].join("\r\n");
    expect(parse(text).rows.map((r) => r.line)).toEqual([2, 5, 8]);
  });

  it("reads a BOM and CRLF together", () => {
    const table = parse(`\uFEFF${HEADER}\r\n2007/08,good,69,a\r\n\r\n2008/09,good,61,b\r\n`);
    expect(table.rows.map((r) => r.line)).toEqual([2, 4]);
  });
});

describe("parseCsv errors point at the cell", () => {
  it("a value that is not a number: line of the row, column of the field", async () => {
    await expectDataError(() => parse(lines(HEADER, "2007/08,good,69,a", "2007/08,outstanding,abc,a")), 'data/x.csv:3:3: percent: "abc" is not a number');
  });

  it("a bad value after an empty line and a multi-line value has the right line", async () => {
    const text = lines(HEADER, '2007/08,good,69,"two', 'lines"', "", "2007/09,good,1,a");
    await expectDataError(() => parse(text), 'data/x.csv:5:1: year: "2007/09" is not a year span like 2007/08');
    await expectDataError(() => parse(text.replace(/\n/g, "\r\n")), 'data/x.csv:5:1: year: "2007/09" is not a year span like 2007/08');
  });

  it("reports the first bad cell of a row", async () => {
    await expectDataError(() => parse(lines(HEADER, "2007/08,best,abc,")), 'data/x.csv:2:2: grade: "best" is not one of: inadequate, ri_or_adequate, good, outstanding');
  });

  it("an empty required text cell", async () => {
    await expectDataError(() => parse(lines(HEADER, "2007/08,good,69,  ")), "data/x.csv:2:4: source: the source is empty");
  });

  it("a wrong header name", async () => {
    await expectDataError(() => parse(lines("year,grades,percent,source", "2007/08,good,69,a")), `data/x.csv:1:2: header column 2 should be "grade" but is "grades" ${EXPECTED}`);
  });

  it("a missing column in the middle of the header", async () => {
    await expectDataError(() => parse(lines("year,grade,source", "2007/08,good,a")), `data/x.csv:1:3: header column 3 should be "percent" but is "source" ${EXPECTED}`);
  });

  it("no header line at all: the file starts with data", async () => {
    await expectDataError(
      () => parse(lines("2007/08,good,69,a", "2008/09,good,61,b")),
      'data/x.csv:1:1: the file has no header line: the first line should be year,grade,percent,source but is "2007/08,good,69,a"',
    );
    // With a byte-order mark and CRLF too: neither is taken for part of the first line.
    await expectDataError(() => parse("\uFEFF2007/08,good,69,a\r\n"), 'data/x.csv:1:1: the file has no header line: the first line should be year,grade,percent,source but is "2007/08,good,69,a"');
  });

  it("a header with some right names is misspelt, not missing", async () => {
    await expectDataError(() => parse(lines("Year,Grade,percent,Source", "2007/08,good,69,a")), `data/x.csv:1:1: header column 1 should be "year" but is "Year" ${EXPECTED}`);
  });

  it("a missing last column", async () => {
    await expectDataError(() => parse(lines("year,grade,percent", "2007/08,good,69")), `data/x.csv:1:4: header column 4 should be "source" but is nothing ${EXPECTED}`);
  });

  it("an extra column in the header", async () => {
    await expectDataError(() => parse(lines("year,grade,percent,source,note", "2007/08,good,69,a,b")), `data/x.csv:1:5: header column 5 should be no further column but is "note" ${EXPECTED}`);
  });

  it("a row with an extra field points just past the last header column", async () => {
    await expectDataError(() => parse(lines(HEADER, "2007/08,good,69,a", "2007/08,outstanding,9,a,extra")), "data/x.csv:3:5: the row has 5 fields but the header has 4");
  });

  it("a row with a missing field points at the first missing one", async () => {
    await expectDataError(() => parse(lines(HEADER, "2007/08,good,69")), "data/x.csv:2:4: the row has 3 fields but the header has 4");
  });

  it("a quote that is never closed points at where it opens", async () => {
    const text = lines(HEADER, "2007/08,good,69,a", '2007/08,outstanding,9,"never closed', "2008/09,good,61,b", "2008/09,outstanding,7,c");
    await expectDataError(() => parse(text), "data/x.csv:3:4: a quoted value is opened here and never closed");
  });

  it("text after a closing quote", async () => {
    await expectDataError(() => parse(lines(HEADER, '2007/08,good,69,"a"b')), "data/x.csv:2:4: a quoted value is followed by more text before the next comma");
  });

  it("an empty file", async () => {
    await expectDataError(() => parse(""), "data/x.csv:1:1: the file is empty; a header line is needed");
    await expectDataError(() => parse("\uFEFF\r\n  \n"), "data/x.csv:1:1: the file is empty; a header line is needed");
  });
});

describe("loadCsv", () => {
  it("reads a file relative to the root and names it by its relative path", async () => {
    await expectDataError(() => loadCsv(fixtures, "bad-data/percent-not-a-number.csv", schema), 'bad-data/percent-not-a-number.csv:7:3: percent: "abc" is not a number');
  });

  it("points an unclosed quote in a file at the line where it opens", async () => {
    await expectDataError(() => loadCsv(fixtures, "bad-data/unclosed-quote.csv", schema), "bad-data/unclosed-quote.csv:3:4: a quoted value is opened here and never closed");
  });

  it("a missing file", async () => {
    await expectDataError(() => loadCsv(fixtures, "bad-data/no-such-file.csv", schema), "bad-data/no-such-file.csv:1:1: the file does not exist");
  });

  it("loads the repository's outcomes file", async () => {
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    const table = await loadCsv(root, inspectionOutcomesByYear.file, schema);
    expect(table.rows).toHaveLength(32);
    expect(table.rows[0]).toMatchObject({ line: 2, row: { year: "2007/08", grade: "inadequate", percent: 0 } });
    expect(table.rows[31]).toMatchObject({ line: 33, row: { year: "2014/15", grade: "outstanding", percent: 0 } });
  });
});

describe("dates later than the file (the date its ledger entry records)", () => {
  const recorded = { written: "2026-11-23", lastDay: "2026-11-23", line: 27 } as const;
  const events = z.object({ council: z.string(), started: optionalCell(isoDateCell()), published: isoDateCell(), year: yearCell(), span: yearSpanCell() });
  const withPlan = z.object({ published: isoDateCell(), planned: isoDateCell({ mayBeLaterThanFile: true }), horizon: yearCell({ mayBeLaterThanFile: true }) });
  const read = (schema: RowSchema, ...rows: string[]) => () => parseCsv("data/ilacs/judgements.csv", lines(Object.keys(schema.shape).join(","), ...rows), schema, { recorded });
  const LATER = "the date data/README.md:27 records for this file (the latest date in its Date column); nothing in a file can be dated after the file was made: correct the value, or the entry's Date if the file is newer";

  it("accepts every date up to the file's own, an empty optional date, and anything when read without the ledger", () => {
    expect(read(events, "A,,2026-11-23,2026,2026/27", "B,2026-11-23,2018-01-05,2018,2017/18")().rows).toHaveLength(2);
    expect(parseCsv("data/x.csv", lines("council,started,published,year,span", "A,2099-01-01,2099-01-01,2099,2099/00"), events).rows).toHaveLength(1);
  });

  it("refuses an event dated after the file at its cell, naming the value and the ledger's date and line", async () => {
    await expectDataError(read(events, "A,,2026-11-23,2026,2026/27", "B,,2027-03-01,2026,2026/27"), `data/ilacs/judgements.csv:3:3: published: 2027-03-01 is later than 2026-11-23, ${LATER}`);
    await expectDataError(read(events, "A,2026-11-24,2026-11-23,2026,2026/27"), `data/ilacs/judgements.csv:2:2: started: 2026-11-24 is later than 2026-11-23, ${LATER}`);
    // A year starts on 1 January; a financial or academic year in April at the earliest.
    await expectDataError(read(events, "A,,2026-11-23,2027,2026/27"), `data/ilacs/judgements.csv:2:4: year: 2027 is later than 2026-11-23, ${LATER}`);
    await expectDataError(read(events, "A,,2026-11-23,2026,2027/28"), `data/ilacs/judgements.csv:2:5: span: 2027/28 is later than 2026-11-23, ${LATER}`);
  });

  it("lets a column declared as possibly later than the file (a forecast's horizon, a plan) hold the future", async () => {
    expect(read(withPlan, "2026-01-01,2028-04-01,2030")().rows[0].row).toEqual({ published: "2026-01-01", planned: "2028-04-01", horizon: 2030 });
    await expectDataError(read(withPlan, "2028-04-01,2028-04-01,2030"), `data/ilacs/judgements.csv:2:1: published: 2028-04-01 is later than 2026-11-23, ${LATER}`);
  });

  it("compares with the last day of a year the ledger writes alone", async () => {
    const year = { written: "2015", lastDay: "2015-12-31", line: 4 };
    const schema = z.object({ year: yearSpanCell() });
    expect(parseCsv("data/x.csv", lines("year", "2015/16"), schema, { recorded: year }).rows).toHaveLength(1);
    await expectDataError(() => parseCsv("data/x.csv", lines("year", "2016/17"), schema, { recorded: year }), "data/x.csv:2:1: year: 2016/17 is later than 2015, the date data/README.md:4 records for this file (the latest date in its Date column); nothing in a file can be dated after the file was made: correct the value, or the entry's Date if the file is newer");
  });
});

describe("a cell a spreadsheet would run as a formula, in any column", () => {
  // The claims register's note is free text with no cell type of its own; the published CSV must not carry a formula in it either.
  const claims = claimSchema([{ id: "1", heading: "Chapter 1" }]);
  const header = Object.keys(claims.shape).join(",");
  const row = (note: string) => ["ch1-x", "1", "Section 1", "", "A claim", "12%", "12", "", "0.5", "", "not_reproducible", "", note].join(",");

  it("is refused at its line and column, whatever the column's type", async () => {
    expect(parseCsv("data/claims/chapter1.csv", lines(header, row("plain note")), claims).rows).toHaveLength(1);
    await expectDataError(
      () => parseCsv("data/claims/chapter1.csv", lines(header, row("plain note"), row('"=HYPERLINK(""https://example.org"",""x"")"')), claims),
      'data/claims/chapter1.csv:3:13: note: "=HYPERLINK(\\"https://example.org\\",\\"x\\")" starts with "=", which a spreadsheet opening the published file would run as a formula; write it without that first character',
    );
    const plain = z.object({ a: z.string(), b: z.string() });
    await expectDataError(() => parseCsv("data/x.csv", lines("a,b", "1,@SUM(A1)"), plain), 'data/x.csv:2:2: b: "@SUM(A1)" starts with "@", which a spreadsheet opening the published file would run as a formula; write it without that first character');
    // A signed number is a number, not a formula.
    expect(parseCsv("data/x.csv", lines("a,b", "-4.5,+3"), plain).rows[0].row).toEqual({ a: "-4.5", b: "+3" });
  });
});
