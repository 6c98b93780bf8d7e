import { describe, expect, it } from "vitest";
import type { CouncilRow } from "../../scripts/report/councils/datasets.ts";
import { CODE_CHANGES, CouncilLookup, NAME_ALIASES, RESTRUCTURES, normaliseName } from "../../scripts/import/councils.ts";

const council = (over: Partial<CouncilRow> & Pick<CouncilRow, "code" | "name">): CouncilRow => ({
  former_codes: [],
  dfe_number: "999",
  ofsted_name: null,
  aliases: [],
  region: "South West",
  ofsted_region: null,
  status: "current",
  existed_from: null,
  existed_until: null,
  successor_codes: [],
  ...over,
});

const oldDorset = council({ code: "E10000009", name: "Dorset", status: "predecessor", existed_until: "2019-03-31", successor_codes: ["E06000058", "E06000059"] });
const newDorset = council({ code: "E06000059", name: "Dorset", existed_from: "2019-04-01" });
const hull = council({ code: "E06000010", name: "Kingston upon Hull, City of", ofsted_name: "Kingston Upon Hull" });
const bucks = council({ code: "E06000060", name: "Buckinghamshire", former_codes: ["E10000002"] });
const london = council({ code: "E09000001", name: "City of London", aliases: ["London Corporation"] });
const helens = council({ code: "E08000013", name: "St. Helens" });
const lookup = new CouncilLookup([oldDorset, newDorset, hull, bucks, london, helens]);

describe("normaliseName", () => {
  it("ignores case, '&', hyphens and punctuation", () => {
    expect(normaliseName("Telford & Wrekin")).toBe("telford and wrekin");
    expect(normaliseName("St. Helens")).toBe("st helens");
    expect(normaliseName("Stockton-on-Tees")).toBe("stockton on tees");
    expect(normaliseName("  Kingston upon Hull,  City of ")).toBe("kingston upon hull city of");
  });
});

describe("CouncilLookup", () => {
  it("finds a council by its current or former code", () => {
    expect(lookup.byCode("E06000060")).toBe(bucks);
    expect(lookup.byCode("E10000002")).toBe(bucks);
    expect(lookup.byCode("E10000099")).toBeUndefined();
  });

  it("says how a name matched: DfE's name, Ofsted's name or an alias", () => {
    expect(lookup.resolve("st helens")).toEqual({ council: helens, by: "name" });
    expect(lookup.resolve("kingston upon hull")).toEqual({ council: hull, by: "ofsted name" });
    expect(lookup.resolve("london corporation")).toEqual({ council: london, by: "alias" });
  });

  it("tells two councils of the same name apart by the date", () => {
    // Without a date "Dorset" is ambiguous.
    expect(lookup.resolve("Dorset")).toBeUndefined();
    expect(lookup.candidates("Dorset").map((m) => m.council.code)).toEqual(["E10000009", "E06000059"]);
    expect(lookup.resolve("dorset", "2016-05-23")?.council).toBe(oldDorset);
    expect(lookup.resolve("dorset", "2019-03-31")?.council).toBe(oldDorset);
    expect(lookup.resolve("dorset", "2019-04-01")?.council).toBe(newDorset);
  });
});

describe("the explicit lists", () => {
  it("give each restructure's successors and each code change a valid code", () => {
    const code = /^E(06|08|09|10)\d{6}$/;
    for (const r of RESTRUCTURES) for (const p of r.predecessors) for (const c of [p.code, ...p.successors]) expect(c).toMatch(code);
    for (const c of CODE_CHANGES) expect([c.from, c.to]).toEqual([expect.stringMatching(code), expect.stringMatching(code)]);
    for (const a of NAME_ALIASES) expect(a.code).toMatch(code);
  });
});
