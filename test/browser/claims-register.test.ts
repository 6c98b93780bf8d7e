/// <reference lib="dom" />
/**
 * The claims register of the real report in chromium, as a phone shows it and without
 * JavaScript: at 360 px every claim is a card inside the window (nothing scrolls sideways,
 * the page or any box in it), and the three orders are picked by following a link, with
 * scripts off: the targeted order shows and the others are hidden.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realSite } from "../site/helpers.ts";
import { launchChromium } from "../../scripts/engine/browser/chromium.ts";
import { serveFolder, type StaticServer } from "./static-server.ts";

const REGISTER = "/appendix/checking-the-numbers/";
let browser: Browser;
let server: StaticServer;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveFolder(await realSite());
  // Scripts off: the register's orders must work without them.
  context = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
  page = await context.newPage();
  await page.goto(`${server.origin}${REGISTER}`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The ids of the register's orders a reader can see. */
const visibleOrders = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>(".register-view")].filter((s) => s.checkVisibility()).map((s) => s.id));

describe("the claims register at 360 px", () => {
  it("does not scroll sideways, and no box in it does", async () => {
    const overflow = await page.evaluate(() => {
      const wide: string[] = [];
      const page = document.documentElement.scrollWidth - document.documentElement.clientWidth;
      if (page > 0) wide.push(`the page, by ${page}px`);
      for (const element of document.querySelectorAll<HTMLElement>(".claims-register *")) {
        if (!element.checkVisibility()) continue;
        const box = element.getBoundingClientRect();
        if (box.right > window.innerWidth + 0.5) wide.push(`${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(box.right)}px`);
        if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== "visible") wide.push(`${element.tagName.toLowerCase()}.${element.className} scrolls`);
      }
      return wide;
    });
    expect(overflow).toEqual([]);
  });

  it("shows each claim as a card: status, claim and values stacked in the column", async () => {
    const first = page.locator("#claims-by-chapter li.claim").first();
    const [status, claim, values] = await Promise.all([".claim-status", ".claim-text", ".claim-values"].map((s) => first.locator(s).boundingBox()));
    expect(status && claim && values).toBeTruthy();
    // One above the other, not side by side as table columns would be.
    expect((status?.y ?? 0) < (claim?.y ?? 0) && (claim?.y ?? 0) < (values?.y ?? 0)).toBe(true);
  });

  it("picks an order by following a link, with scripts off", async () => {
    expect(await visibleOrders()).toEqual(["claims-by-chapter"]);
    await page.getByRole("link", { name: "by status" }).click();
    expect(await visibleOrders()).toEqual(["claims-by-status"]);
    await page.getByRole("link", { name: "by size of difference" }).click();
    expect(await visibleOrders()).toEqual(["claims-by-difference"]);
    // A claim's own anchor (a chapter's link to it) shows the chapter order, with that claim.
    await page.goto(`${server.origin}${REGISTER}#claim-ch1-s4-variation-early`);
    expect(await visibleOrders()).toEqual(["claims-by-chapter"]);
    expect(await page.locator("#claim-ch1-s4-variation-early").isVisible()).toBe(true);
  });
});
