import { describe, expect, it } from "vitest";
import { analyseIlacs, consecutiveMoves, firstToLatest, gradesByYear, inadequateSpells, kaplanMeier, latestByRegion, median, subJudgementAgreement, type IlacsRow } from "../../../scripts/report/ilacs/compute.ts";

const row = (council_code: string, published: string, overall: IlacsRow["overall"], subs: Partial<IlacsRow> = {}): IlacsRow => ({ council_code, published, overall, inspection_type: "standard", ...subs });

// Made-up councils A–E.
const ROWS: IlacsRow[] = [
  row("A", "2018-06-01", "inadequate"),
  row("A", "2020-02-01", "requires_improvement"),
  row("A", "2023-05-01", "good"),
  row("B", "2018-09-01", "requires_improvement"),
  row("B", "2022-03-01", "requires_improvement"),
  row("C", "2019-01-15", "good"),
  row("C", "2022-11-01", "inadequate"),
  // After the reform: no grade; it neither pairs nor counts as graded.
  row("C", "2026-06-01", null),
  row("D", "2021-04-01", "outstanding"),
  row("E", "2019-07-01", "inadequate"),
  row("E", "2021-07-01", "inadequate"),
];

describe("gradesByYear", () => {
  const years = gradesByYear(ROWS);

  it("has every year from the first to the last, empty years included", () => {
    expect(years.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(years.find((y) => y.year === 2024)?.graded).toBe(0);
  });

  it("counts grades and shares of the graded by year of publication", () => {
    // 2018: A inadequate, B requires improvement → 50% each.
    expect(years[0]).toMatchObject({ graded: 2, ungraded: 0, counts: { inadequate: 1, requires_improvement: 1, good: 0, outstanding: 0 }, shares: { inadequate: 50, requires_improvement: 50, good: 0, outstanding: 0 } });
    // 2022: B requires improvement, C inadequate.
    expect(years.find((y) => y.year === 2022)?.counts).toEqual({ inadequate: 1, requires_improvement: 1, good: 0, outstanding: 0 });
    expect(years.find((y) => y.year === 2026)).toMatchObject({ graded: 0, ungraded: 1 });
  });
});

describe("consecutiveMoves", () => {
  it("pairs each council's consecutive graded reports", () => {
    const moves = consecutiveMoves(ROWS);
    // A: I→RI, RI→G; B: RI→RI; C: G→I (the ungraded 2026 report is skipped); E: I→I. D has one report.
    expect(moves.pairs).toBe(5);
    expect([moves.improved, moves.stayed, moves.declined]).toEqual([2, 2, 1]);
    expect(moves.matrix.inadequate).toEqual({ inadequate: 1, requires_improvement: 1, good: 0, outstanding: 0 });
    expect(moves.matrix.good.inadequate).toBe(1);
    expect([moves.stayedInadequate, moves.stayedRequiresImprovement]).toEqual([1, 1]);
  });
});

describe("firstToLatest", () => {
  it("compares first and latest graded report and finds the councils stuck below Good", () => {
    const result = firstToLatest(ROWS);
    // A: I→G improved; B: RI→RI stuck; C: G→I declined; E: I→I stuck. 2 of 4 = 50%.
    expect([result.councils, result.improved, result.declined, result.stuck]).toEqual([4, 1, 1, 2]);
    expect(result.stuckShare).toBe(50);
  });
});

describe("inadequateSpells", () => {
  const reports = [
    // A SIF report of 2016, Inadequate; A's first ILACS report (2018-06-01) is Inadequate too, so
    // the spell runs on to its next report, requires improvement, on 2020-02-01.
    { council_code: "A", published: "2016-05-03", overall: "inadequate" as const },
    ...ROWS,
  ];

  it("measures spells from the first Inadequate report to the next better one", () => {
    const summary = inadequateSpells(reports, "2014-01-01", "2026-08-31");
    const a = summary.spells.find((s) => s.council_code === "A");
    // 3 May 2016 → 1 February 2020: 2016-05-03 → 2019-05-03 is 1,095 days (no 29 February between: 2016's is before May),
    // 2019-05-03 → 2020-02-01 is 274 days (28 + 30 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 1): 1,369.
    expect(a).toEqual({ council_code: "A", from: "2016-05-03", to: "2020-02-01", days: 1369, ended: true });
    // C: judged Inadequate on 2022-11-01, then no graded report: still running at 2026-08-31.
    const c = summary.spells.find((s) => s.council_code === "C");
    expect(c).toMatchObject({ from: "2022-11-01", to: null, ended: false });
    // E: Inadequate twice in a row, one spell, still running.
    expect(summary.spells.filter((s) => s.council_code === "E")).toHaveLength(1);
    expect([summary.ended, summary.running, summary.medianDays]).toEqual([1, 2, 1369]);
    // Ended: A, 1,369 days = 3.7 years, in the "3 years" bucket. Running to 2026-08-31:
    // C from 2022-11-01, 1,096 days to 2025-11-01 (29 February 2024 between) + 303 = 1,399 days = 3.8 years;
    // E from 2019-07-01, 2,557 days to 2026-07-01 (two 29 Februaries) + 61 = 2,618 days = 7.2 years.
    const bucket = (years: number, ended: number, running: number) => ({ years, ended, running });
    expect(summary.byYears).toEqual([bucket(0, 0, 0), bucket(1, 0, 0), bucket(2, 0, 0), bucket(3, 1, 1), bucket(4, 0, 0), bucket(5, 0, 0), bucket(6, 0, 0), bucket(7, 0, 1)]);
  });

  it("leaves out spells that began before the start date", () => {
    const summary = inadequateSpells(reports, "2017-01-01", "2026-08-31");
    expect(summary.spells.map((s) => s.council_code)).toEqual(["C", "E"]);
    expect(summary.medianDays).toBeUndefined();
  });

  it("takes the median as the middle value, or the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeUndefined();
  });
});

describe("kaplanMeier", () => {
  it("censors running spells instead of leaving them out, and reads the median where the estimate reaches one half", () => {
    // Lengths 100, 200 (running), 300, 400, 500 (running) days, worked by hand:
    // t=100: 5 at risk, 1 ends → S = 4/5 = 0.8; t=200: 1 censored, S stays 0.8;
    // t=300: 3 at risk, 1 ends → S = 0.8 × 2/3 = 0.5333; t=400: 2 at risk, 1 ends → S = 0.5333 × 1/2 = 0.2667 ≤ ½: the median, 2 at risk;
    // t=500: 1 censored. Ended spells alone (100, 300, 400) would give a median of 300.
    const km = kaplanMeier([
      { days: 100, ended: true },
      { days: 200, ended: false },
      { days: 300, ended: true },
      { days: 400, ended: true },
      { days: 500, ended: false },
    ]);
    expect(km.steps.map((s) => [s.days, s.atRisk, s.events, s.censored])).toEqual([
      [100, 5, 1, 0],
      [200, 4, 0, 1],
      [300, 3, 1, 0],
      [400, 2, 1, 0],
      [500, 1, 0, 1],
    ]);
    expect(km.steps.map((s) => s.survival)).toEqual([0.8, 0.8, expect.closeTo(8 / 15, 12), expect.closeTo(4 / 15, 12), expect.closeTo(4 / 15, 12)]);
    expect(km.median).toEqual({ days: 400, atRisk: 2 });
  });

  it("has no median while more than half are still running", () => {
    expect(kaplanMeier([{ days: 10, ended: true }, { days: 20, ended: false }, { days: 30, ended: false }]).median).toBeUndefined();
  });
});

describe("subJudgementAgreement", () => {
  it("compares each sub-judgement with the overall grade of the same report", () => {
    const rows = [
      row("A", "2019-01-01", "good", { leadership: "good", help_protection: "requires_improvement", in_care: "outstanding", care_leavers: null }),
      row("B", "2019-02-01", "inadequate", { leadership: "inadequate", help_protection: "inadequate", in_care: "requires_improvement", care_leavers: "inadequate" }),
      row("C", "2026-06-01", null, { leadership: "good" }),
    ];
    const bySub = Object.fromEntries(subJudgementAgreement(rows).map((s) => [s.sub, s]));
    expect(bySub.leadership).toMatchObject({ reports: 2, same: 2, better: 0, worse: 0, sameShare: 100 });
    expect(bySub.help_protection).toMatchObject({ reports: 2, same: 1, better: 0, worse: 1, sameShare: 50 });
    expect(bySub.in_care).toMatchObject({ reports: 2, same: 0, better: 2, worse: 0 });
    // A's care leavers were not judged separately: one report.
    expect(bySub.care_leavers).toMatchObject({ reports: 1, same: 1, first: "2019-02-01" });
    // C's report has no overall grade: not counted, and not the first.
    expect(bySub.leadership.first).toBe("2019-01-01");
  });
});

describe("latestByRegion", () => {
  it("counts each council's latest graded report by region and for England", () => {
    const councils = [
      { code: "A", region: "North" },
      { code: "B", region: "North" },
      { code: "C", region: "South" },
      { code: "D", region: "South" },
      // No ILACS report: not counted.
      { code: "F", region: "South" },
    ];
    const result = latestByRegion(ROWS, councils);
    // North: A good, B RI → 50% good or better. South: C inadequate (its 2026 report has no grade), D outstanding.
    expect(result.regions.map((r) => [r.region, r.councils, r.goodOrBetterShare])).toEqual([
      ["North", 2, 50],
      ["South", 2, 50],
    ]);
    expect(result.latest.get("C")?.published).toBe("2022-11-01");
    // England: A, B, C, D (E is in no listed region) → 2 of 4 good or better.
    expect(result.england).toMatchObject({ councils: 4, goodOrBetterShare: 50, belowGoodShare: 50 });
  });
});

describe("analyseIlacs", () => {
  it("puts the parts together, dating the data by its latest report", () => {
    const result = analyseIlacs(
      { rows: ROWS, earlierReports: [{ council_code: "B", published: "2015-03-01", overall: "inadequate" }], councils: [{ code: "A", region: "North" }] },
      { spellsSince: "2014-01-01" },
    );
    expect([result.first, result.asOf, result.reports, result.graded, result.councils]).toEqual(["2018-06-01", "2026-06-01", 11, 10, 5]);
    // B's SIF spell (Inadequate 2015-03-01) ends with its first ILACS report, requires improvement, on 2018-09-01.
    expect(result.spells.spells.find((s) => s.council_code === "B")).toMatchObject({ from: "2015-03-01", to: "2018-09-01", ended: true });
    expect(result.regional.england.councils).toBe(1);
  });

  it("refuses to analyse nothing", () => {
    expect(() => analyseIlacs({ rows: [], earlierReports: [], councils: [] }, { spellsSince: "2014-01-01" })).toThrow("no ILACS reports");
  });
});
