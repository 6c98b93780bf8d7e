import { describe, expect, it } from "vitest";
import { completeGrid, ExceptionLedger, SHARES_SUM_CHECK, sharesSumTo100, uniqueKey, type KnownException } from "../../../scripts/engine/data/checks.ts";
import { inspectionOutcomesByYear, type OutcomeShareRow } from "../../../scripts/report/outcomes/datasets.ts";
import { parseCsv } from "../../../scripts/engine/data/load.ts";
import { expectDataError } from "../../helpers/data-error.ts";
import { GRADES } from "../../../scripts/report/shared/grades.ts";

const FILE = "data/t.csv";
const LEDGER = "data/known-exceptions.csv";

/** A table from `year,grade,percent` rows; the first row is on line 2. */
function table(...rows: string[]) {
  const text = ["year,grade,percent,source", ...rows.map((row) => `${row},src`)].join("\n");
  return parseCsv(FILE, text, inspectionOutcomesByYear.schema);
}

/** Four grades for one year with the given shares. */
const year = (span: string, shares: readonly number[]) => GRADES.map((grade, i) => `${span},${grade},${shares[i]}`);

const ledger = (...entries: Omit<KnownException, "note">[]) => new ExceptionLedger(LEDGER, entries.map((e) => ({ note: "as published", ...e })));

describe("uniqueKey", () => {
  const check = uniqueKey<OutcomeShareRow>(["year", "grade"]);

  it("passes when every key occurs once", () => {
    expect(() => check(table(...year("2007/08", [0, 22, 69, 9]), ...year("2008/09", [6, 26, 61, 7])), ledger())).not.toThrow();
  });

  it("points a duplicate at its second occurrence and names the first", async () => {
    const t = table("2007/08,good,69", "2007/08,inadequate,0", "2008/09,good,61", "2007/08,good,70");
    await expectDataError(() => check(t, ledger()), "data/t.csv:5:1: duplicate row for year / grade = 2007/08 / good (first given on line 2)");
  });
});

describe("completeGrid", () => {
  const check = completeGrid<OutcomeShareRow>("year", "grade", GRADES);

  it("passes when every year has every grade, in any order", () => {
    const shuffled = [...year("2008/09", [6, 26, 61, 7])].reverse();
    expect(() => check(table(...year("2007/08", [0, 22, 69, 9]), ...shuffled), ledger())).not.toThrow();
  });

  it("names the missing grades at the first row of the incomplete year", async () => {
    // Lines 2–5: 2007/08 complete; lines 6–7: 2008/09 without good and outstanding.
    const t = table(...year("2007/08", [0, 22, 69, 9]), "2008/09,inadequate,6", "2008/09,ri_or_adequate,26");
    await expectDataError(() => check(t, ledger()), "data/t.csv:6:2: year 2008/09 has no row for grade good, outstanding");
  });
});

describe("sharesSumTo100", () => {
  const check = sharesSumTo100<OutcomeShareRow>("year", "percent");
  const message = (line: number, span: string, total: number, tolerance: number) =>
    `data/t.csv:${line}:3: the shares for year ${span} add up to ${total}, not 100 (allowing ±${tolerance} for rounding); if this is how the source publishes it, list it in ${LEDGER}`;

  it("passes shares that add up to 100 within half a point per share", () => {
    const t = table(
      ...year("2007/08", [0, 22, 69, 9]), // 100
      ...year("2011/12", [3, 47, 44, 5]), // 99
      ...year("2014/15", [28, 55, 18, 0]), // 101
      ...year("2015/16", [28, 55, 19, 0]), // 102: the edge of ±2
    );
    expect(() => check(t, ledger())).not.toThrow();
  });

  it("fails 111 at the first row of that year, in the value column", async () => {
    const t = table(...year("2009/10", [7, 26, 52, 15]), ...year("2010/11", [21, 41, 46, 3]));
    await expectDataError(() => check(t, ledger()), message(6, "2010/11", 111, 2));
  });

  it("fails just outside the tolerance, on either side", async () => {
    await expectDataError(() => check(table(...year("2015/16", [28, 55, 20, 0])), ledger()), message(2, "2015/16", 103, 2));
    await expectDataError(() => check(table(...year("2015/16", [20, 55, 20, 2])), ledger()), message(2, "2015/16", 97, 2));
  });

  it("scales the tolerance with the number of shares", async () => {
    // Two shares allow ±1: 101 passes, 102 does not.
    expect(() => check(table("2007/08,good,60", "2007/08,inadequate,41"), ledger())).not.toThrow();
    await expectDataError(() => check(table("2007/08,good,60", "2007/08,inadequate,42"), ledger()), message(2, "2007/08", 102, 1));
  });

  it("reports decimal totals without floating-point noise", async () => {
    // 10.1 + 20.2 + 30.3 + 50.5 is 111.10000000000001 in floating point.
    await expectDataError(() => check(table(...year("2010/11", [10.1, 20.2, 30.3, 50.5])), ledger()), message(2, "2010/11", 111.1, 2));
  });

  it("lets a listed known exception through and marks it used", () => {
    const exceptions = ledger({ file: FILE, check: SHARES_SUM_CHECK, key: "2010/11", line: 2 });
    expect(() => check(table(...year("2010/11", [21, 41, 46, 3])), exceptions)).not.toThrow();
    expect(() => exceptions.assertAllUsed(new Set([FILE]))).not.toThrow();
  });

  it("does not apply an exception listed for another year, file or check", async () => {
    const t = table(...year("2010/11", [21, 41, 46, 3]));
    const failure = message(2, "2010/11", 111, 2);
    await expectDataError(() => check(t, ledger({ file: FILE, check: SHARES_SUM_CHECK, key: "2011/12", line: 2 })), failure);
    await expectDataError(() => check(t, ledger({ file: "data/other.csv", check: SHARES_SUM_CHECK, key: "2010/11", line: 2 })), failure);
    await expectDataError(() => check(t, ledger({ file: FILE, check: "unique-key", key: "2010/11", line: 2 })), failure);
  });
});

describe("ExceptionLedger.assertAllUsed", () => {
  const check = sharesSumTo100<OutcomeShareRow>("year", "percent");

  it("fails for an exception that was never needed, at its line in the ledger", async () => {
    // 2009/10 adds up to 100, so its listed exception is stale.
    const exceptions = ledger({ file: FILE, check: SHARES_SUM_CHECK, key: "2009/10", line: 3 });
    check(table(...year("2009/10", [7, 26, 52, 15])), exceptions);
    await expectDataError(
      () => exceptions.assertAllUsed(new Set([FILE])),
      "data/known-exceptions.csv:3:1: the known exception shares-sum-to-100 for 2009/10 in data/t.csv no longer occurs; remove it from the list",
    );
  });

  it("names the unused one when another was used", async () => {
    const exceptions = ledger({ file: FILE, check: SHARES_SUM_CHECK, key: "2010/11", line: 2 }, { file: FILE, check: SHARES_SUM_CHECK, key: "2011/12", line: 3 });
    check(table(...year("2010/11", [21, 41, 46, 3]), ...year("2011/12", [3, 47, 44, 5])), exceptions);
    await expectDataError(
      () => exceptions.assertAllUsed(new Set([FILE])),
      "data/known-exceptions.csv:3:1: the known exception shares-sum-to-100 for 2011/12 in data/t.csv no longer occurs; remove it from the list",
    );
  });

  it("ignores exceptions for files that were not checked", () => {
    const exceptions = ledger({ file: "data/other.csv", check: SHARES_SUM_CHECK, key: "2010/11", line: 2 });
    expect(() => exceptions.assertAllUsed(new Set([FILE]))).not.toThrow();
  });
});
