import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ExceptionLedger, SHARES_SUM_CHECK } from "../../../scripts/engine/data/checks.ts";
import { inspectionOutcomesByYear } from "../../../scripts/report/outcomes/datasets.ts";
import { signProvenance } from "../../../scripts/engine/data/provenance.ts";
import { readDataFolder } from "../../../scripts/engine/data/folder.ts";
import { loadReportData } from "../../../scripts/engine/data/report-data.ts";
import { buildOrder, datasetsOf } from "../../../scripts/engine/report.ts";
import REPORT from "../../../scripts/report/index.ts";
import { dataErrorOf, expectDataError } from "../../helpers/data-error.ts";
import { GRADES } from "../../../scripts/report/shared/grades.ts";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const OUTCOMES = "data/national/inspection-outcomes-by-year.csv";
const EXCEPTIONS = "data/known-exceptions.csv";
/** The data of the project at `dir` as the build loads it for this report's families. */
const load = async (dir: string) => loadReportData(await readDataFolder(dir), datasetsOf(buildOrder(REPORT.families)), REPORT.claims?.groups ?? []);
const YEARS = ["2007/08", "2008/09", "2009/10", "2010/11", "2011/12", "2012/13", "2013/14", "2014/15"];

describe("loadReportData on the repository", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("loads 8 years × 4 grades of outcome shares", async () => {
    const data = await load(repo);
    const outcomesByYear = data.table(inspectionOutcomesByYear);
    expect(data.provenance.map((e) => e.file)).toEqual(expect.arrayContaining([EXCEPTIONS, OUTCOMES]));
    expect(outcomesByYear.file).toBe(OUTCOMES);
    expect(outcomesByYear.rows).toHaveLength(32);
    expect([...new Set(outcomesByYear.rows.map((r) => r.row.year))]).toEqual(YEARS);
    for (const year of YEARS) {
      expect(outcomesByYear.rows.filter((r) => r.row.year === year).map((r) => r.row.grade)).toEqual([...GRADES]);
    }
    // One row per line after the header.
    expect(outcomesByYear.rows.map((r) => r.line)).toEqual(Array.from({ length: 32 }, (_, i) => i + 2));
    expect(outcomesByYear.rows[14]).toMatchObject({ line: 16, row: { year: "2010/11", grade: "good", percent: 46 } });
  });

  it("uses the one listed exception, for 2010/11", async () => {
    const claim = vi.spyOn(ExceptionLedger.prototype, "claim");
    const { exceptions } = await load(repo);
    expect(exceptions.all()).toEqual([{ file: OUTCOMES, check: SHARES_SUM_CHECK, key: "2010/11", note: expect.stringContaining("111%"), line: 2 }]);
    // Only the group outside the rounding tolerance asks for an exception, and gets it.
    expect(claim.mock.calls).toEqual([[OUTCOMES, SHARES_SUM_CHECK, "2010/11"]]);
    expect(claim.mock.results[0].value).toBe(exceptions.all()[0]);
  });
});

describe("loadReportData on a changed copy", () => {
  let root: string;
  const at = (file: string) => path.join(root, file);

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "report-data-"));
    await cp(path.join(repo, "data"), at("data"), { recursive: true });
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("fails at the 2010/11 shares when the known exception is removed", async () => {
    await writeFile(at(EXCEPTIONS), "file,check,key,note\n");
    await expect(signProvenance(root)).resolves.toEqual([EXCEPTIONS]);
    // Line 14 is the first 2010/11 row; column 3 is percent; 21 + 41 + 46 + 3 = 111.
    expect((await readFile(at(OUTCOMES), "utf8")).split("\n")[13]).toMatch(/^2010\/11,inadequate,21,/);
    await expectDataError(
      () => load(root),
      `${OUTCOMES}:14:3: the shares for year 2010/11 add up to 111, not 100 (allowing ±2 for rounding); if this is how the source publishes it, list it in ${EXCEPTIONS}`,
    );
  });

  it("fails on a stale exception when the data no longer needs it", async () => {
    // Correct 2010/11 good from 46 to 35 so the year adds up to 100.
    const text = await readFile(at(OUTCOMES), "utf8");
    await writeFile(at(OUTCOMES), text.replace("2010/11,good,46,", "2010/11,good,35,"));
    await expect(signProvenance(root)).resolves.toEqual([OUTCOMES]);
    await expectDataError(
      () => load(root),
      `${EXCEPTIONS}:2:1: the known exception ${SHARES_SUM_CHECK} for 2010/11 in ${OUTCOMES} no longer occurs; remove it from the list`,
    );
  });

  it("checks provenance before loading any dataset", async () => {
    await writeFile(at(EXCEPTIONS), "file,check,key,note\n");
    const error = await dataErrorOf(() => load(root));
    // The ledger's line for the known exceptions, column 6 (its sha256).
    const line = (await readFile(at("data/README.md"), "utf8")).split("\n").findIndex((text) => text.startsWith(`| \`${EXCEPTIONS}\``)) + 1;
    expect(line).toBeGreaterThan(0);
    expect(error.message).toMatch(new RegExp(`^data/README\\.md:${line}:6: data/known-exceptions\\.csv has changed since its sha256 was recorded \\(its sha256 is [0-9a-f]{64}\\)`));
  });
});
