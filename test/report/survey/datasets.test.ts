import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExceptionLedger } from "../../../scripts/engine/data/checks.ts";
import { claimSchema } from "../../../scripts/engine/claims/dataset.ts";
import REPORT from "../../../scripts/report/index.ts";
import { SURVEY_STATEMENTS, surveyStatements, workforceExhaustion } from "../../../scripts/report/survey/datasets.ts";
import { loadCsv, parseCsv } from "../../../scripts/engine/data/load.ts";
import { expectDataError } from "../../helpers/data-error.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FILE = "data/s.csv";
const HEADER = "statement,response,stated,percent,decimals,precision,label,source,note";
const ledger = new ExceptionLedger("data/known-exceptions.csv", []);

/** A survey table from rows without the label, source and note (label defaults per statement). */
const table = (...rows: string[]) => parseCsv(FILE, [HEADER, ...rows.map((r) => (r.split(",").length === 6 ? `${r},Label,src,` : r))].join("\n"), surveyStatements.schema);
const runChecks = (t: ReturnType<typeof table>) => {
  for (const check of surveyStatements.checks) check(t, ledger);
};

describe("the survey register as published", () => {
  it("loads, passes its checks, and covers every statement", async () => {
    const t = await loadCsv(ROOT, surveyStatements.file, surveyStatements.schema);
    expect(() => runChecks(t)).not.toThrow();
    expect([...new Set(t.rows.map((r) => r.row.statement))]).toEqual([...SURVEY_STATEMENTS]);
    // The nine printed percentages of chapters 3 and 4, in the order the report gives them.
    const numbers = t.rows.filter((r) => r.row.percent !== null).map((r) => r.row.percent);
    expect(numbers).toEqual([59.2, 60.3, 87, 65.3, 17.3, 44, 39, 51.4, 23.6]);
    const code = t.rows.find((r) => r.row.statement === "code_of_conduct" && r.row.response === "agree_or_strongly_agree")?.row;
    expect(code).toMatchObject({ stated: "65.3%", percent: 65.3, decimals: 1, precision: "exact" });
  });

  it("keeps the workforce total as printed next to its parts", async () => {
    const t = await loadCsv(ROOT, workforceExhaustion.file, workforceExhaustion.schema);
    for (const check of workforceExhaustion.checks) check(t, ledger);
    expect(t.rows.map((r) => [r.row.level, r.row.percent])).toEqual([
      ["high", 73],
      ["moderate", 18],
      ["high_or_moderate", 91],
    ]);
  });

  it("the survey claims file reads with the claims schema", async () => {
    const t = await loadCsv(ROOT, "data/claims/survey.csv", claimSchema(REPORT.claims?.groups ?? []));
    expect(t.rows.length).toBeGreaterThan(20);
    expect(new Set(t.rows.map((r) => r.row.id)).size).toBe(t.rows.length);
  });
});

describe("survey register checks", () => {
  it("accepts exact, approximate, words and not-printed rows", () => {
    expect(() =>
      runChecks(table("code_of_conduct,agree_or_strongly_agree,65.3%,65.3,1,exact", "moratorium,agree_or_strongly_agree,approximately 44%,44,0,approximate", "peer_dcs,agree_or_strongly_agree,strong agreement,,,words", "future_role,none,,,,not_printed")),
    ).not.toThrow();
  });

  it("requires the stated text to show the percent with its decimals", async () => {
    // 65.3 with 2 decimals should read 65.30.
    await expectDataError(() => runChecks(table("code_of_conduct,agree_or_strongly_agree,65.3%,65.3,2,exact")), `${FILE}:2:3: the stated text "65.3%" does not show 65.30, the percent with 2 decimals`);
    // "144%" does not show 44 as a whole token.
    await expectDataError(() => runChecks(table("moratorium,agree_or_strongly_agree,144%,44,0,exact")), `${FILE}:2:3: the stated text "144%" does not show 44, the percent with 0 decimals`);
  });

  it("ties numbers to the precision", async () => {
    await expectDataError(() => runChecks(table("code_of_conduct,agree_or_strongly_agree,65.3%,,1,exact")), `${FILE}:2:4: a value printed as exact needs both percent and decimals`);
    await expectDataError(() => runChecks(table("peer_dcs,agree_or_strongly_agree,strong agreement,80,0,words")), `${FILE}:2:4: a value printed as words has no number; leave percent and decimals empty`);
    await expectDataError(() => runChecks(table("future_role,none,something,,,not_printed")), `${FILE}:2:3: nothing was printed, so stated must be empty`);
    await expectDataError(() => runChecks(table("peer_dcs,agree_or_strongly_agree,,,,words")), `${FILE}:2:3: the stated value is empty`);
  });

  it("wants one label per statement", async () => {
    await expectDataError(
      () => runChecks(table("moratorium,agree_or_strongly_agree,44%,44,0,exact,Pause,src,", "moratorium,disagree_or_strongly_disagree,39%,39,0,exact,Stop,src,")),
      `${FILE}:3:7: statement moratorium is labelled differently here than on line 2`,
    );
  });

  it("refuses shares of one statement above 100 plus rounding", async () => {
    // 65.3 + 35.0 = 100.3 > 100 + 0.05 + 0.05.
    await expectDataError(
      () => runChecks(table("code_of_conduct,agree_or_strongly_agree,65.3%,65.3,1,exact", "code_of_conduct,disagree_or_strongly_disagree,35.0%,35,1,exact")),
      `${FILE}:2:4: the shares of statement code_of_conduct add up to 100.3, more than 100 (allowing 0.1 for rounding)`,
    );
    // Approximate shares get their tolerance: 60 + 41 = 101 ≤ 100 + 1 + 1.
    expect(() => runChecks(table("moratorium,agree_or_strongly_agree,about 60%,60,0,approximate", "moratorium,disagree_or_strongly_disagree,about 41%,41,0,approximate"))).not.toThrow();
  });

  it("rejects a duplicate statement and response", async () => {
    await expectDataError(
      () => runChecks(table("moratorium,agree_or_strongly_agree,44%,44,0,exact", "moratorium,agree_or_strongly_agree,45%,45,0,exact")),
      `${FILE}:3:1: duplicate row for statement / response = moratorium / agree_or_strongly_agree (first given on line 2)`,
    );
  });

  it("reports bad cells at their column", async () => {
    await expectDataError(() => table("code_of_conduct,agree_or_strongly_agree,65.3%,65.3,1.5,exact"), `${FILE}:2:5: decimals: "1.5" is not a whole number`);
    await expectDataError(() => table("code_of_conduct,agree_or_strongly_agree,101%,101,0,exact"), `${FILE}:2:4: percent: 101% is above the maximum of 100%`);
  });
});

describe("workforce checks", () => {
  const wf = (...rows: string[]) => parseCsv("data/w.csv", ["measure,level,stated,percent,source", ...rows.map((r) => `${r},src`)].join("\n"), workforceExhaustion.schema);

  it("refuses levels that add up to more than 100", async () => {
    const t = wf("emotional_exhaustion,high,73%,73", "emotional_exhaustion,moderate,38%,38");
    await expectDataError(() => workforceExhaustion.checks.forEach((c) => c(t, ledger)), "data/w.csv:2:4: the levels of emotional_exhaustion add up to 111, more than 100");
  });
});
