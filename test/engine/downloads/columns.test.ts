import { describe, expect, it } from "vitest";
import { parseColumnNotes } from "../../../scripts/engine/downloads/columns.ts";

const LEDGER = [
  "# Data",
  "",
  "## Files",
  "",
  "| File | Contents | Source | Licence | Date | sha256 |",
  "|---|---|---|---|---|---|",
  "| `data/a.csv` | A | S | CC0 1.0 | 2026 | - |",
  "",
  "## Columns",
  "",
  "### `data/a.csv`",
  "",
  "| Column | Meaning |",
  "|---|---|",
  "| `year` | The year, written `2007/08`. |",
  "| `low`, `high` | The range's ends \\| inclusive. |",
  "",
  "### Measure tables: `data/m1.csv`, `data/m2.csv`",
  "",
  "One row per measure.",
  "",
  "- **Rule.** Values are as published.",
  "",
  "| `measure` | What is measured. |",
  "",
  "### `data/c/one.csv`, `data/c/two.csv`",
  "",
  "Written by an importer.",
  "",
  "`data/c/two.csv`:",
  "",
  "| Column | Meaning |",
  "|---|---|",
  "| `code` | The council. |",
  "",
  "## Later section",
  "",
  "| `ignored` | Not a column note. |",
].join("\n");

describe("parseColumnNotes", () => {
  const notes = parseColumnNotes(LEDGER);

  it("reads each file's column table, a row naming several columns giving each the meaning", () => {
    expect([...(notes.get("data/a.csv")?.columns ?? [])]).toEqual([
      ["year", "The year, written `2007/08`."],
      ["low", "The range's ends | inclusive."],
      ["high", "The range's ends | inclusive."],
    ]);
    expect(notes.get("data/a.csv")?.prose).toEqual([]);
  });

  it("gives a heading's text and tables to every file it names", () => {
    for (const file of ["data/m1.csv", "data/m2.csv"]) {
      expect(notes.get(file)?.prose).toEqual(["One row per measure.", "- **Rule.** Values are as published."]);
      expect([...(notes.get(file)?.columns ?? [])]).toEqual([["measure", "What is measured."]]);
    }
  });

  it("narrows what follows a line naming one file to that file", () => {
    expect(notes.get("data/c/one.csv")?.prose).toEqual(["Written by an importer."]);
    expect([...(notes.get("data/c/one.csv")?.columns ?? [])]).toEqual([]);
    expect([...(notes.get("data/c/two.csv")?.columns ?? [])]).toEqual([["code", "The council."]]);
  });

  it("stops at the next section and reads nothing before the Columns section", () => {
    expect([...notes.keys()].sort()).toEqual(["data/a.csv", "data/c/one.csv", "data/c/two.csv", "data/m1.csv", "data/m2.csv"]);
    expect(parseColumnNotes("# Data\n\n| `x` | y |\n").size).toBe(0);
  });
});
