/**
 * The ILACS transform on the made-up sources (test/fixtures/import-sources): every row
 * written, every row left out with its exact reason, the council resolutions and the
 * comparison of the two sources, all worked out by hand from the fixture files. Ofsted's
 * official rows are rows of the sheet ILACS_inspection_history (title rows 1–2, header row 3,
 * reports in rows 4–13); the scrape's are lines of its CSV file.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readIlacsSources, type IlacsSources } from "../../../scripts/import/ilacs/sources.ts";
import { ilacsCsv } from "../../../scripts/import/ilacs/run.ts";
import { buildIlacs, type IlacsBuild } from "../../../scripts/import/ilacs/transform.ts";
import { SCRAPE, type Sources } from "../helpers.ts";
import { fixtureCouncils, ilacsSources } from "./helpers.ts";

const HEADER = "council_code,inspection_type,inspection_start,inspection_end,published,overall,leadership,help_protection,in_care,care_leavers,ungraded_reason,report_url,source,source_line";

describe("the ILACS transform", () => {
  let sources: IlacsSources;
  let build: IlacsBuild;
  beforeAll(async () => {
    sources = readIlacsSources((await ilacsSources()).recognised());
    build = buildIlacs({ ...sources, councils: await fixtureCouncils() });
  });

  it("writes the official rows up to 31 March 2025 and the scrape rows after it, sorted by council and publication date", () => {
    // The as-at date is read from the title of the sheet Inspections_as_at_31_March.
    expect(sources.asAt).toBe("2025-03-31");
    // 10 official rows (sheet rows 4–13), minus Hull's (published 11 April 2025, after the as-at date) = 9;
    // Barnet's official 2019 and 2024 rows carry the scrape's addresses of the same reports (lines 3 and 4);
    // scrape rows used: Barnet 2025, Hull 2025, West Northamptonshire 2026, Barnsley 2026,
    // Buckinghamshire 2025 = 5.
    expect(ilacsCsv(build.rows)).toBe(
      [
        HEADER,
        "E06000010,short,2025-03-03,2025-03-07,2025-04-11,good,good,good,good,requires_improvement,,https://files.example.org/v1/file/1006,report-scrape,7",
        "E06000028,standard,2018-07-02,,2018-08-24,requires_improvement,requires_improvement,requires_improvement,good,,,,ofsted-official,6",
        "E06000060,standard,2019-02-04,,2019-03-22,inadequate,inadequate,inadequate,inadequate,,,,ofsted-official,12",
        "E06000060,longer,2025-04-07,2025-04-25,2025-06-20,requires_improvement,requires_improvement,requires_improvement,good,inadequate,,https://files.example.org/v1/file/1015,report-scrape,16",
        "E06000062,standard,2022-10-10,,2022-11-25,requires_improvement,requires_improvement,requires_improvement,good,,,,ofsted-official,8",
        "E06000062,standard,2026-05-11,2026-05-22,2026-07-07,,good,requires_improvement,good,good,no-grade-after-reform,https://files.example.org/v1/file/1008,report-scrape,9",
        "E06000063,standard,2024-10-14,,2024-11-26,good,outstanding,good,good,good,,,ofsted-official,10",
        "E08000016,short,2023-09-11,,2023-10-27,outstanding,outstanding,outstanding,outstanding,good,,,ofsted-official,13",
        "E08000016,standard,2026-01-19,2026-01-30,2026-03-05,good,outstanding,good,good,requires_improvement,,https://files.example.org/v1/file/1012,report-scrape,13",
        "E09000003,standard,2019-05-13,,2019-07-01,good,good,good,good,,,https://files.example.org/v1/file/1002,ofsted-official,4",
        "E09000003,short,2024-06-10,,2024-07-23,good,good,good,outstanding,good,,https://files.example.org/v1/file/1003,ofsted-official,5",
        "E09000003,standard,2025-07-28,2025-08-08,2025-09-15,requires_improvement,good,requires_improvement,good,good,,https://files.example.org/v1/file/1004,report-scrape,5",
        "E10000006,standard,2022-10-03,,2022-11-15,good,good,requires_improvement,good,,,,ofsted-official,9",
        "E10000021,standard,2019-06-10,,2019-07-29,inadequate,inadequate,inadequate,requires_improvement,,,,ofsted-official,7",
        "",
      ].join("\n"),
    );
    expect(build.rows.filter((r) => r.source === "ofsted-official")).toHaveLength(9);
    expect(build.rows.filter((r) => r.source === "report-scrape")).toHaveLength(5);
  });

  it("leaves out every other row with its reason", () => {
    expect(build.dropped.map((d) => [d.source, d.line, d.kind, d.councilCode, d.published, d.reason])).toEqual([
      ["ofsted-official", 11, "after-as-at", "E06000010", "2025-04-11", "published after the table's as-at date (2025-03-31); the scrape is used for that period"],
      ["report-scrape", 2, "before-ilacs", null, "2012-06-14", "published 2012-06-14, before ILACS began in January 2018"],
      ["report-scrape", 3, "official-period", "E09000003", "2019-07-01", "published on or before 2025-03-31: Ofsted's official table is used for that period"],
      ["report-scrape", 4, "official-period", "E09000003", "2024-07-23", "published on or before 2025-03-31: Ofsted's official table is used for that period"],
      ["report-scrape", 6, "duplicate", "E09000003", "2025-09-15", "duplicate of line 5 (same council and publication date)"],
      ["report-scrape", 8, "unusable-cell", "E06000010", "2025-10-20", "overall_effectiveness_grade: unreadable (data_unreadable)"],
      ["report-scrape", 10, "unusable-cell", "E06000061", "2026-01-30", 'overall_effectiveness_grade: "requires improvment" is not one of: inadequate, requires improvement, good, outstanding'],
      ["report-scrape", 11, "unusable-cell", "E06000063", "2026-02-02", 'inspection_start_date: "31/02/2026" is not a day in the calendar'],
      ["report-scrape", 12, "unknown-urn", null, "2025-12-12", "URN 999999 is not in Provider_data_lookup.csv"],
      ["report-scrape", 14, "no-framework", "E06000010", "2018-01-29", "no inspection framework: a report of the framework before ILACS (SIF era)"],
      ["report-scrape", 15, "before-ilacs", null, "2017-11-10", "published 2017-11-10, before ILACS began in January 2018"],
      ["report-scrape", 17, "bad-publication-date", null, null, 'publication_date: "1/7/25" is not a date like 31/03/25'],
      ["report-scrape", 18, "council-not-existing", "E06000061", "2019-07-29", "North Northamptonshire (E06000061) existed 2021-04-01 to …, not on 2019-07-29"],
    ]);
    // Every source row is either written or left out, once.
    expect(build.rows.length + build.dropped.length).toBe(sources.official.rows.length + sources.scrape.rows.length);
  });

  it("keeps reports on abolished councils with their own codes and joins a former code to the current one", () => {
    expect(build.officialResolutions.map((r) => [r.line, r.sourceCode, r.councilCode, r.note])).toEqual([
      [6, "E06000028", "E06000028", "Bournemouth was abolished after 2019-03-31 (successors E06000058); the report stays with the council inspected"],
      [7, "E10000021", "E10000021", "Northamptonshire was abolished after 2021-03-31 (successors E06000061, E06000062); the report stays with the council inspected"],
      [9, "E10000006", "E10000006", "Cumbria was abolished after 2023-03-31 (successors E06000063, E06000064); the report stays with the council inspected"],
      [12, "E10000002", "E06000060", "E10000002 is a former code of Buckinghamshire; its current code is used"],
    ]);
    // Cumbria until its abolition, Cumberland after; Northamptonshire before 2021, West Northamptonshire after.
    const codesOf = (name: string) => build.rows.filter((r) => r.council_code === name).map((r) => r.published);
    expect(codesOf("E10000006")).toEqual(["2022-11-15"]);
    expect(codesOf("E06000063")).toEqual(["2024-11-26"]);
    expect(codesOf("E10000021")).toEqual(["2019-07-29"]);
    expect(codesOf("E06000062")).toEqual(["2022-11-25", "2026-07-07"]);
  });

  it("resolves URNs by area code, or by DfE number when the lookup's code is not in the council list", () => {
    expect(build.urns.map((u) => [u.urn, u.lookupCode, u.councilCode, u.by, u.nameMatches.join(";")])).toEqual([
      ["900001", "E09000003", "E09000003", "area code", "name"],
      ["900002", "E06000010", "E06000010", "area code", "ofsted name"],
      ["900003", "E06000062", "E06000062", "area code", "name"],
      ["900004", "E06000061", "E06000061", "area code", "name"],
      ["900005", "E06000063", "E06000063", "area code", "name"],
      ["900006", "E08000038", "E08000016", "DfE number", "name"],
      ["900009", "E06000060", "E06000060", "area code", "name"],
    ]);
  });

  it("compares the scrape with the official table where both have a report", () => {
    // Barnet 2019 and Hull 2025 agree; Barnet 2024 differs on children in care.
    expect(build.comparison.matched).toBe(3);
    expect(build.comparison.agreeing).toBe(2);
    expect(build.comparison.disagreements).toEqual([
      { councilCode: "E09000003", published: "2024-07-23", officialLine: 5, scrapeLine: 4, field: "in_care", official: "outstanding", scrape: "good" },
    ]);
    expect(build.comparison.officialOnly.map((o) => o.line)).toEqual([6, 7, 8, 9, 10, 12, 13]);
    expect(build.comparison.scrapeOnly).toEqual([]);
  });
});

describe("report addresses carried from the scrape onto official rows", () => {
  const buildWith = async (change: (s: Sources) => unknown) => {
    const sources = await ilacsSources();
    change(sources);
    return buildIlacs({ ...readIlacsSources(sources.recognised()), councils: await fixtureCouncils() });
  };
  const addressOf = (build: IlacsBuild, code: string, published: string) => build.rows.find((r) => r.council_code === code && r.published === published)?.report_url;

  it("takes the address of the scrape row of the same council and day, and no other", async () => {
    const build = await buildWith(() => {});
    // Barnet's official rows 4 (2019-07-01) and 5 (2024-07-23) match scrape lines 3 and 4; no
    // other official row in the period has a scrape row of its council and day.
    expect(build.links.carried).toEqual([
      { officialLine: 4, scrapeLine: 3, councilCode: "E09000003", published: "2019-07-01" },
      { officialLine: 5, scrapeLine: 4, councilCode: "E09000003", published: "2024-07-23" },
    ]);
    expect(build.links.ambiguous).toEqual([]);
    expect(addressOf(build, "E10000021", "2019-07-29")).toBeNull();
  });

  it("does not take an address from a scrape row one day off", async () => {
    // Scrape line 3 moved from 01/07/19 to 02/07/19: Barnet's 2019 report has no address now.
    const build = await buildWith((s) => s.csvCell(SCRAPE, 3, 5, "02/07/19"));
    expect(addressOf(build, "E09000003", "2019-07-01")).toBeNull();
    expect(build.links.carried.map((c) => c.officialLine)).toEqual([5]);
  });

  it("takes the address of a scrape row the scrape could not read (no framework, no grades)", async () => {
    // Scrape line 3 (Barnet, 01/07/19) with its framework emptied, as the scrape leaves a PDF it
    // could not read, and another address: Barnet's official 2019 report takes that address.
    const build = await buildWith((s) => s.csvCell(SCRAPE, 3, 3, "https://files.example.org/v1/file/9003").csvCell(SCRAPE, 3, 6, ""));
    expect(addressOf(build, "E09000003", "2019-07-01")).toBe("https://files.example.org/v1/file/9003");
  });

  it("gives no address, and lists the row, when two scrape rows of the same report give different addresses", async () => {
    // Scrape line 6 (a repeat of line 5, address …/1005) moved to 23/07/24: Barnet's official
    // 2024 report (row 5) then matches lines 4 (…/1003) and 6 (…/1005).
    const build = await buildWith((s) => s.csvCell(SCRAPE, 6, 5, "23/07/24"));
    expect(addressOf(build, "E09000003", "2024-07-23")).toBeNull();
    expect(build.links.ambiguous).toEqual([
      { officialLine: 5, councilCode: "E09000003", published: "2024-07-23", scrapeLines: [4, 6], links: ["https://files.example.org/v1/file/1003", "https://files.example.org/v1/file/1005"] },
    ]);
    expect(build.links.carried.map((c) => c.officialLine)).toEqual([4]);
  });
});
