/**
 * Against the real outside datasets, run only where they are present
 * (../shared/data-sources next to the project): the committed data/ilacs files are exactly
 * what the importer makes of them, and the sources' own counts are as their provenance notes say.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadCouncilLookup } from "../../../scripts/import/councils.ts";
import { buildIlacsOutputs } from "../../../scripts/import/ilacs/run.ts";
import { readIlacsSources } from "../../../scripts/import/ilacs/sources.ts";
import { buildIlacs } from "../../../scripts/import/ilacs/transform.ts";

const SOURCES = "../shared/data-sources";
const present = existsSync(`${SOURCES}/JT-39__ofsted-ilacs-scrape-tool`) && existsSync(`${SOURCES}/dfe-analytical-services__CSC_outcomes_and_enablers`);

describe.skipIf(!present)("the real ILACS sources", () => {
  it("give exactly the committed judgements and import report", async () => {
    const files = await buildIlacsOutputs({ sources: SOURCES, root: "." });
    for (const [file, text] of files) expect(text, file).toBe(await readFile(file, "utf8"));
  });

  it("are read whole, and every row is either written or left out", async () => {
    const sources = await readIlacsSources(SOURCES);
    // Row counts from the data scout's PROVENANCE.md files.
    expect([sources.official.rows.length, sources.scrape.rows.length, sources.lookup.rows.length]).toEqual([271, 497, 156]);
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
