import { describe, expect, it } from "vitest";
import { assessClaim, type ClaimInput } from "../../../scripts/engine/claims/assess.ts";
import { claimsRegisterView } from "../../../scripts/engine/claims/register.ts";
import { percent } from "../../../scripts/engine/stats/format.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";

const stats = new StatRegistry([
  { key: "x.small", value: 33.1, format: percent(1), label: "small" },
  { key: "x.big", value: 15.99, format: percent(2), label: "big" },
  { key: "x.total", value: 111, format: percent(0), label: "total" },
]);
const base: Omit<ClaimInput, "id" | "chapter" | "value" | "stat" | "status" | "basis"> = { location: "here", restated: [], claim: "c", stated: "s", tolerance: 0.005, caveat: "", note: "", file: "f", line: 1 };
const lookup = (k: string) => stats.get(k).value as number;
const assessments = [
  assessClaim({ ...base, id: "ch2-a", chapter: "2", value: 15.89, stat: "x.big", basis: "report", status: "differs", note: "{x.big} against 15.89 ({figure:fig-a})." }, lookup),
  assessClaim({ ...base, id: "sum-a", chapter: "summary", value: 33, stat: "x.small", basis: "records", status: "differs" }, lookup),
  assessClaim({ ...base, id: "ch1-a", chapter: "1", value: 0, stat: "", basis: "", status: "not_reproducible", caveat: "Its row adds up to {x.total}." }, () => 0),
  assessClaim({ ...base, id: "ch1-b", chapter: "1", value: 15.99, stat: "x.big", basis: "records", status: "reproduced", restated: [{ chapter: "summary", location: "Summary, paragraph 3" }] }, lookup),
  assessClaim({ ...base, id: "ch1-c", chapter: "1", value: 15.99, stat: "x.big", basis: "report", status: "consistent" }, lookup),
];
// As a report definition lists them: a heading of its own for the summary, chapter titles for the rest.
const groups = [{ id: "summary", heading: "Executive summary" }, { id: "1" }, { id: "2" }, { id: "3" }];
const links = {
  // x.big is stated in chapter 2 and again in the appendix: the first page in reading order is linked.
  pages: [{ url: "/chapter-2/", title: "The growing divide", chapter: "2", statKeys: ["x.big"] }, { url: "/appendix/", title: "Appendix", statKeys: ["x.big", "x.small"] }],
  figures: new Map([["fig-a", { label: "Figure 2.4", href: "/methods/#figure-fig-a" }]]),
};

describe("claimsRegisterView", () => {
  const view = claimsRegisterView(assessments, stats, new Map([["1", "Chapter 1: Does inspection drive improvement?"]]), groups, links, "council records");
  const row = (id: string) => [...view.byStatus].find((r) => r.id === id);

  it("groups claims by the chapter that first makes them, in report order, with chapter titles", () => {
    expect(view.groups.map((g) => [g.heading, g.rows.map((r) => r.id)])).toEqual([
      ["Executive summary", ["sum-a"]],
      ["Chapter 1: Does inspection drive improvement?", ["ch1-a", "ch1-b", "ch1-c"]],
      ["Chapter 2", ["ch2-a"]],
    ]);
  });

  it("lists a claim once with the other places the report states it", () => {
    expect(row("ch1-b")).toMatchObject({ location: "here", restated: ["Summary, paragraph 3"] });
    expect(view.groups.flatMap((g) => g.rows)).toHaveLength(assessments.length);
  });

  it("names each status for the reader and says what our value was checked against", () => {
    expect(["ch1-b", "ch1-c", "ch2-a", "ch1-a"].map((id) => [row(id)?.statusLabel, row(id)?.checkedAgainst])).toEqual([
      ["Reproduced from council records", "our recount from council records"],
      ["Consistent with the report's own figures", "the report's own figures"],
      ["Differs", "the report's own figures"],
      ["Not reproducible", ""],
    ]);
  });

  it("formats our value with the stat's formatter and the difference with a sign", () => {
    // 15.99 − 15.89 = +0.1
    expect(row("ch2-a")).toMatchObject({ recomputed: "15.99%", difference: "+0.1" });
    expect(row("ch1-a")).toMatchObject({ recomputed: "–", difference: "–" });
  });

  it("shows a note's stats as values linked to the first page stating them, and its figures by number, never by key", () => {
    expect(row("ch2-a")?.note).toEqual([
      { text: "15.99%", href: "/chapter-2/", title: "Stated in Chapter 2: The growing divide" },
      { text: " against 15.89 (" },
      { text: "Figure 2.4", href: "/methods/#figure-fig-a" },
      { text: ")." },
    ]);
    // A stat no page states is shown as its value, unlinked.
    expect(row("ch1-a")?.caveat).toEqual([{ text: "Its row adds up to " }, { text: "111%" }, { text: "." }]);
  });

  it("fails when a note names a figure no page places", () => {
    const lost = [assessClaim({ ...base, id: "ch1-x", chapter: "1", value: 0, stat: "", basis: "", status: "not_reproducible", note: "See {figure:gone}." }, () => 0)];
    expect(() => claimsRegisterView(lost, stats, new Map(), groups, links)).toThrow('the claim "ch1-x" names the figure "gone", which no page places');
  });

  it("offers the claims by status (differs first) and by size of difference", () => {
    expect(view.byStatus.map((r) => r.id)).toEqual(["sum-a", "ch2-a", "ch1-a", "ch1-c", "ch1-b"]);
    // |33.1 − 33| = 0.1 ties with |15.99 − 15.89| = 0.1 (chapter order breaks the tie), then the two 0s, then none.
    expect(view.byDifference.map((r) => r.id)).toEqual(["sum-a", "ch2-a", "ch1-b", "ch1-c", "ch1-a"]);
  });
});
