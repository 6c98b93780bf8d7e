/**
 * The ILACS import end to end through `npm run data:update` (planUpdate, applyUpdate) on the
 * made-up sources, given the ILACS import's publications only (so the council lookup comes
 * from the project root): files written, idempotence, the cut-over at the official table's
 * as-at date, and the post-reform rule. Each edit changes one cell; the expected rows follow
 * from the fixture by hand (official reports are rows 4–13 of ILACS_inspection_history).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ilacsJudgements } from "../../../scripts/report/ilacs/datasets.ts";
import { parseCsv } from "../../../scripts/engine/data/load.ts";
import { formatUpdate } from "../../../scripts/import/update.ts";
import { ILACS_REPORT_FILE } from "../../../scripts/import/ilacs/run.ts";
import { HISTORY_SHEET, OUTCOMES, read, SCRAPE, sha256, Sources, update, type Scratch } from "../helpers.ts";
import { ilacsScratch, ilacsSources } from "./helpers.ts";

describe("npm run data:update with the ILACS publications", () => {
  let base: Sources;
  let dir: Scratch;
  const rows = async () => parseCsv(ilacsJudgements.file, await read(dir.root, ilacsJudgements.file), ilacsJudgements.schema).rows.map(({ row }) => row);
  const run = (change: (s: Sources) => unknown = () => {}) => {
    const sources = base.copy();
    change(sources);
    return update(dir, sources);
  };

  beforeAll(async () => {
    base = await ilacsSources();
  });
  beforeEach(async () => {
    dir = await ilacsScratch();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it("writes the judgements and the report, and a second run changes nothing", async () => {
    const first = await run();
    expect(first.plan.imports).toEqual(["ilacs"]);
    expect(first.written).toEqual([ilacsJudgements.file, ILACS_REPORT_FILE, "data/README.md"]);
    const judgements = first.plan.files.find((f) => f.file === ilacsJudgements.file)!;
    expect([judgements.diff?.rows, judgements.diff?.added, judgements.diff?.changed, judgements.diff?.removed]).toEqual([14, 14, 0, 0]);
    const csv = await read(dir.root, ilacsJudgements.file);
    const report = await read(dir.root, ILACS_REPORT_FILE);
    const ledger = await read(dir.root, "data/README.md");
    const second = await run();
    expect(second.written).toEqual([]);
    const text = formatUpdate(second.plan, second.written).split("\n");
    expect(text.slice(text.indexOf("Imports run: ILACS (data/ilacs/)"))).toEqual([
      "Imports run: ILACS (data/ilacs/)",
      "",
      "data/ilacs/judgements.csv: 14 rows; 0 added, 0 changed, 0 removed (unchanged)",
      `${ILACS_REPORT_FILE}: ${report.split("\n").length - 1} lines; 0 added, 0 removed (unchanged)`,
      `data/README.md: ${ledger.split("\n").length - 1} lines; 0 added, 0 removed (unchanged)`,
      "",
      "data/ is already up to date with these files: nothing was written.",
    ]);
    expect(await read(dir.root, ilacsJudgements.file)).toBe(csv);
    expect(await read(dir.root, ILACS_REPORT_FILE)).toBe(report);
    expect(await read(dir.root, "data/README.md")).toBe(ledger);
  });

  it("reports the counts, the left-out rows and the disagreement, naming the files and their sha256", async () => {
    await run();
    const report = await read(dir.root, ILACS_REPORT_FILE);
    expect(report).toContain("14 reports: 9 from Ofsted's official table, 5 from the scrape; 1 without an overall grade (after the reform).");
    expect(report).toContain("| 2025 | 0 | 3 | 3 | 0 |");
    expect(report).toContain("| 2026 | 0 | 2 | 2 | 1 |");
    expect(report).toContain("| all | 9 | 5 | 14 | 1 |");
    // Barnet 2019 and 2024 (official rows 4 and 5) take scrape lines 3 and 4's addresses.
    expect(report).toContain("2 of 9 official rows take the scrape's address of the same report; 0 are left without one because the scrape gives several (below); the others have no scrape row of their council and day");
    expect(report).toContain("| report-scrape | 12 | westmorland and furness |  | 2025-12-12 | URN 999999 is not in Provider_data_lookup.csv |");
    // Official row 5 (Barnet 2024) against scrape line 4.
    expect(report).toContain("| Barnet (E09000003) | 2024-07-23 | 5 | 4 | in_care | outstanding | good |");
    expect(report).toContain("| 900006 | 7 | E08000038 | 370 | barnsley | Barnsley (E08000016) | DfE number | name |");
    expect(report).toContain(`| LA_Inspection_Outcomes_as_at_31_March_2025.ods[ILACS_inspection_history] | ${sha256(base.bytes(OUTCOMES))} | 10 | 9 (reports published up to 2025-03-31) |`);
    expect(report).toContain(`| ofsted_csc_ilacs_history.csv | ${sha256(base.bytes(SCRAPE))} | 17 | 5 (reports published after 2025-03-31) |`);
  });

  it("takes a report published on the as-at date itself from the official table", async () => {
    await run();
    // Hull's official report (row 11) published on the as-at date itself: now the official row is used,
    // with the address of scrape line 7 (same council, same day).
    const { plan } = await run((s) => s.cell(OUTCOMES, HISTORY_SHEET, 11, 7, "31/03/2025").csvCell(SCRAPE, 7, 5, "31/03/25"));
    // The key (council, publication date) moved: Hull 2025-04-11 removed, Hull 2025-03-31 added.
    const judgements = plan.files.find((f) => f.file === ilacsJudgements.file)!;
    expect([judgements.diff?.rows, judgements.diff?.added, judgements.diff?.changed, judgements.diff?.removed]).toEqual([14, 1, 0, 1]);
    // Not a loss: the same report (same council and first day on site) under its new date, so the update went ahead.
    expect(formatUpdate(plan, []).split("\n")).toContain("  moved: Kingston upon Hull, City of (E06000010) 2025-04-11: now published 2025-03-31: the same report (same council and inspection_start)");
    const hull = (await rows()).filter((r) => r.council_code === "E06000010");
    expect(hull.map((r) => [r.published, r.source, r.source_line, r.inspection_end, r.report_url])).toEqual([["2025-03-31", "ofsted-official", 11, null, "https://files.example.org/v1/file/1006"]]);
  });

  it("uses the scrape from the day after the as-at date", async () => {
    await run((s) => s.cell(OUTCOMES, HISTORY_SHEET, 11, 7, "01/04/2025").csvCell(SCRAPE, 7, 5, "01/04/25"));
    const hull = (await rows()).filter((r) => r.council_code === "E06000010");
    expect(hull.map((r) => [r.published, r.source, r.source_line])).toEqual([["2025-04-01", "report-scrape", 7]]);
  });

  it("reads the as-at date from the edition's title: a table as at 31 March 2024 hands over to the scrape a year earlier", async () => {
    // The title of Inspections_as_at_31_March (row 1) says 2024; Barnet's official report of
    // 23 July 2024 (row 5) is then after the as-at date, and the scrape's (line 4) is used.
    await run((s) => s.cell(OUTCOMES, "Inspections_as_at_31_March", 1, 1, "Local authority inspection judgements as at 31 March 2024"));
    const barnet = (await rows()).filter((r) => r.council_code === "E09000003");
    expect(barnet.map((r) => [r.published, r.source, r.source_line, r.in_care])).toEqual([
      ["2019-07-01", "ofsted-official", 4, "good"],
      ["2024-07-23", "report-scrape", 4, "good"],
      ["2025-09-15", "report-scrape", 5, "good"],
    ]);
  });

  it("leaves out a report without an overall grade whose inspection began before the reform", async () => {
    // West Northamptonshire's 2026 report (scrape line 9), inspection moved to March 2026.
    await run((s) => s.csvCell(SCRAPE, 9, 8, "23/03/2026"));
    const report = await read(dir.root, ILACS_REPORT_FILE);
    expect(report).toContain("| report-scrape | 9 | west northamptonshire | West Northamptonshire (E06000062) | 2026-07-07 | overall_effectiveness_grade: not_reported_post_reform, but the inspection began 2026-03-23, before the reform of 2026-04-01 |");
    expect((await rows()).filter((r) => r.ungraded_reason !== null)).toEqual([]);
  });
});
