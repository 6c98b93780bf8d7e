import { describe, expect, it } from "vitest";
import { slug, slugWords } from "../../scripts/engine/slug.ts";

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
