import { createHash } from "node:crypto";
import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { buildManifest, dataAsOf, manifestJson, parseManifest, stableJson, type ManifestInput } from "../../../scripts/engine/release/manifest.ts";
import { cacheKey } from "../../../scripts/engine/render/cache.ts";
import { count, percent, text } from "../../../scripts/engine/stats/format.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";

const spec = (values: object[]): TopLevelSpec => ({ data: { values }, mark: "bar", encoding: { x: { field: "a", type: "nominal" } } });
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function input(overrides: Partial<ManifestInput> = {}): ManifestInput {
  return {
    version: "1.2.0",
    dataAsOf: "2015-03-31",
    // Deliberately out of order: the manifest sorts every record by key.
    dataFiles: [
      { file: "data/national/b.csv", sha256: "bb" },
      { file: "data/councils/a.csv", sha256: "aa" },
    ],
    stats: new StatRegistry([
      { key: "outcomes.variation.late", value: 1.75, format: percent(1), label: "late variation" },
      { key: "outcomes.variation.early", value: 4.75, format: percent(1), label: "early variation" },
      { key: "outcomes.years.first", value: "2007/08", format: text(), label: "first year" },
      { key: "broken.value", value: Number.NaN, format: count(), label: "a value that failed to compute" },
    ]),
    figures: [{ key: "grades", specs: [spec([{ a: "x" }])], label: "Figure 1.1", title: "Grades fell", href: "/chapter-1/#figure-grades" }],
    claims: [
      { id: "ch1-b", status: "differs" },
      { id: "ch1-a", status: "reproduced" },
    ],
    records: [
      {
        name: "councils",
        entries: [
          { key: "E09000002", name: "Barking and Dagenham" },
          { key: "E06000001", name: "Hartlepool" },
        ],
      },
    ],
    ...overrides,
  };
}

describe("buildManifest", () => {
  const manifest = buildManifest(input());

  it("records version, date, data hashes, stats with their text, claims and record sets by key", () => {
    expect(manifest.version).toBe("1.2.0");
    expect(manifest.dataAsOf).toBe("2015-03-31");
    expect(manifest.dataFiles).toEqual({ "data/councils/a.csv": "aa", "data/national/b.csv": "bb" });
    expect(manifest.stats["outcomes.variation.early"]).toEqual({ value: 4.75, text: "4.8%", label: "early variation" });
    expect(manifest.stats["outcomes.years.first"]).toEqual({ value: "2007/08", text: "2007/08", label: "first year" });
    // A stat no page could quote is recorded as having no value, not as a build failure.
    expect(manifest.stats["broken.value"]).toEqual({ value: null, text: null, label: "a value that failed to compute" });
    expect(manifest.claims).toEqual({ "ch1-a": "reproduced", "ch1-b": "differs" });
    expect(manifest.records).toEqual({ councils: { E06000001: "Hartlepool", E09000002: "Barking and Dagenham" } });
  });

  it("hashes each figure's spec (with its data) the way the SVG cache does, minus the renderer", () => {
    const figureSpec = spec([{ a: "x" }]);
    expect(manifest.figures.grades).toEqual({ hash: sha256(JSON.stringify(figureSpec)), label: "Figure 1.1", title: "Grades fell", href: "/chapter-1/#figure-grades" });
    // The cache key is the same hash with the renderer's identity in front.
    expect(cacheKey(figureSpec, "renderer")).toBe(sha256(`renderer\0${JSON.stringify(figureSpec)}`));
    // Other plotted data, other hash.
    // A figure drawn at two widths: its hash covers both renderings, so a change to the narrow one alone is a change.
    const both = (narrow: TopLevelSpec) => buildManifest(input({ figures: [{ key: "grades", specs: [figureSpec, narrow], label: "Figure 1.1", title: "Grades fell", href: "/" }] })).figures.grades.hash;
    expect(both(spec([{ a: "x" }]))).toBe(sha256(`${JSON.stringify(figureSpec)}\0${JSON.stringify(spec([{ a: "x" }]))}`));
    expect(both(spec([{ a: "z" }]))).not.toBe(both(spec([{ a: "x" }])));
    expect(buildManifest(input({ figures: [{ key: "grades", specs: [spec([{ a: "y" }])], label: "Figure 1.1", title: "Grades fell", href: "/" }] })).figures.grades.hash).not.toBe(manifest.figures.grades.hash);
  });

  it("writes the same bytes whatever order the inputs come in", () => {
    const reversed = input({ dataFiles: [...input().dataFiles].reverse(), claims: [...input().claims].reverse(), records: [{ name: "councils", entries: [...input().records[0].entries].reverse() }] });
    expect(manifestJson(buildManifest(reversed))).toBe(manifestJson(manifest));
    const json = manifestJson(manifest);
    expect(json.endsWith("}\n")).toBe(true);
    // Top-level keys in sorted order, each record set among them under its name.
    expect(Object.keys(JSON.parse(json))).toEqual(["claims", "councils", "dataAsOf", "dataFiles", "figures", "schema", "stats", "version"]);
    expect(JSON.parse(json).councils).toEqual({ E06000001: "Hartlepool", E09000002: "Barking and Dagenham" });
    // Read back, the record sets are gathered again: the manifest makes the round trip whole.
    expect(parseManifest(json, "m.json")).toEqual(manifest);
  });

  it("refuses a file that is not a manifest", () => {
    expect(() => parseManifest("{", "releases/1.0.0/manifest.json")).toThrow(/^releases\/1\.0\.0\/manifest\.json is not valid JSON/);
    expect(() => parseManifest('{"version":"1.0.0"}', "x.json")).toThrow("x.json is not a release manifest");
    // The right top-level keys, but a record set that is not names by key.
    const json = JSON.parse(manifestJson(manifest)) as Record<string, unknown>;
    expect(() => parseManifest(JSON.stringify({ ...json, councils: [1, 2] }), "y.json")).toThrow('y.json: "councils" is not a record set');
    expect(() => parseManifest(JSON.stringify({ ...json, councils: { E06000001: 7 } }), "y.json")).toThrow('y.json: "councils" is not a record set');
  });

  it("refuses a record set named like one of the manifest's own keys", () => {
    expect(() => buildManifest(input({ records: [{ name: "stats", entries: [] }] }))).toThrow('a record set cannot be named "stats"');
  });
});

describe("stableJson", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(stableJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      1\n    ]\n  },\n  "b": 1\n}\n');
  });
});

describe("dataAsOf", () => {
  it("is the latest date, skipping empty cells", () => {
    expect(dataAsOf(["2014-07-01", "", "2018-10-01", "2009-12-31"])).toBe("2018-10-01");
    // The last day of September is earlier than the first of October.
    expect(dataAsOf(["2018-09-30", "2018-10-01"])).toBe("2018-10-01");
  });

  it("is null when the data has no dates", () => {
    expect(dataAsOf([])).toBeNull();
    expect(dataAsOf(["", " "])).toBeNull();
  });

  it("refuses a date that is not ISO", () => {
    expect(() => dataAsOf(["01/10/2018"])).toThrow('"01/10/2018" is not an ISO date (YYYY-MM-DD)');
  });
});
