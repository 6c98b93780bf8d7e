import { describe, expect, it } from "vitest";
import { percent, text } from "../../../scripts/engine/stats/format.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";

describe("StatRegistry", () => {
  const registry = new StatRegistry([
    { key: "outcomes.variation.early", value: 9.375, format: percent(1), label: "early variation" },
    { key: "outcomes.variation.late", value: 2.5, format: percent(1), label: "late variation" },
    { key: "outcomes.years.first", value: "2007/08", format: text(), label: "first year" },
    { key: "broken.value", value: Number.NaN, format: percent(0), label: "a value that failed to compute" },
  ]);

  it("formats a known key with its formatter", () => {
    expect(registry.format("outcomes.variation.early")).toBe("9.4%");
    expect(registry.format("outcomes.years.first")).toBe("2007/08");
  });

  it("names an unknown key and suggests keys of the same family", () => {
    expect(() => registry.format("outcomes.variation.middle")).toThrow(
      'unknown stat key "outcomes.variation.middle"; did you mean one of: outcomes.variation.early, outcomes.variation.late',
    );
    expect(() => registry.format("nothing.here")).toThrow(/^unknown stat key "nothing.here"$/);
  });

  it("refuses a missing value instead of printing an empty or NaN string", () => {
    expect(() => registry.format("broken.value")).toThrow('the stat "broken.value" (a value that failed to compute) has no usable value');
  });

  it("refuses a key defined twice", () => {
    expect(() => registry.add({ key: "outcomes.years.first", value: "x", format: text(), label: "again" })).toThrow("defined twice");
  });

  it("lists keys sorted", () => {
    expect(registry.keys()).toEqual(["broken.value", "outcomes.variation.early", "outcomes.variation.late", "outcomes.years.first"]);
  });

  it("shows a share's counts beside it when its base is under 30, and checks the base against the value", () => {
    const shares = new StatRegistry([
      // 2 of 8 = 25%; 12 of 48 = 25%; 29 of 29 = 100%.
      { key: "small", value: 25, format: percent(0), base: { part: 2, whole: 8 }, label: "a share of eight" },
      { key: "large", value: 25, format: percent(0), base: { part: 12, whole: 48 }, label: "a share of 48" },
      { key: "edge", value: 100, format: percent(0), base: { part: 29, whole: 29 }, label: "a share of 29" },
    ]);
    expect([shares.format("small"), shares.format("large"), shares.format("edge")]).toEqual(["25% (2 of 8)", "25%", "100% (29 of 29)"]);
    expect(() => shares.add({ key: "wrong", value: 30, format: percent(0), base: { part: 2, whole: 8 }, label: "a share that is not its base" })).toThrow(
      'the stat "wrong" (a share that is not its base) gives its base as 2 of 8, which is not its value 30 as a percentage',
    );
  });
});
