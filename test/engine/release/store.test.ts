/**
 * Which release a build is compared with (scripts/engine/release/store.ts releaseState), over
 * hand-made releases written to a temporary releases/ folder.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manifestJson, stableJson, type Manifest, type ManifestV1 } from "../../../scripts/engine/release/manifest.ts";
import { releaseState } from "../../../scripts/engine/release/store.ts";

const manifest = (version: string, extra: Partial<Manifest> = {}): Manifest => ({
  schema: 2,
  version,
  dataAsOf: "2020-01-01",
  dataFiles: { "data/a.csv": "a1" },
  stats: { "g.a": { value: 29, text: "29%", label: "a share", files: ["data/a.csv"] } },
  figures: { f: { dataHash: "rows", drawingHash: "drawing", files: ["data/a.csv"], label: "Figure 1.1", title: "A finding", href: "/chapter-1/#figure-f" } },
  claims: {},
  records: {},
  ...extra,
});
/** The same data with another number: what a data update makes. */
const updated = (version: string) => manifest(version, { dataFiles: { "data/a.csv": "a2" }, stats: { "g.a": { value: 30, text: "30%", label: "a share", files: ["data/a.csv"] } } });
/** The same data and results, drawn differently. */
const restyled = (base: Manifest): Manifest => ({ ...base, figures: { f: { ...base.figures.f, drawingHash: "another drawing" } } });

let root: string;

async function record(version: string, text: string): Promise<void> {
  await mkdir(path.join(root, "releases", version), { recursive: true });
  await writeFile(path.join(root, "releases", version, "manifest.json"), text);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "release-store-"));
  // 0.9.0 recorded by an older engine (schema 1), then 1.0.0 and 1.1.0 (with the update).
  const v1: ManifestV1 = { ...manifest("0.9.0"), schema: 1, stats: { "g.a": { value: 29, text: "29%", label: "a share" } }, figures: { f: { hash: "h", label: "Figure 1.1", title: "A finding", href: "/chapter-1/#figure-f" } } };
  await record("0.9.0", stableJson(v1));
  await record("1.0.0", manifestJson(manifest("1.0.0")));
  await record("1.1.0", manifestJson(updated("1.1.0")));
  // Not a version: ignored.
  await mkdir(path.join(root, "releases", "notes"), { recursive: true });
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe("releaseState", () => {
  it("compares a build of a version not recorded with the latest release before it", async () => {
    const state = await releaseState(root, manifest("2.0.0"));
    expect([state.diff?.since.version, state.recorded, state.warning]).toEqual(["1.1.0", null, null]);
    // A build of a version older than some recorded ones is compared with the one before it, not the latest.
    const older = await releaseState(root, manifest("1.0.5"));
    expect(older.diff?.since.version).toBe("1.0.0");
    expect(older.diff?.unchanged).toBe(true);
  });

  it("when the build is its version's recorded release, compares with the release before it", async () => {
    const state = await releaseState(root, updated("1.1.0"));
    expect(state.recorded).toEqual({ version: "1.1.0", matches: true, restyled: false });
    expect(state.diff?.since.version).toBe("1.0.0");
    expect(state.diff?.stats.flatMap((g) => g.changes.map((c) => [c.key, c.before, c.after, c.causes]))).toEqual([["g.a", "29%", "30%", ["data/a.csv"]]]);
    expect(state.warning).toBeNull();
  });

  it("counts a build with the same data and results, only drawn differently, as its version's recorded release", async () => {
    const state = await releaseState(root, restyled(updated("1.1.0")));
    expect(state.recorded).toEqual({ version: "1.1.0", matches: true, restyled: true });
    expect(state.diff?.presentation.figures.map((f) => f.key)).toEqual(["f"]);
  });

  it("compares the earliest release with the schema-1 release before it, and that one with nothing", async () => {
    expect((await releaseState(root, manifest("1.0.0"))).diff?.since).toEqual({ version: "0.9.0", dataAsOf: "2020-01-01", schema: 1 });
    const first = await releaseState(root, { ...manifest("0.9.0") });
    // Given as a manifest, without its figures hashed as schema 1 hashed them: they count as drawn differently.
    expect([first.recorded, first.diff, first.warning]).toEqual([{ version: "0.9.0", matches: true, restyled: true }, null, null]);
  });

  it("when the build's data differ from its version's recorded release, compares nothing and says so in a warning", async () => {
    const state = await releaseState(root, manifest("1.1.0"));
    expect(state.diff).toBeNull();
    expect(state.recorded).toMatchObject({ version: "1.1.0", matches: false });
    expect(state.warning).toBe(
      'this build is version 1.1.0, but it differs from release 1.1.0 as recorded in releases/1.1.0/manifest.json (1 data file and 1 number). Raise "version" in package.json for a new release (npm version minor --no-git-tag-version), then build and record it (npm run release); until then its "What changed" page says it differs and compares nothing.',
    );
  });

  it("counts a number changed by code alone as a difference from the recorded release", async () => {
    const code = { ...updated("1.1.0"), stats: { "g.a": { value: 31, text: "31%", label: "a share", files: ["data/a.csv"] } } };
    const state = await releaseState(root, code);
    expect(state.recorded).toMatchObject({ matches: false });
    expect(state.warning).toContain("(1 number)");
  });

  it("fails in plain words on a recorded manifest it cannot read", async () => {
    await record("3.0.0", '{"schema": 7, "version": "3.0.0", "dataAsOf": null, "dataFiles": {}, "stats": {}, "figures": {}, "claims": {}}');
    await expect(releaseState(root, manifest("3.1.0"))).rejects.toThrow("releases/3.0.0/manifest.json is a manifest of schema 7; this engine reads schemas 1 and 2: it was written by a newer engine");
    await rm(path.join(root, "releases", "3.0.0"), { recursive: true });
    // Cut short, and with the date the data runs to missing: where, in one line, as a build error.
    await record("3.0.0", manifestJson(manifest("3.0.0")).slice(0, 40));
    await expect(releaseState(root, manifest("3.1.0"))).rejects.toThrow("releases/3.0.0/manifest.json:3:15: the file is not valid JSON (Unterminated string)");
    const { dataAsOf: _, ...undated } = JSON.parse(manifestJson(manifest("3.0.0"))) as Record<string, unknown>;
    await record("3.0.0", JSON.stringify(undated));
    await expect(releaseState(root, manifest("3.1.0"))).rejects.toThrow("releases/3.0.0/manifest.json: dataAsOf: expected an ISO date (YYYY-MM-DD) of the calendar, or null, found nothing");
    await rm(path.join(root, "releases", "3.0.0"), { recursive: true });
  });
});
