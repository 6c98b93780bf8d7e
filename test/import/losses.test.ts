/**
 * What an update would lose of data/ (scripts/import/losses.ts), on small CSV texts: a row
 * removed is lost unless the same thing stays under a new key (a council's new code, a
 * report re-dated); a value emptied is lost unless the row passed to another source; a
 * value corrected is not a loss. And the refusal's wording, a line per source file.
 */
import { describe, expect, it } from "vitest";
import { losesAnything, lossesOf, refusal, type CanonicalFile } from "../../scripts/import/losses.ts";
import { diffCsv } from "../../scripts/import/outputs.ts";

const REPORTS: CanonicalFile = {
  key: ["council_code", "published"],
  council: "council_code",
  unit: { one: "report", many: "reports" },
  dated: { column: "published", span: (first, last) => `published ${first} to ${last}` },
  sameAs: ["inspection_start"],
  sourceColumn: "source",
  from: (row, column) => (column === "report_url" || row.source === "scrape" ? ["ilacs-report-scrape"] : ["ofsted-la-outcomes"]),
};
const HEADER = "council_code,inspection_start,published,overall,report_url,source\n";
const csv = (...rows: string[]) => `${HEADER}${rows.map((row) => `${row}\n`).join("")}`;
const losses = (before: string, after: string, newCodes: ReadonlyMap<string, string> = new Map()) => lossesOf(diffCsv(before, after, REPORTS.key), REPORTS, newCodes);

describe("lossesOf", () => {
  it("counts a row removed as lost, and a value corrected as no loss", () => {
    const found = losses(csv("A,2020-01-06,2020-02-14,good,u1,official", "B,2021-03-01,2021-04-09,good,u2,official"), csv("A,2020-01-06,2020-02-14,outstanding,u1,official"));
    expect(found.removed).toEqual([{ row: expect.objectContaining({ council_code: "B" }), keptAs: null }]);
    expect(found.emptied).toEqual([]);
    expect(losesAnything(found)).toBe(true);
    expect(losesAnything(losses(csv("A,2020-01-06,2020-02-14,good,u1,official"), csv("A,2020-01-06,2020-02-14,outstanding,u1,official")))).toBe(false);
  });

  it("keeps a report re-dated (same council and first day on site) and a council's rows under its new code", () => {
    const found = losses(
      csv("A,2025-03-03,2025-04-11,good,u1,scrape", "OLD,2019-01-07,2019-02-15,good,u2,official"),
      csv("A,2025-03-03,2025-03-31,good,u1,official", "NEW,2019-01-07,2019-02-15,good,u2,official"),
      new Map([["OLD", "NEW"]]),
    );
    expect(found.removed.map((r) => r.keptAs)).toEqual(["now published 2025-03-31: the same report (same council and inspection_start)", "now under NEW, the council's new code"]);
    expect(losesAnything(found)).toBe(false);
    // Another council's report of the same day is not the same report; nor is one without a first day.
    expect(losses(csv("A,2025-03-03,2025-04-11,good,u1,scrape"), csv("B,2025-03-03,2025-03-31,good,u1,official")).removed[0].keptAs).toBeNull();
    expect(losses(csv("A,,2025-04-11,good,u1,scrape"), csv("A,,2025-03-31,good,u1,official")).removed[0].keptAs).toBeNull();
  });

  it("counts a value emptied as lost, unless the row passed to another source", () => {
    const found = losses(csv("A,2020-01-06,2020-02-14,good,u1,official", "B,2025-03-03,2025-04-11,good,u2,scrape"), csv("A,2020-01-06,2020-02-14,good,,official", "B,,2025-04-11,good,u2,official"));
    expect(found.emptied.map((e) => [e.row.council_code, e.emptied])).toEqual([["A", ["report_url"]]]);
    // A column the file no longer has is a change of layout, not a loss.
    const layout = lossesOf(diffCsv("k,v,w\na,1,2\n", "k,v\na,1\n", ["k"]), { ...REPORTS, key: ["k"], council: "k" }, new Map());
    expect(losesAnything(layout)).toBe(false);
  });
});

describe("refusal", () => {
  it("says nothing when nothing is lost, and else a line per source file, then what to do", () => {
    const before = csv("A,2020-01-06,2020-02-14,good,u1,official", "B,2025-03-03,2025-04-11,good,u2,scrape", "C,2025-06-02,2025-07-18,good,u3,scrape");
    const after = csv("A,2020-01-06,2020-02-14,good,,official");
    const diff = diffCsv(before, after, REPORTS.key);
    const file = { file: "data/ilacs/judgements.csv", canonical: REPORTS, diff, losses: lossesOf(diff, REPORTS, new Map()) };
    const paths: Record<string, string> = { "ilacs-report-scrape": "in/scrape.csv", "ofsted-la-outcomes": "in/outcomes.ods" };
    const text = refusal([file], (id) => paths[id], (_f, row) => row.council_code);
    expect(text?.split("\n")).toEqual([
      "in/scrape.csv gives less than data/ holds: data/ilacs/judgements.csv would lose 2 of its 3 reports (2 councils, published 2025-04-11 to 2025-07-18), and report_url from 1 other.",
      "If the publisher did withdraw them, run again with --allow-removals, which lists every one; if not, the file may be cut short or not the one meant: download it again.",
    ]);
    const same = diffCsv(before, before, REPORTS.key);
    expect(refusal([{ ...file, diff: same, losses: lossesOf(same, REPORTS, new Map()) }], (id) => paths[id], (_f, row) => row.council_code)).toBeNull();
  });
});
