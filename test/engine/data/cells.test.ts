import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { codeCell, formulaStart, nameCell, numberCell, pageNameCell, percentCell, textCell, yearSpanCell } from "../../../scripts/engine/data/cells.ts";
import { GRADES } from "../../../scripts/report/shared/grades.ts";

/** The single message a cell schema gives for `raw`; fails if the cell is accepted. */
function rejection(schema: z.ZodType, raw: string): string {
  const result = schema.safeParse(raw);
  if (result.success) throw new Error(`expected ${JSON.stringify(raw)} to be rejected, got ${JSON.stringify(result.data)}`);
  expect(result.error.issues).toHaveLength(1);
  return result.error.issues[0].message;
}

describe("numberCell", () => {
  const cell = numberCell();

  it("turns numeric text into numbers, ignoring surrounding spaces", () => {
    expect(cell.parse("42")).toBe(42);
    expect(cell.parse(" 3.5 ")).toBe(3.5);
    expect(cell.parse("-7")).toBe(-7);
    expect(cell.parse("0")).toBe(0);
  });

  it("accepts plain decimal notation only", () => {
    for (const odd of ["1e3", "0x1F", "0b101", ".5", "+5", "5.", "1,000"]) {
      expect(rejection(cell, odd)).toBe(`${JSON.stringify(odd)} is not a number`);
    }
  });

  it("rejects text that is not a number", () => {
    expect(rejection(cell, "abc")).toBe('"abc" is not a number');
    expect(rejection(cell, "12%")).toBe('"12%" is not a number');
    expect(rejection(cell, "1,000")).toBe('"1,000" is not a number');
    expect(rejection(cell, " n/a ")).toBe('"n/a" is not a number');
  });

  it("rejects infinities", () => {
    expect(rejection(cell, "Infinity")).toBe('"Infinity" is not a number');
  });

  it("rejects an empty or blank cell with its own message", () => {
    expect(rejection(cell, "")).toBe("the value is empty, a number is needed");
    expect(rejection(cell, "   ")).toBe("the value is empty, a number is needed");
  });

  it("rejects fractions when a whole number is needed", () => {
    const whole = numberCell({ integer: true });
    expect(whole.parse("12")).toBe(12);
    expect(rejection(whole, "2.5")).toBe('"2.5" is not a whole number');
  });

  it("enforces bounds inclusively and names them with the unit", () => {
    const councils = numberCell({ min: 1, max: 152, unit: " councils" });
    expect(councils.parse("1")).toBe(1);
    expect(councils.parse("152")).toBe(152);
    expect(rejection(councils, "0")).toBe("0 councils is below the minimum of 1 councils");
    expect(rejection(councils, "153")).toBe("153 councils is above the maximum of 152 councils");
  });
});

describe("percentCell", () => {
  const cell = percentCell();

  it("accepts 0 to 100 inclusive", () => {
    expect(cell.parse("0")).toBe(0);
    expect(cell.parse("100")).toBe(100);
    expect(cell.parse("22.5")).toBe(22.5);
  });

  it("rejects values above 100 or below 0", () => {
    expect(rejection(cell, "101")).toBe("101% is above the maximum of 100%");
    expect(rejection(cell, "100.5")).toBe("100.5% is above the maximum of 100%");
    expect(rejection(cell, "-1")).toBe("-1% is below the minimum of 0%");
  });

  it("rejects non-numbers and empty cells", () => {
    expect(rejection(cell, "abc")).toBe('"abc" is not a number');
    expect(rejection(cell, "")).toBe("the value is empty, a number is needed");
  });
});

describe("codeCell", () => {
  const cell = codeCell(GRADES);

  it("accepts each listed code, trimmed", () => {
    for (const grade of GRADES) expect(cell.parse(grade)).toBe(grade);
    expect(cell.parse(" good ")).toBe("good");
  });

  it("rejects an unknown code and lists the allowed codes", () => {
    expect(rejection(cell, "excellent")).toBe('"excellent" is not one of: inadequate, ri_or_adequate, good, outstanding');
  });

  it("is case-sensitive", () => {
    expect(rejection(cell, "Good")).toBe('"Good" is not one of: inadequate, ri_or_adequate, good, outstanding');
  });

  it("quotes the cell as written, so a stray space shows", () => {
    expect(rejection(cell, "Good ")).toBe('"Good " is not one of: inadequate, ri_or_adequate, good, outstanding');
    // A known code with spaces around it is that code.
    expect(cell.parse(" good ")).toBe("good");
  });

  it("rejects an empty cell", () => {
    expect(rejection(codeCell(["a", "b"]), "")).toBe('"" is not one of: a, b');
  });

  it("shortens a long value in the message", () => {
    const long = "x".repeat(70);
    expect(rejection(codeCell(["a"]), long)).toBe(`"${"x".repeat(57)}..." is not one of: a`);
  });
});

describe("textCell", () => {
  it("returns the trimmed text, keeping inner line breaks", () => {
    expect(textCell("source").parse("  A Brave New World, ch. 1  ")).toBe("A Brave New World, ch. 1");
    expect(textCell("note").parse("two\nlines")).toBe("two\nlines");
  });

  it("rejects empty or blank text, naming what is missing", () => {
    expect(rejection(textCell("source"), "")).toBe("the source is empty");
    expect(rejection(textCell("check name"), "  \t ")).toBe("the check name is empty");
    expect(rejection(textCell(), "")).toBe("the text is empty");
  });
});

describe("nameCell", () => {
  it("returns the trimmed name, keeping characters a name can have", () => {
    expect(nameCell("council name").parse("  Bath & North East Somerset ")).toBe("Bath & North East Somerset");
    expect(nameCell().parse("St. Helens")).toBe("St. Helens");
    expect(nameCell().parse("King's Lynn \"West\"")).toBe("King's Lynn \"West\"");
  });

  it("refuses markup and empty names, saying which", () => {
    expect(rejection(nameCell("council name"), "<script>alert(1)</script>")).toBe('"<script>alert(1)</script>" contains markup (< or >); a council name is plain text');
    expect(rejection(nameCell("council name"), "Ashvale <b>")).toBe('"Ashvale <b>" contains markup (< or >); a council name is plain text');
    expect(rejection(nameCell("region"), " ")).toBe("the region is empty");
  });
});

describe("pageNameCell (a name pages are named from)", () => {
  const cell = pageNameCell("council name");

  it("accepts a name whose slug has a letter or digit and at most MAX_SLUG_LENGTH characters", () => {
    expect(cell.parse(" Bournemouth, Christchurch and Poole ")).toBe("Bournemouth, Christchurch and Poole");
    // 80 characters of slug exactly: the limit is inclusive.
    expect(cell.parse(`${"a".repeat(40)} ${"b".repeat(39)}`)).toHaveLength(80);
  });

  it("refuses a name with no letter or digit, which would make an empty page address", () => {
    expect(rejection(cell, "!!!")).toBe(`the council name "!!!" has no letter or digit to make its page's address from`);
  });

  it("refuses a name whose slug is over the limit in one short sentence, however long the name", () => {
    const limit = "over the limit of 80 that keeps the file names made from it within what file systems take";
    expect(rejection(cell, `${"a".repeat(40)} ${"b".repeat(40)}`)).toBe(`the council name "${"a".repeat(40)} ${"b".repeat(16)}..." would make a page address (slug) 81 characters long, ${limit}`);
    // A megabyte of name gives a message of the same size as 300 characters do.
    const huge = rejection(cell, `Brookmere${"x".repeat(1024 * 1024)}`);
    expect(huge).toBe(`the council name "Brookmere${"x".repeat(48)}..." would make a page address (slug) 1048585 characters long, ${limit}`);
  });

  it("still refuses what nameCell refuses, in nameCell's words", () => {
    expect(rejection(cell, "<b>Ashvale</b>")).toBe('"<b>Ashvale</b>" contains markup (< or >); a council name is plain text');
    expect(rejection(cell, "")).toBe("the council name is empty");
  });
});

describe("yearSpanCell", () => {
  const cell = yearSpanCell();

  it("accepts consecutive years written 2007/08, including across a century", () => {
    expect(cell.parse("2007/08")).toBe("2007/08");
    expect(cell.parse(" 2010/11 ")).toBe("2010/11");
    expect(cell.parse("1999/00")).toBe("1999/00");
  });

  it("rejects a span whose second year does not follow the first", () => {
    expect(rejection(cell, "2007/09")).toBe('"2007/09" is not a year span like 2007/08');
    expect(rejection(cell, "2008/07")).toBe('"2008/07" is not a year span like 2007/08');
    expect(rejection(cell, "2007/07")).toBe('"2007/07" is not a year span like 2007/08');
  });

  it("rejects other ways of writing a year", () => {
    for (const raw of ["2007-08", "2007/2008", "07/08", "2007", ""]) {
      expect(rejection(cell, raw)).toBe(`${JSON.stringify(raw)} is not a year span like 2007/08`);
    }
  });
});

describe("a cell a spreadsheet would run as a formula (CSV injection)", () => {
  it("is found by its first character, a number with a sign excepted", () => {
    expect(["=SUM(A1)", "+44 20 7946", "-x", "@cmd", "\t=1", "\r1"].map(formulaStart)).toEqual([
      'starts with "="',
      'starts with "+"',
      'starts with "-"',
      'starts with "@"',
      "starts with a tab",
      "starts with a carriage return",
    ]);
    expect(["-4.5", "+3", "Good", "e=mc2", " plain"].map(formulaStart)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("is refused by text and name cells, in words", () => {
    expect(textCell("note").safeParse("=HYPERLINK(1)").error?.issues[0].message).toBe('"=HYPERLINK(1)" starts with "=", which a spreadsheet opening the published file would run as a formula; write it without that first character');
    expect(nameCell("council name").safeParse("@Brookmere").success).toBe(false);
    expect(textCell("note").safeParse("-4.5").success).toBe(true);
  });
});
