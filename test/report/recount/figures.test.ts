/**
 * The recount figures on the real data: titles and captions state the finding from the
 * recounted values, and the plotted rows are the recount next to the published values.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { FigureDefinition } from "../../../scripts/engine/figures/types.ts";
import { recount } from "../../../scripts/report/recount/family.ts";
import type { StatRegistry } from "../../../scripts/engine/stats/registry.ts";
import { familyOutput, realReport, SAMPLE_ROOT } from "../../helpers/report.ts";

let byKey: Map<string, FigureDefinition>;
let stats: StatRegistry;
beforeAll(async () => {
  byKey = new Map(((await familyOutput(recount)).figures ?? []).map((f) => [f.key, f]));
  stats = (await realReport()).stats;
});
const figure = (key: string) => {
  const f = byKey.get(key);
  if (!f) throw new Error(`no figure ${key}`);
  return f;
};

describe("recount-counting-rules", () => {
  it("says which rule reproduces which year", () => {
    expect(figure("recount-counting-rules").title).toBe(
      "One of the 8 counting rules tried, “SIF by start date, child protection inspections six weeks before publication”, reproduces the report's grade shares for both 2013/14 and 2014/15 exactly",
    );
  });

  it("plots the published row and every rule for both years, and states every rule for the Methods page", () => {
    const f = figure("recount-counting-rules");
    // 2 years × (published + 8 rules) × 4 grades.
    expect(f.rows).toHaveLength(72);
    const row = (year: string, rule: string, grade: string) => f.rows.find((r) => r.year === year && r.rule === rule && r.grade === grade);
    expect(row("2013/14", "Published in the report", "Inadequate")?.percent).toBe(30);
    // 11 of 40 = 27.5% → 28%, as published.
    expect(row("2014/15", "SIF, by start date, undated with their batch", "Inadequate")).toMatchObject({ percent: 28, reproduces: "yes", judgements: 40 });
    // 3 of 17 = 17.6% → 18%, against the published 30%.
    expect(row("2013/14", "SIF, by start date, undated with their batch", "Inadequate")).toMatchObject({ percent: 18, reproduces: "no", judgements: 17 });
    // The rules are defined in Methods, from their stats; the caption points there.
    expect(stats.format("recount.rule.startDateFilled")).toContain("a SIF judgement whose start date is not known takes the earliest start date of the SIF reports published the same day");
    expect(f.caption).toContain("Methods defines each rule");
    // 8 of 27 = 29.6% → 30%, as published: the rule with child protection inspections.
    expect(row("2013/14", "SIF by start date, child protection inspections six weeks before publication", "Inadequate")).toMatchObject({ percent: 30, reproduces: "yes", judgements: 27 });
    expect(f.source).toMatch(/^Ofsted, official statistics/);
    expect(f.source).toContain("report PDFs");
    expect(f.source).toContain("importer");
  });
});

describe("recount-repeat-inspections", () => {
  it("names the counts the recount gives and the two it does not", () => {
    const f = figure("recount-repeat-inspections");
    expect(f.title).toBe(
      "Recounting Ofsted's judgements gives the report's 86 councils judged twice or more, 16 that became Inadequate and 5 that stayed Inadequate, but 25 that stayed requires improvement (report: 23) and 20 that moved from Inadequate towards Good (report: 18)",
    );
    expect(f.rows.map((r) => r.councils)).toEqual([86, 86, 16, 16, 5, 5, 23, 25, 18, 20]);
    // (5 + 25) / 86 = 34.9%; 5 / 25 = 20%; 25 / 40 = 62.5%.
    // The shares recomputed, which Methods quotes: (5 + 25) / 86 = 34.9%; 5 / 25 = 20%; 25 / 40 = 62.5%.
    expect(["recount.repeat.stayedLow", "recount.repeat.stayedLow.share.exact"].map((k) => stats.format(k))).toEqual(["30", "34.9%"]);
    expect(["recount.repeat.firstInadequate", "recount.repeat.stayedInadequate.share.exact"].map((k) => stats.format(k))).toEqual(["25", "20.0%"]);
    expect(["recount.repeat.firstRi", "recount.repeat.stayedRi.share.exact"].map((k) => stats.format(k))).toEqual(["40", "62.5%"]);
    expect([stats.format("recount.repeat.from"), stats.format("recount.repeat.to")]).toEqual(["January 2010", "March 2015"]);
  });
});

describe("recount-cohort-readings", () => {
  it("names the one reading that gives the report's 29 councils, and plots every reading by group", () => {
    const f = figure("recount-cohort-readings");
    expect(f.title).toBe("Of 6 readings of “inspected in 2013”, only “SIF reports of 2013/14” gives the report's 29 councils");
    // 6 readings × 2 groups; the groups of each reading add up to its total.
    expect(f.rows).toHaveLength(12);
    const total = (reading: string) => f.rows.filter((r) => r.reading === reading).reduce((sum, r) => sum + Number(r.councils), 0);
    expect(["SIF started in 2013", "Child protection inspection in 2013", "Inspected in 2013", "Judged in 2013", "Inspected in 2013/14", "SIF reports of 2013/14"].map(total)).toEqual([5, 28, 33, 33, 27, 29]);
    expect(f.rows.filter((r) => r.matches === "yes").map((r) => `${r.reading}: ${r.group} ${r.councils}`)).toEqual(["SIF reports of 2013/14: Inadequate 5", "SIF reports of 2013/14: RI or Good 24"]);
    expect(f.caption).toContain("it does not prove these are the same councils");
    expect(stats.format("recount.cohort.reading.sifSchoolYear.rule")).toBe("councils whose SIF report (first inspection or re-inspection) was published from September 2013 to August 2014, the framework's first school year");
  });
});

describe("recount-cohort-demand", () => {
  it("states the demand of the reading used, by group, against every council", () => {
    const f = figure("recount-cohort-demand");
    expect(f.title).toBe(
      "Among the 29 councils of the reading “SIF reports of 2013/14”, referrals per 10,000 children rose by 145.1 in the 5 rated Inadequate and rose by 60.2 in 23 of the 24 rated RI or Good between the years to March 2013 and 2014",
    );
    // 2 measures × 2 views × 3 series.
    expect(f.rows).toHaveLength(12);
    // Methods says why the report's 2012 cannot be recounted, and what is left out, from these stats.
    expect(stats.format("recount.demand.firstYear")).toBe("2013");
    expect(stats.format("recount.cohort.demand.leftOut")).toBe("2");
  });
});

describe("on the report sample's made-up data", () => {
  it("builds all five from a handful of councils", async () => {
    const figures = (await familyOutput(recount, SAMPLE_ROOT)).figures ?? [];
    expect(figures.map((f) => f.key)).toEqual(["recount-counting-rules", "recount-repeat-inspections", "recount-cohort-readings", "recount-cohort-demand", "recount-indicator-search"]);
    expect(figures[0].title).toBe("None of the 8 counting rules reproduces the report's 2013/14 or 2014/15 shares");
  });
});
