import { describe, expect, it } from "vitest";
import { diffManifests } from "../../../scripts/engine/release/diff.ts";
import type { Manifest, ManifestStat } from "../../../scripts/engine/release/manifest.ts";

const stat = (value: number | string, text: string, label = "a number"): ManifestStat => ({ value, text, label });
const figure = (hash: string, label: string, href: string) => ({ hash, label, title: `${label} title`, href });

/** A hand-made release and a later build that differ in every way the page reports. */
const before: Manifest = {
  schema: 1,
  version: "1.0.0",
  dataAsOf: "2018-10-01",
  dataFiles: { "data/a.csv": "a1", "data/b.csv": "b1", "data/gone.csv": "g1" },
  stats: {
    "outcomes.good": stat(21, "21%", "good share"),
    "outcomes.inadequate": stat(29, "29%", "inadequate share"),
    "outcomes.same": stat(4.75, "4.8%"),
    "outcomes.rounded": stat(4.75, "4.8%", "moves within rounding"),
    "projection.year": stat("2016/17", "2016/17", "last year"),
    "old.stat": stat(3, "3"),
  },
  figures: {
    kept: figure("k", "Figure 1.1", "/chapter-1/#figure-kept"),
    redrawn: figure("r1", "Figure 1.2", "/chapter-1/#figure-redrawn"),
    dropped: figure("d", "Figure 2.1", "/chapter-2/#figure-dropped"),
  },
  claims: { "c-same": "reproduced", "c-flip": "reproduced", "c-gone": "differs" },
  records: { councils: { E06000001: "Ashvale", E06000002: "Brookmere", E06000003: "Cobbleton" }, gone: { x: "X" } },
};

const after: Manifest = {
  schema: 1,
  version: "1.1.0",
  dataAsOf: "2019-01-15",
  dataFiles: { "data/a.csv": "a1", "data/b.csv": "b2", "data/new.csv": "n1" },
  stats: {
    "outcomes.good": stat(20, "20%", "good share"),
    "outcomes.inadequate": stat(30, "30%", "inadequate share"),
    "outcomes.same": stat(4.75, "4.8%"),
    "outcomes.rounded": stat(4.76, "4.8%", "moves within rounding"),
    "projection.year": stat("2017/18", "2017/18", "last year"),
    "new.stat": stat(7, "7"),
  },
  figures: {
    kept: figure("k", "Figure 1.1", "/chapter-1/#figure-kept"),
    redrawn: figure("r2", "Figure 1.2", "/chapter-1/#figure-redrawn"),
    added: figure("n", "Figure 3.1", "/chapter-3/#figure-added"),
  },
  claims: { "c-same": "reproduced", "c-flip": "differs", "c-new": "not_reproducible" },
  records: { councils: { E06000001: "Ashvale", E06000002: "Brookmere Vale", E06000004: "Dunmoor" }, regions: { N: "North" } },
};

describe("diffManifests", () => {
  const diff = diffManifests(before, after);

  it("names both editions", () => {
    expect(diff.since).toEqual({ version: "1.0.0", dataAsOf: "2018-10-01" });
    expect(diff.current).toEqual({ version: "1.1.0", dataAsOf: "2019-01-15" });
    expect(diff.unchanged).toBe(false);
  });

  it("lists data files changed, added and removed, by name", () => {
    expect(diff.dataFiles).toEqual([
      { file: "data/b.csv", change: "changed", before: "b1", after: "b2" },
      { file: "data/gone.csv", change: "removed", before: "g1", after: null },
      { file: "data/new.csv", change: "added", before: null, after: "n1" },
    ]);
  });

  it("groups changed stats by the first part of their key, with old and new text and the direction", () => {
    expect(diff.stats).toEqual([
      { prefix: "new", changes: [{ key: "new.stat", label: "a number", before: null, after: "7", direction: "added", sameWhenRounded: false }] },
      { prefix: "old", changes: [{ key: "old.stat", label: "a number", before: "3", after: null, direction: "removed", sameWhenRounded: false }] },
      {
        prefix: "outcomes",
        changes: [
          { key: "outcomes.good", label: "good share", before: "21%", after: "20%", direction: "down", sameWhenRounded: false },
          { key: "outcomes.inadequate", label: "inadequate share", before: "29%", after: "30%", direction: "up", sameWhenRounded: false },
          { key: "outcomes.rounded", label: "moves within rounding", before: "4.8%", after: "4.8%", direction: "up", sameWhenRounded: true },
        ],
      },
      { prefix: "projection", changes: [{ key: "projection.year", label: "last year", before: "2016/17", after: "2017/18", direction: "changed", sameWhenRounded: false }] },
    ]);
  });

  it("lists figures whose hash changed, with where they appear now", () => {
    expect(diff.figures).toEqual([
      { key: "added", change: "added", label: "Figure 3.1", title: "Figure 3.1 title", href: "/chapter-3/#figure-added" },
      { key: "dropped", change: "removed", label: "Figure 2.1", title: "Figure 2.1 title", href: null },
      { key: "redrawn", change: "redrawn", label: "Figure 1.2", title: "Figure 1.2 title", href: "/chapter-1/#figure-redrawn" },
    ]);
  });

  it("lists claims whose derived status changed", () => {
    expect(diff.claims).toEqual([
      { id: "c-flip", before: "reproduced", after: "differs" },
      { id: "c-gone", before: "differs", after: null },
      { id: "c-new", before: null, after: "not_reproducible" },
    ]);
  });

  it("lists each record set's entries added, removed and renamed, every set of either manifest by name", () => {
    expect(diff.records).toEqual([
      {
        name: "councils",
        added: [{ key: "E06000004", name: "Dunmoor" }],
        removed: [{ key: "E06000003", name: "Cobbleton" }],
        renamed: [{ key: "E06000002", before: "Brookmere", after: "Brookmere Vale" }],
      },
      // A set no longer kept loses all its entries; a new set gains all of them.
      { name: "gone", added: [], removed: [{ key: "x", name: "X" }], renamed: [] },
      { name: "regions", added: [{ key: "N", name: "North" }], removed: [], renamed: [] },
    ]);
  });

  it("finds nothing between a manifest and itself", () => {
    const same = diffManifests(before, { ...before, version: "1.0.1" });
    expect(same.unchanged).toBe(true);
    expect([same.dataFiles, same.stats, same.figures, same.claims]).toEqual([[], [], [], []]);
    expect(same.records).toEqual([
      { name: "councils", added: [], removed: [], renamed: [] },
      { name: "gone", added: [], removed: [], renamed: [] },
    ]);
  });

  it("counts a later data date alone as a change", () => {
    expect(diffManifests(before, { ...before, dataAsOf: "2019-01-01" }).unchanged).toBe(false);
  });
});
