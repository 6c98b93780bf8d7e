/** The source lines of Ofsted's records name the editions the ledger records (scripts/report/shared/sources.ts). */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SourceRead } from "../../../scripts/engine/data/provenance.ts";
import { ofstedSources } from "../../../scripts/report/shared/sources.ts";
import { realReport, REPO_ROOT } from "../../helpers/report.ts";

const read = (publication: string, edition: string): SourceRead => ({ publication, publisher: "Ofsted", edition, file: "f", sha256: "0", line: 1 });
const EDITIONS = [
  read("Children's social care data in England, underlying data (sheet LA_inspections_2009-YYYY)", "inspections 2009–2024, published 10 July 2024"),
  read("Local authority inspection outcomes as at 31 March (sheets ILACS_inspection_history and Inspections_as_at_31_March)", "as at 31 March 2026, published 23 September 2026"),
  read("ILACS report history, scraped daily from Ofsted's published reports", "reports published up to 15 July 2026"),
];

describe("ofstedSources", () => {
  it("names each edition read: the inspections' years and publication, the as-at date, how far the scrape runs", () => {
    const lines = ofstedSources(EDITIONS);
    expect(lines.inspections).toBe(
      "Ofsted, official statistics on local authority children's services inspections and outcomes: the table of inspections 2009–2024 in Children's social care data in England (published 10 July 2024); SIF inspection start dates read from the inspection report PDFs. Both re-shaped by our importer (scripts/import) into data/councils/inspections.csv; Open Government Licence v3.0.",
    );
    expect(lines.ilacs).toBe(
      "Ofsted, Local authority inspection outcomes as at 31 March 2026 (the ILACS inspection history), and for reports published after it, a daily scrape of Ofsted's published ILACS reports (JT-39/ofsted-ilacs-scrape-tool; reports published up to 15 July 2026); re-shaped by our importer into data/ilacs/judgements.csv. Open Government Licence v3.0.",
    );
  });

  it("names no edition where the ledger records none", () => {
    const lines = ofstedSources([]);
    expect(lines.inspections).toContain(": the table of inspections from 2009 in Children's social care data in England; SIF");
    expect(lines.ilacs).toMatch(/^Ofsted, Local authority inspection outcomes \(the ILACS inspection history\), .*\(JT-39\/ofsted-ilacs-scrape-tool\); re-shaped/);
  });

  it("gives the real report's ILACS figures the edition its ledger records", async () => {
    // The edition as the ledger's row for Ofsted's outcomes workbook says it, read here by line.
    const ledger = await readFile(path.join(REPO_ROOT, "data", "README.md"), "utf8");
    const row = ledger.split("\n").find((line) => line.startsWith("| Local authority inspection outcomes as at 31 March "));
    const asAt = row?.match(/\| (as at \d{1,2} \w+ \d{4}),/)?.[1];
    expect(asAt).toMatch(/^as at 31 March 20\d\d$/);
    const figure = (await realReport()).figures.get("ilacs-grades-by-year");
    expect(figure?.source.startsWith(`Ofsted, Local authority inspection outcomes ${asAt} (the ILACS inspection history)`)).toBe(true);
  });
});
