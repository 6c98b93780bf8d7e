/**
 * Against the real publishers' files, run only where they are present
 * (../shared/data-sources next to the project): Ofsted's workbook is recognised and read as
 * downloaded (its own date cells read as the text they display), its edition is read from
 * its cover and title, and the sources are read whole, every row either written or left out,
 * with the counts their provenance notes give. (That the committed data/ilacs/judgements.csv
 * is what the update makes of them is checked in ../real-sources.test.ts.)
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCouncilLookup } from "../../../scripts/import/councils.ts";
import { readIlacsSources, type IlacsSources } from "../../../scripts/import/ilacs/sources.ts";
import { buildIlacs } from "../../../scripts/import/ilacs/transform.ts";
import { editionOf } from "../../../scripts/import/publisher/editions.ts";
import { recognise, type PublicationId, type SourceFile } from "../../../scripts/import/publisher/publications.ts";

const SOURCES = "../shared/data-sources";
const FILES = [
  `${SOURCES}/dfe-analytical-services__CSC_outcomes_and_enablers/LA_Inspection_Outcomes_as_at_31_March_2025.ods`,
  `${SOURCES}/JT-39__ofsted-ilacs-scrape-tool/ofsted_csc_ilacs_history.csv`,
  `${SOURCES}/JT-39__ofsted-ilacs-scrape-tool/Provider_data_lookup.csv`,
];
const present = FILES.every((file) => existsSync(file));

describe.skipIf(!present)("the real ILACS sources", () => {
  let files: Map<PublicationId, SourceFile>;
  let sources: IlacsSources;
  beforeAll(async () => {
    files = new Map();
    for (const file of FILES) {
      const recognition = recognise(file, await readFile(file));
      if (recognition.kind === "source") files.set(recognition.source.publication.id, recognition.source);
    }
    sources = readIlacsSources(files);
  });

  it("are recognised by their content, with the edition each holds", () => {
    expect([...files.keys()].sort()).toEqual(["ilacs-report-scrape", "ilacs-scrape-lookup", "ofsted-la-outcomes"]);
    // The cover's "Published on:" and the as-at sheet's title.
    expect(editionOf(files.get("ofsted-la-outcomes")!)).toBe("as at 31 March 2025, published 25 September 2025");
    expect(sources.asAt).toBe("2025-03-31");
    // Ofsted's date cells read as the text they display, dd/mm/yyyy.
    expect(sources.official.rows.every(({ row }) => /^\d{4}-\d{2}-\d{2}$/.test(row["Publication date"] ?? ""))).toBe(true);
  });

  it("are read whole, and every row is either written or left out", async () => {
    // Row counts from the data scout's PROVENANCE.md files.
    expect([sources.official.rows.length, sources.scrape.rows.length, sources.lookup.rows.length]).toEqual([271, 497, 156]);
    // The official table's rows are those of the sheet: header in row 3, reports in rows 4–274.
    expect([sources.official.rows[0].line, sources.official.rows.at(-1)!.line]).toEqual([4, 274]);
    const build = buildIlacs({ ...sources, councils: await loadCouncilLookup(".") });
    expect(build.rows.length + build.dropped.length).toBe(271 + 497);
    // 271 official reports minus the 9 published after 31 March 2025; 62 scrape reports after it.
    expect(build.rows.filter((r) => r.source === "ofsted-official")).toHaveLength(262);
    expect(build.rows.filter((r) => r.source === "report-scrape")).toHaveLength(62);
    // The scout counted 11 not_reported_post_reform grades.
    expect(build.rows.filter((r) => r.ungraded_reason === "no-grade-after-reform")).toHaveLength(11);
    // Every official report after the as-at date is in the scrape, so none is lost at the cut-over.
    expect(build.comparison.officialOnly.filter((o) => o.published > "2025-03-31")).toEqual([]);
    // ... and the scrape agrees with the official table on all nine of them, and on every first day on site.
    expect(build.comparison.disagreements.filter((d) => d.published > "2025-03-31")).toEqual([]);
    expect(build.comparison.disagreements.filter((d) => d.field === "inspection_start")).toEqual([]);
  });
});
