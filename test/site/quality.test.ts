/**
 * Quality gates on the real report as built: every page is valid HTML by html-validate
 * (rules in .htmlvalidate.json), every internal link and #fragment resolves (the external
 * links are listed in test-output/external-links.md, never fetched), and the whole report
 * builds to the same bytes in another process, time zone, language and working directory
 * (test/site/determinism.test.ts covers the same for the small fixture, in more ways).
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { HtmlValidate, formatterFactory, type ConfigData } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLinks, externalLinksReport, formatBrokenLinks, readSite } from "../../scripts/engine/check/links.ts";
import { REPO_ROOT, TEST_OUTPUT, fingerprint, realSite, removeTemporaryFolders, temporaryFolder } from "./helpers.ts";

const run = promisify(execFile);

let outDir: string;
let site: Map<string, string | null>;
let pages: string[];

beforeAll(async () => {
  outDir = await realSite();
  site = await readSite(outDir);
  pages = [...site.keys()].filter((file) => file.endsWith(".html"));
});

afterAll(removeTemporaryFolders);

describe("the built report", () => {
  it("has the cover, the chapters and the appendices as pages", () => {
    expect(pages).toContain("index.html");
    expect(pages).toEqual(expect.arrayContaining(["chapter-1/index.html", "chapter-2/index.html", "chapter-3/index.html", "chapter-4/index.html"]));
  });

  it("is the release its version records, when that version is recorded (a change of data or results needs a new version)", async () => {
    const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
    const recorded = existsSync(path.join(REPO_ROOT, "releases", version, "manifest.json"));
    const page = (site.get("what-changed/index.html") as string).replace(/<[^>]+>/g, "");
    if (recorded) expect(page).toMatch(new RegExp(`as recorded for release ${version.replace(/\./g, "\\.")}: (nothing has changed since it was recorded|its data and results are as recorded)`));
    expect(page).not.toContain("this build is not that release");
  });

  it("is valid HTML on every page (html-validate, rules in .htmlvalidate.json)", async () => {
    // The built pages live outside the repository, so the configuration is passed in, not looked up.
    const config = JSON.parse(readFileSync(path.join(REPO_ROOT, ".htmlvalidate.json"), "utf8")) as ConfigData;
    const validator = new HtmlValidate({ ...config, root: true });
    const text = formatterFactory("text");
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(site.get(page) as string, page);
      if (!report.valid) problems.push(text(report.results));
    }
    expect(problems.join("\n"), `html-validate found errors:\n${problems.join("\n")}`).toBe("");
  });

  it("has no broken internal link or #anchor, and lists its external links", async () => {
    const report = checkLinks(site);
    expect(formatBrokenLinks(report.broken), "broken links (page:line:column: link: problem)").toBe("");
    // Every page links to the stylesheet and the cover at least.
    expect(report.internalCount).toBeGreaterThan(pages.length * 2);
    await mkdir(TEST_OUTPUT, { recursive: true });
    await writeFile(path.join(TEST_OUTPUT, "external-links.md"), externalLinksReport(report.external));
  });

  it("builds to the same bytes from the command line in another time zone, language and working directory", async () => {
    const out = path.join(await temporaryFolder("real-site-cli-"), "site");
    const cwd = await temporaryFolder("real-site-cwd-");
    // A fresh process takes its ICU locale from LANG/LC_ALL; every chart is rendered again (no cache).
    const env = { ...process.env, TZ: "Pacific/Chatham", LANG: "fr_FR.UTF-8", LC_ALL: "fr_FR.UTF-8", REPORT_SVG_CACHE: "off" };
    const tsx = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");
    await run(tsx, [path.join(REPO_ROOT, "scripts", "engine", "build.ts"), "--root", REPO_ROOT, "--out", out], { cwd, env });
    expect(await fingerprint(out)).toEqual(await fingerprint(outDir));
  });
});
