import { describe, expect, it } from "vitest";
import { analyseIlacs, type IlacsRow } from "../../../scripts/report/ilacs/compute.ts";
import { ilacsStats } from "../../../scripts/report/ilacs/stats.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";

const row = (council_code: string, published: string, overall: IlacsRow["overall"], subs: Partial<IlacsRow> = {}): IlacsRow => ({ council_code, published, overall, inspection_type: "standard", ...subs });

// Made-up: three councils in two regions, reports 2018–2020; the data end on 30 June 2020.
const ROWS: IlacsRow[] = [
  row("A", "2018-03-01", "inadequate", { leadership: "inadequate", help_protection: "inadequate" }),
  row("A", "2019-06-01", "good", { leadership: "good", help_protection: "requires_improvement" }),
  row("B", "2018-05-01", "requires_improvement", { leadership: "good" }),
  row("B", "2019-09-01", "requires_improvement"),
  row("C", "2019-02-01", "outstanding"),
  row("C", "2020-06-30", "good"),
];
const analysis = analyseIlacs(
  {
    rows: ROWS,
    earlierReports: [],
    councils: [
      { code: "A", region: "North East" },
      { code: "B", region: "North East" },
      { code: "C", region: "Yorkshire and The Humber" },
    ],
  },
  { spellsSince: "2013-11-01" },
);
const stats = new StatRegistry(ilacsStats(analysis, 33));

describe("ilacsStats", () => {
  it("dates and counts the data", () => {
    expect([stats.format("ilacs.first"), stats.format("ilacs.asOf"), stats.format("ilacs.reports"), stats.format("ilacs.councils")]).toEqual(["1 March 2018", "30 June 2020", "6", "3"]);
  });

  it("gives each year's shares and the last full year", () => {
    // 2018: A inadequate, B RI → 50% each. 2019: A good, B RI, C outstanding → 33% each.
    // Shares of fewer than 30 reports carry their counts.
    expect([stats.format("ilacs.year.2018.inadequate"), stats.format("ilacs.year.2019.outstanding")]).toEqual(["50% (1 of 2)", "33% (1 of 3)"]);
    // The data run from 1 March 2018 to 30 June 2020, so 2018 and 2020 are part-years and 2019 is
    // the first and last full year; on a three-way tie the best grade is named.
    expect([stats.format("ilacs.years.firstFull"), stats.format("ilacs.years.lastFull"), stats.format("ilacs.lastFull.mostCommon")]).toEqual(["2019", "2019", "Outstanding"]);
    expect(stats.format("ilacs.lastFull.goodOrBetter")).toBe("67% (2 of 3)");
    // No whole year has the 30 reports a headline peak needs, so there is none.
    expect(stats.has("ilacs.inadequate.peak.year")).toBe(false);
  });

  it("compares the share stuck below Good with the 2015 report's", () => {
    // First → latest: A I→G, B RI→RI (stuck), C O→G. 1 of 3 = 33.3%; against 33: +0.3 → "0 percentage points".
    expect([stats.format("ilacs.firstLatest.stuck"), stats.format("ilacs.firstLatest.stuckShare"), stats.format("ilacs.firstLatest.vs2015")]).toEqual(["1", "33% (1 of 3)", "0 percentage points"]);
    expect([stats.format("ilacs.moves.improved.share"), stats.format("ilacs.moves.declined")]).toEqual(["33% (1 of 3)", "1"]);
    expect(stats.format("ilacs.moves.inadequate.good")).toBe("1");
  });

  it("gives the median spell Inadequate in years and months", () => {
    // A: 1 March 2018 → 1 June 2019 = 457 days = 1.25 years = 15.0 months; the one spell, ended,
    // takes the Kaplan–Meier estimate from 1 to 0 at 457 days, with that 1 spell at risk.
    expect([stats.format("ilacs.spells.ended"), stats.format("ilacs.spells.median.years"), stats.format("ilacs.spells.median.months"), stats.format("ilacs.spells.running")]).toEqual(["1", "1.3", "15", "0"]);
    expect([stats.format("ilacs.spells.median.atRisk"), stats.format("ilacs.spells.endedMedian.years")]).toEqual(["1", "1.3"]);
  });

  it("gives sub-judgement agreement and the regional view", () => {
    // Leadership: A I=I, A G=G, B G>RI → 2 of 3 the same.
    expect([stats.format("ilacs.sub.leadership.sameShare"), stats.format("ilacs.sub.leadership.better")]).toEqual(["67% (2 of 3)", "1"]);
    // North East: A good, B RI → 50%; Yorkshire: C good → 100%; England 2 of 3.
    expect([stats.format("ilacs.region.north-east.goodOrBetter"), stats.format("ilacs.england.goodOrBetter")]).toEqual(["50% (1 of 2)", "67% (2 of 3)"]);
    expect([stats.format("ilacs.region.highest"), stats.format("ilacs.region.lowest")]).toEqual(["Yorkshire and The Humber", "North East"]);
  });
});
