import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyseStatements, exhaustionSummary } from "../../../scripts/report/survey/compute.ts";
import { claimSchema } from "../../../scripts/engine/claims/dataset.ts";
import REPORT from "../../../scripts/report/index.ts";
import { surveyStatements, workforceExhaustion } from "../../../scripts/report/survey/datasets.ts";
import { loadCsv } from "../../../scripts/engine/data/load.ts";
import { auditClaims } from "../../../scripts/engine/claims/audit.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";
import { camelKey, responseKey, surveyStats, workforceStats } from "../../../scripts/report/survey/stats.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const OPTIONS = { maxN: 80, approximateTolerance: 1 };

async function registry(): Promise<StatRegistry> {
  const survey = await loadCsv(ROOT, surveyStatements.file, surveyStatements.schema);
  const workforce = await loadCsv(ROOT, workforceExhaustion.file, workforceExhaustion.schema);
  const analyses = analyseStatements(survey.rows.map((r) => r.row), OPTIONS);
  return new StatRegistry([...surveyStats(analyses, OPTIONS), ...workforceStats(exhaustionSummary(workforce.rows.map((r) => r.row)))]);
}

describe("survey stat keys", () => {
  it("turn register codes into key parts", () => {
    expect(camelKey("code_of_conduct")).toBe("codeOfConduct");
    expect(camelKey("peer_dcs")).toBe("peerDcs");
    expect(responseKey("agree_or_strongly_agree")).toBe("agree");
    expect(responseKey("unlabelled_chart_segment")).toBe("chartValue");
    expect(() => responseKey("none")).toThrow("no stat key for the response group none");
  });
});

describe("surveyStats on the published register", async () => {
  const stats = await registry();

  it("restates every printed share with its printed decimals", () => {
    expect(stats.format("survey.codeOfConduct.agree")).toBe("65.3%");
    expect(stats.format("survey.codeOfConduct.disagree")).toBe("17.3%");
    expect(stats.format("survey.moratorium.agree")).toBe("44%");
    expect(stats.format("survey.moratorium.disagree")).toBe("39%");
    expect(stats.format("survey.newOrganisation.agree")).toBe("51.4%");
    expect(stats.format("survey.newOrganisation.disagree")).toBe("23.6%");
    expect(stats.format("survey.judgementPhrasing.agree")).toBe("59.2%");
    expect(stats.format("survey.localPartnerships.agree")).toBe("87%");
    expect(stats.format("survey.fiveYearFramework.chartValue")).toBe("60.3%");
    expect(stats.format("survey.removeOutstanding.agree.stated")).toBe("a majority");
    expect(stats.format("survey.codeOfConduct.commentedGuidanceSufficient.stated")).toBe("approximately one in three");
  });

  it("gives the reconstruction: candidates, counts and the share at the largest n", () => {
    expect(stats.format("survey.codeOfConduct.n.candidates")).toBe("75");
    // 49/75 = 65.333…, 13/75 = 17.333…
    expect(stats.get("survey.codeOfConduct.agree.reconstructed").value).toBeCloseTo(65.3333, 4);
    expect(stats.format("survey.codeOfConduct.agree.count")).toBe("49");
    expect(stats.format("survey.codeOfConduct.disagree.count")).toBe("13");
    expect(stats.format("survey.newOrganisation.n.candidates")).toBe("72");
    expect(stats.format("survey.judgementPhrasing.n.candidates")).toBe("49, 71 and 76");
    expect(stats.format("survey.fiveYearFramework.n.candidates")).toBe("58, 63, 68, 73 and 78");
    expect(stats.format("survey.localPartnerships.n.largest")).toBe("79");
    expect(stats.format("survey.localPartnerships.n.halfDown.added")).toBe("8, 16, 24, 32, 40, 48, 56, 64, 72 and 80");
    expect(stats.format("survey.moratorium.n.largest")).toBe("80");
    // 35/80 = 43.75, 31/80 = 38.75
    expect(stats.format("survey.moratorium.agree.reconstructed")).toBe("43.75%");
    expect(stats.format("survey.moratorium.disagree.reconstructed")).toBe("38.75%");
  });

  it("counts pinned statements and those that fit all 80", () => {
    expect(stats.format("survey.n.max")).toBe("80");
    expect(stats.format("survey.pinned.count")).toBe("2");
    expect(stats.format("survey.pinned.statements")).toBe("Introduce a code of conduct for lead councillors; Set up a new body for sector-led improvement");
    expect(stats.format("survey.n.common.candidates")).toBe("none");
    expect(stats.format("survey.n.atMax.count")).toBe("1");
    expect(stats.format("survey.rounding.halfDownMatters.count")).toBe("1");
    // 11 statements: 6 with numbers, 2 in words only (Outstanding, visiting director), 3 with nothing printed.
    expect([stats.format("survey.statements.count"), stats.format("survey.statements.withNumbers.count"), stats.format("survey.statements.wordsOnly.count"), stats.format("survey.statements.notPrinted.count")]).toEqual(["11", "6", "2", "3"]);
  });

  it("gives the remainders where both sides are printed", () => {
    expect(stats.format("survey.codeOfConduct.remainder")).toBe("17.4%");
    expect(stats.format("survey.newOrganisation.remainder")).toBe("25.0%");
    expect(stats.format("survey.moratorium.remainder")).toBe("17%");
    expect(stats.format("survey.moratorium.remainder.uncertainty")).toBe("2.0 percentage points");
    expect(stats.has("survey.judgementPhrasing.remainder")).toBe(false);
  });

  it("restates and sums the workforce figures", () => {
    expect(stats.format("workforce.exhaustion.high")).toBe("73%");
    expect(stats.format("workforce.exhaustion.moderate")).toBe("18%");
    expect(stats.format("workforce.exhaustion.highOrModerate")).toBe("91%");
    // 73 + 18 = 91
    expect(stats.format("workforce.exhaustion.sumOfParts")).toBe("91%");
    expect(stats.format("workforce.exhaustion.difference")).toBe("0 points");
  });

  it("supports every claim in data/claims/survey.csv with the status it records", async () => {
    const claims = await loadCsv(ROOT, "data/claims/survey.csv", claimSchema(REPORT.claims?.groups ?? []));
    // auditClaims throws, naming file:line, if a stat is missing or a status no longer holds.
    const assessed = auditClaims([claims], stats);
    const byStatus = (status: string) => assessed.filter((a) => a.derived === status).map((a) => a.claim.id);
    // The n80 footnotes differ for the five statements whose shares cannot come from 80 respondents.
    expect(byStatus("differs")).toEqual([
      "ch3-survey-judgement-phrasing-n",
      "ch3-survey-five-year-framework-n",
      "ch3-survey-local-partnerships-n",
      "ch3-survey-code-of-conduct-n",
      "ch4-survey-new-organisation-n",
    ]);
    // Every printed share fits some n ≤ 80 (9 shares), plus the moratorium's n80 and the workforce total (73 + 18 = 91):
    // consistent with the report's own figures, as nothing outside the report was counted.
    expect(byStatus("consistent")).toHaveLength(11);
    expect(byStatus("reproduced")).toEqual([]);
    // Words only, no printed result, the comment share, and the two workforce levels we cannot recompute.
    expect(byStatus("not_reproducible")).toHaveLength(9);
    expect(assessed).toHaveLength(25);
  });
});
