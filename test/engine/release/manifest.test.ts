import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { buildManifest, dataAsOf, manifestJson, parseManifest, stableJson, type FigureWords, type ManifestInput } from "../../../scripts/engine/release/manifest.ts";
import { cacheKey, specHash } from "../../../scripts/engine/render/cache.ts";
import { count, percent, text } from "../../../scripts/engine/stats/format.ts";
import { StatRegistry } from "../../../scripts/engine/stats/registry.ts";

const spec = (values: object[], color = "#333333"): TopLevelSpec => ({ data: { values }, mark: { type: "bar", color }, encoding: { x: { field: "a", type: "nominal" } } });
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const WORDS: FigureWords = { title: "Grades fell", description: "Bars of grades.", caption: "By year.", source: "Ofsted", columns: [{ field: "a", label: "Grade" }] };
type FigureInput = ManifestInput["figures"][number];
const figureInput = (overrides: Partial<FigureInput> = {}): FigureInput => ({
  key: "grades",
  specs: [spec([{ a: "x" }])],
  rows: [{ a: "x" }],
  words: WORDS,
  files: ["data/national/b.csv"],
  label: "Figure 1.1",
  title: "Grades fell",
  href: "/chapter-1/#figure-grades",
  ...overrides,
});

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
    statFiles: new Map([
      ["outcomes.variation.late", ["data/national/b.csv"]],
      ["outcomes.variation.early", ["data/national/b.csv"]],
      ["outcomes.years.first", ["data/councils/a.csv", "data/national/b.csv"]],
      ["broken.value", []],
    ]),
    figures: [figureInput()],
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

/** The one figure's entry in the manifest of `input` with the figure changed as given. */
const figureOf = (overrides: Partial<FigureInput>) => buildManifest(input({ figures: [figureInput(overrides)] })).figures.grades;

describe("buildManifest", () => {
  const manifest = buildManifest(input());

  it("records schema 2, version, date, data hashes, stats with their text, label and files, claims and record sets by key", () => {
    expect(manifest.schema).toBe(2);
    expect(manifest.version).toBe("1.2.0");
    expect(manifest.dataAsOf).toBe("2015-03-31");
    expect(manifest.dataFiles).toEqual({ "data/councils/a.csv": "aa", "data/national/b.csv": "bb" });
    expect(manifest.stats["outcomes.variation.early"]).toEqual({ value: 4.75, text: "4.8%", label: "early variation", files: ["data/national/b.csv"] });
    expect(manifest.stats["outcomes.years.first"]).toEqual({ value: "2007/08", text: "2007/08", label: "first year", files: ["data/councils/a.csv", "data/national/b.csv"] });
    // A stat no page could quote is recorded as having no value, not as a build failure.
    expect(manifest.stats["broken.value"]).toEqual({ value: null, text: null, label: "a value that failed to compute", files: [] });
    expect(manifest.claims).toEqual({ "ch1-a": "reproduced", "ch1-b": "differs" });
    expect(manifest.records).toEqual({ councils: { E06000001: "Hartlepool", E09000002: "Barking and Dagenham" } });
  });

  it("records an entry with fields as its name and [label, value] pairs, in the family's order", () => {
    const judgements = {
      name: "judgements",
      entries: [
        { key: "E1 2024-07-23", name: "Ashvale — 23 July 2024", fields: [["Overall", "Good"], ["Children in care", "Outstanding"]] as const },
        { key: "E1 2019-05-01", name: "Ashvale — 1 May 2019", fields: [] },
      ],
    };
    const built = buildManifest(input({ records: [...input().records, judgements] }));
    expect(built.records.judgements).toEqual({
      "E1 2019-05-01": { name: "Ashvale — 1 May 2019", fields: [] },
      "E1 2024-07-23": { name: "Ashvale — 23 July 2024", fields: [["Overall", "Good"], ["Children in care", "Outstanding"]] },
    });
    const json = manifestJson(built);
    // Each pair on a line of its own, the pairs in the order given (not sorted).
    expect(json).toContain('      "fields": [\n        ["Overall", "Good"],\n        ["Children in care", "Outstanding"]\n      ],');
    expect(parseManifest(json, "m.json").records).toEqual(built.records);
    const bad = JSON.parse(json) as Record<string, unknown>;
    // Each refused at the value that is wrong, by its path in the file.
    const refusals: [unknown, string][] = [
      [{ name: "x", fields: [["only a label"]] }, 'm.json: judgements.k.fields[0]: expected a [label, value] pair of strings, found a list of 1'],
      [{ name: "x", fields: { Overall: "Good" } }, "m.json: judgements.k.fields: expected a list of [label, value] pairs, found an object"],
      [{ fields: [] }, "m.json: judgements.k.name: expected the entry's name (a string), found nothing"],
      [7, "m.json: judgements.k: expected an entry's name, or an object with its name and fields, found the number 7"],
    ];
    for (const [entry, message] of refusals) expect(() => parseManifest(JSON.stringify({ ...bad, judgements: { k: entry } }), "m.json")).toThrow(message);
  });

  it("refuses a stat without its record of data files", () => {
    expect(() => buildManifest(input({ statFiles: new Map() }))).toThrow('the stat "broken.value" has no record of the data files it depends on');
  });

  it("hashes each figure's plotted rows apart from its drawing: its specs without the rows, and its words", () => {
    // Worked by hand: the rows as JSON, each row's keys in order; the specs with the rows
    // replaced by a placeholder and keys sorted, then the words with keys sorted.
    const rows = '[{"a":"x"}]';
    const drawing =
      '{"specs":[{"data":{"values":"(the figure\'s plotted rows)"},"encoding":{"x":{"field":"a","type":"nominal"}},"mark":{"color":"#333333","type":"bar"}}],' +
      '"words":{"caption":"By year.","columns":[{"field":"a","label":"Grade"}],"description":"Bars of grades.","pivot":null,"source":"Ofsted","title":"Grades fell"}}';
    expect(manifest.figures.grades).toEqual({ dataHash: sha256(rows), drawingHash: sha256(drawing), files: ["data/national/b.csv"], label: "Figure 1.1", title: "Grades fell", href: "/chapter-1/#figure-grades" });
  });

  it("changes only the data hash when the rows change, and only the drawing hash when the style or words do", () => {
    const base = manifest.figures.grades;
    const otherRows = figureOf({ specs: [spec([{ a: "y" }])], rows: [{ a: "y" }] });
    expect([otherRows.dataHash !== base.dataHash, otherRows.drawingHash === base.drawingHash]).toEqual([true, true]);
    const restyled = figureOf({ specs: [spec([{ a: "x" }], "#b2182b")] });
    expect([restyled.dataHash === base.dataHash, restyled.drawingHash !== base.drawingHash]).toEqual([true, true]);
    for (const words of [{ caption: "Year by year." }, { title: "Grades rose" }, { description: "Bars." }, { source: "DfE" }, { columns: [{ field: "a", label: "Judgement" }] }]) {
      const reworded = figureOf({ words: { ...WORDS, ...words } });
      expect([reworded.dataHash === base.dataHash, reworded.drawingHash !== base.drawingHash]).toEqual([true, true]);
    }
    // A second rendering (the narrow chart) is part of the drawing; a change to it alone is a change.
    const narrow = (color: string) => figureOf({ specs: [spec([{ a: "x" }]), spec([{ a: "x" }], color)] });
    expect(narrow("#000000").drawingHash).not.toBe(narrow("#111111").drawingHash);
    expect(narrow("#000000").dataHash).toBe(base.dataHash);
  });

  it("ignores the order of a row's keys, but not the order of the rows", () => {
    const two = [{ a: "x", n: 1 }, { a: "y", n: 2 }];
    const hash = (rows: { a: string; n: number }[]) => figureOf({ specs: [spec(rows)], rows }).dataHash;
    expect(hash([{ n: 1, a: "x" }, { n: 2, a: "y" }])).toBe(hash(two));
    expect(hash([...two].reverse())).not.toBe(hash(two));
  });

  it("keeps inline data that is not the rows (an annotation) in the drawing", () => {
    const annotated = (note: string) => ({ layer: [spec([{ a: "x" }]), { data: { values: [{ text: note }] }, mark: "text", encoding: { text: { field: "text" } } }] }) as unknown as TopLevelSpec;
    const [one, other] = [figureOf({ specs: [annotated("Report: 29")] }), figureOf({ specs: [annotated("Report: 30")] })];
    expect([one.dataHash === other.dataHash, one.drawingHash !== other.drawingHash]).toEqual([true, true]);
  });

  it("keeps the spec hash schema 1 recorded, the SVG cache's without the renderer (what a schema-1 release is compared with)", () => {
    const figureSpec = spec([{ a: "x" }]);
    expect(specHash(figureSpec)).toBe(sha256(JSON.stringify(figureSpec)));
    expect(specHash(figureSpec, figureSpec)).toBe(sha256(`${JSON.stringify(figureSpec)}\0${JSON.stringify(figureSpec)}`));
    expect(cacheKey(figureSpec, "renderer")).toBe(sha256(`renderer\0${JSON.stringify(figureSpec)}`));
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

  it("refuses a file that is not JSON at the line and column where it stops being JSON", () => {
    const where = "releases/1.0.0/manifest.json";
    expect(() => parseManifest("{", where)).toThrow(`${where}:1:2: the file is not valid JSON (Expected property name or '}')`);
    // Node gives no position for these: the line and column are found all the same.
    expect(() => parseManifest('{\n  "a": 1,\n  "b": }\n', where)).toThrow(`${where}:3:8: the file is not valid JSON (Unexpected token '}')`);
    expect(() => parseManifest('{\n  "a": [1, 2,]\n}', where)).toThrow(`${where}:2:14: the file is not valid JSON`);
    expect(() => parseManifest('{"a": "caf\u00e9", "b": tru}', where)).toThrow(`${where}:1:20: the file is not valid JSON`);
    // Cut short inside a string: the string left open; and a second value after the first.
    expect(() => parseManifest('{\n  "a": "x', where)).toThrow(`${where}:2:8: the file is not valid JSON`);
    expect(() => parseManifest("{}\n{}", where)).toThrow(`${where}:2:1: the file is not valid JSON`);
  });

  it("refuses a file that is not a manifest", () => {
    expect(() => parseManifest('{"version":"1.0.0"}', "x.json")).toThrow("x.json is not a release manifest");
    expect(() => parseManifest("[]", "x.json")).toThrow("x.json is not a release manifest");
    // The right top-level keys, but a record set that is not names by key.
    const json = JSON.parse(manifestJson(manifest)) as Record<string, unknown>;
    expect(() => parseManifest(JSON.stringify({ ...json, councils: [1, 2] }), "y.json")).toThrow("y.json: councils: expected a record set: an object by key of names, or of names with their fields, found a list of 2");
    expect(() => parseManifest(JSON.stringify({ ...json, councils: { E06000001: 7 } }), "y.json")).toThrow("y.json: councils.E06000001: expected an entry's name, or an object with its name and fields, found the number 7");
  });

  it("refuses a manifest whose inner shapes are wrong, naming the value by its path (issue 17, case 9)", () => {
    const json = JSON.parse(manifestJson(manifest)) as Record<string, unknown>;
    const where = "releases/0.2.0/manifest.json";
    const refused = (changes: Record<string, unknown>) => () => parseManifest(JSON.stringify({ ...json, ...changes }), where);
    // Stats as bare numbers: each would otherwise count as a changed number.
    expect(refused({ stats: { "ilacs.total": 324 } })).toThrow(`${where}: stats["ilacs.total"]: expected a stat: an object with value, text, label and files (schema 2), found the number 324`);
    expect(refused({ stats: { "ilacs.total": { value: [1], text: "1", label: "l", files: [] } } })).toThrow(`${where}: stats["ilacs.total"].value: expected a number, a string or null, found a list of 1`);
    expect(refused({ stats: { "a.b": { value: 1, text: "1", label: "one" } } })).toThrow(`${where}: stats["a.b"].files: expected a list of data files' paths, found nothing`);
    // Figures as null, or the whole figures object as null.
    expect(refused({ figures: { grades: null } })).toThrow(`${where}: figures.grades: expected a figure: an object with dataHash, drawingHash, files, label, title and href (schema 2), found null`);
    expect(refused({ figures: null })).toThrow(`${where}: figures: expected an object of figures by key, found null`);
    // A missing or malformed date the data runs to (it once stopped the build with "reading 'split'").
    const { dataAsOf: _, ...withoutDate } = json;
    expect(() => parseManifest(JSON.stringify(withoutDate), where)).toThrow(`${where}: dataAsOf: expected an ISO date (YYYY-MM-DD) of the calendar, or null, found nothing`);
    expect(refused({ dataAsOf: "2026-02-30" })).toThrow(`${where}: dataAsOf: expected an ISO date (YYYY-MM-DD) of the calendar, or null, found the string "2026-02-30"`);
    expect(refused({ version: 2 })).toThrow(`${where}: version: expected a version such as 1.2.0, found the number 2`);
    expect(refused({ dataFiles: { "data/a.csv": 1 } })).toThrow(`${where}: dataFiles["data/a.csv"]: expected a hash (a string), found the number 1`);
    expect(refused({ claims: { "c-1": null } })).toThrow(`${where}: claims["c-1"]: expected a claim's status (a string), found null`);
    // Schema 1 has its own shapes: a stat without files is right there, a figure has one hash.
    expect(refused({ schema: 1, stats: { "a.b": { value: 1, text: "1", label: "one" } }, figures: { g: { hash: "h", label: "Figure 1.1", title: "t", href: "/" } } })()).toMatchObject({ schema: 1 });
    expect(refused({ schema: 1, stats: { "a.b": "1" }, figures: {} })).toThrow(`${where}: stats["a.b"]: expected a stat: an object with value, text and label (schema 1), found the string "1"`);
  });

  it("refuses a schema it does not know, and a figure or stat not recorded as its schema records them, in plain words", () => {
    const json = JSON.parse(manifestJson(manifest)) as Record<string, unknown>;
    expect(() => parseManifest(JSON.stringify({ ...json, schema: 3 }), "z.json")).toThrow("z.json is a manifest of schema 3; this engine reads schemas 1 and 2: it was written by a newer engine");
    expect(() => parseManifest(JSON.stringify({ ...json, schema: undefined }), "z.json")).toThrow("z.json is a manifest of schema null; this engine reads schemas 1 and 2");
    // Schema 2 with a schema-1 figure, and the other way round.
    const v1Figure = { grades: { hash: "h", label: "Figure 1.1", title: "Grades fell", href: "/" } };
    expect(() => parseManifest(JSON.stringify({ ...json, figures: v1Figure }), "z.json")).toThrow("z.json: figures.grades.dataHash: expected a hash (a string), found nothing");
    expect(() => parseManifest(JSON.stringify({ ...json, schema: 1 }), "z.json")).toThrow("z.json: figures.grades.hash: expected a hash (a string), found nothing");
    const noFiles = { ...json, stats: { "a.b": { value: 1, text: "1", label: "one" } } };
    expect(() => parseManifest(JSON.stringify(noFiles), "z.json")).toThrow(`z.json: stats["a.b"].files: expected a list of data files' paths, found nothing`);
  });

  it("reads the recorded release 0.1.0, of schema 1, as it is", async () => {
    const text = await readFile(path.resolve(import.meta.dirname, "../../../releases/0.1.0/manifest.json"), "utf8");
    const release = parseManifest(text, "releases/0.1.0/manifest.json");
    expect(release.schema).toBe(1);
    expect(release.version).toBe("0.1.0");
    if (release.schema !== 1) throw new Error("schema 1 expected");
    const first = Object.values(release.figures)[0];
    expect(first).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), label: expect.any(String), title: expect.any(String), href: expect.stringContaining("#") });
    expect(Object.keys(release.records)).toEqual(["councils"]);
  });

  it("refuses a record set named like one of the manifest's own keys", () => {
    expect(() => buildManifest(input({ records: [{ name: "stats", entries: [] }] }))).toThrow('a record set cannot be named "stats"');
  });
});

describe("stableJson", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(stableJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{\n  "a": {\n    "c": null,\n    "d": [3, 1]\n  },\n  "b": 1\n}\n');
  });

  it("writes an array of plain values on one line, and an array of them one per line; strings keep their brackets, commas and escapes", () => {
    const value = { pairs: [["Overall", "Good"], ["Report", 'https://x.example/a,b]["c"]'], [-1.5e-7, true, null]], empty: [], objects: [{ k: ["v"] }] };
    const json = stableJson(value);
    expect(json).toBe(
      [
        "{",
        '  "empty": [],',
        '  "objects": [',
        "    {",
        '      "k": ["v"]',
        "    }",
        "  ],",
        '  "pairs": [',
        '    ["Overall", "Good"],',
        '    ["Report", "https://x.example/a,b][\\"c\\"]"],',
        "    [-1.5e-7, true, null]",
        "  ]",
        "}",
        "",
      ].join("\n"),
    );
    expect(JSON.parse(json)).toEqual(value);
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
