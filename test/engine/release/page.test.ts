/** What the "What changed" page says (scripts/engine/release/page.ts and _includes/what-changed.njk), from hand-made manifests. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { partialRenderer } from "../../../scripts/engine/eleventy/partials.ts";
import { ENGINE_ROOT } from "../../../scripts/engine/locations.ts";
import { diffManifests } from "../../../scripts/engine/release/diff.ts";
import type { Manifest, ManifestFigure, ManifestStat, ManifestV1 } from "../../../scripts/engine/release/manifest.ts";
import { changesTitle, changesView, figureNote, readableDate } from "../../../scripts/engine/release/page.ts";
import type { ReleaseState } from "../../../scripts/engine/release/store.ts";

const figure = (dataHash: string, drawingHash = "d", files: readonly string[] = ["data/a.csv"]): ManifestFigure => ({ dataHash, drawingHash, files, label: "Figure 1.1", title: "A finding", href: "/chapter-1/#figure-f" });
const stat = (value: number, text: string, label = "a share", files: readonly string[] = ["data/a.csv"]): ManifestStat => ({ value, text, label, files });

const manifest = (version: string, councils: Record<string, string>, extra: Partial<Manifest> = {}): Manifest => ({
  schema: 2,
  version,
  dataAsOf: "2026-07-03",
  dataFiles: { "data/a.csv": "a1", "data/b.csv": "b1" },
  stats: {},
  figures: { f: figure(version) },
  claims: {},
  records: { councils },
  ...extra,
});
const sets = [{ name: "councils", heading: "Councils", singular: "council" }];
const PAGES = [{ inputPath: "content/what-changed.md", url: "/what-changed/" }];

/** A state comparing `after` with `before`, as the build makes it when `after`'s version is not recorded. */
const compared = (before: Manifest | ManifestV1, after: Manifest, options = {}): ReleaseState => ({ manifest: after, diff: diffManifests(before, after, options), recorded: null, recordSets: sets, warning: null });

const render = partialRenderer([path.join(ENGINE_ROOT, "_includes")]);
const page = (state: ReleaseState) => render("what-changed.njk", { view: changesView(state) });
/** The page's text without tags, one line per line of HTML. */
const words = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#39;/g, "'");
const headings = (html: string) => [...html.matchAll(/<h([23]) id="([^"]+)">([^<]+)<\/h[23]>/g)].map((m) => `h${m[1]} ${m[2]} ${m[3]}`);

describe("changesView", () => {
  it("before any release: says there is nothing to compare with", () => {
    const state: ReleaseState = { manifest: manifest("1.0.0", {}), diff: null, recorded: null, recordSets: sets, warning: null };
    expect(changesView(state)).toMatchObject({ version: "1.0.0", dataAsOf: "3 July 2026", since: null, recorded: null, mismatch: null, unchanged: false, records: [] });
    expect(changesTitle(state)).toBe("What changed");
    expect(figureNote(state, "f", [])).toBeNull();
    expect(words(page(state))).toContain("This is version 1.0.0 of the report, with data up to 3 July 2026. No earlier release has been recorded, so there is nothing to compare it with yet.");
  });

  it("words each record set's changes with the build's names for it, and lists every kind it compared", () => {
    const before = manifest("1.0.0", { E1: "Ashvale", E2: "Brookmere" });
    const after = manifest("1.1.0", { E1: "Ashvale Vale", E3: "Cobbleton" });
    const view = changesView(compared(before, after));
    expect(view.since).toEqual({ version: "1.0.0", dataAsOf: "3 July 2026" });
    expect(view.records).toEqual([{ name: "councils", heading: "Councils", singular: "council", compared: true, added: ["Cobbleton (E3)"], removed: ["Brookmere (E2)"], renamed: ["Ashvale is now Ashvale Vale (E1)"], changed: [] }]);
    expect(view.kinds).toBe("data file, number, figure, claim and council");
  });

  it("words a set's entries with fields: each added or removed with what it said, each changed field then and now; the key only where the set shows it", () => {
    const judgement = (name: string, ...fields: [string, string][]) => ({ name, fields });
    const before = manifest("1.0.0", {}, {
      records: {
        judgements: {
          "E1 2024-07-23": judgement("Ashvale — ILACS short inspection published 23 July 2024", ["Overall", "Good"], ["Children in care", "Outstanding"], ["Report", "https://r.example/1"]),
          "E2 2019-05-01": judgement("Brookmere — SIF published 1 May 2019", ["Overall", "Inadequate"]),
        },
      },
    });
    const after = manifest("1.1.0", {}, {
      records: {
        judgements: {
          "E1 2024-07-23": judgement("Ashvale — ILACS short inspection published 23 July 2024", ["Overall", "Good"], ["Children in care", "Good"]),
          "E3 2026-02-20": judgement("Cobbleton — ILACS standard inspection published 20 February 2026", ["Overall", "Good"], ["Leadership", "Outstanding"]),
        },
      },
    });
    const judgements = { name: "judgements", heading: "Inspection judgements", singular: "judgement", showKeys: false };
    const state = { ...compared(before, after), recordSets: [judgements] };
    expect(changesView(state).records).toEqual([
      {
        name: "judgements",
        heading: "Inspection judgements",
        singular: "judgement",
        compared: true,
        added: ["Cobbleton — ILACS standard inspection published 20 February 2026: Overall: Good; Leadership: Outstanding"],
        removed: ["Brookmere — SIF published 1 May 2019: Overall: Inadequate"],
        renamed: [],
        changed: ["Ashvale — ILACS short inspection published 23 July 2024: Children in care: Outstanding → Good; Report: https://r.example/1 → (none)"],
      },
    ]);
    const html = page(state);
    expect(html).toContain('<h3 id="changed-judgements">Inspection judgements</h3>');
    expect(words(html)).toContain("Changed: Ashvale — ILACS short inspection published 23 July 2024: Children in care: Outstanding → Good; Report: https://r.example/1 → (none)");
    // With its keys shown, as the councils are.
    expect(changesView({ ...state, recordSets: [{ ...judgements, showKeys: true }] }).records[0].added).toEqual(["Cobbleton — ILACS standard inspection published 20 February 2026 (E3 2026-02-20): Overall: Good; Leadership: Outstanding"]);
  });

  it("does not compare a set the release did not record, and says so", () => {
    const before = manifest("1.0.0", { E1: "Ashvale" });
    // The same figure rows as 1.0.0 (manifest() gives each version its own).
    const after = manifest("1.1.0", { E1: "Ashvale" }, { figures: { f: figure("1.0.0") }, records: { councils: { E1: "Ashvale" }, judgements: { "E1 2024": { name: "Ashvale 2024", fields: [["Overall", "Good"]] } } } });
    const state = { ...compared(before, after), recordSets: [...sets, { name: "judgements", heading: "Inspection judgements", singular: "judgement", showKeys: false }] };
    const view = changesView(state);
    expect(view.records.map((r) => [r.name, r.compared, r.added])).toEqual([["councils", true, []], ["judgements", false, []]]);
    expect(view.unchanged).toBe(true);
    // Only the sets compared are named among what the page compares.
    expect(view.kinds).toBe("data file, number, figure, claim and council");
    const restyled = page({ ...state, diff: diffManifests(before, { ...after, figures: { f: figure("1.0.0", "redrawn") } }) });
    expect(words(restyled)).toContain("Only one of release 1.0.0 and this version records its inspection judgements, so they are not compared here; the next release will be compared with this one.");
    expect(headings(restyled)).not.toContain("h3 changed-judgements Inspection judgements");
    expect(words(restyled)).toContain("and so is every council. Only the way");
  });

  it("names a set the build no longer keeps by its name, and lists the kinds without one when there is none", () => {
    const before = manifest("1.0.0", {}, { records: { schools: { S1: "One" } } });
    const after = manifest("1.1.0", {}, { records: {} });
    const view = changesView({ ...compared(before, after), recordSets: [] });
    // Not compared: the build keeps no such set (its entries are not listed as removed).
    expect(view.records.map((r) => [r.heading, r.singular, r.compared, r.removed])).toEqual([["schools", "schools", false, []]]);
    expect(changesView({ ...compared(after, after), recordSets: [] }).kinds).toBe("data file, number, figure and claim");
  });

  it("notes a figure whose plotted data changed since the release, linking to the changes page", () => {
    const state = compared(manifest("1.0.0", {}), manifest("1.1.0", {}));
    expect(changesTitle(state)).toBe("What changed since 1.0.0");
    expect(figureNote(state, "f", PAGES)).toEqual({ text: "Updated since 1.0.0", href: "/what-changed/#changed-figures" });
    expect(readableDate(null)).toBe("no dated data");
  });

  it("notes no figure drawn or worded differently with the same data, and lists it under presentation", () => {
    const before = manifest("1.0.0", {}, { figures: { f: figure("same", "old drawing") } });
    const after = manifest("1.1.0", {}, { figures: { f: figure("same", "new drawing") } });
    const state = compared(before, after);
    expect(figureNote(state, "f", PAGES)).toBeNull();
    expect(changesView(state)).toMatchObject({ unchanged: false, dataChanged: false, figures: [], redrawn: [{ label: "Figure 1.1", title: "A finding", href: "/chapter-1/#figure-f", causes: [] }] });
  });

  it("gives each changed number its cause: the changed files behind it, or none (code); a reworded number is presentation", () => {
    const before = manifest("1.0.0", {}, { stats: { "g.a": stat(29, "29%"), "g.b": stat(47, "47%", "a share", ["data/b.csv"]), "g.c": stat(4.75, "4.8%") } });
    const after = manifest("1.1.0", {}, {
      dataFiles: { "data/a.csv": "a1", "data/b.csv": "b2" },
      stats: { "g.a": stat(30, "30%"), "g.b": stat(46, "46%", "a share", ["data/b.csv"]), "g.c": stat(4.75, "4.75%", "a finer share") },
    });
    const view = changesView(compared(before, after));
    expect(view.statGroups).toEqual([
      {
        prefix: "g",
        rows: [
          { key: "g.a", label: "a share", before: "29%", after: "30%", change: "up", causes: [] },
          { key: "g.b", label: "a share", before: "47%", after: "46%", change: "down", causes: ["data/b.csv"] },
        ],
      },
    ]);
    expect(view.reworded).toEqual([{ key: "g.c", label: "a finer share", before: "4.8%", after: "4.75%", change: "its text and its label", causes: [] }]);
  });

  it("when the build is its version's recorded release, says so and compares with the previous release, or says there is none", () => {
    const before = manifest("1.0.0", {});
    const after = manifest("1.1.0", {});
    const recordedView = changesView({ ...compared(before, after), recorded: { version: "1.1.0", matches: true, restyled: false } });
    expect(recordedView).toMatchObject({ recorded: { version: "1.1.0" }, since: { version: "1.0.0" }, mismatch: null });
    expect(words(page({ ...compared(before, after), recorded: { version: "1.1.0", matches: true, restyled: false } }))).toContain(
      "This is version 1.1.0 of the report, with data up to 3 July 2026, as recorded for release 1.1.0: nothing has changed since it was recorded. What changed in it is listed here against the previous release, 1.0.0, whose data ran up to 3 July 2026.",
    );
    const first: ReleaseState = { manifest: before, diff: null, recorded: { version: "1.0.0", matches: true, restyled: false }, recordSets: sets, warning: null };
    expect(changesTitle(first)).toBe("What changed");
    // Drawn or worded differently since it was recorded (the same data and results): said so, not "nothing".
    expect(words(page({ ...compared(before, after), recorded: { version: "1.1.0", matches: true, restyled: true } }))).toContain(
      "as recorded for release 1.1.0: its data and results are as recorded, and only the way it is drawn or worded has changed since. What changed in it is listed here against the previous release, 1.0.0,",
    );
    expect(words(page(first))).toContain("This is version 1.0.0 of the report, with data up to 3 July 2026, as recorded for release 1.0.0: nothing has changed since it was recorded. No earlier release has been recorded, so there is nothing to compare it with.");
  });

  it("when the build differs from its version's recorded release, says so in plain words, compares nothing and notes no figure", () => {
    const recorded = manifest("1.0.0", { E1: "Ashvale" }, { stats: { "g.a": stat(29, "29%"), "g.b": stat(3, "3", "a count", ["data/b.csv"]) } });
    const build = manifest("1.0.0", { E1: "Ashvale", E2: "Brookmere" }, {
      dataFiles: { "data/a.csv": "a2", "data/b.csv": "b1" },
      stats: { "g.a": stat(30, "30%"), "g.b": stat(4, "4", "a count", ["data/b.csv"]) },
    });
    const state: ReleaseState = { manifest: build, diff: null, recorded: { version: "1.0.0", matches: false, differences: diffManifests(recorded, build) }, recordSets: sets, warning: "…" };
    expect(changesTitle(state)).toBe("What changed");
    expect(figureNote(state, "f", PAGES)).toBeNull();
    const view = changesView(state);
    expect(view.since).toBeNull();
    expect(view.mismatch).toEqual({
      version: "1.0.0",
      // g.a depends on the changed a.csv, g.b on b.csv alone (the same): its change came from code.
      // The figure f plots the same rows in both (its dataHash is the version, 1.0.0 in both).
      summary: "1 data file, 2 numbers and 1 council added, removed or changed",
      items: ["Data files: data/a.csv (changed)", "Numbers: g.a and g.b (1 of them from code: no data file behind them changed)", "Councils: Brookmere (E2) added"],
    });
    const text = words(page(state));
    expect(text).toContain("This is version 1.0.0 of the report, with data up to 3 July 2026. Release 1.0.0 is already recorded, and this build is not that release: it differs from it in 1 data file, 2 numbers and 1 council added, removed or changed.");
    expect(text).toContain("So this page does not compare version 1.0.0 with itself.");
    expect(headings(page(state))).toEqual([]);
  });
});

describe("the page", () => {
  /** Data and presentation both changed: b.csv changed, so did a number and a figure's rows; another figure and a number are only reworded. */
  const before = manifest("1.0.0", { E1: "Ashvale" }, {
    stats: { "g.a": stat(29, "29%", "a share", ["data/b.csv"]), "g.c": stat(4.75, "4.8%") },
    figures: { f: figure("rows 1", "d", ["data/b.csv"]), s: { ...figure("rows", "old"), label: "Figure 1.2", title: "Restyled", href: "/chapter-1/#figure-s" } },
  });
  const after = manifest("1.1.0", { E1: "Ashvale" }, {
    dataFiles: { "data/a.csv": "a1", "data/b.csv": "b2" },
    stats: { "g.a": stat(30, "30%", "a share", ["data/b.csv"]), "g.c": stat(4.75, "4.75%") },
    figures: { f: figure("rows 2", "d", ["data/b.csv"]), s: { ...figure("rows", "new"), label: "Figure 1.2", title: "Restyled", href: "/chapter-1/#figure-s" } },
  });
  const html = page(compared(before, after));

  it("shows the data's changes first, then presentation and method", () => {
    expect(headings(html)).toEqual([
      "h2 data-changes Data changed",
      "h3 changed-data Data files",
      "h3 changed-numbers Numbers",
      "h3 changed-figures Figures",
      "h3 changed-claims Claims",
      "h3 changed-councils Councils",
      "h2 presentation-changes Presentation and method changes",
      "h3 redrawn-figures Figures drawn or worded differently",
      "h3 reworded-numbers Numbers worded differently",
    ]);
  });

  it("names each changed number's and updated figure's cause, and lists the redrawn figure and reworded number apart", () => {
    expect(html).toContain("<td>29%</td><td>30%</td><td>up</td><td><code>data/b.csv</code></td>");
    expect(html).toContain('<li><a href="/chapter-1/#figure-f">Figure 1.1</a>: A finding (updated, from <code>data/b.csv</code>)</li>');
    const presentation = html.slice(html.indexOf('id="presentation-changes"'));
    // Neither's file (a.csv) changed: code or style.
    expect(presentation).toContain('<li><a href="/chapter-1/#figure-s">Figure 1.2</a>: Restyled (code or style)</li>');
    expect(presentation).toContain("<td>4.8%</td><td>4.75%</td><td>its text</td><td>code or style</td>");
    expect(html.slice(0, html.indexOf('id="presentation-changes"'))).not.toContain("Restyled");
  });

  it("names code as the cause when no file behind a number changed", () => {
    const code = page(compared(before, { ...before, version: "1.1.0", stats: { ...before.stats, "g.a": stat(31, "31%", "a share", ["data/b.csv"]) } }));
    expect(code).toContain("<td>29%</td><td>31%</td><td>up</td><td>code</td>");
    expect(code).toContain("No data file has changed.");
    expect(code).toContain("Nothing is drawn or worded differently since release 1.0.0.");
  });

  it("names the changed data files behind a figure redrawn with the same rows", () => {
    // f depends on b.csv, which changed; its rows are the same, its drawing not (an axis that runs to the new data's last year).
    const framed = page(compared(before, { ...after, figures: { ...after.figures, f: figure("rows 1", "longer axis", ["data/b.csv"]) } }));
    expect(framed.slice(framed.indexOf('id="presentation-changes"'))).toContain('<li><a href="/chapter-1/#figure-f">Figure 1.1</a>: A finding (with the new data in <code>data/b.csv</code>)</li>');
  });

  it("says the data is unchanged when only the presentation changed", () => {
    const restyled = page(compared(before, { ...before, version: "1.1.0", figures: { ...before.figures, f: figure("rows 1", "redrawn", ["data/b.csv"]) } }));
    expect(headings(restyled)).toEqual(["h2 data-changes Data changed", "h2 presentation-changes Presentation and method changes", "h3 redrawn-figures Figures drawn or worded differently", "h3 reworded-numbers Numbers worded differently"]);
    expect(words(restyled)).toContain("No data has changed since release 1.0.0: every data file, number, figure's plotted data and claim is as it was, and so is every council. Only the way the report presents them has changed (below).");
  });

  it("says nothing changed when nothing did", () => {
    const same = page(compared(before, { ...before, version: "1.1.0" }));
    expect(headings(same)).toEqual([]);
    expect(words(same)).toContain("Nothing has changed since release 1.0.0: every data file, number, figure, claim and council is as it was.");
  });

  it("against a release of schema 1, says what it cannot tell, and notes no figure that only differs", () => {
    const v1: ManifestV1 = { ...before, schema: 1, stats: { "g.c": { value: 4.75, text: "4.8%", label: "a share" } }, figures: { s: { hash: "old s", label: "Figure 1.2", title: "Restyled", href: "/chapter-1/#figure-s" }, f: { hash: "old f", label: "Figure 1.1", title: "A finding", href: "/chapter-1/#figure-f" } } };
    // Both figures differ from their schema-1 hashes: f depends on the changed b.csv (differs); s on a.csv alone (redrawn).
    const state = compared(v1, after, { schema1Hashes: { f: "new f", s: "new s" } });
    // f differs and its file changed: new rows or a new drawing, schema 1 cannot tell which; no note.
    expect(figureNote(state, "f", PAGES)).toBeNull();
    expect(page(state)).toContain('<li><a href="/chapter-1/#figure-f">Figure 1.1</a>: A finding (differs, with a change in <code>data/b.csv</code>)</li>');
    expect(figureNote(state, "s", PAGES)).toBeNull();
    const text = words(page(state));
    expect(text).toContain(
      "Release 1.0.0 recorded each figure's data and drawing in one fingerprint. A figure that differs from it while a data file it is drawn from changed is listed here as differing: this page cannot tell whether it plots other data or is only drawn differently (a file can change in a column no figure plots), so it carries no note.",
    );
    expect(text).toContain("None of the data files these figures are drawn from has changed. Release 1.0.0 recorded each figure's data and drawing in one fingerprint, so for these figures this page cannot tell a new drawing from rows that new code works out differently.");
  });
});

describe("a claim's status on the What changed page", () => {
  it("names the register's new status in words: a claim checked only against the report's own figures is consistent with them", () => {
    const before = manifest("1.0.0", {}, { claims: { "ch1-a": "reproduced", "ch1-b": "reproduced" } });
    const after = manifest("1.1.0", {}, { claims: { "ch1-a": "consistent", "ch1-b": "reproduced" } });
    expect(changesView(compared(before, after)).claims).toEqual([{ id: "ch1-a", before: "reproduced", after: "consistent with the report's own figures" }]);
  });
});

describe("the What changed page's anchors", () => {
  it("gives the table of changed claim counts an id of its own, apart from the Claims heading's", () => {
    // Claim counts are numbers whose keys start "claims.": their table once took the id "changed-claims", the Claims heading's.
    const before = manifest("1.0.0", {}, { stats: { "claims.count.total": stat(153, "153", "number of claims") }, claims: { "ch1-a": "reproduced" } });
    const after = manifest("1.1.0", {}, { stats: { "claims.count.total": stat(92, "92", "number of claims") }, claims: { "ch1-a": "consistent" } });
    const ids = [...page(compared(before, after)).matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toContain("changed-claims");
    expect(ids).toContain("changed-numbers-claims");
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
