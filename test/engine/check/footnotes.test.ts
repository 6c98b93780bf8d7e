import { describe, expect, it } from "vitest";
import { footnoteProblems } from "../../../scripts/engine/check/footnotes.ts";

describe("footnoteProblems", () => {
  it("passes notes that are each referred to and written once, a note referred to twice included", () => {
    expect(footnoteProblems("A claim.[^a] Another.[^b] Again.[^a]\n\n[^a]: First.\n[^b]: Second.\n")).toEqual([]);
    // A reference before a colon in the text is a reference, not a note.
    expect(footnoteProblems("As the report put it[^c]: plainly.\n\n[^c]: Chapter 2.\n")).toEqual([]);
  });

  it("names, at line and column, a note never written, one written twice and one never referred to", () => {
    const source = ["Text[^gone] and[^dup].", "", "[^dup]: One.", "[^dup]: Two.", "[^spare]: Unused."].join("\n");
    expect(footnoteProblems(source)).toEqual([
      { line: 1, column: 5, message: 'the note [^gone] is referred to but never written; it would be printed as "[^gone]"' },
      { line: 4, column: 1, message: "the note [^dup] is written twice (first on line 3); the second would silently replace the first" },
      { line: 5, column: 1, message: "the note [^spare] is written but nothing refers to it; it would not be shown" },
    ]);
  });

  it("leaves fenced code alone", () => {
    expect(footnoteProblems("Syntax:\n\n```\nText[^x]\n[^y]: note\n```\n")).toEqual([]);
  });
});
