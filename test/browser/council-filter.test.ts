/// <reference lib="dom" />
/**
 * The "find your council" filter in a real browser, on the made-up fixture: without
 * scripts the box stays hidden and every council is a plain link (checked in
 * test/site/council-pages.test.ts); with scripts the box appears and narrows both lists
 * as you type, by name or alias, hiding headings left empty and saying how many match.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSample, copySample, removeTemporaryFolders, temporaryFolder, withEnv } from "../site/helpers.ts";
import { launchChromium } from "./chromium.ts";
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

/** Names of the councils a reader can see, in page order (each appears in both lists). */
const shown = () => page.evaluate(() => [...document.querySelectorAll<HTMLLIElement>("[data-council-index] li")].filter((li) => li.checkVisibility()).map((li) => li.querySelector("a")?.textContent ?? ""));
const shownHeadings = () => page.evaluate(() => [...document.querySelectorAll<HTMLHeadingElement>("[data-council-index] h3")].filter((h) => h.checkVisibility()).map((h) => h.textContent ?? ""));
const status = () => page.locator("[data-council-filter] [role=status]").textContent();

describe("the council filter", () => {
  it("appears when scripts run, with every council listed", async () => {
    expect(await page.locator("[data-council-filter]").isVisible()).toBe(true);
    expect(await shown()).toHaveLength(10);
  });

  it("narrows both lists as you type, and hides headings left empty", async () => {
    await page.getByLabel("Filter councils by name").pressSequentially("brook");
    expect(await shown()).toEqual(["Brookmere", "Brookmere"]);
    expect(await shownHeadings()).toEqual(["B", "Fictional North"]);
    expect(await status()).toBe("1 council matches");
  });

  it("matches aliases, and shows everything again when cleared", async () => {
    const box = page.getByLabel("Filter councils by name");
    await box.fill("borough");
    await box.dispatchEvent("input");
    expect(await shown()).toEqual(["Dunmoor", "Dunmoor"]);
    await box.fill("");
    await box.dispatchEvent("input");
    expect(await shown()).toHaveLength(10);
    expect(await status()).toBe("");
  });

  it("says when nothing matches", async () => {
    const box = page.getByLabel("Filter councils by name");
    await box.fill("zzz");
    await box.dispatchEvent("input");
    expect(await shown()).toEqual([]);
    expect(await shownHeadings()).toEqual([]);
    expect(await status()).toBe("0 councils match");
  });
});
