import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, readdir, rm, writeFile, appendFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readDataFolder } from "../../../scripts/engine/data/folder.ts";
import { DataFolder } from "../../../scripts/engine/data/folder.ts";
import { LEDGER, parseProvenance, parseSourcesRead, recordedDate, signProvenance, sourceCell, SOURCES_HEADER, SOURCES_HEADING, verifyProvenance } from "../../../scripts/engine/data/provenance.ts";
import { expectDataError } from "../../helpers/data-error.ts";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const OUTCOMES = "data/national/inspection-outcomes-by-year.csv";
const EXCEPTIONS = "data/known-exceptions.csv";

/** The data folder of `dir` as the build reads it, checked against its ledger. */
const verify = async (dir: string) => verifyProvenance(await readDataFolder(dir));
const csvPaths = async (dir: string) => (await readDataFolder(dir)).csvPaths();
const sha256 = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");

/** Every CSV under root/data, found independently of the code under test. */
async function csvFilesUnderData(root: string): Promise<string[]> {
  const names = (await readdir(path.join(root, "data"), { recursive: true })) as string[];
  return names
    .filter((name) => name.endsWith(".csv"))
    .map((name) => `data/${name.split(path.sep).join("/")}`)
    .sort();
}

/** 1-based line of the ledger table row for `file`. */
const entryLine = (markdown: string, file: string) => markdown.split("\n").findIndex((line) => line.startsWith(`| \`${file}\` |`)) + 1;

describe("the repository's own data/README.md", () => {
  it("lists every CSV under data/", async () => {
    const entries = parseProvenance(await readFile(path.join(repo, LEDGER), "utf8"));
    const listed = entries.map((e) => e.file);
    const onDisk = await csvFilesUnderData(repo);
    expect(onDisk).toContain(OUTCOMES);
    expect(onDisk).toContain(EXCEPTIONS);
    expect(onDisk.filter((file) => !listed.includes(file))).toEqual([]);
  });

  it("records the current sha256 of every listed file", async () => {
    const entries = parseProvenance(await readFile(path.join(repo, LEDGER), "utf8"));
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const recorded = Object.fromEntries(entries.map((e) => [e.file, e.sha256]));
    const actual = Object.fromEntries(await Promise.all(entries.map(async (e) => [e.file, await sha256(path.join(repo, e.file))])));
    // On failure: check the data change is intended, then run `npm run data:sign`.
    expect(recorded).toEqual(actual);
  });

  it("gives every entry a source, licence and date", async () => {
    for (const entry of parseProvenance(await readFile(path.join(repo, LEDGER), "utf8"))) {
      expect(entry.source, entry.file).not.toBe("");
      expect(entry.licence, entry.file).not.toBe("");
      expect(entry.date, entry.file).not.toBe("");
    }
  });

  it("passes verifyProvenance", async () => {
    const entries = await verify(repo);
    // Exactly the CSVs on disk are listed: no more, no fewer.
    expect(entries.map((e) => e.file).sort()).toEqual(await csvPaths(repo));
    expect(entries.map((e) => e.file)).toEqual(expect.arrayContaining([EXCEPTIONS, OUTCOMES]));
  });
});

describe("recordedDate: the date an entry records for its file", () => {
  const entry = (date: string, line = 7) => ({ file: "data/a.csv", contents: "A", source: "S", licence: "CC0", date, sha256: "-", line });
  const recorded = (date: string) => {
    const { written, lastDay } = recordedDate(entry(date));
    return [written, lastDay];
  };

  it("is the latest date written in the entry, a year or a month meaning its last day", () => {
    expect(recorded("2026-11-23")).toEqual(["2026-11-23", "2026-11-23"]);
    expect(recorded("2015")).toEqual(["2015", "2015-12-31"]);
    expect(recorded("2024-02")).toEqual(["2024-02", "2024-02-29"]);
    expect(recorded("2023-07-06 (Ofsted table); 2026-08-21 (scrape); imported 2026-11-23")).toEqual(["2026-11-23", "2026-11-23"]);
    // Not in order, and a year beside a day of it: the year's last day is later.
    expect(recorded("imported 2026-11-23, from a table of 2026; first made 2019-04-01")).toEqual(["2026", "2026-12-31"]);
    // Years written as a range, with a hyphen or a dash.
    expect(recorded("years ending March 2013-2025")).toEqual(["2025", "2025-12-31"]);
    expect(recorded("2013–2025")).toEqual(["2025", "2025-12-31"]);
    // Numbers that are not years, and digits inside a word or code, are not dates.
    expect(recorded("snapshot 2f5d11a4 of 12 files, v2.2019, 2015")).toEqual(["2015", "2015-12-31"]);
    expect(recordedDate(entry("2015", 12)).line).toBe(12);
  });

  it("fails at the entry's Date cell when it writes no date, or a day that does not exist", async () => {
    await expectDataError(() => recordedDate(entry("n.d.")), 'data/README.md:7:5: the Date of data/a.csv holds no date ("n.d."); write when the file was made, as 2026-11-23, 2026-11 or 2026: the latest date written is the file\'s date');
    await expectDataError(() => recordedDate(entry("15 March")), 'data/README.md:7:5: the Date of data/a.csv holds no date ("15 March"); write when the file was made, as 2026-11-23, 2026-11 or 2026: the latest date written is the file\'s date');
    await expectDataError(() => recordedDate(entry("2015; 2026-02-30")), 'data/README.md:7:5: the Date of data/a.csv holds "2026-02-30", which is not a day in the calendar');
    await expectDataError(() => recordedDate(entry("2026-13")), 'data/README.md:7:5: the Date of data/a.csv holds "2026-13", which is not a day in the calendar');
  });

  it("is checked for every entry when the build verifies the ledger", async () => {
    const text = "x\n1\n";
    const ledger = ["| File | Contents | Source | Licence | Date | sha256 |", "|---|---|---|---|---|---|", `| \`data/a.csv\` | A | S | CC0 | undated | ${createHash("sha256").update(text).digest("hex")} |`, ""].join("\n");
    const folder = new DataFolder(new Map([["data/README.md", Buffer.from(ledger)], ["data/a.csv", Buffer.from(text)]]));
    await expectDataError(() => verifyProvenance(folder), 'data/README.md:3:5: the Date of data/a.csv holds no date ("undated"); write when the file was made, as 2026-11-23, 2026-11 or 2026: the latest date written is the file\'s date');
  });

  it("is a date for every entry of the repository's ledger and the fixtures'", async () => {
    for (const root of [repo, path.join(repo, "test/fixtures/mini-report"), path.join(repo, "test/fixtures/report-sample")]) {
      for (const e of parseProvenance(await readFile(path.join(root, LEDGER), "utf8"))) expect(recordedDate(e).lastDay, e.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("parseProvenance", () => {
  const HEAD = "| File | Contents | Source | Licence | Date | sha256 |\n|---|---|---|---|---|---|";

  it("reads entries with their line, dropping back-ticks", () => {
    const markdown = `# Data\n\n${HEAD}\n| \`data/a.csv\` | A | Src | CC0 | 2015 | \`abc\` |\n\nAfter the table.\n| not | an | entry |\n`;
    expect(parseProvenance(markdown)).toEqual([{ file: "data/a.csv", contents: "A", source: "Src", licence: "CC0", date: "2015", sha256: "abc", line: 5 }]);
  });

  it("fails without the table", async () => {
    await expectDataError(() => parseProvenance("# Data\n\nNothing here.\n"), "data/README.md:1:1: no provenance table with the header | File | Contents | Source | Licence | Date | sha256 |");
  });

  it("fails on an entry with an empty cell, at that cell", async () => {
    await expectDataError(() => parseProvenance(`${HEAD}\n| \`data/a.csv\` | A | Src |  | 2015 | abc |`), "data/README.md:3:4: the Licence of data/a.csv is empty");
  });

  it("fails on an entry with the wrong number of cells", async () => {
    await expectDataError(() => parseProvenance(`${HEAD}\n| \`data/a.csv\` | A | Src | 2015 | abc |`), "data/README.md:3:1: the entry has 5 cells; 6 are needed");
  });
});

describe("verifyProvenance and signProvenance on a copy", () => {
  let root: string;
  const at = (file: string) => path.join(root, file);
  const ledgerText = () => readFile(at(LEDGER), "utf8");

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "provenance-"));
    await cp(path.join(repo, "data"), at("data"), { recursive: true });
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("passes on an unchanged copy", async () => {
    await expect(verify(root)).resolves.toHaveLength((await csvPaths(root)).length);
  });

  it("fails when a data file changed, at the entry's sha256 cell", async () => {
    await appendFile(at(OUTCOMES), "2015/16,good,50,added later\n");
    const line = entryLine(await ledgerText(), OUTCOMES);
    expect(line).toBeGreaterThan(0);
    await expectDataError(
      () => verify(root),
      `data/README.md:${line}:6: ${OUTCOMES} has changed since its sha256 was recorded (its sha256 is ${await sha256(at(OUTCOMES))}); check the file and run npm run data:sign`,
    );
  });

  it("hands a changed or unsigned file to the preview's handler instead of failing, and still fails for one not listed", async () => {
    const unsigned: string[] = [];
    const onUnsigned = ({ notice }: { notice: string }) => unsigned.push(notice);
    await appendFile(at(OUTCOMES), "2015/16,good,50,added later\n");
    const line = entryLine(await ledgerText(), OUTCOMES);
    const ledger = (await ledgerText()).split("\n");
    const [other] = (await csvPaths(root)).filter((file) => file !== OUTCOMES);
    const otherLine = entryLine(ledger.join("\n"), other);
    ledger[otherLine - 1] = ledger[otherLine - 1].replace(/[0-9a-f]{64}/, "-");
    await writeFile(at(LEDGER), ledger.join("\n"));
    expect(line).toBeGreaterThan(0);
    expect(verifyProvenance(await readDataFolder(root), { onUnsigned })).toHaveLength((await csvPaths(root)).length);
    expect(unsigned.sort()).toEqual(
      [`${OUTCOMES} changed since it was signed — run npm run data:sign before publishing`, `${other} has not been signed yet — run npm run data:sign before publishing`].sort(),
    );
    await writeFile(at("data/national/extra.csv"), "year,value\n2014/15,1\n");
    const folder = await readDataFolder(root);
    await expectDataError(() => verifyProvenance(folder, { onUnsigned }), "data/national/extra.csv:1:1: the file is not listed in data/README.md; add its source, licence, date and sha256");
  });

  it("fails for a CSV that is not listed", async () => {
    await mkdir(at("data/local"));
    await writeFile(at("data/local/extra.csv"), "a,b\n1,2\n");
    await expectDataError(() => verify(root), "data/local/extra.csv:1:1: the file is not listed in data/README.md; add its source, licence, date and sha256");
  });

  it("ignores files under data/ that are not CSV", async () => {
    await writeFile(at("data/notes.txt"), "working notes\n");
    await expect(verify(root)).resolves.toHaveLength((await csvPaths(root)).length);
  });

  it("fails for a listed file that does not exist", async () => {
    await rm(at(EXCEPTIONS));
    await expectDataError(() => verify(root), `data/README.md:${entryLine(await ledgerText(), EXCEPTIONS)}:1: ${EXCEPTIONS} is listed but does not exist`);
  });

  it("fails when the ledger itself is missing", async () => {
    await rm(at(LEDGER));
    await expectDataError(() => verify(root), "data/README.md:1:1: the provenance ledger is missing; every data file must be listed there");
  });

  it("signProvenance records the new hash of a changed file and nothing else", async () => {
    const before = await ledgerText();
    await appendFile(at(OUTCOMES), "2015/16,good,50,added later\n");
    await expect(signProvenance(root)).resolves.toEqual([OUTCOMES]);
    const after = await ledgerText();
    const line = entryLine(before, OUTCOMES);
    const changedLines = after.split("\n").flatMap((text, i) => (text === before.split("\n")[i] ? [] : [i + 1]));
    expect(changedLines).toEqual([line]);
    expect(after.split("\n")[line - 1]).toContain(`| ${await sha256(at(OUTCOMES))} |`);
    await expect(verify(root)).resolves.toHaveLength((await csvPaths(root)).length);
  });

  it("signProvenance leaves an up-to-date ledger alone", async () => {
    const before = await ledgerText();
    await expect(signProvenance(root)).resolves.toEqual([]);
    expect(await ledgerText()).toBe(before);
  });

  it("signProvenance fills in a placeholder without touching the other cells", async () => {
    // A new entry is written with "-" for its sha256; "-" also occurs in the file name.
    const before = await ledgerText();
    const line = entryLine(before, EXCEPTIONS);
    const lines = before.split("\n");
    const recorded = parseProvenance(before).find((e) => e.file === EXCEPTIONS)!.sha256;
    lines[line - 1] = lines[line - 1].replace(recorded, "-");
    await writeFile(at(LEDGER), lines.join("\n"));
    await expectDataError(
      () => verify(root),
      `data/README.md:${line}:6: ${EXCEPTIONS} has no sha256 recorded yet (its sha256 is ${recorded}); check the file and run npm run data:sign`,
    );
    await expect(signProvenance(root)).resolves.toEqual([EXCEPTIONS]);
    expect(await ledgerText()).toBe(before);
    await expect(verify(root)).resolves.toHaveLength((await csvPaths(root)).length);
  });
});

describe("parseSourcesRead", () => {
  const ledger = (...rows: string[]) =>
    ["# Data", "", "## Files", "", "| File | Contents | Source | Licence | Date | sha256 |", "|---|---|---|---|---|---|", "", SOURCES_HEADING, "", "Written by the update.", "", `| ${SOURCES_HEADER.join(" | ")} |`, "|---|---|---|---|---|", ...rows, "", "## Columns", "", "| a | b |"].join("\n");

  it("reads each publisher's file with its edition and line, a '|' in a cell written as '\\|'", () => {
    const text = ledger("| Outcomes as at 31 March | Ofsted | as at 31 March 2026, published 23 September 2026 | LA_Inspection_Outcomes.ods | abc |", `| A \\| B | ${sourceCell("x | y")} | undated | b.csv | def |`);
    expect(parseSourcesRead(text)).toEqual([
      { publication: "Outcomes as at 31 March", publisher: "Ofsted", edition: "as at 31 March 2026, published 23 September 2026", file: "LA_Inspection_Outcomes.ods", sha256: "abc", line: 14 },
      { publication: "A | B", publisher: "x | y", edition: "undated", file: "b.csv", sha256: "def", line: 15 },
    ]);
  });

  it("finds none in a ledger without the section, and the repository's own", async () => {
    expect(parseSourcesRead("# Data\n\n## Files\n")).toEqual([]);
    // The repository's ledger, as npm run data:update last wrote it: one row per publication read.
    const own = parseSourcesRead(await readFile(path.join(repo, LEDGER), "utf8"));
    expect(own.map((s) => s.publisher)).toContain("Ofsted");
    expect(own.every((s) => /^[0-9a-f]{64}$/.test(s.sha256))).toBe(true);
  });

  it("refuses a row with a cell missing, naming its line", async () => {
    await expectDataError(() => parseSourcesRead(ledger("| Outcomes | Ofsted | as at 31 March 2026 | a.ods |")), `${LEDGER}:14:1: the source read has 4 cells; 5 are needed (Publication, Publisher, Edition, File, sha256)`);
  });
});
