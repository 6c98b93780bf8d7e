/// <reference lib="dom" />
/**
 * The "find your council" index in a real browser, on the made-up fixture: without
 * scripts the box stays hidden and every council is a row of the table (checked in
 * test/site/council-pages.test.ts); the order links show one order at a time, by the
 * address's #fragment alone; with scripts the box appears, styled like the site's other
 * inputs, and narrows the table as you type, by name or alias, saying how many match.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSample, copySample, removeTemporaryFolders, temporaryFolder, withEnv } from "../site/helpers.ts";
import { launchChromium } from "../../scripts/engine/browser/chromium.ts";
import { serveFolder, type StaticServer } from "./static-server.ts";

let browser: Browser;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  const outDir = path.join(await temporaryFolder(), "site");
  const root = await copySample();
  await withEnv({ REPORT_SVG_CACHE: "off" }, () => buildSample({ root, outDir }));
  server = await serveFolder(outDir);
  page = await browser.newPage();
  await page.goto(`${server.origin}/councils/`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeTemporaryFolders();
});

/** Names of the councils a reader can see, in page order (only one order's table shows at a time). */
const shown = () => page.evaluate(() => [...document.querySelectorAll<HTMLTableRowElement>("[data-council-index] tr[data-search]")].filter((tr) => tr.checkVisibility()).map((tr) => tr.querySelector("a")?.textContent ?? ""));
const status = () => page.locator("[data-council-filter] [role=status]").textContent();

describe("the council filter", () => {
  it("appears when scripts run, with every council listed once, by name", async () => {
    expect(await page.locator("[data-council-filter]").isVisible()).toBe(true);
    expect(await shown()).toEqual(["Ashvale", "Brookmere", "Cobbleton", "Dunmoor", "Fernhill"]);
  });

  it("is styled: a bordered box as wide as its label's block, in the page's font", async () => {
    const style = await page.getByLabel("Filter councils by name").evaluate((input) => {
      const s = getComputedStyle(input);
      return { border: s.borderTopWidth, font: s.fontFamily, body: getComputedStyle(document.body).fontFamily, width: input.getBoundingClientRect().width };
    });
    expect(style.border).toBe("2px");
    expect(style.font).toBe(style.body);
    expect(style.width).toBeGreaterThan(200);
  });

  it("shows the order the address names, without scripts' help", async () => {
    for (const [fragment, names] of [
      ["#by-region", ["Dunmoor", "Cobbleton", "Ashvale", "Brookmere", "Fernhill"]],
      ["#by-grade", ["Cobbleton", "Ashvale", "Fernhill", "Brookmere", "Dunmoor"]],
      ["#by-date", ["Fernhill", "Dunmoor", "Cobbleton", "Brookmere", "Ashvale"]],
      ["#by-name", ["Ashvale", "Brookmere", "Cobbleton", "Dunmoor", "Fernhill"]],
    ] as const) {
      await page.getByRole("link", { name: { "#by-region": "by region", "#by-grade": "by latest grade", "#by-date": "by date of latest report", "#by-name": "by name" }[fragment], exact: true }).click();
      expect(page.url().endsWith(fragment)).toBe(true);
      expect(await shown()).toEqual(names);
    }
  });

  it("narrows the table as you type", async () => {
    await page.getByLabel("Filter councils by name").pressSequentially("brook");
    expect(await shown()).toEqual(["Brookmere"]);
    expect(await status()).toBe("1 council matches");
  });

  it("matches aliases, and shows everything again when cleared", async () => {
    const box = page.getByLabel("Filter councils by name");
    await box.fill("borough");
    await box.dispatchEvent("input");
    expect(await shown()).toEqual(["Dunmoor"]);
    await box.fill("");
    await box.dispatchEvent("input");
    expect(await shown()).toHaveLength(5);
    expect(await status()).toBe("");
  });

  it("says when nothing matches", async () => {
    const box = page.getByLabel("Filter councils by name");
    await box.fill("zzz");
    await box.dispatchEvent("input");
    expect(await shown()).toEqual([]);
    expect(await status()).toBe("0 councils match");
  });
});
