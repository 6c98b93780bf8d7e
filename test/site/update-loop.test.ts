/**
 * The whole loop a maintainer runs when the publishers' next release arrives (issue 15,
 * point 6), on a copy of the report sample (this report's families) with a chapter placing
 * the ILACS analysis ("ten years on", as chapter 5 of the real report does):
 *
 *   made-up publishers' files of 2025 → `npm run data:update` → build → `npm run release` (1.0.0)
 *   → the files of 2026 → `npm run data:update` → version 1.1.0 → build → /what-changed/
 *   → `npm run release` (1.1.0) → rebuild, and the update run again.
 *
 * The publishers' files are those of the import tests (test/fixtures/import-sources and its
 * editions/2025 and editions/2026; their README says what each holds). The data update and
 * the release run as their commands, in a child process, as a maintainer runs them; the
 * builds run in-process, through the same buildSite as `npm run build`.
 *
 * What changes from 2025 to 2026, by hand from the files (editions.test.ts lists the rows):
 *   - data/ilacs/judgements.csv: three reports added — Dorset (E06000059) published
 *     20 February 2026, Good; Buckinghamshire (E06000060) 17 April 2026, Good (from the
 *     scrape: after the as-at date); Bournemouth, Christchurch and Poole (E06000058)
 *     15 July 2026, after the April 2026 reform, no overall grade — and three changed:
 *     Barnet's report of 23 July 2024 corrected (children in care Outstanding → Good), and
 *     Hull's of 11 April 2025 and Barnet's of 15 September 2025 now from Ofsted's table
 *     instead of the scrape, keeping the scrape's report links (an official row takes the
 *     address of the scrape's row on the same report), so neither is listed as changed;
 *   - data/councils/demand.csv: a 2026 row for each of the five current councils (no figure
 *     or number of the sample reads years after 2014: nothing else follows from it);
 *   - the data runs to 15 July 2026 instead of 15 September 2025.
 */
import { execFile } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signProvenance } from "../../scripts/engine/data/provenance.ts";
import { sourcesOf2025, sourcesOf2026, type Sources } from "../import/helpers.ts";
import { buildSample, copySample, editFile, REPO_ROOT, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

const run = promisify(execFile);

/** The chapter the copy gains: the ILACS analysis placed as the real report's chapter 5 places it. */
const CHAPTER = `---
title: Ten years on
chapter: 3
layout: layouts/chapter.njk
permalink: /chapter-3/
description: The made-up councils' ILACS reports.
---
As at {% stat "ilacs.asOf" %} the data holds {% stat "ilacs.reports" %} ILACS reports, {% stat "ilacs.graded" %} of them graded; of {% stat "ilacs.moves.pairs" %} moves from one report to the next, {% stat "ilacs.moves.declined" %} went to a worse grade.

{% figure "ilacs-grades-by-year" %}

{% figure "ilacs-moves" %}

{% figure "ilacs-sub-judgements" %}

{% figure "ilacs-inadequate-spells" %}

{% figure "ilacs-regions" %}
`;

const COUNCILS = ["barnet", "bournemouth-christchurch-and-poole", "bournemouth-until-2019", "buckinghamshire", "dorset", "dorset-until-2019", "kingston-upon-hull-city-of", "poole-until-2019"];
const NOTE = 'class="figure-updated"';

let root: string;
let sources: string;
type Built = { site: string; warnings: string[]; page: (file: string) => Promise<string> };
const builds = {} as Record<"first" | "updated" | "released" | "again", Built>;
const cli = {} as Record<"update2025" | "release1" | "update2026" | "release2" | "updateAgain", { stdout: string; stderr: string }>;

/** A command as a maintainer runs it, from the repository, on the copy. */
const command = (script: string, ...args: string[]) => run("npx", ["tsx", script, "--root", root, ...args], { cwd: REPO_ROOT, env: { ...process.env, TZ: "UTC" } });
const dataUpdate = async (set: Sources, ...flags: string[]) => {
  await set.write(sources);
  return command("scripts/import/update.ts", ...flags, sources);
};

async function build(name: keyof typeof builds): Promise<void> {
  const site = path.join(await temporaryFolder(`loop-${name}-`), "site");
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  let warnings: string[];
  try {
    await withEnv({ REPORT_SVG_CACHE: "off" }, () => buildSample({ root, outDir: site }));
  } finally {
    warnings = warn.mock.calls.map((call) => call.map(String).join(" "));
    warn.mockRestore();
  }
  builds[name] = { site, warnings, page: (file) => readFile(path.join(site, file), "utf8") };
}

/** Text without tags or entities, whitespace collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
/** The part of the changes page under one heading (h2 or h3), up to the next heading of any level. */
function section(html: string, id: string): string {
  const start = html.search(new RegExp(`<h[23] id="${id}">`));
  if (start < 0) throw new Error(`no section ${id}`);
  const next = html.slice(start + 1).search(/<h[23]/);
  return html.slice(start, next < 0 ? html.indexOf("</div>", start) : start + 1 + next);
}
/** A list's items as text: tags dropped (not spaced: "<code>file</code>)" reads "file)"). */
const items = (html: string) => [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => text(m[1].replace(/<[^>]+>/g, "")));
/** The changed numbers' rows: key, before, now, change, cause. */
const numberRows = (html: string) =>
  [...html.matchAll(/<code class="stat-key">([^<]+)<\/code><\/th><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => [m[1], text(m[2]), text(m[3]), m[4], text(m[5])]);
/** Which pages of a build carry an "updated" note, and on which figures. */
async function notes(built: Built): Promise<string[]> {
  const pages = ["index.html", "chapter-1/index.html", "chapter-2/index.html", "chapter-3/index.html", ...COUNCILS.map((c) => `councils/${c}/index.html`)];
  const found: string[] = [];
  for (const page of pages) {
    const html = await built.page(page);
    for (const m of html.matchAll(/<figure[^>]*id="([^"]+)"[\s\S]*?<\/figure>/g)) if (m[0].includes(NOTE)) found.push(`${page} #${m[1]}`);
    // Every note sits inside its figure.
    expect(html.split(NOTE).length - 1, page).toBe(found.filter((f) => f.startsWith(`${page} `)).length);
  }
  return found;
}

beforeAll(async () => {
  root = await copySample("update-loop-");
  sources = path.join(await temporaryFolder("update-loop-sources-"), "sources");
  // The publications bring councils of their own in place of the sample's: the report's mentions
  // (a transcribed file, not imported) name one of them, as a maintainer would keep it true.
  await writeFile(path.join(root, "data", "national", "report-mentions.csv"), 'council_code,kind,person,role,source\nE09000003,thanked,A. Made-up Person,Barnet Council,"Made up for the update loop"\n');
  // The sample's children-in-need figures of 2012–2014 name its made-up councils too, and this loop's publications
  // bring no files of those years to re-import them: the copy keeps the file's columns and no rows.
  const cin = path.join(root, "data", "councils", "children-in-need-2012-2014.csv");
  await writeFile(cin, `${(await readFile(cin, "utf8")).split("\n")[0]}\n`);
  await signProvenance(root);
  await writeFile(path.join(root, "content", "chapters", "ten-years-on.md"), CHAPTER);

  // Release 1.0.0: the sample's data replaced by the 2025 publications, built and recorded.
  // The sample's made-up councils give way to the publishers' ones: rows data/ holds that the publications do not
  // give, which the update removes only when told so.
  cli.update2025 = await dataUpdate(await sourcesOf2025(), "--allow-removals");
  await build("first");
  cli.release1 = await command("scripts/engine/release/release.ts", "--site", builds.first.site);

  // The 2026 publications arrive (with the files that have no new edition), then version 1.1.0.
  const files2026 = await sourcesOf2026();
  cli.update2026 = await dataUpdate(files2026);
  await editFile(root, "package.json", '"version": "1.0.0"', '"version": "1.1.0"');
  await build("updated");

  // Released, rebuilt; the same files given again.
  cli.release2 = await command("scripts/engine/release/release.ts", "--site", builds.updated.site);
  await build("released");
  cli.updateAgain = await dataUpdate(files2026);
  await build("again");
}, 300_000);

afterAll(removeTemporaryFolders);

describe("release 1.0.0, from the 2025 publications", () => {
  it("is imported, built and recorded by the maintainer's commands", async () => {
    expect(cli.update2025.stdout).toContain("data/ilacs/judgements.csv: 10 rows; 10 added, 0 changed,");
    // The sample's made-up councils give way to the publishers' ones; a removed row is named by its council's name before,
    // and every one is listed (the sample's eleven council years, not the first five).
    const lines = cli.update2025.stdout.split("\n");
    expect(lines).toContain("  removed: Ashvale (E06000901) 2013");
    const demand = lines.indexOf("data/councils/demand.csv: 22 rows; 22 added, 0 changed, 11 removed");
    expect(lines.slice(demand + 1).findIndex((line) => !line.startsWith("  "))).toBe(5 + 1 + 11);
    expect(cli.release1.stdout.trim()).toBe(`Recorded the release in ${path.join("releases", "1.0.0", "manifest.json")}. Commit it; the next build lists what changed since it.`);
    expect(JSON.parse(await readFile(path.join(root, "releases", "1.0.0", "manifest.json"), "utf8"))).toMatchObject({ version: "1.0.0", dataAsOf: "2025-09-15" });
    expect(builds.first.warnings).toEqual([]);
    expect(await notes(builds.first)).toEqual([]);
  });
});

describe("after the 2026 publications, built as 1.1.0", () => {
  let page: string;
  beforeAll(async () => {
    page = await builds.updated.page("what-changed/index.html");
  });

  it("data:update reports the rows it changed, naming councils and dates", () => {
    const lines = cli.update2026.stdout.trimEnd().split("\n");
    expect(lines).toContain("data/ilacs/judgements.csv: 13 rows; 3 added, 3 changed, 0 removed");
    expect(lines).toContain("  changed: Barnet (E09000003) 2024-07-23: in_care outstanding → good");
    expect(lines).toContain("data/councils/demand.csv: 27 rows; 5 added, 0 changed, 0 removed");
    expect(lines.at(-2)).toBe("Wrote data/councils/demand.csv, data/councils/import-report.md, data/ilacs/judgements.csv, data/ilacs/import-report.md, data/README.md.");
  });

  it("compares itself with 1.0.0 and names the data files that changed", () => {
    expect(text(page)).toContain("This is version 1.1.0 of the report, with data up to 15 July 2026. It is compared here with release 1.0.0, whose data ran up to 15 September 2025.");
    expect(builds.updated.warnings).toEqual([]);
    const files = [...section(page, "changed-data").matchAll(/<tr><th scope="row"><code>([^<]+)<\/code><\/th><td>([^<]+)<\/td>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(files).toEqual(["data/councils/demand.csv changed", "data/ilacs/judgements.csv changed"]);
  });

  it("lists exactly the judgements added and changed, with their grades, and no council", () => {
    expect(items(section(page, "changed-judgements"))).toEqual([
      "Added: Bournemouth, Christchurch and Poole — ILACS standard inspection published 15 July 2026: Overall: No grade given; Leadership: Good; Help and protection: requires improvement to be good; Children in care: Good; Care leavers: Good; Inspection began: 1 June 2026; Report: https://files.example.org/v1/file/2006",
      "Added: Dorset — ILACS standard inspection published 20 February 2026: Overall: Good; Leadership: Outstanding; Help and protection: Good; Children in care: Good; Care leavers: Good; Inspection began: 12 January 2026; Report: https://files.example.org/v1/file/2004",
      "Added: Buckinghamshire — ILACS short inspection published 17 April 2026: Overall: Good; Leadership: Good; Help and protection: Good; Children in care: Good; Care leavers: Good; Inspection began: 2 March 2026; Report: https://files.example.org/v1/file/2005",
      // Hull's and Barnet's 2025 reports moved from the scrape to the official table and kept their links (the scrape's address of the same report), so neither changed.
      "Changed: Barnet — ILACS short inspection published 23 July 2024: Children in care: Outstanding → Good",
    ]);
    expect(text(section(page, "changed-councils"))).toBe("Councils No council has been added, removed or changed.");
    expect(text(section(page, "changed-claims"))).toBe("Claims No claim's status has changed.");
  });

  it("lists exactly the numbers that moved, each from data/ilacs/judgements.csv", () => {
    const rows = numberRows(section(page, "changed-numbers"));
    // Every one is an ILACS number, or the hindsight family's count of councils by their latest report;
    // nothing read from demand.csv moved (the sample's families read its years to 2014).
    expect(rows.filter(([key, , , , cause]) => !(key.startsWith("ilacs.") || key.startsWith("hindsight.")) || cause !== "data/ilacs/judgements.csv")).toEqual([]);
    const row = (key: string) => rows.find((r) => r[0] === key)?.slice(1, 4);
    // 10 reports then (all graded); 13 now, BCP's of July 2026 without a grade.
    expect(row("ilacs.reports")).toEqual(["10", "13", "up"]);
    expect(row("ilacs.graded")).toEqual(["10", "12", "up"]);
    expect(row("ilacs.ungraded")).toEqual(["0", "1", "up"]);
    expect(row("ilacs.asOf")).toEqual(["15 September 2025", "15 July 2026", "changed"]);
    expect(row("ilacs.years.lastFull")).toEqual(["2024", "2025", "up"]);
    // Consecutive graded pairs: Hull RI→Good, Buckinghamshire Good→Outstanding, Barnet Good→Good and Good→RI;
    // now also Dorset Good→Good and Buckinghamshire Outstanding→Good.
    expect(row("ilacs.moves.pairs")).toEqual(["4", "6", "up"]);
    expect(row("ilacs.moves.declined")).toEqual(["1", "2", "up"]);
    // Shares of fewer than 30 show their counts.
    expect(row("ilacs.moves.improved.share")).toEqual(["50% (2 of 4)", "33% (2 of 6)", "down"]);
    // Councils with two graded reports: Hull, Buckinghamshire, Barnet; now Dorset too. First against
    // latest better: Hull and Buckinghamshire then; Hull alone now (Buckinghamshire is Good again).
    expect(row("ilacs.firstLatest.councils")).toEqual(["3", "4", "up"]);
    expect(row("ilacs.firstLatest.improved")).toEqual(["2", "1", "down"]);
    // The last full year's reports: Barnet's of 2024 (Good); Hull's (Good) and Barnet's (RI) of 2025.
    expect(row("ilacs.lastFull.good")).toEqual(["100% (1 of 1)", "50% (1 of 2)", "down"]);
    // The same 0% of other counts is new data: 0 of 1 then, 0 of 2 now.
    expect(row("ilacs.lastFull.inadequate")).toEqual(["0% (0 of 1)", "0% (0 of 2)", "changed"]);
    // The long run of grades ends a year later, and the first reports without a grade give the reform's date.
    expect(row("hindsight.longRun.lastFull")).toEqual(["2024/25", "2025/26", "changed"]);
    expect(row("hindsight.reform.date")).toEqual(["–", "15 July 2026", "new"]);
    // 2026: Dorset and Buckinghamshire graded Good, BCP not graded.
    expect(row("ilacs.year.2026.graded")).toEqual(["–", "2", "new"]);
    expect(row("ilacs.year.2026.good.count")).toEqual(["–", "2", "new"]);
    expect(row("ilacs.year.2026.ungraded")).toEqual(["–", "1", "new"]);
    expect(rows.map((r) => r[0])).toEqual([
      "hindsight.longRun.last",
      "hindsight.longRun.lastFull",
      "hindsight.longRun.lastFull.goodOrBetter",
      "hindsight.longRun.lastFull.inadequate",
      "hindsight.now.date",
      "hindsight.reform.date",
      "ilacs.asOf",
      "ilacs.firstLatest.councils",
      "ilacs.firstLatest.improved",
      "ilacs.firstLatest.stuckShare",
      "ilacs.graded",
      "ilacs.lastFull.good",
      "ilacs.lastFull.goodOrBetter",
      "ilacs.lastFull.inadequate",
      "ilacs.lastFull.outstanding",
      "ilacs.lastFull.requiresImprovement",
      "ilacs.moves.declined",
      "ilacs.moves.declined.share",
      "ilacs.moves.good.good",
      "ilacs.moves.improved.share",
      "ilacs.moves.outstanding.good",
      "ilacs.moves.pairs",
      "ilacs.moves.stayed",
      "ilacs.moves.stayed.share",
      "ilacs.reports",
      "ilacs.sub.care_leavers.reports",
      "ilacs.sub.care_leavers.same",
      "ilacs.sub.care_leavers.sameShare",
      "ilacs.sub.help_protection.reports",
      "ilacs.sub.help_protection.same",
      "ilacs.sub.help_protection.sameShare",
      "ilacs.sub.in_care.better",
      "ilacs.sub.in_care.reports",
      "ilacs.sub.in_care.same",
      "ilacs.sub.in_care.sameShare",
      "ilacs.sub.leadership.better",
      "ilacs.sub.leadership.reports",
      "ilacs.sub.leadership.same",
      "ilacs.sub.leadership.sameShare",
      "ilacs.ungraded",
      "ilacs.year.2026.good",
      "ilacs.year.2026.good.count",
      "ilacs.year.2026.graded",
      "ilacs.year.2026.inadequate",
      "ilacs.year.2026.inadequate.count",
      "ilacs.year.2026.outstanding",
      "ilacs.year.2026.outstanding.count",
      "ilacs.year.2026.requiresImprovement",
      "ilacs.year.2026.requiresImprovement.count",
      "ilacs.year.2026.ungraded",
      "ilacs.years.last",
      "ilacs.years.lastFull",
    ]);
  });

  it("badges exactly the figures whose plotted data changed, and lists them", async () => {
    // Chapter 3: grades by year (a 2026 year), moves (two new pairs), sub-judgements (new reports,
    // Barnet's correction). Not the spells: the sample's spells have all ended, so the survival
    // curve is the same (only its caption's date moves, a presentation change). Not the
    // regions: each region's share judged Good or better at its latest report is unchanged
    // (Buckinghamshire's latest goes from Outstanding to Good). Council timelines: the two
    // councils with a new graded report, and Bournemouth, Christchurch and Poole, whose new report
    // without an overall grade is plotted on a row of its own. A council timeline's files are its
    // family's: the councils family uses the recount's reading of the 2013 cohort, which reads
    // data/councils/demand.csv, so that file (changed too) is named with the judgements.
    const expected = [
      "chapter-3/index.html #figure-ilacs-grades-by-year",
      "chapter-3/index.html #figure-ilacs-moves",
      "chapter-3/index.html #figure-ilacs-sub-judgements",
      "councils/bournemouth-christchurch-and-poole/index.html #figure-timeline",
      "councils/buckinghamshire/index.html #figure-timeline",
      "councils/dorset/index.html #figure-timeline",
    ];
    expect(await notes(builds.updated)).toEqual(expected);
    const listed = items(section(page, "changed-figures")).map((item) => item.replace(/:.*\(updated, from (.+)\)$/, " ($1)"));
    const councilFiles = "data/councils/demand.csv, data/ilacs/judgements.csv";
    expect(listed).toEqual([
      `Inspection history, Bournemouth, Christchurch and Poole (${councilFiles})`,
      `Inspection history, Buckinghamshire (${councilFiles})`,
      `Inspection history, Dorset (${councilFiles})`,
      "Figure 3.1 (data/ilacs/judgements.csv)",
      "Figure 3.2 (data/ilacs/judgements.csv)",
      "Figure 3.3 (data/ilacs/judgements.csv)",
    ]);
  });

  it("lists what new data only framed differently under presentation, with its cause, and badges none of it", async () => {
    // Every timeline's axis ends at the data's last date (15 July 2026 now): the other five
    // redrawn (their files as above). The spells' curve and the regions' rows are the same, but the spells'
    // caption names the data's new last date and the regions' source line the new edition.
    const newData = "with the new data in data/councils/demand.csv, data/ilacs/judgements.csv";
    expect(items(section(page, "redrawn-figures")).map((item) => item.replace(/:.*\((.+)\)$/, " ($1)"))).toEqual([
      `Inspection history, Barnet (${newData})`,
      `Inspection history, Bournemouth, until 2019 (${newData})`,
      `Inspection history, Dorset, until 2019 (${newData})`,
      `Inspection history, Kingston upon Hull, City of (${newData})`,
      `Inspection history, Poole, until 2019 (${newData})`,
      "Figure 3.4 (with the new data in data/ilacs/judgements.csv)",
      "Figure 3.5 (with the new data in data/ilacs/judgements.csv)",
    ]);
    expect(text(await builds.updated.page("chapter-3/index.html"))).toContain(
      "Source: Ofsted, Local authority inspection outcomes as at 31 March 2026 (the ILACS inspection history), and for reports published after it, a daily scrape of Ofsted's published ILACS reports (JT-39/ofsted-ilacs-scrape-tool; reports published up to 15 July 2026); re-shaped by our importer into data/ilacs/judgements.csv. Open Government Licence v3.0. Regions: data/councils/councils.csv.",
    );
    // The most common grade of the last full year is Good, as it was, though the year it names moved;
    // 2025's shares are the same, and their label no longer calls 2025 a part-year.
    const reworded = [...section(page, "reworded-numbers").matchAll(/<code class="stat-key">([^<]+)<\/code><\/th><td>([^<]*)<\/td><td>([^<]*)<\/td><td>[^<]*<\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3], text(m[4])]);
    expect(reworded).toEqual([
      ["ilacs.lastFull.mostCommon", "Good", "Good", "data/ilacs/judgements.csv"],
      ["ilacs.year.2025.good", "50% (1 of 2)", "50% (1 of 2)", "data/ilacs/judgements.csv"],
      ["ilacs.year.2025.inadequate", "0% (0 of 2)", "0% (0 of 2)", "data/ilacs/judgements.csv"],
      ["ilacs.year.2025.outstanding", "0% (0 of 2)", "0% (0 of 2)", "data/ilacs/judgements.csv"],
      ["ilacs.year.2025.requiresImprovement", "50% (1 of 2)", "50% (1 of 2)", "data/ilacs/judgements.csv"],
    ]);
  });

  it("chapter 3's numbers and the council pages follow the new data", async () => {
    expect(text(await builds.first.page("chapter-3/index.html"))).toContain("As at 15 September 2025 the data holds 10 ILACS reports, 10 of them graded; of 4 moves from one report to the next, 1 went to a worse grade.");
    const chapter = text(await builds.updated.page("chapter-3/index.html"));
    expect(chapter).toContain("As at 15 July 2026 the data holds 13 ILACS reports, 12 of them graded; of 6 moves from one report to the next, 2 went to a worse grade.");
    // The source lines name the editions read.
    expect(chapter).toContain("Ofsted, Local authority inspection outcomes as at 31 March 2026 (the ILACS inspection history)");
    expect(chapter).toContain("(JT-39/ofsted-ilacs-scrape-tool; reports published up to 15 July 2026)");
    expect(text(await builds.first.page("chapter-3/index.html"))).toContain("Ofsted, Local authority inspection outcomes as at 31 March 2025 (the ILACS inspection history)");

    const barnet = text(await builds.updated.page("councils/barnet/index.html"));
    expect(barnet).toMatch(/23 July 2024 Inspection began 10 June 2024 ILACS short inspection Good Leadership: Good Help and protection: Good Children in care: Good Care leavers: Good Ofsted report/);
    expect(text(await builds.first.page("councils/barnet/index.html"))).toMatch(/23 July 2024 Inspection began 10 June 2024 ILACS short inspection Good Leadership: Good Help and protection: Good Children in care: Outstanding/);
    const dorset = text(await builds.updated.page("councils/dorset/index.html"));
    expect(dorset).toContain("Dorset's latest inspection report, published on 20 February 2026 (inspection began 12 January 2026), judged it Good.");
    expect(text(await builds.first.page("councils/dorset/index.html"))).toContain("Dorset's latest inspection report, published on 22 November 2021 (inspection began 11 October 2021), judged it Good.");
    const bcp = text(await builds.updated.page("councils/bournemouth-christchurch-and-poole/index.html"));
    expect(bcp).toMatch(/15 July 2026 Inspection 1 to 12 June 2026 ILACS standard inspection No overall grade/);
    // Its summary leads with that report, then the latest graded one.
    expect(bcp).toContain("Bournemouth, Christchurch and Poole's latest inspection report, published on 15 July 2026 (inspection 1 to 12 June 2026), gave no overall grade");
    expect(bcp).toContain("The latest report with an overall grade, published on 14 February 2022, judged it requires improvement to be good.");
  });
});

describe("released as 1.1.0 and rebuilt", () => {
  it("records the release, and a rebuild reports nothing new", async () => {
    expect(cli.release2.stdout.trim()).toBe(`Recorded the release in ${path.join("releases", "1.1.0", "manifest.json")}. Commit it; the next build lists what changed since it.`);
    const page = await builds.released.page("what-changed/index.html");
    expect(text(page)).toContain("This is version 1.1.0 of the report, with data up to 15 July 2026, as recorded for release 1.1.0: nothing has changed since it was recorded. What changed in it is listed here against the previous release, 1.0.0, whose data ran up to 15 September 2025.");
    expect(builds.released.warnings).toEqual([]);
    // The same changes since 1.0.0 as before it was recorded, and the same pages.
    const from = (html: string) => html.slice(html.indexOf('<h2 id="data-changes">'), html.indexOf("</main>"));
    expect(from(page)).toBe(from(await builds.updated.page("what-changed/index.html")));
    for (const file of ["chapter-3/index.html", ...COUNCILS.map((c) => `councils/${c}/index.html`)]) expect(await builds.released.page(file), file).toBe(await builds.updated.page(file));
  });

  it("the same files given again change nothing, and the site built after is the same", async () => {
    expect(cli.updateAgain.stdout.trimEnd().split("\n").at(-1)).toBe("data/ is already up to date with these files: nothing was written.");
    const files = async (site: string) => (await readdir(site, { recursive: true })).sort();
    expect(await files(builds.again.site)).toEqual(await files(builds.released.site));
    for (const file of ["what-changed/index.html", "manifest.json", "chapter-3/index.html", "councils/dorset/index.html"]) expect(await builds.again.page(file), file).toBe(await builds.released.page(file));
  });
});
