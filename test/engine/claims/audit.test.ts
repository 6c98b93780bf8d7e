import { describe, expect, it } from "vitest";
import { claimSchema } from "../../../scripts/engine/claims/dataset.ts";
import { parseCsv } from "../../../scripts/engine/data/load.ts";
import { auditClaims, claimStats } from "../../../scripts/engine/claims/audit.ts";
import { percent, text } from "../../../scripts/engine/stats/format.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";

const FILE = "data/claims/test.csv";
const HEADER = "id,chapter,location,restated,claim,stated,value,stat,tolerance,basis,status,caveat,note";
/** The claim groups of a report with a summary and two chapters. */
const GROUPS = [{ id: "summary", heading: "Summary" }, { id: "1" }, { id: "2" }];
const table = (...rows: string[]) => parseCsv(FILE, [HEADER, ...rows, ""].join("\n"), claimSchema(GROUPS));

const stats = new StatRegistry([
  { key: "cohort.drop", value: 15.99, format: percent(2), label: "drop" },
  { key: "cohort.before", value: 68.62, format: percent(2), label: "before" },
  { key: "outcomes.years.first", value: "2007/08", format: text(), label: "first year" },
]);

describe("auditClaims", () => {
  it("assesses every claim when the register agrees with the data", () => {
    const claims = auditClaims(
      [table(
        "a,2,Chapter 2,,IA drop,15.89%,15.89,cohort.drop,0.005,report,differs,,{cohort.before} less the after value is 15.99 not 15.89",
        "b,summary,Summary,2: Chapter 2 footnote 1,Interview,£6m,6000000,,0,,not_reproducible,,interview",
        "c,1,Chapter 1,,IA drop again,16%,16,cohort.drop,0.5,records,reproduced,,",
      )],
      stats,
    );
    expect(claims.map((c) => [c.claim.id, c.derived, c.claim.line])).toEqual([
      ["a", "differs", 2],
      ["b", "not_reproducible", 3],
      ["c", "reproduced", 4],
    ]);
    const counts = new StatRegistry(claimStats(claims));
    expect(["total", "reproduced", "consistent", "differs", "not_reproducible"].map((s) => counts.format(`claims.count.${s}`))).toEqual(["3", "1", "0", "1", "1"]);
  });

  it("fails at the claim's line when its status changed without the register being updated", () => {
    expect(() => auditClaims([table("a,2,Chapter 2,,IA drop,15.89%,15.89,cohort.drop,0.005,report,consistent,,")], stats)).toThrow(
      `${FILE}:2: claim "a" is recorded as consistent but the data now says differs (printed 15.89%, recomputed 15.99, tolerance 0.005); check it and update the register`,
    );
  });

  it("fails at file:line:column for an unknown or non-numeric stat", () => {
    expect(() => auditClaims([table("a,2,Ch,,IA,1%,1,cohort.nope,0,records,reproduced,,")], stats)).toThrow(`${FILE}:2:8: the claim "a" names the unknown stat key "cohort.nope"`);
    expect(() => auditClaims([table("a,2,Ch,,IA,1%,1,outcomes.years.first,0,records,reproduced,,")], stats)).toThrow(`${FILE}:2:8: the claim "a" names "outcomes.years.first", which is not a number`);
  });

  it("needs a basis exactly when there is a stat, so every status says what was checked", () => {
    expect(() => auditClaims([table("a,2,Ch,,IA,16%,16,cohort.drop,0.5,,reproduced,,")], stats)).toThrow(`${FILE}:2:10: the claim "a" names a stat, so its basis must say what it is checked against: records or report`);
    expect(() => auditClaims([table("a,2,Ch,,IA,16%,16,,0,records,not_reproducible,,why")], stats)).toThrow(`${FILE}:2:10: the claim "a" has no stat, so its basis must be empty`);
  });

  it("fails at the note's or caveat's cell when it names an unknown stat or has a stray brace", () => {
    expect(() => auditClaims([table("a,2,Ch,,IA,1%,1,,0,,not_reproducible,,see {cohort.after}")], stats)).toThrow(`${FILE}:2:13: the note of the claim "a" names the unknown stat key "cohort.after"`);
    expect(() => auditClaims([table("a,2,Ch,,IA,1%,1,,0,,not_reproducible,{cohort.nope},why")], stats)).toThrow(`${FILE}:2:12: the caveat of the claim "a" names the unknown stat key "cohort.nope"`);
    expect(() => auditClaims([table("a,2,Ch,,IA,1%,1,,0,,not_reproducible,,see {stat cohort.drop}")], stats)).toThrow(`${FILE}:2:13: the note of the claim "a" has a brace that is not a {stat.key} or {figure:key}`);
  });
});

describe("the claims schema", () => {
  it("takes a claim's chapter from the report's claim groups, and only from them", () => {
    expect(table("a,2,Ch,,IA,1%,1,,0,,not_reproducible,,why").rows[0].row.chapter).toBe("2");
    expect(() => table("a,3,Ch,,IA,1%,1,,0,,not_reproducible,,why")).toThrow(`${FILE}:2:2: chapter: "3" is not one of: summary, 1, 2`);
  });

  it("reads the places a claim is restated, each in one of the report's claim groups", () => {
    const row = table('a,1,"Chapter 1, section 3","summary: Summary, paragraph 4 | 2: Chapter 2, footnote 5",IA,1%,1,,0,,not_reproducible,,why').rows[0].row;
    expect(row.restated).toEqual([{ chapter: "summary", location: "Summary, paragraph 4" }, { chapter: "2", location: "Chapter 2, footnote 5" }]);
    expect(() => table('a,1,Ch,"3: Chapter 3, somewhere",IA,1%,1,,0,,not_reproducible,,why')).toThrow(`${FILE}:2:4: restated: "3: Chapter 3, somewhere" is not "<group>: <location>" with a group of: summary, 1, 2`);
  });

  it("needs claim groups when there are claims", () => {
    expect(() => claimSchema([])).toThrow("there are claims files in data/claims/ but the report definition lists no claim groups");
  });
});
