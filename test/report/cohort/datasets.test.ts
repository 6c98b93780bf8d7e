import { describe, expect, it } from "vitest";
import { ExceptionLedger } from "../../../scripts/engine/data/checks.ts";
import { cohort2013Design, cohort2013Indicators } from "../../../scripts/report/cohort/datasets.ts";
import { measureValues } from "../../../scripts/report/shared/measures.ts";
import { parseCsv } from "../../../scripts/engine/data/load.ts";
import { checkedRows } from "../../helpers/report.ts";
import { expectDataError } from "../../helpers/data-error.ts";

const FILE = "data/c.csv";
const ledger = new ExceptionLedger("data/known-exceptions.csv", []);
/** Rows `indicator,group,measure,value,unit` on lines 2, 3, …; the source is filled in. */
const parse = (...rows: string[]) => parseCsv(FILE, ["indicator,group,measure,value,unit,source", ...rows.map((r) => `${r},ch. 2`)].join("\n"), cohort2013Indicators.schema);
const check = (t: ReturnType<typeof parse>) => {
  for (const c of cohort2013Indicators.checks) c(t, ledger);
};

describe("data/national/cohort-2013-indicators.csv as published", () => {
  it("loads, passes its checks and keeps the printed changes signed as described", async () => {
    const rows = await checkedRows(cohort2013Indicators);
    const value = (indicator: string, group: string, measure: string) => rows.find((r) => r.indicator === indicator && r.group === group && r.measure === measure)?.value;
    expect(value("ia_timeliness", "inadequate", "before")).toBe(68.62);
    expect(value("ia_timeliness", "inadequate", "after")).toBe(52.63);
    // Printed as a deterioration of 15.89: kept as printed, negative for a fall.
    expect(value("ia_timeliness", "inadequate", "change_as_stated")).toBe(-15.89);
    expect(value("ia_timeliness", "ri_or_good", "change_as_stated")).toBe(-11.32);
    expect(value("cp_review_timeliness", "inadequate", "change_as_stated")).toBe(-8.62);
    expect(value("referrals_per_10k", "ri_or_good", "change_as_stated")).toBe(31.39);
    expect(value("cp_plans_per_10k", "inadequate", "change_as_stated")).toBe(9.68);
    // Before and after are printed only for initial assessments: 4 + 4 × 2 stated changes = 12 rows.
    expect(rows).toHaveLength(12);
  });

  it("holds the cohort's design", async () => {
    expect(measureValues(await checkedRows(cohort2013Design))).toEqual({ councils: 29, inspection_year: 2013, before_year: 2012, after_year: 2014 });
  });
});

describe("the cohort indicator checks", () => {
  it("refuses a before value without its after value", async () => {
    const t = parse("ia_timeliness,inadequate,before,68.62,percent", "ia_timeliness,ri_or_good,change_as_stated,-11.32,percent");
    await expectDataError(() => check(t), "data/c.csv:2:3: ia_timeliness / inadequate has no after value to pair with its before value");
  });

  it("refuses an indicator given in two units", async () => {
    const t = parse("referrals_per_10k,inadequate,change_as_stated,94.7,per_10000_children", "referrals_per_10k,ri_or_good,change_as_stated,31.39,percent");
    await expectDataError(() => check(t), "data/c.csv:3:5: referrals_per_10k is in per_10000_children on line 2, not percent");
  });

  it("refuses an indicator with only one group", async () => {
    const t = parse("cp_plans_per_10k,inadequate,change_as_stated,9.68,per_10000_children");
    await expectDataError(() => check(t), "data/c.csv:2:2: indicator cp_plans_per_10k has no row for group ri_or_good");
  });
});
