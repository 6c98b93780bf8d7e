// The functions passed to page.evaluate run in the page and use the DOM's types.
/// <reference lib="dom" />
/**
 * The council pages of the real report, as built, against the data they come from:
 *   - every judgement row is dated (a <time> with its publication date);
 *   - every judgement whose data has a report address (an ILACS report in
 *     data/ilacs/judgements.csv, an earlier one in data/councils/inspections.csv) links to it
 *     on its council's page, and the pages with a link are exactly those whose council (or a
 *     council it replaced) has a linked judgement;
 *   - Birmingham, one of the 2013 cohort's Inadequate councils as the recount reads it,
 *     says so with a link to the figure of the readings;
 *   - at 360 px, on Birmingham, North Northamptonshire, both Dorsets and Northamptonshire,
 *     the judgements table and the index fit the column: no cell is cut off and nothing
 *     scrolls sideways.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../scripts/engine/data/load.ts";
import { ILACS_FRAMEWORKS, councils as councilsDataset, inspections as inspectionsDataset } from "../../scripts/report/councils/datasets.ts";
import { lineage } from "../../scripts/report/councils/history.ts";
import { ilacsJudgements } from "../../scripts/report/ilacs/datasets.ts";
import { slug } from "../../scripts/engine/slug.ts";
import { realSite, removeTemporaryFolders } from "../site/helpers.ts";
import { launchChromium } from "../../scripts/engine/browser/chromium.ts";
import { serveFolder, type StaticServer } from "./static-server.ts";

let site: string;
let browser: Browser;
let server: StaticServer;

const load = async <T extends { file: string; schema: Parameters<typeof parseCsv>[2] }>(dataset: T) => parseCsv(dataset.file, await readFile(dataset.file, "utf8"), dataset.schema).rows.map(({ row }) => row);

beforeAll(async () => {
  site = await realSite();
  browser = await launchChromium();
  server = await serveFolder(site);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeTemporaryFolders();
});

describe("the council pages, against their data", () => {
  it("date every judgement and link every report the data can link", async () => {
    const councils = (await load(councilsDataset)) as { code: string; name: string; existed_until: string | null; former_codes: string[]; successor_codes: string[] }[];
    // The pages take ILACS reports from the ILACS file only, and every earlier judgement from the inspections file.
    const earlier = ((await load(inspectionsDataset)) as { council_code: string; framework: string; report_url: string | null }[]).filter((j) => !(ILACS_FRAMEWORKS as readonly string[]).includes(j.framework));
    const judgements = [...((await load(ilacsJudgements)) as { council_code: string; report_url: string | null }[]), ...earlier];
    const pageOf = (c: (typeof councils)[number]) => path.join(site, "councils", c.existed_until ? `${slug(c.name)}-until-${c.existed_until.slice(0, 4)}` : slug(c.name), "index.html");
    const linkedCodes = new Set(judgements.filter((j) => j.report_url !== null).map((j) => j.council_code));
    let pagesWithLinks = 0;
    for (const c of councils) {
      const html = await readFile(pageOf(c), "utf8");
      const table = /<table class="council-history">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
      const rows = table.match(/<tr>/g)?.length ?? 0;
      expect(table.match(/<th scope="row" class="ch-date"><time datetime="\d{4}-\d{2}-\d{2}">/g)?.length ?? 0, c.name).toBe(rows - 1);
      for (const j of judgements) if (j.council_code === c.code && j.report_url !== null) expect(html, `${c.name}: ${j.report_url}`).toContain(`<a href="${j.report_url}">Ofsted report`);
      const linked = html.includes(">Ofsted report<");
      if (linked) pagesWithLinks += 1;
      expect(linked, c.name).toBe(lineage(c.code, councils).some((code) => linkedCodes.has(code)));
    }
    // Issue 16 found links on 62 of the pages, those with reports after March 2025; now every council with a report in the scrape's years.
    expect(pagesWithLinks).toBeGreaterThan(62);
    // Before ILACS: the SIF, CPI and TLAC reports the scrape has (it lists reports from July 2012).
    expect(earlier.filter((j) => j.report_url !== null).length).toBeGreaterThan(0);
  });

  it("say where the 2015 report's cohort, as the recount reads it, includes the council", async () => {
    const html = await readFile(path.join(site, "councils", "birmingham", "index.html"), "utf8");
    expect(html).toMatch(/<p class="council-mention">The 2015 report compares the councils inspected in \d{4}, \d+ of them, [^<]*Birmingham is one of the \d+ judged Inadequate\. \(<a class="xref" href="\/[^"]+#figure-[^"]+">Figure [A-Z0-9]+\.\d+<\/a>\)<\/p>/);
  });
});

describe("the council pages on a phone", () => {
  for (const page of ["/councils/birmingham/", "/councils/north-northamptonshire/", "/councils/dorset/", "/councils/dorset-until-2019/", "/councils/northamptonshire-until-2021/", "/councils/"]) {
    it(`${page} fits 360 px: no sideways scroll, no table cell cut off`, async () => {
      const tab = await browser.newPage({ viewport: { width: 360, height: 800 } });
      await tab.goto(`${server.origin}${page}`);
      const result = await tab.evaluate(() => {
        const column = document.querySelector("main")!.getBoundingClientRect();
        const cells = [...document.querySelectorAll<HTMLElement>("table.council-history tbody th, table.council-history tbody td, table.council-index-table tbody th, table.council-index-table tbody td")].filter((cell) => cell.checkVisibility());
        return {
          scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          cells: cells.length,
          outside: cells.filter((cell) => cell.getBoundingClientRect().right > column.right + 0.5 || cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent),
        };
      });
      await tab.close();
      expect(result.scroll).toBe(0);
      expect(result.cells).toBeGreaterThan(0);
      expect(result.outside).toEqual([]);
    });
  }
});
