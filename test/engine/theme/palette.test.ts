/** The engine's own theme keeps its promises, and a report's theme is the base colours and its own, in the order it gives. */
import { describe, expect, it } from "vitest";
import { BASE_DARK, BASE_LIGHT, BASE_TOKENS, ENGINE_THEME, extendTheme } from "../../../scripts/engine/theme/palette.ts";
import { describeThemeContract } from "../../helpers/theme-contract.ts";

describeThemeContract("the engine's theme", ENGINE_THEME, ["neutral-mark", "muted"]);

describe("extendTheme", () => {
  const own = {
    tokens: ["text", "highlight", ...BASE_TOKENS.filter((t) => t !== "text")],
    light: { highlight: "#8a1c7c" },
    dark: { highlight: "#f0a0e0" },
    textTokens: ["highlight"],
    markTokens: [],
  } as const;

  it("puts every token in the order given, base colours from the engine and its own beside them", () => {
    const theme = extendTheme(own);
    expect(theme.tokens).toEqual(own.tokens);
    expect(Object.keys(theme.light)).toEqual(own.tokens);
    expect(Object.keys(theme.dark)).toEqual(own.tokens);
    expect(theme.light.text).toBe(BASE_LIGHT.text);
    expect(theme.dark.band).toBe(BASE_DARK.band);
    expect([theme.light.highlight, theme.dark.highlight]).toEqual(["#8a1c7c", "#f0a0e0"]);
    expect(theme.textTokens).toEqual([...ENGINE_THEME.textTokens, "highlight"]);
    expect(theme.markTokens).toEqual(ENGINE_THEME.markTokens);
  });

  it("refuses an order that leaves a token out, names one twice or names an unknown one, and an own token without a dark colour", () => {
    expect(() => extendTheme({ ...own, tokens: own.tokens.filter((t) => t !== "band") })).toThrow("missing: band; unknown: none");
    expect(() => extendTheme({ ...own, tokens: [...own.tokens, "glow"] as never })).toThrow("missing: none; unknown: glow");
    expect(() => extendTheme({ ...own, tokens: [...own.tokens, "text"] })).toThrow("every base and own token once");
    expect(() => extendTheme({ ...own, dark: {} as never })).toThrow("need a dark colour too: highlight");
  });
});
