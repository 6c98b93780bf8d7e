import { describe, expect, it } from "vitest";
import { claimSchema } from "../../../scripts/engine/claims/dataset.ts";
import { parseCsv } from "../../../scripts/engine/data/load.ts";
import { auditClaims, claimStats } from "../../../scripts/engine/claims/audit.ts";
import { percent, text } from "../../../scripts/engine/stats/format.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";

const FILE = "data/claims/test.csv";
const HEADER = "id,chapter,location,claim,stated,value,stat,tolerance,status,note";
/** The claim groups of a report with a summary and two chapters. */
const GROUPS = [{ id: "summary", heading: "Summary" }, { id: "1" }, { id: "2" }];
const table = (...rows: string[]) => parseCsv(FILE, [HEADER, ...rows, ""].join("\n"), claimSchema(GROUPS));

const stats = new StatRegistry([
  { key: "cohort.drop", value: 15.99, format: percent(2), label: "drop" },
  { key: "outcomes.years.first", value: "2007/08", format: text(), label: "first year" },
]);

describe("auditClaims", () => {
  it("assesses every claim when the register agrees with the data", () => {
    const claims = auditClaims(
      [table("a,2,Chapter 2,IA drop,15.89%,15.89,cohort.drop,0.005,differs,15.99 not 15.89", "b,summary,Summary,Interview,£6m,6000000,,0,not_reproducible,interview")],
      stats,
    );
    expect(claims.map((c) => [c.claim.id, c.derived, c.claim.line])).toEqual([
      ["a", "differs", 2],
      ["b", "not_reproducible", 3],
    ]);
    expect(new StatRegistry(claimStats(claims)).format("claims.count.differs")).toBe("1");
  });

  it("fails at the claim's line when its status changed without the register being updated", () => {
    expect(() => auditClaims([table("a,2,Chapter 2,IA drop,15.89%,15.89,cohort.drop,0.005,reproduced,")], stats)).toThrow(
      `${FILE}:2: claim "a" is recorded as reproduced but the data now says differs (printed 15.89%, recomputed 15.99, tolerance 0.005); check it and update the register`,
    );
  });

  it("fails at file:line:column for an unknown or non-numeric stat", () => {
    expect(() => auditClaims([table("a,2,Ch,IA,1%,1,cohort.nope,0,reproduced,")], stats)).toThrow(`${FILE}:2:7: the claim "a" names the unknown stat key "cohort.nope"`);
    expect(() => auditClaims([table("a,2,Ch,IA,1%,1,outcomes.years.first,0,reproduced,")], stats)).toThrow(`${FILE}:2:7: the claim "a" names "outcomes.years.first", which is not a number`);
  });
});

describe("the claims schema", () => {
  it("takes a claim's chapter from the report's claim groups, and only from them", () => {
    expect(table("a,2,Ch,IA,1%,1,,0,not_reproducible,why").rows[0].row.chapter).toBe("2");
    expect(() => table("a,3,Ch,IA,1%,1,,0,not_reproducible,why")).toThrow(`${FILE}:2:2: chapter: "3" is not one of: summary, 1, 2`);
  });

  it("needs claim groups when there are claims", () => {
    expect(() => claimSchema([])).toThrow("there are claims files in data/claims/ but the report definition lists no claim groups");
  });
});
