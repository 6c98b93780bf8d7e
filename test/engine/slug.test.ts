import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH, slug, slugProblem, slugWords } from "../../scripts/engine/slug.ts";

describe("slug", () => {
  it("makes region and council slugs from names", () => {
    expect(slug("Yorkshire and The Humber")).toBe("yorkshire-and-the-humber");
    expect(slug("Herefordshire, County of")).toBe("herefordshire-county-of");
  });

  it("drops accents inside a word rather than splitting it, and gives nothing for no words", () => {
    expect(slug("Naïve café")).toBe("naive-cafe");
    expect(slug("!!!")).toBe("");
  });
});

describe("slugWords", () => {
  it("splits on anything but letters and digits", () => {
    expect(slugWords("A Brave New World: 2015")).toEqual(["a", "brave", "new", "world", "2015"]);
  });
});

describe("slugProblem", () => {
  it("accepts a slug of one to MAX_SLUG_LENGTH characters", () => {
    expect(slugProblem("Bournemouth, Christchurch and Poole")).toBeUndefined();
    expect(slugProblem("x".repeat(MAX_SLUG_LENGTH))).toBeUndefined();
  });

  it("says why a text cannot name a page: no letter or digit, or a slug over the limit", () => {
    expect(slugProblem("!!! ?")).toBe("has no letter or digit to make its page's address from");
    expect(slugProblem("x".repeat(MAX_SLUG_LENGTH + 1))).toMatch(/^would make a page address \(slug\) 81 characters long, over the limit of 80 /);
  });
});
