/**
 * The council pages' words and the index's orders, on made-up histories worked by hand:
 * the inspection days, the summary that leads with the latest report (graded or not), the
 * passage on the 2015 report's cohort, and the four orders of the index.
 */
import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "../../../scripts/report/councils/history.ts";
import { namesInWords } from "../../../scripts/report/councils/figures.ts";
import { cohortMention, councilIndex, inspectionDays, latestReportSentences, type CouncilIndexRow } from "../../../scripts/report/councils/pages.ts";

const entry = (council_code: string, published: string, overall: HistoryEntry["overall"], more: Partial<HistoryEntry> = {}): HistoryEntry => ({
  council_code,
  published,
  started: null,
  ended: null,
  family: "ilacs",
  inspection: "ILACS standard inspection",
  headline: true,
  overall,
  subs: [],
  reportUrl: null,
  ungradedReason: overall === null ? "no-grade-after-reform" : null,
  ...more,
});
const NAMES = new Map([["N", "Newshire"], ["P", "Oldshire"]]);

describe("inspectionDays", () => {
  it("writes the days as briefly as they read: within a month, across months, across years, the first day alone", () => {
    expect(inspectionDays("2025-09-01", "2025-09-12")).toBe("1 to 12 September 2025");
    expect(inspectionDays("2025-04-28", "2025-05-09")).toBe("28 April to 9 May 2025");
    expect(inspectionDays("2025-12-29", "2026-01-09")).toBe("29 December 2025 to 9 January 2026");
    expect(inspectionDays("2019-09-09", null)).toBe("began 9 September 2019");
    expect(inspectionDays("2019-09-09", "2019-09-09")).toBe("9 September 2019");
    expect(inspectionDays(null, null)).toBeNull();
  });
});

describe("latestReportSentences", () => {
  it("leads with a report without an overall grade, says what it found, then gives the latest grade", () => {
    const history = [
      entry("N", "2022-11-25", "requires_improvement"),
      entry("N", "2026-07-07", null, { started: "2026-05-11", ended: "2026-05-22", subs: [{ label: "Leadership", grade: "outstanding" }, { label: "Care leavers", grade: "good" }] }),
    ];
    expect(latestReportSentences("Newshire", history, new Set(["N"]), NAMES)).toEqual([
      "Newshire's latest inspection report, published on 7 July 2026 (inspection 11 to 22 May 2026), gave no overall grade: since Ofsted's reform of the inspections, reports no longer give one.",
      "It judged leadership Outstanding; care leavers Good.",
      "The latest report with an overall grade, published on 25 November 2022, judged it requires improvement to be good.",
    ]);
  });

  it("takes the council's own reports before its predecessor's, however recent", () => {
    const history = [entry("P", "2024-01-10", "inadequate"), entry("N", "2023-06-01", "good", { started: "2023-04-17" })];
    expect(latestReportSentences("Newshire", history, new Set(["N"]), NAMES)).toEqual(["Newshire's latest inspection report, published on 1 June 2023 (inspection began 17 April 2023), judged it Good."]);
  });

  it("names the predecessor when the council has no report of its own", () => {
    const history = [entry("P", "2019-07-29", "inadequate")];
    expect(latestReportSentences("Newshire", history, new Set(["N"]), NAMES)).toEqual([
      "There is no report on Newshire itself yet; the latest on the council it replaced, Oldshire, published on 29 July 2019, judged it Inadequate.",
    ]);
  });
});

describe("cohortMention", () => {
  const cohort = { year: 2013, reportCouncils: 29, matchesReport: true, reading: "SIF reports of 2013/14", members: new Map([["P", "inadequate" as const], ["S", "ri_or_good" as const]]), groupSizes: { inadequate: 5, ri_or_good: 24 }, figureKey: "recount-cohort-readings" };

  it("says when the council, or a council it replaced, is in the cohort as the recount reads it, with the figure to link", () => {
    expect(cohortMention("Oldshire", ["P"], new Set(["P"]), NAMES, cohort)).toEqual([
      {
        text: "The 2015 report compares the councils inspected in 2013, 29 of them, before and after their inspections, without naming them. Under the reading of its rule that gives those 29 (SIF reports of 2013/14), Oldshire is one of the 5 judged Inadequate.",
        figureKey: "recount-cohort-readings",
        page: null,
      },
    ]);
    expect(cohortMention("Newshire", ["N", "P"], new Set(["N"]), NAMES, cohort).map((m) => m.text)).toEqual([
      "The 2015 report compares the councils inspected in 2013, 29 of them, before and after their inspections, without naming them. Under the reading of its rule that gives those 29 (SIF reports of 2013/14), Oldshire, which Newshire replaced, is one of the 5 judged Inadequate.",
    ]);
  });

  it("says nothing of a council outside the cohort, and says so when no reading matches the report's count", () => {
    expect(cohortMention("Newshire", ["N"], new Set(["N"]), NAMES, cohort)).toEqual([]);
    const [m] = cohortMention("Oldshire", ["P"], new Set(["P"]), NAMES, { ...cohort, matchesReport: false });
    expect(m.text).toContain("No reading of its rule gives those 29; under the closest we tried (SIF reports of 2013/14), Oldshire is one of the 5 judged Inadequate.");
  });
});

describe("councilIndex", () => {
  const row = (listedName: string, region: string, gradeKey: CouncilIndexRow["gradeKey"], latestIso: string | null): CouncilIndexRow => ({
    name: listedName,
    listedName,
    url: `/councils/${listedName}/`,
    region,
    search: listedName.toLowerCase(),
    status: "current",
    since: null,
    grade: gradeKey,
    gradeKey,
    gradedOn: null,
    latest: latestIso,
    latestIso,
    latestUngraded: false,
  });
  const rows = [row("Dorset", "South West", "good", "2026-02-20"), row("Barnet", "Outer London", "good", "2024-07-23"), row("Dorset, until 2019", "South West", "requires_improvement", "2016-05-23"), row("Anyshire", "North East", null, null), row("Cumbria, until 2023", "North West", "outstanding", "2022-11-15")];
  const names = (id: string) => councilIndex(rows).orders.find((o) => o.id === id)?.rows.map((r) => r.listedName);

  it("orders by name (the default, first), region, best grade and newest report; ties by name; no grade or report last", () => {
    expect(councilIndex(rows).orders.map((o) => o.id)).toEqual(["by-name", "by-region", "by-grade", "by-date"]);
    expect(names("by-name")).toEqual(["Anyshire", "Barnet", "Cumbria, until 2023", "Dorset", "Dorset, until 2019"]);
    expect(names("by-region")).toEqual(["Anyshire", "Cumbria, until 2023", "Barnet", "Dorset", "Dorset, until 2019"]);
    expect(names("by-grade")).toEqual(["Cumbria, until 2023", "Barnet", "Dorset", "Dorset, until 2019", "Anyshire"]);
    expect(names("by-date")).toEqual(["Dorset", "Barnet", "Cumbria, until 2023", "Dorset, until 2019", "Anyshire"]);
  });
});

describe("namesInWords", () => {
  it("puts a name with its own 'and' last, so the list's 'and' comes first", () => {
    expect(namesInWords(["Bournemouth, Christchurch and Poole", "Dorset"])).toBe("Dorset and Bournemouth, Christchurch and Poole");
    expect(namesInWords(["Bournemouth", "Dorset", "Poole"])).toBe("Bournemouth, Dorset and Poole");
  });
});
