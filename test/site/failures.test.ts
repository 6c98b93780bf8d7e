/**
 * Builds that must fail: each breaks one thing in a fresh copy of the fixture (or the disk
 * it is written to) and checks the message the reader gets (file:line:column or the page
 * path, and the offending key; for the disk, the folder and what happened) and that the
 * site built earlier into the same output folder is left byte for byte as it was, with no
 * staging folder left beside it.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { rootCause } from "../../scripts/engine/build.ts";
import { isReportError } from "../../scripts/engine/data/errors.ts";
import { signProvenance } from "../../scripts/engine/data/provenance.ts";
import { FIXTURE, FIXTURE_DEFINITION, OUTCOMES_CSV, REPO_ROOT, buildFixture, copyFixture, editFile, fingerprint, removeTemporaryFolders, temporaryFolder } from "./helpers.ts";

const run = promisify(execFile);

let outDir: string;
let builtSite: string[];
let savedExitCode: typeof process.exitCode;
const savedCacheSetting = process.env.REPORT_SVG_CACHE;

beforeAll(async () => {
  process.env.REPORT_SVG_CACHE = "off";
  outDir = path.join(await temporaryFolder(), "site");
  await buildFixture({ root: await copyFixture(), outDir });
  builtSite = await fingerprint(outDir);
  expect(builtSite.length).toBeGreaterThan(0);
});

afterAll(async () => {
  if (savedCacheSetting === undefined) delete process.env.REPORT_SVG_CACHE;
  else process.env.REPORT_SVG_CACHE = savedCacheSetting;
  await removeTemporaryFolders();
});

beforeEach(() => {
  savedExitCode = process.exitCode;
  // buildSite reports nothing itself (the CLI prints the message); the spies check that.
  for (const method of ["log", "warn", "error"] as const) vi.spyOn(console, method).mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = savedExitCode;
  expect(await fingerprint(outDir)).toEqual(builtSite);
  expect(await readdir(path.dirname(outDir))).toEqual(["site"]);
});

/**
 * Build a broken project into the already-built output; return the error it fails with.
 * `explained`: the failure was not ours (a template error) and the message explains it, keeping
 * what it explains as its cause (printed with DEBUG set).
 */
async function failingBuild(root: string, { explained = false } = {}): Promise<Error> {
  const outcome = await buildFixture({ root, outDir }).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error("the build was expected to fail but succeeded");
  // buildSite already unwraps Eleventy's wrappers: what it throws is what the CLI prints.
  if (explained) expect(isReportError(outcome) && !isReportError(outcome.cause)).toBe(true);
  else expect(rootCause(outcome)).toBe(outcome);
  // Nothing printed twice, and the calling process's exit code is left alone.
  expect(console.error).not.toHaveBeenCalled();
  expect(process.exitCode).toBe(savedExitCode);
  return outcome;
}

const sha256 = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");

describe("a build that fails leaves the previous site untouched", () => {
  it("reports a cell that is not a number by file:line:column", async () => {
    const root = await copyFixture();
    // Line 1 is the header; 2007/08 and 2008/09 take lines 2–9, so 2009/10 has lines 10–13 (inadequate, ri_or_adequate, good, outstanding).
    await editFile(root, OUTCOMES_CSV, "2009/10,good,48,", "2009/10,good,abc,");
    expect(await signProvenance(root)).toEqual([OUTCOMES_CSV]);
    const error = await failingBuild(root);
    expect(error.message.startsWith(`${OUTCOMES_CSV}:12:3:`)).toBe(true);
    expect(error.message).toBe(`${OUTCOMES_CSV}:12:3: percent: "abc" is not a number`);
  });

  it("names the page and the key of an unknown stat", async () => {
    const root = await copyFixture();
    await editFile(root, "content/chapters/cycles.md", '{% stat "grades.swing.late" %}', '{% stat "grades.swing.middle" %}');
    const error = await failingBuild(root);
    // The nearest keys share "grades.swing" and are as deep: not .early.first, nor .year.2012-13.
    expect(error.message).toBe('content/chapters/cycles.md: unknown stat key "grades.swing.middle"; did you mean one of: grades.swing.early, grades.swing.late, grades.swing.ratio');
  });

  it("names a tag missing its %} where it is written, not where Nunjucks trips over what it swallowed", async () => {
    const root = await copyFixture();
    await editFile(root, "content/chapters/cycles.md", '{% stat "grades.swing.late" %}', '{% stat "grades.swing.late" ');
    const lines = (await readFile(path.join(root, "content/chapters/cycles.md"), "utf8")).split("\n");
    // Line 8 is the body's first.
    expect(lines[7].indexOf('{% stat "grades.swing.late" ')).toBe(245);
    const error = await failingBuild(root);
    expect(error.message).toBe("content/chapters/cycles.md:8:246: the {% stat tag is never closed with %}");
  });

  it("gives a Nunjucks error at the line of the file, front matter counted, in one line", async () => {
    const root = await copyFixture();
    await editFile(root, "content/chapters/grades.md", "## A year that does not add up", "{% nosuchtag %}\n\n## A year that does not add up");
    const error = await failingBuild(root, { explained: true });
    // Nunjucks counts line 7 from the end of the 10-line front matter.
    expect(error.message).toBe("content/chapters/grades.md:17:4: unknown block tag: nosuchtag");
  });

  it("names a paired shortcode never closed at its opening tag", async () => {
    const root = await copyFixture();
    await editFile(root, "content/chapters/grades.md", "## A year that does not add up", '{% callout "Made up" %}\nEvery number here is invented.\n\n## A year that does not add up');
    const error = await failingBuild(root);
    expect(error.message).toBe("content/chapters/grades.md:17:1: {% callout %} is never closed; end it with {% endcallout %}");
  });

  it("refuses a page in a format the content checks do not read (.html), naming it", async () => {
    const root = await copyFixture();
    await writeFile(path.join(root, "content/chapters/extra.html"), "---\ntitle: Extra\n---\n<script>alert(1)</script>\n");
    const error = await failingBuild(root);
    expect(error.message).toBe("content/chapters/extra.html: a page of the report is written in Markdown (.md) or Nunjucks (.njk), whose content the build checks; this file would be published unchecked: rename it to .njk (HTML is valid Nunjucks)");
  });

  it("refuses a second chapter of one number at its front-matter value, naming the first", async () => {
    const root = await copyFixture();
    await editFile(root, "content/chapters/cycles.md", "chapter: 2", "chapter: 1");
    const error = await failingBuild(root);
    // cycles.md comes first in reading order (same chapter, so by file name): grades.md is the second.
    expect(error.message).toBe('content/chapters/grades.md:3:10: chapter 1 is already content/chapters/cycles.md\'s (line 3); two pages of one chapter would both have a "Figure 1.1" — give each its own');
  });

  it("refuses a source id the bibliography lacks at the line and column it is listed, once", async () => {
    const root = await copyFixture();
    await editFile(root, "content/chapters/grades.md", "  - made-up-grades", "  - made-up-gradez");
    const error = await failingBuild(root);
    // Not the print edition, which lists every chapter's sources again.
    expect(error.message).toBe('content/chapters/grades.md:8:5: source "made-up-gradez" is not in content/_data/bibliography.json');
  });

  it("refuses a bibliography that is not valid JSON at its line and column", async () => {
    const root = await copyFixture();
    await editFile(root, "content/_data/bibliography.json", '  },\n  "made-up-grades"', '  }\n  "made-up-grades"');
    const lines = (await readFile(path.join(root, "content/_data/bibliography.json"), "utf8")).split("\n");
    const error = await failingBuild(root);
    expect(error.message).toBe(`content/_data/bibliography.json:${lines.indexOf('  "made-up-grades": {') + 1}:3: the file is not valid JSON (Expected ',' or '}' after property value)`);
  });

  it("refuses a script, an event handler and an embed written in a chapter, at each one's line and column", async () => {
    const root = await copyFixture();
    await editFile(
      root,
      "content/chapters/grades.md",
      "## A year that does not add up",
      '<script>alert("hi")</script>\n<p onmouseover="steal()">Hover</p> <iframe src="https://example.org/tracker"></iframe>\n\nShown as code: `<script>`.\n\n## A year that does not add up',
    );
    const error = await failingBuild(root);
    const advice = "a page's text may hold plain HTML but nothing that runs, embeds or restyles; to show the markup, put it in `backticks`";
    expect(error.message.split("\n")).toEqual([
      `content/chapters/grades.md:17:1: <script> would run a script in the reader's browser; ${advice}`,
      `content/chapters/grades.md:18:4: the onmouseover attribute of <p> would run a script in the reader's browser; ${advice}`,
      `content/chapters/grades.md:18:36: <iframe> would embed another page, fetched from wherever it points; ${advice}`,
    ]);
  });

  it("reports front matter that is not valid YAML by file:line:column", async () => {
    const root = await copyFixture();
    // Line 1 is "---", line 2 the title: an unquoted value holding ": " on line 2 breaks the mapping at its second colon, column 14.
    await editFile(root, "content/chapters/grades.md", "title: How the made-up grades moved", "title: Grades: how they moved");
    const error = await failingBuild(root);
    expect(error.message).toMatch(/^content\/chapters\/grades\.md:2:14: the front matter is not valid YAML \(.+\)$/);
  });

  it("refuses a pull quote that does not repeat the page's own words, naming the page", async () => {
    const root = await copyFixture();
    await editFile(root, "content/chapters/grades.md", "{% figure", "{% pullQuote %}Words this page never says.{% endpullQuote %}\n\n{% figure");
    const error = await failingBuild(root);
    expect(error.message).toBe(
      `content/chapters/grades.md: the pull quote "Words this page never says." does not repeat the page's own words; a pull quote must quote a sentence of the page`,
    );
  });

  it("refuses a pull quote set beside the sentence it repeats, naming the page", async () => {
    const root = await copyFixture();
    await editFile(root, "content/chapters/grades.md", "One year does not add up:", "{% pullQuote %}One year does not add up{% endpullQuote %}\n\nOne year does not add up:");
    const error = await failingBuild(root);
    expect(error.message).toBe(
      `content/chapters/grades.md: the pull quote "One year does not add up" sits beside the sentence it repeats; place it by a passage that does not already say it`,
    );
  });

  it("refuses footnotes that are not whole: referred to but never written, written twice, or never referred to, at their lines", async () => {
    const root = await copyFixture();
    await editFile(root, "content/chapters/grades.md", "One year does not add up:", "One year[^missing] does not add up[^twice]:");
    const chapter = path.join(root, "content/chapters/grades.md");
    await writeFile(chapter, `${await readFile(chapter, "utf8")}\n[^twice]: A note.\n[^twice]: The same note again.\n[^unused]: A note nothing refers to.\n`);
    const lines = (await readFile(chapter, "utf8")).split("\n");
    const line = (text: string) => lines.findIndex((l) => l.startsWith(text)) + 1;
    const error = await failingBuild(root);
    expect(error.message.split("\n")).toEqual([
      `content/chapters/grades.md:19:9: the note [^missing] is referred to but never written; it would be printed as "[^missing]"`,
      `content/chapters/grades.md:${line("[^twice]: The same")}:1: the note [^twice] is written twice (first on line ${line("[^twice]: A note.")}); the second would silently replace the first`,
      `content/chapters/grades.md:${line("[^unused]")}:1: the note [^unused] is written but nothing refers to it; it would not be shown`,
    ]);
  });

  it("names the page and the key of an unknown figure", async () => {
    const root = await copyFixture();
    await editFile(root, "content/chapters/cycles.md", '{% figure "grades-yearly-swing" %}', '{% figure "grades-by-region" %}');
    const error = await failingBuild(root);
    expect(error.message).toBe('content/chapters/cycles.md: unknown figure key "grades-by-region"');
  });

  it("names the page and the key of a cross-reference to a figure that is not placed", async () => {
    const root = await copyFixture();
    await editFile(root, "content/chapters/grades.md", '{% ref "grades-yearly-swing" %}', '{% ref "grades-by-region" %}');
    const error = await failingBuild(root);
    expect(error.message).toBe('content/chapters/grades.md: {% ref "grades-by-region" %} names a figure that is not placed on any page');
  });

  it("refuses a year whose shares do not add up to 100 and is not a known exception", async () => {
    const root = await copyFixture();
    // 2013/14 starts on line 2 + 4 × 4 = 18; 26 + 46 + 35 + 3 = 110.
    await editFile(root, OUTCOMES_CSV, "2013/14,good,25,", "2013/14,good,35,");
    await signProvenance(root);
    const error = await failingBuild(root);
    expect(error.message).toBe(
      `${OUTCOMES_CSV}:26:3: the shares for year 2013/14 add up to 110, not 100 (allowing ±2 for rounding); if this is how the source publishes it, list it in data/known-exceptions.csv`,
    );
  });

  it("refuses the fixture's inconsistent year once its known exception is removed", async () => {
    const root = await copyFixture();
    await writeFile(path.join(root, "data/known-exceptions.csv"), "file,check,key,note\n");
    await signProvenance(root);
    const error = await failingBuild(root);
    // 2011/12 starts on line 18; 19 + 42 + 35 + 8 = 104.
    expect(error.message).toBe(
      `${OUTCOMES_CSV}:18:3: the shares for year 2011/12 add up to 104, not 100 (allowing ±2 for rounding); if this is how the source publishes it, list it in data/known-exceptions.csv`,
    );
  });

  it("refuses a data file changed without re-signing data/README.md", async () => {
    const root = await copyFixture();
    const ledgerLines = (await readFile(path.join(FIXTURE, "data/README.md"), "utf8")).split("\n");
    const entryLine = ledgerLines.findIndex((line) => line.startsWith(`| \`${OUTCOMES_CSV}\``)) + 1;
    expect(entryLine).toBe(11);
    await editFile(root, OUTCOMES_CSV, "2013/14,good,25,", "2013/14,good,26,");
    const actual = await sha256(path.join(root, OUTCOMES_CSV));
    const error = await failingBuild(root);
    expect(error.message).toBe(
      `data/README.md:11:6: ${OUTCOMES_CSV} has changed since its sha256 was recorded (its sha256 is ${actual}); check the file and run npm run data:sign`,
    );
  });

  it("refuses a data file that is not listed in data/README.md", async () => {
    const root = await copyFixture();
    await writeFile(path.join(root, "data/national/extra.csv"), "year,value\n2014/15,1\n");
    const error = await failingBuild(root);
    expect(error.message).toBe("data/national/extra.csv:1:1: the file is not listed in data/README.md; add its source, licence, date and sha256");
  });

  it("refuses an inspection of a council that is not in the council list", async () => {
    const root = await copyFixture();
    // Line 2 of the fixture's inspections is its first row (council_code,published,grade); the council code is column 1.
    await editFile(root, "data/councils/inspections.csv", "E06000901,2010-06-11,", "E06099999,2010-06-11,");
    await signProvenance(root);
    const error = await failingBuild(root);
    expect(error.message).toBe("data/councils/inspections.csv:2:1: E06099999 is not a council in data/councils/councils.csv");
  });

  // A full disk and a read-only output folder (issue 17, case 10 in part). Neither can be made
  // without root (a tmpfs of a few kilobytes, a read-only mount; chmod does not stop root), so the
  // system's error is injected where the build meets the file system, for the staging folder only:
  // Eleventy writes each page with fs.writeFileSync, and build.ts makes the staging folder with
  // fs/promises' mkdir. Before, the first listed every page of the template being written (12 KB
  // for the council pages), the second said ENOENT for a page's folder.
  describe("output that cannot be written: one line naming the folder and what happened", () => {
    const staging = () => `${outDir}.building-${process.pid}`;
    const inStaging = (file: unknown) => typeof file === "string" && path.resolve(file).startsWith(staging());
    /** An error as the system gives it: a code, its number and call, and the path when the call names one. */
    const systemError = (code: string, errno: number, syscall: string, message: string, file?: string) =>
      Object.assign(new Error(`${code}: ${message}, ${syscall}${file ? ` '${file}'` : ""}`), { code, errno, syscall, ...(file ? { path: file } : {}) });
    const failureMessage = async () => {
      const outcome = await buildFixture({ root: await copyFixture(), outDir }).then(() => undefined, (error: unknown) => error);
      if (!(outcome instanceof Error)) throw new Error("the build was expected to fail but succeeded");
      expect(console.error).not.toHaveBeenCalled();
      return outcome.message;
    };

    it("a full disk: no space left on the device holding the staging folder", async () => {
      const write = fs.writeFileSync;
      vi.spyOn(fs, "writeFileSync").mockImplementation((file, ...rest) => {
        // A full disk fails the write itself; Node's error then names no file.
        if (inStaging(file)) throw systemError("ENOSPC", -28, "write", "no space left on device");
        return write(file, ...rest);
      });
      expect(await failureMessage()).toBe(`no space left on the device holding ${staging()} (where the site is built before it replaces ${outDir})`);
    });

    it("a read-only output folder: the staging folder cannot be written, its file system is read-only", async () => {
      const make = fs.promises.mkdir;
      // Replaced on the module object, then synced to the named export build.ts imports.
      fs.promises.mkdir = (async (file: fs.PathLike, options?: fs.MakeDirectoryOptions) => {
        if (inStaging(file)) throw systemError("EROFS", -30, "mkdir", "read-only file system", String(file));
        return make(file, options);
      }) as typeof fs.promises.mkdir;
      syncBuiltinESMExports();
      try {
        expect(await failureMessage()).toBe(`${staging()} (where the site is built before it replaces ${outDir}) cannot be written: its file system is read-only`);
      } finally {
        fs.promises.mkdir = make;
        syncBuiltinESMExports();
      }
    });
  });

  it("fails the command line build with exit code 1 and the same message", async () => {
    const root = await copyFixture();
    await editFile(root, OUTCOMES_CSV, "2009/10,good,48,", "2009/10,good,abc,");
    await signProvenance(root);
    const result = await run("npx", ["tsx", "scripts/engine/build.ts", "--root", root, "--out", outDir, "--report", FIXTURE_DEFINITION], { cwd: REPO_ROOT, env: { ...process.env, REPORT_SVG_CACHE: "off" } }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Build failed: ${OUTCOMES_CSV}:12:3: percent: "abc" is not a number\n`);
    expect(result.stderr).toContain("The previous site, if any, was left as it was.");
  });
});
