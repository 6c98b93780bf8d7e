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
});
