/**
 * The ILACS import end to end on a scratch copy of the made-up sources: files written,
 * idempotence, the cut-over at the official table's as-at date, and the post-reform rule.
 * Each edit changes one cell of the copy; the expected rows follow from the fixture by hand.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ilacsJudgements } from "../../../scripts/report/ilacs/datasets.ts";
import { parseCsv } from "../../../scripts/engine/data/load.ts";
import { formatSummary } from "../../../scripts/import/run.ts";
import { ILACS_REPORT_FILE, runIlacsImport } from "../../../scripts/import/ilacs/run.ts";
import { editCell, type Scratch } from "../helpers.ts";
import { ilacsScratch, OFFICIAL, SCRAPE } from "./helpers.ts";

describe("npm run import:ilacs", () => {
  let dir: Scratch;
  const run = () => runIlacsImport({ sources: dir.sources, root: dir.root });
  const rows = async () => parseCsv(ilacsJudgements.file, await readFile(path.join(dir.root, ilacsJudgements.file), "utf8"), ilacsJudgements.schema).rows.map(({ row }) => row);
  const edit = (file: string, line: number, column: number, value: string) => editCell(path.join(dir.sources, file), line, column, value);

  beforeEach(async () => {
    dir = await ilacsScratch();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it("writes the judgements and the report, and a second run changes nothing", async () => {
    const first = await run();
    expect(first.map((s) => [s.file, s.rows, s.added, s.changed, s.removed])).toEqual([
      ["data/ilacs/judgements.csv", 14, 14, 0, 0],
      [ILACS_REPORT_FILE, first[1].rows, first[1].rows, 0, 0],
    ]);
    const csv = await readFile(path.join(dir.root, ilacsJudgements.file), "utf8");
    const report = await readFile(path.join(dir.root, ILACS_REPORT_FILE), "utf8");
    const second = await run();
    expect(formatSummary(second)).toBe(`data/ilacs/judgements.csv: 14 rows; 0 added, 0 changed, 0 removed (unchanged)\n${ILACS_REPORT_FILE}: ${first[1].rows} lines; 0 added, 0 changed, 0 removed (unchanged)`);
    expect(await readFile(path.join(dir.root, ilacsJudgements.file), "utf8")).toBe(csv);
    expect(await readFile(path.join(dir.root, ILACS_REPORT_FILE), "utf8")).toBe(report);
  });

  it("reports the counts, the left-out rows and the disagreement", async () => {
    await run();
    const report = await readFile(path.join(dir.root, ILACS_REPORT_FILE), "utf8");
    expect(report).toContain("14 reports: 9 from Ofsted's official table, 5 from the scrape; 1 without an overall grade (after the reform).");
    expect(report).toContain("| 2025 | 0 | 3 | 3 | 0 |");
    expect(report).toContain("| 2026 | 0 | 2 | 2 | 1 |");
    expect(report).toContain("| all | 9 | 5 | 14 | 1 |");
    expect(report).toContain("| report-scrape | 12 | westmorland and furness |  | 2025-12-12 | URN 999999 is not in Provider_data_lookup.csv |");
    expect(report).toContain("| Barnet (E09000003) | 2024-07-23 | 3 | 4 | in_care | outstanding | good |");
    expect(report).toContain("| 900006 | 7 | E08000038 | 370 | barnsley | Barnsley (E08000016) | DfE number | name |");
    expect(report).toMatch(/\| JT-39__ofsted-ilacs-scrape-tool\/ofsted_csc_ilacs_history\.csv \| [0-9a-f]{64} \| 17 \| 5 \(reports published after 2025-03-31\) \|/);
  });

  it("takes a report published on the as-at date itself from the official table", async () => {
    await run();
    // Hull's official report published on the as-at date itself: now the official row is used.
    await edit(OFFICIAL, 9, 7, "31/03/2025");
    await edit(SCRAPE, 7, 5, "31/03/25");
    const summary = await run();
    // The key (council, publication date) moved: Hull 2025-04-11 removed, Hull 2025-03-31 added.
    expect(summary[0]).toMatchObject({ rows: 14, added: 1, changed: 0, removed: 1 });
    const hull = (await rows()).filter((r) => r.council_code === "E06000010");
    expect(hull.map((r) => [r.published, r.source, r.source_line, r.inspection_end, r.report_url])).toEqual([["2025-03-31", "ofsted-official", 9, null, null]]);
  });

  it("uses the scrape from the day after the as-at date", async () => {
    await edit(OFFICIAL, 9, 7, "01/04/2025");
    await edit(SCRAPE, 7, 5, "01/04/25");
    await run();
    const hull = (await rows()).filter((r) => r.council_code === "E06000010");
    expect(hull.map((r) => [r.published, r.source, r.source_line])).toEqual([["2025-04-01", "report-scrape", 7]]);
  });

  it("leaves out a report without an overall grade whose inspection began before the reform", async () => {
    // West Northamptonshire's 2026 report (scrape line 9), inspection moved to March 2026.
    await edit(SCRAPE, 9, 8, "23/03/2026");
    await run();
    const report = await readFile(path.join(dir.root, ILACS_REPORT_FILE), "utf8");
    expect(report).toContain("| report-scrape | 9 | west northamptonshire | West Northamptonshire (E06000062) | 2026-07-07 | overall_effectiveness_grade: not_reported_post_reform, but the inspection began 2026-03-23, before the reform of 2026-04-01 |");
    expect((await rows()).filter((r) => r.ungraded_reason !== null)).toEqual([]);
  });
});
