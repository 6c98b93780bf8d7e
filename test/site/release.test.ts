/**
 * Regenerating after a data update, end to end on a copy of the fixture project:
 * build, record release 1.0.0 (the fixture's package.json version), rebuild it as it is,
 * change the data and rebuild still as 1.0.0 (the build is not the recorded release: the
 * page says so and the build warns), raise the version to 1.1.0 and rebuild (the page lists
 * the data's changes), record 1.1.0 and rebuild it (compared with 1.0.0, the release before),
 * then raise to 1.2.0 and build with a variant of the fixture's definition that draws and
 * words things differently and works one number out another way (a change of code, which a
 * copy of the project cannot make: its definition is kept outside the copy). Every expected
 * change is worked out by hand below from the fixture's CSV files and code.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signProvenance } from "../../scripts/engine/data/provenance.ts";
import { buildSite } from "../../scripts/engine/build.ts";
import { recordRelease } from "../../scripts/engine/release/store.ts";
import { FIXTURE, FIXTURE_DEFINITION, OUTCOMES_CSV, REPO_ROOT, buildFixture, copyFixture, editFile, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

const run = promisify(execFile);
const COUNCILS_CSV = "data/councils/councils.csv";
const RELEASE = "releases/1.0.0/manifest.json";

let root: string;
type Built = { changes: string; chapter1: string; chapter2: string; council: string; manifest: string; data: string; warnings: string[] };
/** The changes page and other pages: before any release, right after it, after the data update at the same version and at the next, and so on. */
const built = {} as Record<"first" | "recorded" | "stale" | "updated" | "rerecorded" | "restyled", Built>;
let recorded: string;
let originalHashes: { outcomes: string; councils: string };

const read = (file: string) => readFile(file, "utf8");
const sha256 = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");

async function build(name: keyof typeof built, report?: string): Promise<string> {
  const outDir = path.join(await temporaryFolder(`site-${name}-`), "site");
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  let warnings: string[];
  try {
    await (report ? buildSite({ root, outDir, report }) : buildFixture({ root, outDir }));
  } finally {
    warnings = warn.mock.calls.map((call) => call.map(String).join(" "));
    warn.mockRestore();
  }
  built[name] = {
    changes: await read(path.join(outDir, "what-changed", "index.html")),
    chapter1: await read(path.join(outDir, "chapter-1", "index.html")),
    chapter2: await read(path.join(outDir, "chapter-2", "index.html")),
    council: await read(path.join(outDir, "councils", "ashvale", "index.html")),
    data: await read(path.join(outDir, "data", "index.html")),
    manifest: await read(path.join(outDir, "manifest.json")),
    warnings,
  };
  return outDir;
}

const setVersion = (from: string, to: string) => editFile(root, "package.json", `"version": "${from}"`, `"version": "${to}"`);

/**
 * The fixture's definition, changed the way a change of code would change it: Figure 1.1
 * (grades-by-year) drawn with thicker lines and a caption that says so, the label of
 * grades.years.first reworded, and grades.swing.ratio worked out another way (doubled).
 * Its rows and every other value are the fixture's own.
 */
async function variantDefinition(): Promise<string> {
  const folder = path.join(await temporaryFolder("variant-"), "variant");
  await mkdir(folder);
  const from = (file: string) => JSON.stringify(pathToFileURL(path.join(FIXTURE, "scripts", "report", file)).href);
  const engine = JSON.stringify(pathToFileURL(path.join(REPO_ROOT, "scripts", "engine", "definition.ts")).href);
  await writeFile(path.join(folder, "package.json"), '{ "type": "module" }\n');
  await writeFile(
    path.join(folder, "index.ts"),
    `import { defineReport } from ${engine};
import { grades } from ${from("grades/family.ts")};
import { councils } from ${from("councils/family.ts")};

const restyle = (figure: any) =>
  figure.key === "grades-by-year" ? { ...figure, caption: figure.caption + " Drawn with thicker lines.", spec: { ...figure.spec, mark: { ...figure.spec.mark, strokeWidth: 3 } } } : figure;
const reword = (stat: any) =>
  stat.key === "grades.years.first" ? { ...stat, label: "The first year in the national table" } : stat.key === "grades.swing.ratio" ? { ...stat, value: stat.value * 2 } : stat;
const restyled = { ...grades, build: (input: any) => { const output: any = grades.build(input); return { ...output, stats: output.stats.map(reword), figures: output.figures.map(restyle) }; } };
export default defineReport({ families: [restyled, { ...councils, uses: { grades: restyled } }] });
`,
  );
  return path.join(folder, "index.ts");
}

/** The part of the changes page under one heading (h2 or h3), up to the next heading of any level. */
function section(html: string, id: string): string {
  const start = html.search(new RegExp(`<h[23] id="${id}">`));
  if (start < 0) throw new Error(`no section ${id}`);
  const next = html.slice(start + 1).search(/<h[23]/);
  const end = next < 0 ? html.indexOf("</div>", start) : start + 1 + next;
  return html.slice(start, end);
}
/** The part of the changes page under a part's h2, its h3 sections included. */
function part(html: string, id: string): string {
  const start = html.indexOf(`<h2 id="${id}">`);
  if (start < 0) throw new Error(`no part ${id}`);
  const next = html.indexOf("<h2", start + 1);
  return html.slice(start, next < 0 ? html.indexOf("</div>", start) : next);
}
const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m.slice(1));
const headings = (html: string) => all(html.slice(html.indexOf('<div class="what-changed">')), /<h([23]) id="([^"]+)">/g).map(([level, id]) => `h${level} ${id}`);
const NOTE = "figure-updated";

beforeAll(async () => {
  await withEnv({ REPORT_SVG_CACHE: "off" }, async () => {
    root = await copyFixture("release-");
    originalHashes = { outcomes: await sha256(path.join(root, OUTCOMES_CSV)), councils: await sha256(path.join(root, COUNCILS_CSV)) };
    const first = await build("first");
    recorded = await recordRelease({ root, siteDir: first });
    await build("recorded");

    // The data update: two values change and one row is added.
    //   data/national/inspection-outcomes-by-year.csv, 2014/15: Inadequate 29 → 30 and
    //   requires improvement 47 → 46 (the year still adds up to 100);
    //   data/councils/councils.csv: a sixth council, Glenholt (E06000903), with no inspections.
    await editFile(root, OUTCOMES_CSV, "2014/15,inadequate,29,", "2014/15,inadequate,30,");
    await editFile(root, OUTCOMES_CSV, "2014/15,ri_or_adequate,47,", "2014/15,ri_or_adequate,46,");
    await editFile(root, COUNCILS_CSV, "E10000901,Fernhill,Fictional South\n", "E10000901,Fernhill,Fictional South\nE06000903,Glenholt,Fictional South\n");
    expect(await signProvenance(root)).toEqual([OUTCOMES_CSV, COUNCILS_CSV]);
    // Built before the version is raised: still 1.0.0, but not release 1.0.0.
    await build("stale");
    await setVersion("1.0.0", "1.1.0");
    const updated = await build("updated");
    await recordRelease({ root, siteDir: updated });
    await build("rerecorded");

    // A change of code alone, in a new version.
    await setVersion("1.1.0", "1.2.0");
    await build("restyled", await variantDefinition());
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

  it("refuses a site whose manifest an older engine wrote (schema 1)", async () => {
    const copy = await copyFixture("release-old-");
    const site = path.join(await temporaryFolder(), "old");
    await mkdir(site);
    const old = { schema: 1, version: "1.0.0", dataAsOf: null, dataFiles: {}, stats: {}, figures: {}, claims: {} };
    await writeFile(path.join(site, "manifest.json"), JSON.stringify(old));
    await expect(recordRelease({ root: copy, siteDir: site })).rejects.toThrow("The built site's manifest is of schema 1, written by an older engine: run npm run build first.");
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

describe("rebuilt as it is after the release", () => {
  it("says it is the recorded release and that there is nothing earlier to compare with, and notes no figure", () => {
    expect(built.recorded.changes).toContain("<h1>What changed</h1>");
    expect(built.recorded.changes).toContain("This is version 1.0.0 of the report, with data up to 1 October 2018, as recorded for release 1.0.0: nothing has changed since it was recorded. No earlier release has been recorded, so there is nothing to compare it with.");
    expect(headings(built.recorded.changes)).toEqual([]);
    expect(built.recorded.chapter1).not.toContain(NOTE);
    expect(built.recorded.manifest).toBe(built.first.manifest);
    expect(built.recorded.warnings).toEqual([]);
  });
});

describe("rebuilt after the data update, still as version 1.0.0", () => {
  it("says in plain words that it is not release 1.0.0, compares nothing and notes no figure", () => {
    const page = built.stale.changes;
    expect(page).toContain("<h1>What changed</h1>");
    expect(page).toContain("This is version 1.0.0 of the report, with data up to 1 October 2018. Release 1.0.0 is already recorded, and this build is not that release: it differs from it in 2 data files, 2 numbers, 1 figure&#39;s plotted data and 1 council added, removed or changed.");
    expect(all(page, /<li>([^<]+)<\/li>/g).flat()).toEqual([
      `Data files: ${COUNCILS_CSV} (changed) and ${OUTCOMES_CSV} (changed)`,
      "Numbers: grades.inadequate.2014-15 and grades.ri_or_adequate.2014-15",
      "Figures&#39; plotted data: Figure 1.1",
      "Councils: Glenholt (E06000903) added",
    ]);
    expect(page).toContain("So this page does not compare version 1.0.0 with itself.");
    expect(headings(page)).toEqual([]);
    for (const other of [built.stale.chapter1, built.stale.chapter2, built.stale.council]) expect(other).not.toContain(NOTE);
  });

  it("warns on stderr, once, naming the recorded release and what to do", () => {
    expect(built.stale.warnings).toEqual([
      'Warning: this build is version 1.0.0, but it differs from release 1.0.0 as recorded in releases/1.0.0/manifest.json (2 data files, 2 numbers, 1 figure\'s plotted data and 1 council added, removed or changed). Raise "version" in package.json for a new release (npm version minor --no-git-tag-version), then build and record it (npm run release); until then its "What changed" page says it differs and compares nothing.',
    ]);
  });
});

describe("npm run build of a version whose recorded release has other data", () => {
  it("prints the warning on stderr and still builds, with exit code 0", async () => {
    const copy = await copyFixture("release-warn-");
    await mkdir(path.join(copy, "releases", "1.0.0"), { recursive: true });
    await writeFile(path.join(copy, RELEASE), built.first.manifest);
    await editFile(copy, COUNCILS_CSV, "E09000901,Dunmoor,Fictional London", "E09000901,Dunmoor,Fictional South");
    await signProvenance(copy);
    const outDir = path.join(await temporaryFolder(), "site");
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/engine/build.ts", "--root", copy, "--out", outDir, "--report", FIXTURE_DEFINITION], {
      cwd: REPO_ROOT,
      env: { ...process.env, REPORT_SVG_CACHE: "off" },
    });
    // A council's region is in no number, figure or name the manifest keeps: only the file differs.
    expect(stderr).toContain("Warning: this build is version 1.0.0, but it differs from release 1.0.0 as recorded in releases/1.0.0/manifest.json (1 data file). Raise");
    expect(stdout).toContain("Built ");
    expect(await read(path.join(outDir, "what-changed", "index.html"))).toContain("it differs from it in 1 data file.");
  });
});

describe("rebuilt after the data update as version 1.1.0", () => {
  const page = () => built.updated.changes;

  it("titles the page with the release it compares against", () => {
    expect(page()).toContain("<h1>What changed since 1.0.0</h1>");
    // No dated file changed, so the data still runs to the same day.
    expect(page()).toContain("This is version 1.1.0 of the report, with data up to 1 October 2018. It is compared here with release 1.0.0, whose data ran up to 1 October 2018.");
    expect(built.updated.warnings).toEqual([]);
  });

  it("shows the data's changes first, then presentation (here none)", () => {
    expect(headings(page())).toEqual(["h2 data-changes", "h3 changed-data", "h3 changed-numbers", "h3 changed-figures", "h3 changed-claims", "h3 changed-councils", "h2 presentation-changes"]);
    expect(part(page(), "presentation-changes")).toContain("Nothing is drawn or worded differently since release 1.0.0.");
  });

  it("lists exactly the two data files that changed, with their old and new fingerprints", async () => {
    const rows = all(section(page(), "changed-data"), /<tr><th scope="row"><code>([^<]+)<\/code><\/th><td>([^<]+)<\/td><td><code>([^<]+)<\/code><\/td><td><code>([^<]+)<\/code><\/td><\/tr>/g);
    const now = { outcomes: await sha256(path.join(root, OUTCOMES_CSV)), councils: await sha256(path.join(root, COUNCILS_CSV)) };
    expect(rows).toEqual([
      [COUNCILS_CSV, "changed", originalHashes.councils.slice(0, 12), now.councils.slice(0, 12)],
      [OUTCOMES_CSV, "changed", originalHashes.outcomes.slice(0, 12), now.outcomes.slice(0, 12)],
    ]);
  });

  it("lists exactly the numbers that follow from the two changed values, grouped by family, each caused by the national table", () => {
    const numbers = section(page(), "changed-numbers");
    expect(all(numbers, /<caption>Changed numbers: ([^<]+)<\/caption>/g).flat()).toEqual(["grades"]);
    const rows = all(numbers, /<code class="stat-key">([^<]+)<\/code><\/th><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><td>(.+?)<\/td><\/tr>/g);
    /*
     * By hand. The two 2014/15 shares themselves: 29% → 30% (up), 47% → 46% (down).
     * Not changed: the year's total (29 + 47 + 21 + 3 = 100, now 30 + 46 + 21 + 3 = 100); the
     * swing into 2014/15, (|29−26| + |47−46| + |21−25| + |3−3|) ÷ 2 = (3 + 1 + 4 + 0) ÷ 2 = 4,
     * now (|30−26| + |46−46| + 4 + 0) ÷ 2 = (4 + 0 + 4 + 0) ÷ 2 = 4; so neither the late window's
     * average ((3 + 4) ÷ 2 = 3.5) nor the ratio (9.5 ÷ 3.5); the first and last years.
     * The councils family has no stats, and the mini report, with no claims register, no claim counts.
     * The grades family reads the national table alone, which changed: the cause.
     */
    const cause = `<code>${OUTCOMES_CSV}</code>`;
    expect(rows).toEqual([
      ["grades.inadequate.2014-15", "29%", "30%", "up", cause],
      ["grades.ri_or_adequate.2014-15", "47%", "46%", "down", cause],
    ]);
  });

  it("lists the figure of the shares as updated from the national table, linked to where it appears, and not the swing figure or any council's timeline, whose rows are as they were", () => {
    // Figure 1.1 plots every year's shares (and its title quotes 2014/15's Inadequate share);
    // Figure 2.1 plots the swings into each year, and the swing into 2014/15 is still 4 (worked out above).
    // No council timeline changed: they plot data/councils/inspections.csv, and Glenholt has no inspection, so no timeline;
    // the councils family uses the grades family, so the national table is among the timelines' files, but their rows are the same.
    const items = all(section(page(), "changed-figures"), /<li><a href="([^"]+)">([^<]+)<\/a>: ([^<]+) \((\w+), from (.+?)\)<\/li>/g);
    expect(items.map(([href, label, , change, cause]) => [href, label, change, cause])).toEqual([["/chapter-1/#figure-grades-by-year", "Figure 1.1", "updated", `<code>${OUTCOMES_CSV}</code>`]]);
    expect(items[0][2]).toBe("The share judged good fell from 62% to 21% between 2007/08 and 2014/15; the share judged inadequate rose from 2% to 30%");
    const manifest = (json: string) => JSON.parse(json) as { figures: Record<string, { dataHash: string; files: string[] }> };
    const [before, after] = [manifest(built.first.manifest), manifest(built.updated.manifest)];
    expect(Object.keys(after.figures).filter((key) => after.figures[key].dataHash !== before.figures[key]?.dataHash)).toEqual(["grades-by-year"]);
    expect(after.figures["council-ashvale"].files).toEqual([COUNCILS_CSV, "data/councils/inspections.csv", OUTCOMES_CSV]);
  });

  it("notes on the updated figure, and only there, that it was updated since the release, linking to the changes page", () => {
    const note = '<p class="figure-updated"><a href="/what-changed/#changed-figures">Updated since 1.0.0</a></p>';
    expect(built.updated.chapter1.split(note)).toHaveLength(2);
    expect(built.updated.chapter1.split(NOTE)).toHaveLength(2);
    expect(built.updated.chapter2).not.toContain(NOTE);
    expect(built.updated.council).not.toContain(NOTE);
  });

  it("lists the added council, and no claim (the fixture has no claims register)", () => {
    expect(all(section(page(), "changed-councils"), /<li>(\w+): ([^<]+)<\/li>/g)).toEqual([["Added", "Glenholt (E06000903)"]]);
    expect(section(page(), "changed-claims")).toContain("No claim's status has changed.");
  });
});

describe("rebuilt as version 1.1.0 once 1.1.0 is recorded", () => {
  it("compares with the release before it, 1.0.0, and lists what the build before recording listed", () => {
    const page = built.rerecorded.changes;
    expect(page).toContain("<h1>What changed since 1.0.0</h1>");
    expect(page).toContain("This is version 1.1.0 of the report, with data up to 1 October 2018, as recorded for release 1.1.0: nothing has changed since it was recorded. What changed in it is listed here against the previous release, 1.0.0, whose data ran up to 1 October 2018.");
    const from = (html: string) => html.slice(html.indexOf('<h2 id="data-changes">'), html.indexOf("</main>"));
    expect(from(page)).toBe(from(built.updated.changes));
    expect(built.rerecorded.chapter1).toBe(built.updated.chapter1);
    expect(built.rerecorded.warnings).toEqual([]);
  });
});

describe("built as version 1.2.0 with a change of code alone", () => {
  const page = () => built.restyled.changes;

  it("lists the figure drawn and worded differently and the reworded number under presentation, and notes no figure", () => {
    expect(page()).toContain("<h1>What changed since 1.1.0</h1>");
    const presentation = part(page(), "presentation-changes");
    // No data file changed since 1.1.0: each names code or style as its cause.
    expect(all(section(presentation, "redrawn-figures"), /<li><a href="([^"]+)">([^<]+)<\/a>: [^<]+ \(([^<]+)\)<\/li>/g)).toEqual([["/chapter-1/#figure-grades-by-year", "Figure 1.1", "code or style"]]);
    expect(all(section(presentation, "reworded-numbers"), /<code class="stat-key">([^<]+)<\/code><\/th><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)).toEqual([
      ["grades.years.first", "2007/08", "2007/08", "its label (it was &quot;First year of the national table&quot;)", "code or style"],
    ]);
    for (const other of [built.restyled.chapter1, built.restyled.chapter2, built.restyled.council]) expect(other).not.toContain(NOTE);
    // The figure's rows are the same: its CSV is the same bytes, and its data hash too; its drawing hash is not.
    const figure = (json: string) => (JSON.parse(json) as { figures: Record<string, { dataHash: string; drawingHash: string }> }).figures["grades-by-year"];
    expect(figure(built.restyled.manifest).dataHash).toBe(figure(built.updated.manifest).dataHash);
    expect(figure(built.restyled.manifest).drawingHash).not.toBe(figure(built.updated.manifest).drawingHash);
    expect(built.restyled.chapter1).toContain("Drawn with thicker lines.");
  });

  it("lists the number worked out another way under the data's changes, with code as its cause, and no data file, figure or council", () => {
    const data = part(page(), "data-changes");
    // By hand: the ratio of the two windows' averages, 9.5 ÷ 3.5 = 2.71…, shown as 2.7; doubled, 5.43…, shown as 5.4.
    expect(all(section(data, "changed-numbers"), /<code class="stat-key">([^<]+)<\/code><\/th><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><td>(.+?)<\/td><\/tr>/g)).toEqual([["grades.swing.ratio", "2.7", "5.4", "up", "code"]]);
    expect(section(data, "changed-data")).toContain("No data file has changed.");
    expect(section(data, "changed-figures")).toContain("No figure's plotted data has changed.");
    expect(section(data, "changed-councils")).toContain("No council has been added, removed or changed.");
  });
});
