/// <reference lib="dom" />
/**
 * Search and sub-path hosting in a real browser, at 360 px (the narrowest width):
 *   - the real report at the root: a word of chapter 2 typed into the search page finds
 *     chapter 2 (the word is taken from the built chapter, the one fewest other pages use);
 *     a council's name finds its page, with snippets of prose (no table's header cells run
 *     together) in the report's font and colours, light and dark;
 *   - the fixture built with --path-prefix /brave-new-world/ and served only under that
 *     path, the way a host serving a sub-path does: every page loads with no failed request,
 *     no console error and nothing from another host; every link, stylesheet, script, CSV,
 *     the zip and the search index answer; search finds chapter 2 and its result opens it;
 *     a missing address gets the 404 page, whose links and search form work from there.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, copyFixture, realSite, removeTemporaryFolders, temporaryFolder } from "../site/helpers.ts";
import { launchChromium } from "../../scripts/engine/browser/chromium.ts";
import { serveFolder, type StaticServer } from "./static-server.ts";

const PREFIX = "/brave-new-world/";
const NARROW = { width: 360, height: 800 };

let browser: Browser;
let realDir: string;
let fixtureDir: string;
let real: StaticServer;
let prefixed: StaticServer;

/**
 * The text pagefind indexes on a page: the marked main content, without ignored parts, and
 * without what the index leaves out (INDEX_LEAVES_OUT: tables, charts, figures' data and CSV
 * links, heading links).
 */
function indexedText(html: string): string {
  const main = /<main[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? "";
  return main
    .replace(/<nav[^>]*data-pagefind-ignore[\s\S]*?<\/nav>/g, " ")
    .replace(/<svg[\s\S]*?<\/svg>/g, " ")
    .replace(/<table[\s\S]*?<\/table>/g, " ")
    .replace(/<details class="figure-data"[\s\S]*?<\/details>/g, " ")
    .replace(/<p class="figure-download"[\s\S]*?<\/p>/g, " ")
    .replace(/<a class="heading-anchor"[\s\S]*?<\/a>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z0-9#]+;/gi, " ");
}
const wordsOf = (text: string) => new Set(text.toLowerCase().match(/\b[a-z]{7,}\b/g) ?? []);

/** A word of chapter 2's indexed text that the fewest other pages use (longest, then first alphabetically, on a tie). */
async function wordOfChapterTwo(siteDir: string): Promise<string> {
  const files = (await readdir(siteDir, { recursive: true })).map(String).filter((file) => file.endsWith(".html"));
  const chapter = wordsOf(indexedText(await readFile(path.join(siteDir, "chapter-2", "index.html"), "utf8")));
  const uses = new Map([...chapter].map((word) => [word, 0]));
  for (const file of files) {
    if (file.split(path.sep).join("/") === "chapter-2/index.html") continue;
    for (const word of wordsOf(indexedText(await readFile(path.join(siteDir, file), "utf8")))) if (uses.has(word)) uses.set(word, (uses.get(word) ?? 0) + 1);
  }
  const [best] = [...uses].sort(([a, m], [b, n]) => m - n || b.length - a.length || (a < b ? -1 : 1));
  if (!best) throw new Error("chapter 2 has no word to search for");
  return best[0];
}

/** What a tab hears: failed responses, console errors, requests to other hosts. */
async function watchedPage(server: StaticServer, missingPage?: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: NARROW, reducedMotion: "reduce" });
  const problems: string[] = [];
  await context.route("**/*", (route) => {
    const target = new URL(route.request().url());
    if (target.protocol === "data:" || target.host === server.host) return route.continue();
    problems.push(`request to another host: ${route.request().url()}`);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    // Chromium logs the 404 of a missing page it was sent to; that one is expected.
    if (message.type() === "error" && !(missingPage && message.location().url === missingPage)) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("response", (response) => {
    // The 404 page answers its own missing address with 404, as it should: that one is expected.
    if (response.status() >= 400 && response.request().resourceType() !== "document") problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  return { context, page, problems };
}

/** Type a word into pagefind's box and return every result's address, loading all of them. */
async function search(page: Page, word: string): Promise<string[]> {
  const box = page.locator(".pagefind-ui__search-input");
  await box.fill(word);
  await page.locator(".pagefind-ui__result-link").first().waitFor({ timeout: 15_000 });
  const more = page.locator(".pagefind-ui__button");
  while (await more.isVisible()) await more.click();
  return page.locator(".pagefind-ui__result-link").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
}

beforeAll(async () => {
  browser = await launchChromium();
  realDir = await realSite();
  fixtureDir = path.join(await temporaryFolder(), "site");
  await buildFixture({ root: await copyFixture(), outDir: fixtureDir, pathPrefix: PREFIX });
  real = await serveFolder(realDir);
  prefixed = await serveFolder(fixtureDir, { pathPrefix: PREFIX, notFoundPage: "404.html" });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await real?.close();
  await prefixed?.close();
  await removeTemporaryFolders();
});

describe("search on the real report, at 360 px", () => {
  it("finds chapter 2 by a word of its text, from the header's search link", async () => {
    const word = await wordOfChapterTwo(realDir);
    const { context, page, problems } = await watchedPage(real);
    try {
      await page.goto(`${real.origin}/chapter-1/`);
      await page.locator("header a.site-search-link").click();
      await page.waitForURL(`${real.origin}/search/`);
      const results = await search(page, word);
      expect(results, `results for "${word}"`).toContain(`${real.origin}/chapter-2/`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** A council page of the real report with a table of its judgements: the first in A–Z order of its address. */
async function councilWithJudgementTable(siteDir: string): Promise<{ name: string; url: string; headerCells: string[][] }> {
  for (const folder of (await readdir(path.join(siteDir, "councils"))).sort()) {
    const html = await readFile(path.join(siteDir, "councils", folder, "index.html"), "utf8").catch(() => "");
    if (!/<table class="council-history"/.test(html)) continue;
    const name = textOfHtml(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "");
    // Every table's header cells, table by table.
    const headerCells = [...html.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((m) => [...m[1].matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((th) => textOfHtml(th[1])));
    return { name, url: `/councils/${folder}/`, headerCells };
  }
  throw new Error("no council page has a table of judgements");
}
const textOfHtml = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&#39;|&#x27;/g, "'").trim();

describe("search for a council on the real report", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`finds its page with snippets of prose, no table's header cells run together, in the report's font and colours (${colorScheme})`, async () => {
      const council = await councilWithJudgementTable(realDir);
      expect(council.headerCells.flat().length).toBeGreaterThan(1);
      const context = await browser.newContext({ viewport: NARROW, reducedMotion: "reduce", colorScheme });
      try {
        const page = await context.newPage();
        await page.goto(`${real.origin}/search/`);
        const results = await search(page, council.name);
        expect(results).toContain(`${real.origin}${council.url}`);
        const snippets = await page.locator(".pagefind-ui__result-excerpt").allTextContents();
        expect(snippets.length).toBeGreaterThan(0);
        for (const snippet of snippets) {
          for (const cells of council.headerCells) {
            for (const [i, cell] of cells.entries()) if (i > 0) expect(snippet, snippet).not.toContain(`${cells[i - 1]}${cell}`);
          }
        }
        const looks = await page.evaluate(() => {
          const style = (selector: string) => getComputedStyle(document.querySelector(selector) as Element);
          const [body, excerpt, title, input] = ["main p:not([class])", ".pagefind-ui__result-excerpt", ".pagefind-ui__result-link", ".pagefind-ui__search-input"].map(style);
          const link = document.createElement("a");
          link.href = "#";
          document.querySelector("main p:not([class])")?.append(link);
          return { body: [body.fontFamily, body.color], excerpt: [excerpt.fontFamily, excerpt.color], input: input.fontFamily, title: title.color, link: getComputedStyle(link).color, background: style("html").backgroundColor, panel: style(".pagefind-ui__search-input").backgroundColor };
        });
        expect(looks.excerpt).toEqual(looks.body);
        expect(looks.input).toBe(looks.body[0]);
        expect(looks.title).toBe(looks.link);
        expect(looks.panel).toBe(looks.background);
      } finally {
        await context.close();
      }
    });
  }
});

describe("the fixture served under /brave-new-world/ only, at 360 px", () => {
  it("loads every page with nothing failing, and every address its pages name answers", async () => {
    const files = (await readdir(fixtureDir, { recursive: true })).map((file) => String(file).split(path.sep).join("/")).filter((file) => file.endsWith(".html")).sort();
    const urls = files.map((file) => `${prefixed.origin}${PREFIX}${file.replace(/(^|\/)index\.html$/, "$1")}`);
    const { context, page, problems } = await watchedPage(prefixed);
    const named = new Set<string>();
    try {
      for (const url of urls) {
        const response = await page.goto(url, { waitUntil: "load" });
        expect(response?.status(), url).toBe(200);
        // Fonts load after "load" (font-display: swap): wait for them, or leaving the page
        // would abort their requests, and a font that cannot be found would go unnoticed.
        await page.evaluate(() => document.fonts.ready);
        const addresses = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>("a[href], link[href], script[src], form[action]")].map((element) => {
            const value = element.getAttribute("href") ?? element.getAttribute("src") ?? element.getAttribute("action") ?? "";
            return new URL(value, document.baseURI).href;
          }),
        );
        for (const address of addresses) if (address.startsWith(prefixed.origin)) named.add(address.replace(/#.*$/, ""));
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    // The zip, the data files, the figures' CSVs, the stylesheet, pagefind's scripts: each answers under the prefix.
    expect([...named].some((address) => address.endsWith(".zip"))).toBe(true);
    const failing: string[] = [];
    for (const address of [...named].sort()) {
      const response = await fetch(address, { method: "HEAD" });
      if (response.status !== 200) failing.push(`${response.status} ${address}`);
    }
    expect(failing).toEqual([]);
    expect([...named].every((address) => new URL(address).pathname.startsWith(PREFIX))).toBe(true);
  });

  it("finds chapter 2 by a word of its text, and the result opens it", async () => {
    const word = await wordOfChapterTwo(fixtureDir);
    const { context, page, problems } = await watchedPage(prefixed);
    try {
      await page.goto(`${prefixed.origin}${PREFIX}search/`);
      const results = await search(page, word);
      expect(results, `results for "${word}"`).toContain(`${prefixed.origin}${PREFIX}chapter-2/`);
      await page.locator(`.pagefind-ui__result-link[href="${PREFIX}chapter-2/"]`).click();
      await page.waitForURL(`${prefixed.origin}${PREFIX}chapter-2/`);
      expect(await page.locator("h1").textContent()).toBeTruthy();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("answers a missing address deep under the prefix with the 404 page, whose links and search form work from there", async () => {
    const word = await wordOfChapterTwo(fixtureDir);
    const missing = `${prefixed.origin}${PREFIX}no/such/page/`;
    const { context, page, problems } = await watchedPage(prefixed, missing);
    try {
      const response = await page.goto(missing);
      expect(response?.status()).toBe(404);
      expect(await page.locator("h1").textContent()).toBe("Page not found");
      // The stylesheet came from under the prefix, not relative to the missing address.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector(".site-header-inner") as Element).display)).toBe("flex");
      await page.getByLabel("Search the report for").fill(word);
      await page.getByRole("button", { name: "Search" }).click();
      await page.waitForURL(`${prefixed.origin}${PREFIX}search/?q=${word}`);
      await page.locator(`.pagefind-ui__result-link[href="${PREFIX}chapter-2/"]`).waitFor({ timeout: 15_000 });
      await page.goBack();
      await page.getByRole("link", { name: "The cover, with the report’s contents" }).click();
      await page.waitForURL(`${prefixed.origin}${PREFIX}`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
