import { describe, expect, it } from "vitest";
import { figuresNamed, noteParts, statsNamed, strayBrace } from "../../../scripts/engine/claims/note.ts";

describe("a claim's note", () => {
  it("splits into text and the stats and figures it names, in order", () => {
    expect(noteParts("Of the {recount.repeat.firstRi} councils, 25 / 40 = {recount.repeat.stayedRi.share.exact} ({figure:recount-cohort-readings}).")).toEqual([
      { kind: "text", text: "Of the " },
      { kind: "stat", key: "recount.repeat.firstRi" },
      { kind: "text", text: " councils, 25 / 40 = " },
      { kind: "stat", key: "recount.repeat.stayedRi.share.exact" },
      { kind: "text", text: " (" },
      { kind: "figure", key: "recount-cohort-readings" },
      { kind: "text", text: ")." },
    ]);
    expect(noteParts("")).toEqual([]);
    expect(noteParts("{outcomes.total.2010-11}")).toEqual([{ kind: "stat", key: "outcomes.total.2010-11" }]);
  });

  it("lists the stats and the figures named", () => {
    const note = "{a.b} and {figure:f-1}, then {c.d-2}";
    expect(statsNamed(note)).toEqual(["a.b", "c.d-2"]);
    expect(figuresNamed(note)).toEqual(["f-1"]);
  });

  it("finds a brace that is not a token, which would reach the reader as code", () => {
    expect(strayBrace("{a.b} is fine")).toBe(false);
    expect(strayBrace("see {stat a.b}")).toBe(true);
    expect(strayBrace("unclosed {a.b")).toBe(true);
  });
});
