/**
 * Report addresses for the judgements of Ofsted's table (scripts/import/report-links.ts),
 * through `npm run data:update`'s own wiring on the made-up publishers' files: a judgement
 * takes the scrape's address when exactly one scrape report of its council (URN through the
 * lookup) was published the same day; a day off gives none; two addresses give none and
 * are listed in the import report.
 */
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INSPECTION_FILES, LOOKUP, named, plan, read, SCRAPE, scratch, Sources, update, type Scratch } from "./helpers.ts";

/** A scrape row as the scrape writes one for a report it did not parse: URN, name, address, PDF name and day (dd/mm/yy), the rest empty. */
const scrapeRow = (urn: string, name: string, link: string, day: string) => [urn, name, link, "children's services inspection.pdf", day, "", "", "", "", "", "", "", "", "", "1"].join(",");

/** The fixture's scrape with rows added at its end, each on the line after the last. */
const withScrapeRows = (sources: Sources, ...rows: string[]) => sources.setText(SCRAPE, `${sources.text(SCRAPE).replace(/\n$/, "")}\n${rows.join("\n")}\n`);

// Barnet is URN 900001 in the lookup; its first SIF was published 7 July 2015 (Ofsted's sheet row 6).
// Hull is URN 900002; its SLAC report (two judgements) was published 2 September 2011.
const BARNET_SIF = { code: "E09000003", framework: "sif", published: "2015-07-07" };

describe("report addresses from the scrape on the inspections import's judgements", () => {
  let dir: Scratch;
  let sources: Sources;
  let scrapeLines: number;
  beforeEach(async () => {
    dir = await scratch();
    sources = await Sources.load(INSPECTION_FILES);
    scrapeLines = sources.text(SCRAPE).replace(/\n$/, "").split("\n").length;
  });
  afterEach(async () => {
    await dir.remove();
  });

  const inspections = async () => parse(await read(dir.root, "data/councils/inspections.csv"), { columns: true }) as Record<string, string>[];
  const addressOf = (rows: readonly Record<string, string>[], code: string, framework: string, published: string) => rows.find((r) => r.council_code === code && r.framework === framework && r.published === published)?.report_url;

  it("gives a judgement the address of the one scrape report of its council published the same day, and both judgements of a SLAC report the same", async () => {
    await update(dir, withScrapeRows(sources, scrapeRow("900001", "barnet", "https://files.example.org/v1/file/3001", "07/07/15"), scrapeRow("900002", "kingston upon hull", "https://files.example.org/v1/file/3002", "02/09/11")));
    const rows = await inspections();
    expect(addressOf(rows, BARNET_SIF.code, BARNET_SIF.framework, BARNET_SIF.published)).toBe("https://files.example.org/v1/file/3001");
    expect(addressOf(rows, "E06000010", "slac-safeguarding", "2011-09-02")).toBe("https://files.example.org/v1/file/3002");
    expect(addressOf(rows, "E06000010", "slac-looked-after", "2011-09-02")).toBe("https://files.example.org/v1/file/3002");
    // Barnet's SIF re-inspection (2017-03-15) has no scrape row: no address.
    expect(addressOf(rows, "E09000003", "sif-reinspection", "2017-03-15")).toBe("");
    // 27 judgements: Barnet's 2019 ILACS (the fixture's scrape line 3), its SIF, Hull's two SLAC judgements.
    const report = await read(dir.root, "data/councils/import-report.md");
    expect(report).toContain("4 of 27 judgements take an address; 23 have no scrape row of their council and day; 0 are ambiguous.");
    expect(report.split("\n")).toContain(`| ${named(SCRAPE)} | ${scrapeLines + 1} | report addresses (see Report addresses below) |`);
  });

  it("gives none to a judgement whose scrape report was published a day later, and lists it", async () => {
    await update(dir, withScrapeRows(sources, scrapeRow("900001", "barnet", "https://files.example.org/v1/file/3001", "08/07/15")));
    expect(addressOf(await inspections(), BARNET_SIF.code, BARNET_SIF.framework, BARNET_SIF.published)).toBe("");
    const report = (await read(dir.root, "data/councils/import-report.md")).split("\n");
    expect(report).toContain("| Barnet (E09000003) | sif | 2015-07-07 | 6 |");
  });

  it("gives none when the scrape has two addresses for the report, and lists both; one address listed twice is still one", async () => {
    await update(
      dir,
      withScrapeRows(
        sources,
        scrapeRow("900001", "barnet", "https://files.example.org/v1/file/3001", "07/07/15"),
        scrapeRow("900001", "barnet", "https://files.example.org/v1/file/3003", "07/07/15"),
        scrapeRow("900002", "kingston upon hull", "https://files.example.org/v1/file/3002", "02/09/11"),
        scrapeRow("900002", "kingston upon hull", "https://files.example.org/v1/file/3002", "02/09/11"),
      ),
    );
    const rows = await inspections();
    expect(addressOf(rows, BARNET_SIF.code, BARNET_SIF.framework, BARNET_SIF.published)).toBe("");
    expect(addressOf(rows, "E06000010", "slac-safeguarding", "2011-09-02")).toBe("https://files.example.org/v1/file/3002");
    const report = await read(dir.root, "data/councils/import-report.md");
    expect(report).toContain("3 of 27 judgements take an address; 23 have no scrape row of their council and day; 1 is ambiguous.");
    expect(report.split("\n")).toContain(`| Barnet (E09000003) | sif | 2015-07-07 | ${scrapeLines + 1}, ${scrapeLines + 2} | https://files.example.org/v1/file/3001 https://files.example.org/v1/file/3003 |`);
  });

  it("needs the scrape and its lookup, and they alone start no import", async () => {
    await expect(plan(dir, sources.copy().remove(LOOKUP))).rejects.toThrow(/the inspections \(data\/councils\/\) import needs data-to-insight \/ JT-39, ofsted-ilacs-scrape-tool, The scrape's lookup of local authorities/);
    const scrapeOnly = await Sources.load([SCRAPE, LOOKUP]);
    await expect(plan(dir, scrapeOnly)).rejects.toThrow(/ is read only with the other publications of the inspections \(data\/councils\/\) or the ILACS \(data\/ilacs\/\) import/);
  });
});
