/**
 * Regenerating after a data update, end to end on a copy of the fixture project:
 * build, record release 1.0.0 (the fixture's package.json version), change the data,
 * rebuild, and read the "What changed" page and the figure notes a reader sees.
 * Every expected change is worked out by hand below from the fixture's CSV files.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProvenance } from "../../scripts/engine/data/provenance.ts";
import { recordRelease } from "../../scripts/engine/release/store.ts";
import { OUTCOMES_CSV, REPO_ROOT, buildFixture, copyFixture, editFile, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

const run = promisify(execFile);
const COUNCILS_CSV = "data/councils/councils.csv";
const RELEASE = "releases/1.0.0/manifest.json";

let root: string;
/** The changes page and chapter pages: before any release, right after it, and after the data update. */
const built = {} as Record<"first" | "unchanged" | "updated", { changes: string; chapter1: string; chapter2: string; manifest: string }>;
let recorded: string;
let originalHashes: { outcomes: string; councils: string };

const read = (file: string) => readFile(file, "utf8");
const sha256 = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");

async function build(name: keyof typeof built): Promise<string> {
  const outDir = path.join(await temporaryFolder(`site-${name}-`), "site");
  await buildFixture({ root, outDir });
  built[name] = {
    changes: await read(path.join(outDir, "what-changed", "index.html")),
    chapter1: await read(path.join(outDir, "chapter-1", "index.html")),
    chapter2: await read(path.join(outDir, "chapter-2", "index.html")),
    manifest: await read(path.join(outDir, "manifest.json")),
  };
  return outDir;
}

/** The part of the changes page under one heading. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<h2 id="${id}">`);
  if (start < 0) throw new Error(`no section ${id}`);
  const next = html.indexOf("<h2", start + 1);
  const end = next < 0 ? html.indexOf("</div>", start) : next;
  return html.slice(start, end);
}
const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m.slice(1));

beforeAll(async () => {
  await withEnv({ REPORT_SVG_CACHE: "off" }, async () => {
    root = await copyFixture("release-");
    originalHashes = { outcomes: await sha256(path.join(root, OUTCOMES_CSV)), councils: await sha256(path.join(root, COUNCILS_CSV)) };
    const first = await build("first");
    recorded = await recordRelease({ root, siteDir: first });
    await build("unchanged");

    // The data update: two values change and one row is added.
    //   data/national/inspection-outcomes-by-year.csv, 2014/15: Inadequate 29 → 30 and
    //   requires improvement 47 → 46 (the year still adds up to 100);
    //   data/councils/councils.csv: a sixth council, Glenholt (E06000903), with no inspections.
    await editFile(root, OUTCOMES_CSV, "2014/15,inadequate,29,", "2014/15,inadequate,30,");
    await editFile(root, OUTCOMES_CSV, "2014/15,ri_or_adequate,47,", "2014/15,ri_or_adequate,46,");
    await editFile(root, COUNCILS_CSV, "E10000901,Fernhill,Fictional South\n", "E10000901,Fernhill,Fictional South\nE06000903,Glenholt,Fictional South\n");
    expect(await signProvenance(root)).toEqual([OUTCOMES_CSV, COUNCILS_CSV]);
    await build("updated");
  });
});

afterAll(removeTemporaryFolders);

describe("before any release", () => {
  it("writes a manifest with the fixture's version and the date its data runs to", () => {
    const manifest = JSON.parse(built.first.manifest);
    expect(manifest.version).toBe("1.0.0");
    // The latest publication date in the fixture's one dated column (data/councils/inspections.csv's
    // published, the councils family's asOfColumn): Fernhill's inspection of 2018-10-01.
    expect(manifest.dataAsOf).toBe("2018-10-01");
    expect(manifest.councils).toEqual({ E06000901: "Ashvale", E06000902: "Brookmere", E08000901: "Cobbleton", E09000901: "Dunmoor", E10000901: "Fernhill" });
    expect(manifest.dataFiles[OUTCOMES_CSV]).toBe(originalHashes.outcomes);
  });

  it("says on the changes page that there is nothing to compare with, and notes no figure", () => {
    expect(built.first.changes).toContain("<h1>What changed</h1>");
    expect(built.first.changes).toContain("This is version 1.0.0 of the report, with data up to 1 October 2018. No earlier release has been recorded, so there is nothing to compare it with yet.");
    expect(built.first.changes).not.toContain("<h2");
    expect(built.first.chapter1).not.toContain("figure-updated");
  });
});

describe("npm run release", () => {
  it("records the built manifest byte for byte under the version", async () => {
    expect(recorded).toBe(RELEASE);
    expect(await read(path.join(root, RELEASE))).toBe(built.first.manifest);
  });

  it("refuses to overwrite a recorded release without --force, in plain words, with exit code 1", async () => {
    const outDir = path.join(await temporaryFolder(), "site");
    const copy = await copyFixture("release-twice-");
    await withEnv({ REPORT_SVG_CACHE: "off" }, () => buildFixture({ root: copy, outDir }));
    await recordRelease({ root: copy, siteDir: outDir });
    const message = 'Release 1.0.0 is already recorded in releases/1.0.0/manifest.json. Raise "version" in package.json for a new release, or run npm run release -- --force to replace it.';
    await expect(recordRelease({ root: copy, siteDir: outDir })).rejects.toThrow(message);
    const cli = await run("npx", ["tsx", "scripts/engine/release/release.ts", "--root", copy, "--site", outDir], { cwd: REPO_ROOT }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`Release not recorded: ${message}`);
    await expect(recordRelease({ root: copy, siteDir: outDir, force: true })).resolves.toBe(RELEASE);
  });

  it("refuses a site built from other data than the data now in the project", async () => {
    // Built, then the data changes (and is signed) before the release is recorded.
    const stale = path.join(await temporaryFolder(), "stale");
    const copy = await copyFixture("release-stale-");
    await withEnv({ REPORT_SVG_CACHE: "off" }, () => buildFixture({ root: copy, outDir: stale }));
    await editFile(copy, COUNCILS_CSV, "E09000901,Dunmoor,Fictional London", "E09000901,Dunmoor,Fictional South");
    await signProvenance(copy);
    await expect(recordRelease({ root: copy, siteDir: stale })).rejects.toThrow("The built site was made from other data than the data now in data/: run npm run build first.");
  });
});

describe("rebuilt with the same data after the release", () => {
  it("says nothing has changed and notes no figure", () => {
    expect(built.unchanged.changes).toContain("<h1>What changed since 1.0.0</h1>");
    expect(built.unchanged.changes).toContain("Nothing has changed since release 1.0.0: every data file, number, figure, claim and council is as it was.");
    expect(built.unchanged.chapter1).not.toContain("figure-updated");
    expect(built.unchanged.manifest).toBe(built.first.manifest);
  });
});

describe("rebuilt after the data update", () => {
  const page = () => built.updated.changes;

  it("titles the page with the release it compares against", () => {
    expect(page()).toContain("<h1>What changed since 1.0.0</h1>");
    // No dated file changed, so the data still runs to the same day.
    expect(page()).toContain("This is version 1.0.0 of the report, with data up to 1 October 2018. It is compared here with release 1.0.0, whose data ran up to 1 October 2018.");
  });

  it("lists exactly the two data files that changed, with their old and new fingerprints", async () => {
    const rows = all(section(page(), "changed-data"), /<tr><th scope="row"><code>([^<]+)<\/code><\/th><td>([^<]+)<\/td><td><code>([^<]+)<\/code><\/td><td><code>([^<]+)<\/code><\/td><\/tr>/g);
    const now = { outcomes: await sha256(path.join(root, OUTCOMES_CSV)), councils: await sha256(path.join(root, COUNCILS_CSV)) };
    expect(rows).toEqual([
      [COUNCILS_CSV, "changed", originalHashes.councils.slice(0, 12), now.councils.slice(0, 12)],
      [OUTCOMES_CSV, "changed", originalHashes.outcomes.slice(0, 12), now.outcomes.slice(0, 12)],
    ]);
  });

  it("lists exactly the numbers that follow from the two changed values, grouped by family", () => {
    const numbers = section(page(), "changed-numbers");
    expect(all(numbers, /<caption>Changed numbers: ([^<]+)<\/caption>/g).flat()).toEqual(["grades"]);
    const rows = all(numbers, /<code class="stat-key">([^<]+)<\/code><\/th><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g);
    /*
     * By hand. The two 2014/15 shares themselves: 29% → 30% (up), 47% → 46% (down).
     * Not changed: the year's total (29 + 47 + 21 + 3 = 100, now 30 + 46 + 21 + 3 = 100); the
     * swing into 2014/15, (|29−26| + |47−46| + |21−25| + |3−3|) ÷ 2 = (3 + 1 + 4 + 0) ÷ 2 = 4,
     * now (|30−26| + |46−46| + 4 + 0) ÷ 2 = (4 + 0 + 4 + 0) ÷ 2 = 4; so neither the late window's
     * average ((3 + 4) ÷ 2 = 3.5) nor the ratio (9.5 ÷ 3.5); the first and last years.
     * The councils family has no stats, and the mini report, with no claims register, no claim counts.
     */
    expect(rows).toEqual([
      ["grades.inadequate.2014-15", "29%", "30%", "up"],
      ["grades.ri_or_adequate.2014-15", "47%", "46%", "down"],
    ]);
  });

  it("lists the figure of the shares as redrawn, linked to where it appears, and not the swing figure, whose bars are as they were", () => {
    // Figure 1.1 plots every year's shares (and its title quotes 2014/15's Inadequate share);
    // Figure 2.1 plots the swings into each year, and the swing into 2014/15 is still 4 (worked out above).
    // No council timeline changed: they plot data/councils/inspections.csv, and Glenholt has no inspection, so no timeline.
    const items = all(section(page(), "changed-figures"), /<li><a href="([^"]+)">([^<]+)<\/a>: ([^<]+) \((\w+)\)<\/li>/g);
    expect(items.map(([href, label, , change]) => [href, label, change])).toEqual([["/chapter-1/#figure-grades-by-year", "Figure 1.1", "redrawn"]]);
    expect(items[0][2]).toBe("The share judged good fell from 62% to 21% between 2007/08 and 2014/15; the share judged inadequate rose from 2% to 30%");
  });

  it("notes on the redrawn figure, and only there, that it was updated since the release, linking to the changes page", () => {
    const note = '<p class="figure-updated"><a href="/what-changed/#changed-figures">Updated since 1.0.0</a></p>';
    expect(built.updated.chapter1.split(note)).toHaveLength(2);
    expect(built.updated.chapter2).not.toContain("figure-updated");
  });

  it("lists the added council, and no claim (the fixture has no claims register)", () => {
    expect(all(section(page(), "changed-councils"), /<li>(\w+): ([^<]+)<\/li>/g)).toEqual([["Added", "Glenholt (E06000903)"]]);
    expect(section(page(), "changed-claims")).toContain("No claim's status has changed.");
  });
});
