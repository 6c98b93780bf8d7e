/**
 * `npm run data:update` itself (scripts/import/update.ts): the ledger's "Sources as read"
 * table and sha256s, the dry run, the all-or-nothing write when writing fails half-way,
 * and the command line's output and exit codes (run as a child process, as a maintainer runs it).
 */
import { execFile } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { publication } from "../../scripts/import/publisher/publications.ts";
import { parseProvenance, recordedDate } from "../../scripts/engine/data/provenance.ts";
import { applyUpdate, dateLedger, formatUpdate, main, recordSources, signLedger } from "../../scripts/import/update.ts";
import { expectDataError } from "../helpers/data-error.ts";
import { C1, fingerprint, INSPECTION_FILES, LEDGER_TEXT, OFSTED, OFSTED_SHEET, plan, read, scratch, sha256, Sources, update, type Scratch } from "./helpers.ts";

const source = (id: Parameters<typeof publication>[0], name: string, edition: string, hash: string) => ({ path: `sources/${name}`, name, sha256: hash, publication: publication(id), edition });

describe("the ledger's record of the sources", () => {
  it("adds the section before the columns the first time, a row per publication read", () => {
    const ledger = recordSources(LEDGER_TEXT, [source("dfe-referrals", "c1.csv", "years ending March 2018–2021", "a".repeat(64)), source("ofsted-csc-data", "csc.ods", "inspections 2009–2023", "b".repeat(64))]);
    const lines = ledger.split("\n");
    const at = lines.indexOf("## Sources as read");
    expect(at).toBeGreaterThan(lines.indexOf("## Files"));
    expect(lines.indexOf("## Columns")).toBeGreaterThan(at);
    // In the order of the publications' list: Ofsted first.
    expect(lines.slice(at + 4, at + 8)).toEqual([
      "| Publication | Publisher | Edition | File | sha256 |",
      "|---|---|---|---|---|",
      `| Children's social care data in England, underlying data (sheet LA_inspections_2009-YYYY) | Ofsted | inspections 2009–2023 | csc.ods | ${"b".repeat(64)} |`,
      `| Children in need: referrals and re-referrals | Department for Education | years ending March 2018–2021 | c1.csv | ${"a".repeat(64)} |`,
    ]);
    expect(lines[at + 8]).toBe("");
  });

  it("replaces a publication's row with its new edition and keeps the rows of publications not read this time", () => {
    const first = recordSources(LEDGER_TEXT, [source("dfe-referrals", "c1.csv", "years ending March 2018–2021", "a".repeat(64)), source("ofsted-csc-data", "csc.ods", "inspections 2009–2023", "b".repeat(64))]);
    const second = recordSources(first, [source("dfe-referrals", "c1 | new.csv", "years ending March 2018–2026", "c".repeat(64))]);
    const rows = second.split("\n").filter((l) => l.startsWith("| ") && !l.includes("`") && !l.startsWith("| Publication") && !l.startsWith("| File"));
    expect(rows).toEqual([
      `| Children's social care data in England, underlying data (sheet LA_inspections_2009-YYYY) | Ofsted | inspections 2009–2023 | csc.ods | ${"b".repeat(64)} |`,
      // A | in a cell is escaped.
      `| Children in need: referrals and re-referrals | Department for Education | years ending March 2018–2026 | c1 \\| new.csv | ${"c".repeat(64)} |`,
    ]);
    // Recording the same again changes nothing.
    expect(recordSources(second, [source("dfe-referrals", "c1 | new.csv", "years ending March 2018–2026", "c".repeat(64))])).toBe(second);
  });

  it("re-signs the sha256 of each file written, and refuses a CSV the ledger does not list", async () => {
    const signed = signLedger(LEDGER_TEXT, new Map([["data/councils/demand.csv", "council_code\n"]]));
    expect(signed).toBe(LEDGER_TEXT.replace("| Demand | The made-up sources | none | 2026 | none |", `| Demand | The made-up sources | none | 2026 | ${sha256("council_code\n")} |`));
    await expectDataError(() => signLedger(LEDGER_TEXT, new Map([["data/councils/other.csv", "x\n"]])), "data/README.md:1:1: data/councils/other.csv is not listed; add its row (source, licence, date) before the update writes it");
  });
});

describe("the ledger's Date of each file written (the date no date in the file may be later than)", () => {
  const OLD = LEDGER_TEXT.replaceAll("| none | 2026 | none |", "| none | 2019-05-01 (made by hand) | none |");
  const dateOf = (ledger: string, file: string) => {
    const entry = parseProvenance(ledger).find((e) => e.file === file);
    if (!entry) throw new Error(`${file} is not in the ledger`);
    return [entry.date, recordedDate(entry).lastDay];
  };

  it("is raised to the latest of its sources' editions when the entry records an earlier date, and only then", () => {
    const dated = dateLedger(OLD, new Map([["data/ilacs/judgements.csv", ["2025-09-24", null, "2026-03-02"]], ["data/councils/demand.csv", ["2018-12-19", "2025"]], ["data/councils/councils.csv", ["2019-04-30"]]]));
    expect(dateOf(dated, "data/ilacs/judgements.csv")).toEqual(["2026-03-02 (the latest edition of its sources, as read by npm run data:update)", "2026-03-02"]);
    // A year alone means its last day, so it is the latest here.
    expect(dateOf(dated, "data/councils/demand.csv")).toEqual(["2025 (the latest edition of its sources, as read by npm run data:update)", "2025-12-31"]);
    // Already as late as its sources: kept as written, as are the files not written.
    expect(dateOf(dated, "data/councils/councils.csv")).toEqual(["2019-05-01 (made by hand)", "2019-05-01"]);
    expect(dateOf(dated, "data/councils/inspections.csv")).toEqual(["2019-05-01 (made by hand)", "2019-05-01"]);
    // Only the Date cell changes; run again, nothing does.
    expect(dated.split("\n").filter((line, i) => line !== OLD.split("\n")[i])).toHaveLength(2);
    expect(dateLedger(dated, new Map([["data/ilacs/judgements.csv", ["2026-03-02"]]]))).toBe(dated);
  });

  it("lets the data the update writes load under the ledger it writes, however old the entries were", async () => {
    const dir = await scratch();
    try {
      await writeFile(path.join(dir.root, "data", "README.md"), OLD);
      const planned = await plan(dir, await Sources.load(INSPECTION_FILES));
      const ledger = planned.files.find((f) => f.file === "data/README.md")?.after ?? "";
      // Its sources: Ofsted's table published 12 July 2023, DfE's years to 2021, ONS's to 2020, the SIF dates to
      // 3 May 2019 and the scrape to 7 July 2026, the latest. Left at 2019-05-01, the inspections of 2023 would be refused.
      for (const file of ["data/councils/councils.csv", "data/councils/inspections.csv", "data/councils/demand.csv"]) {
        expect(dateOf(ledger, file), file).toEqual(["2026-07-07 (the latest edition of its sources, as read by npm run data:update)", "2026-07-07"]);
      }
      expect(dateOf(ledger, "data/ilacs/judgements.csv")).toEqual(["2019-05-01 (made by hand)", "2019-05-01"]);
    } finally {
      await dir.remove();
    }
  });
});

describe("writing all or nothing", () => {
  let sources: Sources;
  let dir: Scratch;
  beforeAll(async () => {
    sources = await Sources.load(INSPECTION_FILES);
    dir = await scratch();
    await update(dir, sources);
  });
  afterAll(async () => {
    await dir.remove();
  });
  // Hull's 2021 referrals changed: the update then writes data/councils/demand.csv, then data/README.md.
  const changed = () => sources.copy().csvCell(C1, 11, 12, "4011");

  it("leaves data/ as it was when a file cannot be written (a folder stands where its temporary file goes)", async () => {
    const planned = await plan(dir, changed());
    expect(planned.files.filter((f) => f.before !== f.after).map((f) => f.file)).toEqual(["data/councils/demand.csv", "data/README.md"]);
    const trap = path.join(dir.root, `data/README.md.update-${process.pid}.tmp`);
    await mkdir(trap);
    const before = await fingerprint(dir.root);
    // It fails writing the temporary files, before replacing anything.
    await expect(applyUpdate(dir.root, planned)).rejects.toMatchObject({ code: "EISDIR", syscall: "open" });
    expect(await fingerprint(dir.root)).toEqual(before);
    await rm(trap, { recursive: true });
  });

  it("puts back what it had already replaced when a later replacement fails", async () => {
    const planned = await plan(dir, changed());
    // data/councils/demand.csv is replaced first; data/README.md cannot be moved aside, because a folder (not empty) is in the way.
    await mkdir(path.join(dir.root, `data/README.md.update-${process.pid}.bak`), { recursive: true });
    await writeFile(path.join(dir.root, `data/README.md.update-${process.pid}.bak/in-the-way`), "");
    const before = await fingerprint(dir.root);
    // It fails moving data/README.md aside, after data/councils/demand.csv was replaced.
    await expect(applyUpdate(dir.root, planned)).rejects.toMatchObject({ syscall: "rename", path: path.join(dir.root, "data/README.md") });
    // demand.csv is the old one again (same bytes, same modification time), and no temporary or backup file is left.
    expect(await fingerprint(dir.root)).toEqual(before);
    expect(await read(dir.root, "data/councils/demand.csv")).toContain("E06000010,2021,4010,");
  });
});

describe("the command line", () => {
  const run = promisify(execFile);
  // As `npm run data:update -- …` runs it: `tsx scripts/import/update.ts …` (node with tsx's loader, without npx's start-up).
  const command = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "scripts/import/update.ts", ...args]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  /** main() as the command runs it, with what it prints to stdout and stderr (each call a line, as console prints it). */
  const inProcess = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((text: string) => void out.push(`${text}\n`));
    const error = vi.spyOn(console, "error").mockImplementation((text: string) => void err.push(`${text}\n`));
    try {
      const code = await main(args);
      return { code, stdout: out.join(""), stderr: err.join("") };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  };
  let sources: Sources;
  let dir: Scratch;
  let bad: Scratch;
  beforeAll(async () => {
    sources = await Sources.load(INSPECTION_FILES);
    dir = await scratch();
    bad = await scratch();
    await sources.write(dir.sources);
    await sources.copy().cell(OFSTED, OFSTED_SHEET, 6, 6, "Adequate").write(bad.sources);
  });
  afterAll(async () => {
    await dir.remove();
    await bad.remove();
  });

  it("prints the report and writes nothing with --dry-run; without it, prints the same report and writes", async () => {
    const before = await fingerprint(dir.root);
    const [dry, usage, failed] = await Promise.all([command("--dry-run", "--root", dir.root, dir.sources), command("--source", dir.sources), command("--root", bad.root, bad.sources)]);
    expect(dry.code).toBe(0);
    expect(await fingerprint(dir.root)).toEqual(before);
    const dryLines = dry.stdout.split("\n");
    expect(dryLines.slice(-2)).toEqual(["Dry run: nothing was written.", ""]);
    expect(dryLines).toContain("data/councils/councils.csv: 8 rows; 8 added, 0 changed, 0 removed");
    // Left out of the report: SheetJS's notes on number formats.
    expect(dry.stderr).toBe("");

    const real = await command("--root", dir.root, dir.sources);
    expect(real.code).toBe(0);
    const realLines = real.stdout.split("\n");
    // The same report, but for what was done.
    expect(realLines.slice(0, -4)).toEqual(dryLines.slice(0, -3));
    expect(realLines.slice(-4)).toEqual([
      "",
      "Wrote data/councils/councils.csv, data/councils/inspections.csv, data/councils/demand.csv, data/councils/import-report.md, data/README.md.",
      "Next: npm run build, read the What changed page (/what-changed/), then raise the version and npm run release.",
      "",
    ]);
    expect((await read(dir.root, "data/councils/councils.csv")).split("\n")).toHaveLength(10);

    // An unknown option: exit code 2 and the usage.
    expect(usage.code).toBe(2);
    expect(usage.stderr.trimEnd().split("\n").at(-1)).toBe("usage: npm run data:update -- [--dry-run] [--allow-removals] [--root DIR] [FILE or FOLDER …]");
    expect(usage.stdout).toBe("");

    // A bad cell: exit code 1, the message naming file, sheet, row and column, and that nothing changed.
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe("");
    expect(failed.stderr).toBe(
      'Childrens_social_care_in_England_2023_underlying_data.ods[LA_inspections_2009-2023]:6:6: SLAC Safeguarding Overall effectiveness (OE): "Adequate" is not one of: Inadequate, Requires improvement to be good, Good, Outstanding, - or empty\nNothing in data/ was changed.\n',
    );
    expect(Object.keys(await fingerprint(bad.root)).sort()).toEqual(["data", "data/README.md"]);
  });

  it("refuses, with --dry-run too, a source cut short that would lose values data/ holds; --allow-removals lists them", async () => {
    const own = await scratch();
    try {
      await update(own, sources);
      const before = await fingerprint(own.root);
      // DfE's referrals cut after line 17 of its 25 (lines 18–25: the referrals of three councils, eight council years).
      const cut = sources.copy();
      cut.setText(C1, `${cut.text(C1).split("\n").slice(0, 17).join("\n")}\n`);
      await cut.write(own.sources);
      // In-process (main, as the command line calls it), to spare two child processes: the same arguments, output and exit code.
      const [refused, allowed] = [await inProcess("--dry-run", "--root", own.root, own.sources), await inProcess("--dry-run", "--allow-removals", "--root", own.root, own.sources)];
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe("");
      expect(refused.stderr).toBe(
        [
          `${path.join(own.sources, C1)} gives less than data/ holds: data/councils/demand.csv would lose referrals from 8 of its 22 council years (3 councils, years ending March 2018 to 2021).`,
          "If the publisher did withdraw them, run again with --allow-removals, which lists every one; if not, the file may be cut short or not the one meant: download it again.",
          "Nothing in data/ was changed.",
          "",
        ].join("\n"),
      );
      expect(allowed.code).toBe(0);
      expect(allowed.stdout.split("\n").filter((line) => line.startsWith("  emptied: "))).toHaveLength(8);
      expect(allowed.stdout.split("\n").at(-2)).toBe("Dry run: nothing was written.");
      expect(await fingerprint(own.root)).toEqual(before);
    } finally {
      await own.remove();
    }
  });

  it("formats the same report for a dry run as for a run, but for its last line", async () => {
    const planned = await plan(dir, sources);
    const dry = formatUpdate(planned, null).split("\n");
    const done = formatUpdate(planned, []).split("\n");
    expect(dry.slice(0, -1)).toEqual(done.slice(0, -1));
    expect([dry.at(-1), done.at(-1)]).toEqual(["Dry run: nothing was written.", "data/ is already up to date with these files: nothing was written."]);
  });
});
