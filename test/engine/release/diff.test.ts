import { describe, expect, it } from "vitest";
import { differencesInWords, diffManifests } from "../../../scripts/engine/release/diff.ts";
import type { Manifest, ManifestFigure, ManifestStat, ManifestV1 } from "../../../scripts/engine/release/manifest.ts";

const A = "data/a.csv";
const B = "data/b.csv";
const stat = (value: number | string, text: string, label = "a number", files: readonly string[] = [A]): ManifestStat => ({ value, text, label, files });
const figure = (dataHash: string, drawingHash: string, label: string, href: string, files: readonly string[] = [A]): ManifestFigure => ({ dataHash, drawingHash, files, label, title: `${label} title`, href });

/**
 * A hand-made release and a later build that differ in every way the page reports.
 * data/a.csv is the same in both, data/b.csv changed, data/gone.csv went and data/new.csv came.
 */
const before: Manifest = {
  schema: 2,
  version: "1.0.0",
  dataAsOf: "2018-10-01",
  dataFiles: { [A]: "a1", [B]: "b1", "data/gone.csv": "g1" },
  stats: {
    // Its file changed: the cause.
    "outcomes.good": stat(21, "21%", "good share", [A, B]),
    "outcomes.inadequate": stat(29, "29%", "inadequate share", [B]),
    "outcomes.same": stat(4.75, "4.8%"),
    // Moved, but none of its files changed: the cause is code (a change of method).
    "outcomes.rounded": stat(4.75, "4.8%", "moves within rounding"),
    "projection.year": stat("2016/17", "2016/17", "last year", [B]),
    "old.stat": stat(3, "3", "a number", ["data/gone.csv"]),
    // The same value, worded differently: presentation.
    "outcomes.decimals": stat(4.75, "4.8%", "share with more decimals"),
    "outcomes.relabelled": stat(12, "12", "councils"),
  },
  figures: {
    kept: figure("k", "kd", "Figure 1.1", "/chapter-1/#figure-kept"),
    // New rows, from b.csv.
    updated: figure("u1", "ud", "Figure 1.2", "/chapter-1/#figure-updated", [A, B]),
    // New rows though its file is the same: code.
    recomputed: figure("c1", "cd", "Figure 1.3", "/chapter-1/#figure-recomputed"),
    // The same rows drawn differently (a colour, a caption): presentation, though its file changed.
    restyled: figure("s", "sd1", "Figure 1.4", "/chapter-1/#figure-restyled", [B]),
    // New rows and a new drawing: the data counts.
    both: figure("b1", "bd1", "Figure 1.5", "/chapter-1/#figure-both", [B]),
    dropped: figure("d", "dd", "Figure 2.1", "/chapter-2/#figure-dropped"),
  },
  claims: { "c-same": "reproduced", "c-flip": "reproduced", "c-gone": "differs" },
  records: {
    councils: { E06000001: "Ashvale", E06000002: "Brookmere", E06000003: "Cobbleton" },
    // Entries with fields: one regraded, one that gains a report link, one that goes.
    judgements: {
      "E06000001 2019-05-01": { name: "Ashvale — 1 May 2019", fields: [["Overall", "Good"], ["In care", "Outstanding"]] },
      "E06000001 2022-03-01": { name: "Ashvale — 1 March 2022", fields: [["Overall", "Good"]] },
      "E06000003 2019-07-01": { name: "Cobbleton — 1 July 2019", fields: [["Overall", "Inadequate"]] },
    },
    gone: { x: "X" },
  },
};

const after: Manifest = {
  schema: 2,
  version: "1.1.0",
  dataAsOf: "2019-01-15",
  dataFiles: { [A]: "a1", [B]: "b2", "data/new.csv": "n1" },
  stats: {
    "outcomes.good": stat(20, "20%", "good share", [A, B]),
    "outcomes.inadequate": stat(30, "30%", "inadequate share", [B]),
    "outcomes.same": stat(4.75, "4.8%"),
    "outcomes.rounded": stat(4.76, "4.8%", "moves within rounding"),
    "projection.year": stat("2017/18", "2017/18", "last year", [B]),
    "new.stat": stat(7, "7", "a number", ["data/new.csv"]),
    "outcomes.decimals": stat(4.75, "4.75%", "share with more decimals"),
    "outcomes.relabelled": stat(12, "12", "councils inspected"),
  },
  figures: {
    kept: figure("k", "kd", "Figure 1.1", "/chapter-1/#figure-kept"),
    updated: figure("u2", "ud", "Figure 1.2", "/chapter-1/#figure-updated", [A, B]),
    recomputed: figure("c2", "cd", "Figure 1.3", "/chapter-1/#figure-recomputed"),
    restyled: figure("s", "sd2", "Figure 1.4", "/chapter-1/#figure-restyled", [B]),
    both: figure("b2", "bd2", "Figure 1.5", "/chapter-1/#figure-both", [B]),
    added: figure("n", "nd", "Figure 3.1", "/chapter-3/#figure-added", ["data/new.csv"]),
  },
  claims: { "c-same": "reproduced", "c-flip": "differs", "c-new": "not_reproducible" },
  records: {
    councils: { E06000001: "Ashvale", E06000002: "Brookmere Vale", E06000004: "Dunmoor" },
    judgements: {
      "E06000001 2019-05-01": { name: "Ashvale — 1 May 2019", fields: [["Overall", "Good"], ["In care", "Good"]] },
      "E06000001 2022-03-01": { name: "Ashvale — 1 March 2022", fields: [["Overall", "Good"], ["Report", "https://r.example/1"]] },
      "E06000004 2023-01-10": { name: "Dunmoor — 10 January 2023", fields: [["Overall", "Outstanding"]] },
    },
    regions: { N: "North" },
  },
};

describe("diffManifests", () => {
  const diff = diffManifests(before, after);

  it("names both editions, and the schema of the release", () => {
    expect(diff.since).toEqual({ version: "1.0.0", dataAsOf: "2018-10-01", schema: 2 });
    expect(diff.current).toEqual({ version: "1.1.0", dataAsOf: "2019-01-15" });
    expect(diff.unchanged).toBe(false);
    expect(diff.dataChanged).toBe(true);
  });

  it("lists data files changed, added and removed, by name", () => {
    expect(diff.dataFiles).toEqual([
      { file: B, change: "changed", before: "b1", after: "b2" },
      { file: "data/gone.csv", change: "removed", before: "g1", after: null },
      { file: "data/new.csv", change: "added", before: null, after: "n1" },
    ]);
  });

  it("groups stats whose value changed by the first part of their key, each with its cause: its changed files, or none (code)", () => {
    expect(diff.stats).toEqual([
      { prefix: "new", changes: [{ key: "new.stat", label: "a number", before: null, after: "7", direction: "added", sameWhenRounded: false, causes: ["data/new.csv"] }] },
      { prefix: "old", changes: [{ key: "old.stat", label: "a number", before: "3", after: null, direction: "removed", sameWhenRounded: false, causes: ["data/gone.csv"] }] },
      {
        prefix: "outcomes",
        changes: [
          // Depends on a.csv (the same) and b.csv (changed): only b.csv is named.
          { key: "outcomes.good", label: "good share", before: "21%", after: "20%", direction: "down", sameWhenRounded: false, causes: [B] },
          { key: "outcomes.inadequate", label: "inadequate share", before: "29%", after: "30%", direction: "up", sameWhenRounded: false, causes: [B] },
          { key: "outcomes.rounded", label: "moves within rounding", before: "4.8%", after: "4.8%", direction: "up", sameWhenRounded: true, causes: [] },
        ],
      },
      { prefix: "projection", changes: [{ key: "projection.year", label: "last year", before: "2016/17", after: "2017/18", direction: "changed", sameWhenRounded: false, causes: [B] }] },
    ]);
  });

  it("lists stats with the same value but other text or label as presentation, not as changed numbers", () => {
    // Neither's file (a.csv) changed: the cause is code.
    expect(diff.presentation.stats).toEqual([
      { key: "outcomes.decimals", before: { text: "4.8%", label: "share with more decimals" }, after: { text: "4.75%", label: "share with more decimals" }, causes: [] },
      { key: "outcomes.relabelled", before: { text: "12", label: "councils" }, after: { text: "12", label: "councils inspected" }, causes: [] },
    ]);
    // A label that changes with the data (the year it names) has the changed file as its cause.
    const relabelled = diffManifests(before, { ...before, dataFiles: { ...before.dataFiles, [B]: "b2" }, stats: { ...before.stats, "outcomes.inadequate": stat(29, "29%", "inadequate share in 2019", [B]) } });
    expect(relabelled.presentation.stats).toEqual([{ key: "outcomes.inadequate", before: { text: "29%", label: "inadequate share" }, after: { text: "29%", label: "inadequate share in 2019" }, causes: [B] }]);
  });

  it("counts a share of other counts as a changed number though its value is the same, and compares by value a release that recorded no counts", () => {
    const share = (part: number, whole: number, base = true): ManifestStat => ({ ...stat((100 * part) / whole, `50% (${part} of ${whole})`, "a share", [B]), ...(base ? { base: { part, whole } } : {}) });
    const then = { ...before, stats: { "ilacs.share": share(2, 4) } };
    const now = { ...before, dataFiles: { ...before.dataFiles, [B]: "b2" }, stats: { "ilacs.share": share(3, 6) } };
    // 2 of 4, then 3 of 6: both 50%, from new data in b.csv.
    expect(diffManifests(then, now).stats).toEqual([{ prefix: "ilacs", changes: [{ key: "ilacs.share", label: "a share", before: "50% (2 of 4)", after: "50% (3 of 6)", direction: "changed", sameWhenRounded: false, causes: [B] }] }]);
    expect(diffManifests(then, now).presentation.stats).toEqual([]);
    // A release made before shares carried their counts: the same value with counts added is wording only.
    const older = { ...before, stats: { "ilacs.share": share(2, 4, false) } };
    expect(diffManifests(older, now).stats).toEqual([]);
    expect(diffManifests(older, now).presentation.stats.map((s) => s.key)).toEqual(["ilacs.share"]);
  });

  it("lists as updated exactly the figures whose plotted data changed, with the changed files behind them, or none (code)", () => {
    expect(diff.figures).toEqual([
      { key: "added", change: "added", label: "Figure 3.1", title: "Figure 3.1 title", href: "/chapter-3/#figure-added", causes: ["data/new.csv"] },
      { key: "both", change: "updated", label: "Figure 1.5", title: "Figure 1.5 title", href: "/chapter-1/#figure-both", causes: [B] },
      { key: "dropped", change: "removed", label: "Figure 2.1", title: "Figure 2.1 title", href: null, causes: [] },
      { key: "recomputed", change: "updated", label: "Figure 1.3", title: "Figure 1.3 title", href: "/chapter-1/#figure-recomputed", causes: [] },
      { key: "updated", change: "updated", label: "Figure 1.2", title: "Figure 1.2 title", href: "/chapter-1/#figure-updated", causes: [B] },
    ]);
  });

  it("lists a figure with the same rows and another drawing as redrawn, under presentation, naming the changed files behind it", () => {
    // Its file b.csv changed (an axis that runs to the new data's last year, say), but not its rows.
    expect(diff.presentation.figures).toEqual([{ key: "restyled", label: "Figure 1.4", title: "Figure 1.4 title", href: "/chapter-1/#figure-restyled", causes: [B] }]);
    const restyled = diffManifests(before, { ...before, figures: { ...before.figures, kept: figure("k", "kd2", "Figure 1.1", "/chapter-1/#figure-kept") } });
    expect(restyled.presentation.figures).toEqual([{ key: "kept", label: "Figure 1.1", title: "Figure 1.1 title", href: "/chapter-1/#figure-kept", causes: [] }]);
  });

  it("lists claims whose derived status changed", () => {
    expect(diff.claims).toEqual([
      { id: "c-flip", before: "reproduced", after: "differs" },
      { id: "c-gone", before: "differs", after: null },
      { id: "c-new", before: null, after: "not_reproducible" },
    ]);
  });

  it("lists each record set's entries added, removed, renamed and with fields changed, every set of either manifest by name", () => {
    expect(diff.records).toEqual([
      {
        name: "councils",
        compared: true,
        added: [{ key: "E06000004", name: "Dunmoor", fields: null }],
        removed: [{ key: "E06000003", name: "Cobbleton", fields: null }],
        renamed: [{ key: "E06000002", before: "Brookmere", after: "Brookmere Vale" }],
        changed: [],
      },
      // A set only one manifest kept is not compared: its entries would all count as added, or removed.
      { name: "gone", compared: false, added: [], removed: [], renamed: [], changed: [] },
      {
        name: "judgements",
        compared: true,
        added: [{ key: "E06000004 2023-01-10", name: "Dunmoor — 10 January 2023", fields: [["Overall", "Outstanding"]] }],
        removed: [{ key: "E06000003 2019-07-01", name: "Cobbleton — 1 July 2019", fields: [["Overall", "Inadequate"]] }],
        renamed: [],
        // Each changed field with its value then and now (null: the entry lacked it), in the order the entry has them now.
        changed: [
          { key: "E06000001 2019-05-01", name: "Ashvale — 1 May 2019", fields: [{ field: "In care", before: "Outstanding", after: "Good" }] },
          { key: "E06000001 2022-03-01", name: "Ashvale — 1 March 2022", fields: [{ field: "Report", before: null, after: "https://r.example/1" }] },
        ],
      },
      { name: "regions", compared: false, added: [], removed: [], renamed: [], changed: [] },
    ]);
  });

  it("counts a field that is dropped, and a name and fields changed together once", () => {
    const changed = diffManifests(after, {
      ...after,
      records: { ...after.records, judgements: { ...after.records.judgements, "E06000001 2022-03-01": { name: "Ashvale — 2 March 2022", fields: [["Overall", "Good"]] } } },
    });
    const judgements = changed.records.find((r) => r.name === "judgements");
    expect(judgements?.renamed).toEqual([{ key: "E06000001 2022-03-01", before: "Ashvale — 1 March 2022", after: "Ashvale — 2 March 2022" }]);
    expect(judgements?.changed).toEqual([{ key: "E06000001 2022-03-01", name: "Ashvale — 2 March 2022", fields: [{ field: "Report", before: "https://r.example/1", after: null }] }]);
    expect([changed.dataChanged, differencesInWords(changed, [{ name: "judgements", heading: "Judgements", singular: "judgement" }])]).toEqual([true, "1 judgement added, removed or changed"]);
  });

  it("finds nothing between a manifest and itself", () => {
    const same = diffManifests(before, { ...before, version: "1.0.1" });
    expect(same.unchanged).toBe(true);
    expect(same.dataChanged).toBe(false);
    expect([same.dataFiles, same.stats, same.figures, same.claims, same.presentation.figures, same.presentation.stats]).toEqual([[], [], [], [], [], []]);
    expect(same.records).toEqual([
      { name: "councils", compared: true, added: [], removed: [], renamed: [], changed: [] },
      { name: "gone", compared: true, added: [], removed: [], renamed: [], changed: [] },
      { name: "judgements", compared: true, added: [], removed: [], renamed: [], changed: [] },
    ]);
  });

  it("counts a later data date alone as a change of data", () => {
    const later = diffManifests(before, { ...before, dataAsOf: "2019-01-01" });
    expect([later.unchanged, later.dataChanged]).toEqual([false, true]);
  });

  it("counts presentation alone as a change, but not a change of data", () => {
    const restyled = diffManifests(before, { ...before, figures: { ...before.figures, kept: figure("k", "kd2", "Figure 1.1", "/chapter-1/#figure-kept") } });
    expect([restyled.unchanged, restyled.dataChanged, restyled.figures, restyled.presentation.figures.map((f) => f.key)]).toEqual([false, false, [], ["kept"]]);
    const reworded = diffManifests(before, { ...before, stats: { ...before.stats, "outcomes.same": stat(4.75, "4.8%", "another label") } });
    expect([reworded.unchanged, reworded.dataChanged, reworded.stats]).toEqual([false, false, []]);
  });
});

describe("diffManifests against a release of schema 1", () => {
  /** The same release as `before`, as schema 1 recorded it: stats without files, one hash per figure. */
  const v1: ManifestV1 = {
    ...before,
    schema: 1,
    stats: Object.fromEntries(Object.entries(before.stats).map(([key, { value, text, label }]) => [key, { value, text, label }])),
    figures: Object.fromEntries(Object.entries(before.figures).map(([key, f]) => [key, { hash: `old-${key}`, label: f.label, title: f.title, href: f.href }])),
  };
  // The current build's figures hashed as schema 1 did: kept is the same; the others differ.
  const schema1Hashes = { kept: "old-kept", updated: "new", recomputed: "new", restyled: "new", both: "new", added: "new" };
  const diff = diffManifests(v1, after, { schema1Hashes });

  it("says which schema the release was", () => {
    expect(diff.since.schema).toBe(1);
  });

  it("compares stats by value and wording, naming causes from the build's record of their files", () => {
    expect(diff.stats).toEqual(diffManifests(before, after).stats.map((group) => (group.prefix === "old" ? { prefix: "old", changes: group.changes.map((c) => ({ ...c, causes: [] })) } : group)));
    expect(diff.presentation.stats.map((s) => s.key)).toEqual(["outcomes.decimals", "outcomes.relabelled"]);
  });

  it("counts a figure that differs as differing (not updated) when a file it depends on changed, and as redrawn when none did", () => {
    // updated (a.csv, b.csv), restyled (b.csv) and both (b.csv) depend on the changed b.csv: new rows
    // or a new drawing, schema 1 cannot tell which. recomputed depends on a.csv alone: redrawn.
    expect(diff.figures.map((f) => [f.key, f.change, f.causes])).toEqual([
      ["added", "added", ["data/new.csv"]],
      ["both", "differs", [B]],
      ["dropped", "removed", []],
      ["restyled", "differs", [B]],
      ["updated", "differs", [B]],
    ]);
    expect(diff.presentation.figures.map((f) => f.key)).toEqual(["recomputed"]);
  });

  it("without the build's schema-1 hashes, counts every figure as different", () => {
    expect(diffManifests(v1, after).presentation.figures.map((f) => f.key)).toEqual(["kept", "recomputed"]);
  });
});

describe("differencesInWords", () => {
  it("counts each kind that differs, in a sentence, naming record sets by the build's words", () => {
    const sets = [{ name: "councils", heading: "Councils", singular: "council" }];
    expect(differencesInWords(diffManifests(before, after), sets)).toBe(
      "3 data files, 6 numbers, 5 figures' plotted data, 3 claims' statuses, 3 councils added, removed or changed, 4 judgements added, removed or changed and the date the data runs to",
    );
    const one = diffManifests(before, { ...before, stats: { ...before.stats, "outcomes.same": stat(5, "5%") } });
    expect(differencesInWords(one, sets)).toBe("1 number");
  });
});
