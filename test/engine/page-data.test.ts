/**
 * What a page shows of the data (scripts/engine/page-data.ts): the keys read from its tags,
 * and "anything" whenever it uses a tag or an expression whose output is not known.
 */
import { describe, expect, it } from "vitest";
import { keysShown, listedFrontMatterShown } from "../../scripts/engine/page-data.ts";
import type { ReleaseState } from "../../scripts/engine/release/store.ts";

const page = (body: string, data: Record<string, unknown> = {}) => ({ body, data });

describe("the stats and figures a page shows", () => {
  it("reads the keys of stat, keyStat and figure, and the front matter's opener stats", () => {
    const body = `Text {% stat "a.b" %} and {%- keyStat 'c', "label" %}.\n{% figure "fig-1" %} see {% ref "fig-2" %}\n{% callout "Title" %}x{% endcallout %}`;
    expect(keysShown(page(body, { openerStats: [{ key: "d", label: "x" }] }))).toEqual({ stats: ["a.b", "c", "d"], figures: ["fig-1"] });
  });

  it("knows nothing of a page with another tag, an expression, or a key not written out", () => {
    expect(keysShown(page(`{% stat "a" %} {% view "councils.page", council.slug %}`))).toBeUndefined();
    expect(keysShown(page(`{% stat "a" %} {{ families.councils.pages.length }}`))).toBeUndefined();
    expect(keysShown(page(`{% stat key %}`))).toBeUndefined();
    expect(keysShown(page(`{% include "x.njk" %}`))).toBeUndefined();
    expect(keysShown(page("", { openerStats: [{ label: "no key" }] }))).toBeUndefined();
  });

  it("a page without tags shows no data", () => {
    expect(keysShown(page("Plain words."))).toEqual({ stats: [], figures: [] });
  });
});

describe("what the listed pages' front matter shows on every page", () => {
  const release = { diff: { since: { version: "0.2.0" } } } as unknown as ReleaseState;
  it("the What changed title as it reads, for the one tag it knows", () => {
    expect(listedFrontMatterShown([{ data: { title: "A" } }, { data: { eleventyComputed: { title: "{% whatChangedTitle %}" } } }], { release, dataKey: "k" })).toEqual(["What changed since 0.2.0"]);
    expect(listedFrontMatterShown([{ data: { title: "A", tags: ["x"] } }], { release, dataKey: "k" })).toEqual([]);
  });
  it("the whole data folder for any other tag or expression", () => {
    expect(listedFrontMatterShown([{ data: { eleventyComputed: { title: "{{ council.name }}" } } }], { release, dataKey: "k" })).toEqual(["the whole data folder k"]);
    expect(listedFrontMatterShown([{ data: { description: "{% stat 'a' %}" } }], { release, dataKey: "k" })).toEqual(["the whole data folder k"]);
  });
});
