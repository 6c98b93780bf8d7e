import { describe, expect, it } from "vitest";
import { contrastRatio, hexChannels, relativeLuminance } from "../../../scripts/engine/theme/contrast.ts";

describe("WCAG contrast", () => {
  it("reads #rrggbb and #rgb", () => {
    expect(hexChannels("#1d70b8")).toEqual([29, 112, 184]);
    expect(hexChannels("#fff")).toEqual([255, 255, 255]);
    expect(() => hexChannels("red")).toThrow(/not a #rrggbb/);
  });

  it("gives white luminance 1, black 0, and the extremes 21:1", () => {
    expect(relativeLuminance("#ffffff")).toBe(1);
    expect(relativeLuminance("#000000")).toBe(0);
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
    expect(contrastRatio("#ffffff", "#000000")).toBe(21);
  });

  it("matches a ratio worked by hand: mid grey #777777 on white", () => {
    // 0x77 = 119; 119/255 = 0.46667; ((0.46667 + 0.055) / 1.055)^2.4 = 0.18447 for every channel,
    // so L = 0.18447 and (1 + 0.05) / (0.18447 + 0.05) = 4.478.
    expect(relativeLuminance("#777777")).toBeCloseTo(0.18447, 4);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.478, 2);
  });
});
