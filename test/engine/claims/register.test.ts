import { describe, expect, it } from "vitest";
import { assessClaim, type ClaimInput } from "../../../scripts/engine/claims/assess.ts";
import { claimsRegisterView } from "../../../scripts/engine/claims/register.ts";
import { percent } from "../../../scripts/engine/stats/format.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";

const stats = new StatRegistry([
  { key: "x.small", value: 33.1, format: percent(1), label: "small" },
  { key: "x.big", value: 15.99, format: percent(2), label: "big" },
]);
const base: Omit<ClaimInput, "id" | "chapter" | "value" | "stat" | "status"> = { location: "here", claim: "c", stated: "s", tolerance: 0.005, note: "", file: "f", line: 1 };
const assessments = [
  assessClaim({ ...base, id: "ch2-a", chapter: "2", value: 15.89, stat: "x.big", status: "differs" }, (k) => stats.get(k).value as number),
  assessClaim({ ...base, id: "sum-a", chapter: "summary", value: 33, stat: "x.small", status: "differs" }, (k) => stats.get(k).value as number),
  assessClaim({ ...base, id: "ch1-a", chapter: "1", value: 0, stat: "", status: "not_reproducible" }, () => 0),
  assessClaim({ ...base, id: "ch1-b", chapter: "1", value: 15.99, stat: "x.big", status: "reproduced" }, (k) => stats.get(k).value as number),
];

describe("claimsRegisterView", () => {
  // As a report definition lists them: a heading of its own for the summary, chapter titles for the rest.
  const groups = [{ id: "summary", heading: "Executive summary" }, { id: "1" }, { id: "2" }, { id: "3" }];
  const view = claimsRegisterView(assessments, stats, new Map([["1", "Chapter 1: Does inspection drive improvement?"]]), groups);

  it("groups rows by chapter in report order with chapter titles", () => {
    expect(view.groups.map((g) => [g.heading, g.rows.map((r) => r.id)])).toEqual([
      ["Executive summary", ["sum-a"]],
      ["Chapter 1: Does inspection drive improvement?", ["ch1-a", "ch1-b"]],
      ["Chapter 2", ["ch2-a"]],
    ]);
  });

  it("formats our value with the stat's formatter and the difference with a sign", () => {
    const row = view.groups[2].rows[0];
    // 15.99 − 15.89 = +0.1
    expect(row).toMatchObject({ recomputed: "15.99%", difference: "+0.1", statusLabel: "Differs" });
    expect(view.groups[1].rows[0]).toMatchObject({ recomputed: "–", difference: "–", statusLabel: "Not reproducible" });
  });

  it("offers the rows by status (differs first) and by size of difference", () => {
    expect(view.byStatus.map((r) => r.id)).toEqual(["sum-a", "ch2-a", "ch1-a", "ch1-b"]);
    // |33.1 − 33| = 0.1 ties with |15.99 − 15.89| = 0.1 (chapter order breaks the tie), then 0, then none.
    expect(view.byDifference.map((r) => r.id)).toEqual(["sum-a", "ch2-a", "ch1-b", "ch1-a"]);
  });
});
