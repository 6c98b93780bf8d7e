/** The canonical council datasets: their cells (including the new ISO date cell) and table rules. */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { isCalendarDate, isoDateCell, optionalCell, numberCell } from "../../../scripts/engine/data/cells.ts";
import { ExceptionLedger } from "../../../scripts/engine/data/checks.ts";
import type { Dataset } from "../../../scripts/engine/data/dataset.ts";
import { councilCodeCell, councils, demand, inspections, knownCouncilCodes, listCell } from "../../../scripts/report/councils/datasets.ts";
import { parseCsv, type RowSchema } from "../../../scripts/engine/data/load.ts";
import { expectDataError } from "../../helpers/data-error.ts";

function rejection(schema: z.ZodType, raw: string): string {
  const result = schema.safeParse(raw);
  if (result.success) throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
  return result.error.issues[0].message;
}

const ledger = new ExceptionLedger("data/known-exceptions.csv", []);
function check<S extends RowSchema>(dataset: Dataset<S>, text: string) {
  const table = parseCsv(dataset.file, text, dataset.schema);
  for (const rule of dataset.checks) rule(table, ledger);
  return table;
}
const lines = (...text: string[]) => `${text.join("\n")}\n`;

describe("isCalendarDate and isoDateCell", () => {
  it("knows month lengths and leap years", () => {
    expect(isCalendarDate(2016, 2, 29)).toBe(true);
    expect(isCalendarDate(2014, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true); // divisible by 400
    expect(isCalendarDate(1900, 2, 29)).toBe(false); // divisible by 100 only
    expect(isCalendarDate(2014, 4, 31)).toBe(false);
    expect(isCalendarDate(2014, 13, 1)).toBe(false);
    expect(isCalendarDate(2014, 12, 0)).toBe(false);
  });

  it("accepts ISO dates and rejects impossible days and other forms", () => {
    const cell = isoDateCell();
    expect(cell.parse(" 2014-02-28 ")).toBe("2014-02-28");
    expect(rejection(cell, "2014-02-30")).toBe('"2014-02-30" is not a day in the calendar');
    expect(rejection(cell, "28/02/2014")).toBe('"28/02/2014" is not a date like 2014-02-28');
    expect(rejection(cell, "2014-2-28")).toBe('"2014-2-28" is not a date like 2014-02-28');
    expect(rejection(cell, "")).toBe("the date is empty, a date like 2014-02-28 is needed");
  });

  it("optionalCell turns blank into null and passes other messages on", () => {
    const cell = optionalCell(isoDateCell());
    expect(cell.parse("")).toBeNull();
    expect(cell.parse("  ")).toBeNull();
    expect(cell.parse("2014-02-28")).toBe("2014-02-28");
    expect(rejection(cell, "2014-02-30")).toBe('"2014-02-30" is not a day in the calendar');
    expect(optionalCell(numberCell({ integer: true })).parse("12")).toBe(12);
  });
});

describe("council cells", () => {
  it("accept area codes of the four council kinds only", () => {
    expect(councilCodeCell().parse("E06000058")).toBe("E06000058");
    expect(rejection(councilCodeCell(), "E07000001")).toBe('"E07000001" is not a council area code (E06, E08, E09 or E10 and six digits)');
  });

  it("read pipe-separated lists", () => {
    const list = listCell(councilCodeCell());
    expect(list.parse("")).toEqual([]);
    expect(list.parse("E06000058|E06000059")).toEqual(["E06000058", "E06000059"]);
    expect(rejection(list, "E06000058|E06000058")).toBe('"E06000058|E06000058" lists an item twice');
    expect(rejection(list, "E06000058|X")).toBe('in the list: "X" is not a council area code (E06, E08, E09 or E10 and six digits)');
  });
});

const COUNCIL_HEADER = "code,former_codes,dfe_number,name,ofsted_name,aliases,region,ofsted_region,status,existed_from,existed_until,successor_codes";

describe("data/councils/councils.csv rules", () => {
  it("accepts a predecessor with its successors", () => {
    const table = check(councils, lines(COUNCIL_HEADER, "E06000028,,837,Bournemouth,Bournemouth,,South West,South West,predecessor,,2019-03-31,E06000058", 'E06000058,,839,"Bournemouth, Christchurch and Poole",,,South West,,current,2019-04-01,,'));
    expect(table.rows[0].row).toMatchObject({ successor_codes: ["E06000058"], existed_until: "2019-03-31", ofsted_name: "Bournemouth", aliases: [] });
    expect(table.rows[1].row).toMatchObject({ ofsted_name: null, existed_from: "2019-04-01", existed_until: null });
  });

  it("rejects a successor that is not in the file", async () => {
    await expectDataError(() => check(councils, lines(COUNCIL_HEADER, "E06000028,,837,Bournemouth,,,South West,,predecessor,,2019-03-31,E06000058")), "data/councils/councils.csv:2:12: successor E06000058 of E06000028 is not a council in this file");
  });

  it("rejects a predecessor without a last day, and a current council with successors", async () => {
    await expectDataError(() => check(councils, lines(COUNCIL_HEADER, "E06000028,,837,Bournemouth,,,South West,,predecessor,,,E06000058", "E06000058,,839,BCP,,,South West,,current,,,")), "data/councils/councils.csv:2:11: E06000028 is a predecessor but has no last day");
    await expectDataError(() => check(councils, lines(COUNCIL_HEADER, "E06000058,,839,BCP,,,South West,,current,,,E06000059", "E06000059,,838,Dorset,,,South West,,current,,,")), "data/councils/councils.csv:2:12: E06000058 is current but names successors");
  });

  it("rejects a former code that is also a current code, and duplicate codes", async () => {
    await expectDataError(() => check(councils, lines(COUNCIL_HEADER, "E06000060,E10000002,825,Buckinghamshire,,,South East,,current,,,", "E10000002,,825,Buckinghamshire,,,South East,,current,,,")), "data/councils/councils.csv:2:2: former code E10000002 of E06000060 is also the code of a council in this file");
    await expectDataError(() => check(councils, lines(COUNCIL_HEADER, "E06000060,,825,Buckinghamshire,,,South East,,current,,,", "E06000060,,825,Buckinghamshire,,,South East,,current,,,")), "data/councils/councils.csv:3:1: duplicate row for code = E06000060 (first given on line 2)");
  });

  it("rejects an impossible date", async () => {
    await expectDataError(() => check(councils, lines(COUNCIL_HEADER, "E06000058,,839,BCP,,,South West,,current,2019-02-30,,")), "data/councils/councils.csv:2:10: existed_from: \"2019-02-30\" is not a day in the calendar");
  });
});

const INSPECTION_HEADER = "council_code,framework,ilacs_type,published,inspection_start,inspection_end,overall,help_protection,looked_after_permanence,adoption,care_leavers,leadership,lscb,source_table,source_line,dates_line,report_url";

describe("data/councils/inspections.csv rules", () => {
  it("accepts a SIF with dates and sub-judgements and an ILACS with its type", () => {
    const table = check(inspections, lines(INSPECTION_HEADER, "E06000001,sif,,2014-02-11,2013-11-19,2013-12-11,good,good,,good,good,good,requires_improvement,table-10,54,58,", "E06000001,ilacs-first,short,2018-08-28,,,good,,,,,,,table-10,54,,https://files.ofsted.gov.uk/v1/file/50016457"));
    expect(table.rows[0].row).toMatchObject({ looked_after_permanence: null, lscb: "requires_improvement", dates_line: 58, source_line: 54, report_url: null });
    expect(table.rows[1].row).toMatchObject({ ilacs_type: "short", inspection_start: null, report_url: "https://files.ofsted.gov.uk/v1/file/50016457" });
  });

  it("rejects a report address that is not an https address", async () => {
    await expectDataError(() => check(inspections, lines(INSPECTION_HEADER, "E06000001,sif,,2014-02-11,,,good,,,,,,,table-10,54,,http://files.ofsted.gov.uk/v1/file/50004256")), "data/councils/inspections.csv:2:17: http://files.ofsted.gov.uk/v1/file/50004256 is not an https address");
  });

  it("rejects sub-judgements or dates outside SIF, and ILACS without a type", async () => {
    await expectDataError(() => check(inspections, lines(INSPECTION_HEADER, "E06000001,cpi,,2013-02-11,,,good,good,,,,,,table-10,54,,")), "data/councils/inspections.csv:2:8: help_protection is only given for SIF inspections, not cpi");
    await expectDataError(() => check(inspections, lines(INSPECTION_HEADER, "E06000001,ilacs-first,,2018-08-28,,,good,,,,,,,table-10,54,,")), "data/councils/inspections.csv:2:3: an ilacs-first inspection needs its type");
    await expectDataError(() => check(inspections, lines(INSPECTION_HEADER, "E06000001,sif-reinspection,,2016-02-11,,,good,,,,,,good,table-10,54,,")), "data/councils/inspections.csv:2:13: the LSCB judgement belongs to the first SIF only");
  });

  it("rejects dates out of order or after publication, and dates without their source line", async () => {
    await expectDataError(() => check(inspections, lines(INSPECTION_HEADER, "E06000001,sif,,2014-02-11,2013-12-11,2013-11-19,good,,,,,,,table-10,54,58,")), "data/councils/inspections.csv:2:6: the inspection ends (2013-11-19) before it starts (2013-12-11)");
    await expectDataError(() => check(inspections, lines(INSPECTION_HEADER, "E06000001,sif,,2014-02-11,2014-01-19,2014-02-12,good,,,,,,,table-10,54,58,")), "data/councils/inspections.csv:2:6: the inspection (to 2014-02-12) is after the report's publication (2014-02-11)");
    await expectDataError(() => check(inspections, lines(INSPECTION_HEADER, "E06000001,sif,,2014-02-11,2013-11-19,,good,,,,,,,table-10,54,,")), "data/councils/inspections.csv:2:16: inspection dates need the line they come from");
  });

  it("rejects unknown frameworks and grades", async () => {
    await expectDataError(() => check(inspections, lines(INSPECTION_HEADER, "E06000001,jtai,,2014-02-11,,,good,,,,,,,table-10,54,,")), 'data/councils/inspections.csv:2:2: framework: "jtai" is not one of: slac-safeguarding, slac-looked-after, slac-reinspection-safeguarding, slac-reinspection-looked-after, cpi, cpi-reinspection, tlac, sif, sif-reinspection, ilacs-first, ilacs-second');
    await expectDataError(() => check(inspections, lines(INSPECTION_HEADER, "E06000001,cpi,,2013-02-11,,,adequate,,,,,,,table-10,54,,")), 'data/councils/inspections.csv:2:7: overall: "adequate" is not one of: inadequate, requires_improvement, good, outstanding');
  });
});

const DEMAND_HEADER = "council_code,year_ending_march,referrals,cpp_at_31_march,population_0_17,population_mid_year";

describe("data/councils/demand.csv rules", () => {
  it("accepts empty counts and the previous mid-year", () => {
    const table = check(demand, lines(DEMAND_HEADER, "E09000003,2019,,260,95500,2018"));
    expect(table.rows[0].row).toEqual({ council_code: "E09000003", year_ending_march: 2019, referrals: null, cpp_at_31_march: 260, population_0_17: 95500, population_mid_year: 2018 });
  });

  it("rejects a population of the same mid-year as the year's end", async () => {
    await expectDataError(() => check(demand, lines(DEMAND_HEADER, "E09000003,2019,1,260,95500,2019")), "data/councils/demand.csv:2:6: the year ending March 2019 uses the mid-2018 estimate, not mid-2019");
  });

  it("rejects council codes that are not in councils.csv", async () => {
    const table = parseCsv(demand.file, lines(DEMAND_HEADER, "E09000003,2019,1,2,3,2018", "E09000004,2019,1,2,3,2018"), demand.schema);
    await expectDataError(() => knownCouncilCodes(new Set(["E09000003"]))(table, ledger), "data/councils/demand.csv:3:1: E09000004 is not a council in data/councils/councils.csv");
  });
});
