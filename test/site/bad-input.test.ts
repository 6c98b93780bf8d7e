/**
 * The bad input corpus (test/fixtures/bad-data/, described in its README): each broken
 * file is dropped into a fresh copy of the fixture in place of the dataset it imitates,
 * the data ledger is re-signed (as someone who ran `npm run data:sign` would), and the
 * project is built into an output folder that already holds a good build.
 *   - A byte-order mark or Windows line endings are not errors: the site built is the same, byte for byte.
 *   - Anything else fails with `file:line:column: plain sentence` naming the problem,
 *     and the site built before is left byte for byte as it was.
 */
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rootCause } from "../../scripts/engine/build.ts";
import { signProvenance } from "../../scripts/engine/data/provenance.ts";
import { OUTCOMES_CSV, REPO_ROOT, buildFixture, copyFixture, fingerprint, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

const CORPUS = path.join(REPO_ROOT, "test", "fixtures", "bad-data");
const INSPECTIONS_CSV = "data/councils/inspections.csv";
const COUNCILS_CSV = "data/councils/councils.csv";
/** The fixture's data zip (named from its title; see scripts/engine/downloads/catalogue.ts). */
const DATA_ZIP = "data/mini-report-data.zip";

interface Case {
  /** What is broken, for the test name. */
  readonly name: string;
  /** The corpus file dropped in, or null to remove the dataset. */
  readonly corpus: string | null;
  /** The dataset it replaces, relative to the project root. */
  readonly target: string;
  /** Also remove the dataset's row from data/README.md (the file is gone and unlisted). */
  readonly unlist?: boolean;
}

interface Failing extends Case {
  /** Where the message points: "file:line:column". */
  readonly at: string;
  /** Words and phrases the message must contain, so it names the problem in plain words. */
  readonly says: readonly string[];
}

const FAILING: readonly Failing[] = [
  { name: "a dataset that is missing but still listed", corpus: null, target: OUTCOMES_CSV, at: "data/README.md:11:1", says: [OUTCOMES_CSV, "is listed but does not exist"] },
  { name: "a dataset that is missing and unlisted", corpus: null, target: OUTCOMES_CSV, unlist: true, at: `${OUTCOMES_CSV}:1:1`, says: ["the file does not exist"] },
  { name: "an empty file", corpus: "empty.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:1:1`, says: ["the file is empty", "header"] },
  { name: "a wrong column name in the header", corpus: "wrong-header.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:1:3`, says: ['header column 3 should be "percent" but is "share"', "year,grade,percent,source"] },
  { name: "no header line", corpus: "missing-header.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:1:1`, says: ["no header line", "year,grade,percent,source", "2007/08,inadequate"] },
  { name: "a row with an extra column", corpus: "extra-column.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:11:5`, says: ["the row has 5 fields but the header has 4"] },
  { name: "a value that is not a number", corpus: "percent-not-a-number.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:7:3`, says: ["percent", '"abc" is not a number'] },
  { name: "an empty number", corpus: "empty-percent.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:13:3`, says: ["percent", "the value is empty, a number is needed"] },
  { name: "a percentage above 100", corpus: "percent-above-100.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:12:3`, says: ["percent", "148% is above the maximum of 100%"] },
  { name: "a percentage below 0", corpus: "percent-below-0.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:6:3`, says: ["percent", "-3% is below the minimum of 0%"] },
  { name: "shares of a year that do not add up to 100", corpus: "shares-not-100.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:26:3`, says: ["the shares for year 2013/14 add up to 110, not 100", "rounding", "known-exceptions.csv"] },
  { name: "a duplicate key", corpus: "duplicate-key.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:9:1`, says: ["duplicate row", "2008/09 / good", "first given on line 8"] },
  { name: "an unknown code", corpus: "unknown-grade.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:4:2`, says: ["grade", '"excellent" is not one of', "outstanding"] },
  { name: "a year span whose years do not follow", corpus: "bad-year-span.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:2:1`, says: ['"2007/09" is not a year span like 2007/08'] },
  { name: "an unterminated quote", corpus: "unclosed-quote.csv", target: OUTCOMES_CSV, at: `${OUTCOMES_CSV}:3:4`, says: ["a quoted value is opened here and never closed"] },
  // The mini report's council files: inspections.csv is council_code,published,grade and councils.csv
  // code,name,region, so a date is column 2, as is a name; line 3 is the second row.
  { name: "an unknown council code", corpus: "unknown-council.csv", target: INSPECTIONS_CSV, at: `${INSPECTIONS_CSV}:3:1`, says: ["E06099999 is not a council", COUNCILS_CSV] },
  { name: "an impossible date", corpus: "impossible-date.csv", target: INSPECTIONS_CSV, at: `${INSPECTIONS_CSV}:3:2`, says: ["published", '"2014-02-30" is not a day in the calendar'] },
  { name: "a date not written year-month-day", corpus: "date-not-iso.csv", target: INSPECTIONS_CSV, at: `${INSPECTIONS_CSV}:4:2`, says: ["published", '"01/03/2016" is not a date like 2014-02-28'] },
  { name: "markup in a council name", corpus: "markup-in-council-name.csv", target: COUNCILS_CSV, at: `${COUNCILS_CSV}:3:2`, says: ["name", "<script>", "markup"] },
  // The data files are published as they are: a cell a spreadsheet would run as a formula is refused where it is read.
  { name: "a formula in a council name", corpus: "formula-in-council-name.csv", target: COUNCILS_CSV, at: `${COUNCILS_CSV}:3:2`, says: ["name", '"=HYPERLINK', 'starts with "="', "formula"] },
  // The mini report's ledger dates its inspections 2026-01-01 (line 14): a report published after that cannot be in the file.
  { name: "a date later than the file's date in the ledger", corpus: "date-after-file.csv", target: INSPECTIONS_CSV, at: `${INSPECTIONS_CSV}:14:2`, says: ["published: 2027-03-01 is later than 2026-01-01", "data/README.md:14", "dated after the file was made"] },
  // Read as UTF-8, a Latin-1 "é" (byte 0xE9) would become "�" and be published so.
  { name: "a file that is not UTF-8 (Latin-1)", corpus: "latin1-council-name.csv", target: COUNCILS_CSV, at: `${COUNCILS_CSV}:3:2`, says: ["the file is not UTF-8", "byte 0xE9", "save it as UTF-8"] },
  // A council's page is named from its name (scripts/engine/slug.ts): a name that makes no address, or one too long for a file name, is refused at its cell.
  { name: "a council name with no letter or digit", corpus: "council-name-without-letters.csv", target: COUNCILS_CSV, at: `${COUNCILS_CSV}:3:2`, says: ['the council name "!!!" has no letter or digit to make its page\'s address from'] },
  { name: "a council name too long to name its page", corpus: "long-council-name.csv", target: COUNCILS_CSV, at: `${COUNCILS_CSV}:3:2`, says: ['the council name "Brookmere is a made-up', "would make a page address (slug) 295 characters long, over the limit of 80"] },
];

const BUILDING: readonly Case[] = [
  { name: "a byte-order mark", corpus: "bom.csv", target: OUTCOMES_CSV },
  { name: "Windows line endings (CRLF)", corpus: "crlf.csv", target: OUTCOMES_CSV },
  { name: "a byte-order mark and CRLF together", corpus: "bom-crlf.csv", target: OUTCOMES_CSV },
];

let outDir: string;
let builtSite: string[];
let cacheDir: string;

beforeAll(async () => {
  cacheDir = path.join(await temporaryFolder(), "svg-cache");
  outDir = path.join(await temporaryFolder(), "site");
  const root = await copyFixture();
  await withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildFixture({ root, outDir }));
  builtSite = await fingerprint(outDir);
  expect(builtSite.length).toBeGreaterThan(0);
});

afterAll(removeTemporaryFolders);

afterEach(async () => {
  // Whatever happened, the output folder holds the site built first, and nothing beside it.
  expect(await fingerprint(outDir)).toEqual(builtSite);
  expect(await readdir(path.dirname(outDir))).toEqual(["site"]);
});

/** A fresh fixture copy with the case's file dropped in (or the dataset removed), ledger re-signed. */
async function projectWith(c: Case): Promise<string> {
  const root = await copyFixture("bad-input-");
  const target = path.join(root, c.target);
  if (c.corpus === null) await rm(target);
  else await copyFile(path.join(CORPUS, c.corpus), target);
  if (c.unlist) {
    const ledger = path.join(root, "data/README.md");
    const lines = (await readFile(ledger, "utf8")).split("\n");
    await writeFile(ledger, lines.filter((line) => !line.startsWith(`| \`${c.target}\``)).join("\n"));
  }
  // A missing but listed file cannot be signed: the build is to find it, not the test.
  if (c.corpus !== null || c.unlist) expect(await signProvenance(root)).toEqual(c.corpus === null ? [] : [c.target]);
  return root;
}

const build = (root: string) => withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildFixture({ root, outDir }));

describe("the bad input corpus", () => {
  it("has at least fifteen broken files, each used here, and a README describing every one", async () => {
    const files = (await readdir(CORPUS)).filter((name) => name.endsWith(".csv")).sort();
    const used = [...FAILING, ...BUILDING].map((c) => c.corpus).filter((name): name is string => name !== null);
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect([...new Set(used)].sort()).toEqual(files);
    const readme = await readFile(path.join(CORPUS, "README.md"), "utf8");
    for (const file of files) expect(readme, file).toContain(`\`${file}\``);
  });

  it.each(BUILDING)("builds the same site from a dataset with $name", async (c) => {
    const bytes = await readFile(path.join(CORPUS, c.corpus as string));
    // The corpus file really has what it claims, or this proves nothing.
    if (c.name.includes("byte-order mark")) expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    if (c.name.includes("CRLF")) expect(bytes.toString("latin1")).toMatch(/^[^\n]*\r\n/);
    // Built beside the first site, so the two can be compared file by file.
    const same = path.join(await temporaryFolder(), "site");
    await withEnv({ REPORT_SVG_CACHE: cacheDir }, async () => buildFixture({ root: await projectWith(c), outDir: same }));
    // Every page, chart, CSV and the search index are byte for byte the ones built from the
    // fixture as it is, but for what holds the data file itself or its sha256: the manifest,
    // the file's copy, the data page, the print edition (which prints the data page) and the
    // data zip (checked below).
    const OWN_BYTES = ["manifest.json", c.target, "data/index.html", "print/index.html", DATA_ZIP];
    const pages = (lines: string[]) => lines.filter((line) => !OWN_BYTES.includes(line.split(" ")[0]));
    expect(pages(await fingerprint(same))).toEqual(pages(builtSite));
    // …and the manifest differs only where it should: it records the sha256 of the file's
    // bytes, and those bytes are different.
    const manifest = async (dir: string) => JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as { dataFiles: Record<string, string> };
    const [before, after] = [await manifest(outDir), await manifest(same)];
    expect(after.dataFiles[c.target]).not.toBe(before.dataFiles[c.target]);
    expect({ ...after, dataFiles: { ...after.dataFiles, [c.target]: "" } }).toEqual({ ...before, dataFiles: { ...before.dataFiles, [c.target]: "" } });
    // The copy served with the site is the file as given; the data page differs only by its sha256.
    expect((await readFile(path.join(same, c.target))).equals(bytes)).toBe(true);
    const oldHash = (text: string) => text.replaceAll(after.dataFiles[c.target], before.dataFiles[c.target]);
    for (const page of ["data/index.html", "print/index.html"]) {
      expect(oldHash(await readFile(path.join(same, page), "utf8")), page).toBe(await readFile(path.join(outDir, page), "utf8"));
    }
    // The zip holds the file as given; its README and the ledger differ only by its sha256.
    const [zipBefore, zipAfter] = [unzipSync(await readFile(path.join(outDir, DATA_ZIP))), unzipSync(await readFile(path.join(same, DATA_ZIP)))];
    expect(Object.keys(zipAfter).sort()).toEqual(Object.keys(zipBefore).sort());
    for (const [name, content] of Object.entries(zipAfter)) {
      if (name.endsWith(`/${c.target}`)) expect(Buffer.from(content).equals(bytes), name).toBe(true);
      else expect(oldHash(Buffer.from(content).toString("utf8")), name).toBe(Buffer.from(zipBefore[name]).toString("utf8"));
    }
  });

  it.each(FAILING)("refuses $name with file:line:column and a plain message ($at)", async (c) => {
    const outcome = await build(await projectWith(c)).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!(outcome instanceof Error)) throw new Error(`the build was expected to fail on ${c.name} but succeeded`);
    expect(rootCause(outcome)).toBe(outcome);
    expect(outcome.message.startsWith(`${c.at}: `), outcome.message).toBe(true);
    // One line, no stack or wrapper text.
    expect(outcome.message).not.toContain("\n");
    for (const words of c.says) expect(outcome.message).toContain(words);
  });

  // A recorded release the build compares itself with (the fixture is 1.0.0), with the right
  // top-level keys but its stats recorded as bare numbers: read as they were, every number
  // would be listed as changed on the "What changed" page (issue 17, case 9).
  it("refuses a recorded release whose stats are not recorded as stats, naming the first by its path", async () => {
    const root = await copyFixture("bad-release-");
    const good = JSON.parse(await readFile(path.join(outDir, "manifest.json"), "utf8")) as { stats: Record<string, { value: unknown }> };
    const stats = Object.fromEntries(Object.entries(good.stats).map(([key, stat]) => [key, stat.value]));
    const first = Object.keys(stats)[0];
    await mkdir(path.join(root, "releases", "0.9.0"), { recursive: true });
    await writeFile(path.join(root, "releases", "0.9.0", "manifest.json"), JSON.stringify({ ...good, version: "0.9.0", stats }, null, 2));
    const outcome = await build(root).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!(outcome instanceof Error)) throw new Error("the build was expected to fail on the recorded release but succeeded");
    expect(rootCause(outcome)).toBe(outcome);
    expect(outcome.message).toBe(`releases/0.9.0/manifest.json: stats[${JSON.stringify(first)}]: expected a stat: an object with value, text, label and files (schema 2), found the number ${JSON.stringify(stats[first])}`);
  });
});
