import { describe, expect, it } from "vitest";
import type { DatasetView } from "../../../scripts/engine/downloads/catalogue.ts";
import { dataReadme } from "../../../scripts/engine/downloads/readme.ts";

const dataset = (file: string, licence: string, extra: Partial<DatasetView> = {}): DatasetView => ({
  file,
  href: `/${file}`,
  anchor: "x",
  contents: `What ${file} holds.`,
  source: "Invented.",
  licence,
  date: "2026-01-01",
  sha256: "cd".repeat(32),
  rows: 2,
  columns: [{ name: "year", meaning: "The year | as printed." }, { name: "value", meaning: undefined }],
  notes: [],
  ...extra,
});

describe("dataReadme", () => {
  const readme = dataReadme({
    title: "Mini",
    subtitle: "A test",
    version: "1.2.3",
    datasets: [dataset("data/a.csv", "CC0 1.0"), dataset("data/b.csv", "OGL v3.0", { rows: 1, notes: ["Imported.", "- One rule.", "- Another."] }), dataset("data/c.csv", "CC0 1.0")],
    notes: ["data/README.md", "data/b/import-report.md"],
  });

  it("lists every file of the archive", () => {
    const listed = [...readme.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]);
    expect(listed).toEqual(["README.md", "data/a.csv", "data/b.csv", "data/c.csv", "data/README.md", "data/b/import-report.md"]);
    expect(readme).toContain("- `data/b.csv`: 1 row, 2 columns.");
    expect(readme).toContain("- `data/a.csv`: 2 rows, 2 columns.");
  });

  it("groups the files by licence", () => {
    expect(readme).toContain("- **CC0 1.0**: `data/a.csv`, `data/c.csv`.");
    expect(readme).toContain("- **OGL v3.0**: `data/b.csv`.");
  });

  it("gives each file its provenance and a column table, escaping pipes and pointing to the notes or the ledger", () => {
    const section = readme.slice(readme.indexOf("### `data/b.csv`"), readme.indexOf("### `data/c.csv`"));
    expect(section).toContain("What data/b.csv holds.");
    expect(section).toContain(`- sha256: \`${"cd".repeat(32)}\``);
    expect(section).toContain("Imported.\n\n- One rule.\n- Another.");
    expect(section).toContain("| `year` | The year \\| as printed. |");
    expect(section).toContain("| `value` | See the notes above. |");
    expect(readme).toContain("| `value` | Not described in `data/README.md`. |");
    expect(readme).toContain("(report version 1.2.3)");
    expect(readme.endsWith("\n")).toBe(true);
  });
});
