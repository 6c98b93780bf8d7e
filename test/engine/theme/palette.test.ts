/** The engine's own theme keeps its promises, and a report's theme is the base colours and its own, in the order it gives. */
import { describe, expect, it } from "vitest";
import { BASE_DARK, BASE_LIGHT, BASE_TOKENS, ENGINE_THEME, extendTheme } from "../../../scripts/engine/theme/palette.ts";
import { describeThemeContract } from "../../helpers/theme-contract.ts";

describeThemeContract("the engine's theme", ENGINE_THEME, ["neutral-mark", "muted"]);

describe("extendTheme", () => {
  const own = {
    light: { highlight: "#8a1c7c", shade: "#445566", glow: "#996600" },
    dark: { highlight: "#f0a0e0", shade: "#8899aa", glow: "#ffcc66" },
    textTokens: ["highlight"],
    markTokens: ["shade"],
    after: { text: ["highlight"], band: ["shade"] },
  } as const;

  it("puts each own token after the base token it names, those it does not place at the end, base colours from the engine", () => {
    const theme = extendTheme(own);
    const base = BASE_TOKENS.filter((t) => t !== "text" && t !== "band");
    expect(theme.tokens).toEqual(["text", "highlight", ...base, "band", "shade", "glow"]);
    expect(Object.keys(theme.light)).toEqual(theme.tokens);
    expect(Object.keys(theme.dark)).toEqual(theme.tokens);
    expect(theme.light.text).toBe(BASE_LIGHT.text);
    expect(theme.dark.band).toBe(BASE_DARK.band);
    expect([theme.light.highlight, theme.dark.highlight]).toEqual(["#8a1c7c", "#f0a0e0"]);
    expect(theme.textTokens).toEqual([...ENGINE_THEME.textTokens, "highlight"]);
    expect(theme.markTokens).toEqual([...ENGINE_THEME.markTokens, "shade"]);
  });

  it("refuses a token placed twice or not its own, a base token redefined, and an own token without a dark colour", () => {
    expect(() => extendTheme({ ...own, after: { text: ["highlight"], band: ["highlight"] } })).toThrow("places each of its own tokens once, after a base token (not: highlight)");
    expect(() => extendTheme({ ...own, after: { text: ["other" as "glow"] } })).toThrow("(not: other)");
    expect(() => extendTheme({ light: { muted: "#000000" }, dark: { muted: "#ffffff" }, textTokens: [], markTokens: [] })).toThrow("cannot be base tokens: muted");
    expect(() => extendTheme({ ...own, dark: { highlight: "#f0a0e0", shade: "#8899aa" } as never })).toThrow("need a dark colour too: glow");
  });
});
