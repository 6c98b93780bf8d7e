import { describe, expect, it } from "vitest";
import { parseDateText, pdfDates } from "../../scripts/import/sif-dates.ts";
import type { SifDatesRow } from "../../scripts/import/sources.ts";

describe("parseDateText", () => {
  it("reads the forms the report PDFs use", () => {
    const cases: [string, string, string][] = [
      ["13 November 2017 to 24 November 2017", "2017-11-13", "2017-11-24"],
      ["11 March – 2 April 2014", "2014-03-11", "2014-04-02"],
      ["9–24 November 2017", "2017-11-09", "2017-11-24"],
      ["8 – 12 July 2013", "2013-07-08", "2013-07-12"],
      ["1/06/2015 – 25/06/2015", "2015-06-01", "2015-06-25"],
      ["12/09/2016 to 06/10/2016", "2016-09-12", "2016-10-06"],
      ["23 April–18 May 2018", "2018-04-23", "2018-05-18"],
      ["14 January 2014- 5 February 2014", "2014-01-14", "2014-02-05"],
      ["20 June 2017 ─ 13 July 2017", "2017-06-20", "2017-07-13"],
      ["18 Feb 2014 – 12 March 2014", "2014-02-18", "2014-03-12"],
      ["28 July 2016", "2016-07-28", "2016-07-28"],
      // A period across the turn of the year names both years.
      ["18 November 2013 – 10 January 2014", "2013-11-18", "2014-01-10"],
    ];
    for (const [text, start, end] of cases) expect(parseDateText(text), text).toEqual({ start, end, continues: false });
  });

  it("flags a text that goes on to a further visit", () => {
    expect(parseDateText("19 November-11 December 2013 and 28 – 30")).toEqual({ start: "2013-11-19", end: "2013-12-11", continues: true });
  });

  it("gives up on impossible, backwards or unknown forms", () => {
    for (const text of ["30 February 2014", "12 March – 2 March 2014", "sometime in 2014", "", "1 Smarch 2014", "1 – 2 – 3 May 2014", "5 2014 – 7 May 2014"]) {
      expect(parseDateText(text), text).toBeUndefined();
    }
  });
});

describe("pdfDates", () => {
  const row = (text: string, start: string | null, end: string | null): SifDatesRow => ({
    urn: "1",
    la_folder_name: "x",
    pdf_path_in_repo: "x.pdf",
    report_title_type: "SIF",
    is_reinspection: "False",
    inspection_date_text: text,
    inspection_start: start,
    inspection_end: end,
    report_published_text: "",
    report_published: "2014-05-23",
    report_published_source: "file_name",
  });

  it("keeps ISO dates that agree with the text", () => {
    expect(pdfDates(7, row("3 March – 25 March 2015", "2015-03-03", "2015-03-25"))).toEqual({ line: 7, row: row("3 March – 25 March 2015", "2015-03-03", "2015-03-25"), start: "2015-03-03", end: "2015-03-25" });
  });

  it("prefers the text when the ISO columns contradict it, and says so", () => {
    const result = pdfDates(30, row("18 Feb 2014 – 12 March 2014", "2014-03-18", "2014-03-12"));
    expect([result.start, result.end]).toEqual(["2014-02-18", "2014-03-12"]);
    expect(result.change).toBe('the text "18 Feb 2014 – 12 March 2014" reads 2014-02-18 to 2014-03-12, but the ISO columns say 2014-03-18 to 2014-03-12; the text\'s dates are used');
  });

  it("leaves the end empty when the text names a further visit", () => {
    const result = pdfDates(159, row("19 November-11 December 2013 and 28 – 30", "2013-11-19", "2013-12-11"));
    expect([result.start, result.end]).toEqual(["2013-11-19", null]);
  });

  it("keeps readable ISO dates when the text cannot be read, and drops unusable ones", () => {
    expect(pdfDates(2, row("see report", "2015-03-03", "2015-03-25"))).toMatchObject({ start: "2015-03-03", end: "2015-03-25" });
    expect(pdfDates(2, row("see report", "2015-03-25", "2015-03-03"))).toMatchObject({ start: null, end: null });
  });
});
