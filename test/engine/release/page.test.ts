/** What the "What changed" page says (scripts/engine/release/page.ts), from hand-made manifests. */
import { describe, expect, it } from "vitest";
import { diffManifests } from "../../../scripts/engine/release/diff.ts";
import type { Manifest } from "../../../scripts/engine/release/manifest.ts";
import { changesTitle, changesView, figureNote, readableDate } from "../../../scripts/engine/release/page.ts";

const manifest = (version: string, councils: Record<string, string>, extra: Partial<Manifest> = {}): Manifest => ({
  schema: 1,
  version,
  dataAsOf: "2026-07-03",
  dataFiles: {},
  stats: {},
  figures: { f: { hash: version, label: "Figure 1.1", title: "A finding", href: "/chapter-1/#figure-f" } },
  claims: {},
  records: { councils },
  ...extra,
});
const sets = [{ name: "councils", heading: "Councils", singular: "council" }];

describe("changesView", () => {
  it("before any release: says there is nothing to compare with", () => {
    const state = { manifest: manifest("1.0.0", {}), diff: null, recordSets: sets };
    expect(changesView(state)).toMatchObject({ version: "1.0.0", dataAsOf: "3 July 2026", since: null, unchanged: false, records: [] });
    expect(changesTitle(state)).toBe("What changed");
    expect(figureNote(state, "f", [])).toBeNull();
  });

  it("words each record set's changes with the build's names for it, and lists every kind it compared", () => {
    const before = manifest("1.0.0", { E1: "Ashvale", E2: "Brookmere" });
    const after = manifest("1.1.0", { E1: "Ashvale Vale", E3: "Cobbleton" });
    const view = changesView({ manifest: after, diff: diffManifests(before, after), recordSets: sets });
    expect(view.since).toEqual({ version: "1.0.0", dataAsOf: "3 July 2026" });
    expect(view.records).toEqual([{ name: "councils", heading: "Councils", singular: "council", added: ["Cobbleton (E3)"], removed: ["Brookmere (E2)"], renamed: ["Ashvale is now Ashvale Vale (E1)"] }]);
    expect(view.kinds).toBe("data file, number, figure, claim and council");
  });

  it("names a set the build no longer keeps by its name, and lists the kinds without one when there is none", () => {
    const before = manifest("1.0.0", {}, { records: { schools: { S1: "One" } } });
    const after = manifest("1.1.0", {}, { records: {} });
    const view = changesView({ manifest: after, diff: diffManifests(before, after), recordSets: [] });
    expect(view.records.map((r) => [r.heading, r.singular, r.removed])).toEqual([["schools", "schools", ["One (S1)"]]]);
    expect(changesView({ manifest: after, diff: diffManifests(after, after), recordSets: [] }).kinds).toBe("data file, number, figure and claim");
  });

  it("notes a figure redrawn since the release, linking to the changes page", () => {
    const before = manifest("1.0.0", {});
    const after = manifest("1.1.0", {});
    const state = { manifest: after, diff: diffManifests(before, after), recordSets: sets };
    expect(changesTitle(state)).toBe("What changed since 1.0.0");
    expect(figureNote(state, "f", [{ inputPath: "content/what-changed.md", url: "/what-changed/" }])).toEqual({ text: "Updated since 1.0.0", href: "/what-changed/#changed-figures" });
    expect(readableDate(null)).toBe("no dated data");
  });
});
