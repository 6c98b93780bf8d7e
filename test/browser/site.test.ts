// The functions passed to page.evaluate run in the page and use the DOM's types. They are
// part of the one type check (npm test); nothing outside test/browser uses the DOM.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Quality gates in a real browser. The real report is built once, served from a local
 * static server in this process, and every page is opened in chromium at three widths
 * (360, 768 and 1280 CSS px: loaded once, then resized). On every page, at every width:
 *   - nothing is written to the console as an error, no script fails, no response is 4xx/5xx;
 *   - no request goes to any host but the local server (others are recorded and aborted);
 *   - every figure shows exactly one of its chart's renderings (wide, or narrow for phones;
 *     the other is display:none), and that SVG is visible, has a size, stays inside its
 *     figure and the text column, is an image named by its title and described by its desc,
 *     and its text labels reach 4.5:1 contrast on the page (axe-core does not look inside
 *     SVG); at 360 px no chart label is drawn smaller than 9 CSS px;
 *   - the page does not scroll sideways;
 *   - and once per page, at 360 px where the tables scroll: axe-core finds no WCAG 2.1 A/AA
 *     violation, with every <details> opened so the data tables are checked too.
 * Screenshots of the cover and every chapter at every width go to test-output/screenshots/
 * for a person to look at (full-page pictures of the appendices, the print edition and the
 * rest cost more time than a reader of them gains; they get every check above).
 *
 * Dark mode (prefers-color-scheme: dark) gets a second pass over a sample of the report's
 * pages (DARK_SAMPLE): the same figure checks at every width, the chart labels' contrast
 * against the dark page included, and axe-core at 360 px; chapter 1 is photographed at
 * 360 and 1280 px in dark as <page>-<width>-dark.png beside the light screenshots.
 *
 * The per-council pages (/councils/<name>/, one template filled from the data, over 150 of
 * them) are a sample, to keep `npm test` within minutes: visiting all of them took 70 s of the
 * run. What differs between them is data, so the sample is where the data is at its extremes —
 * the longest council names, the longest and shortest judgement tables, the longest pages —
 * with an evenly spaced spread of the rest, and gets every check above but screenshots (axe on
 * the evenly spaced ones). Every council page is still read elsewhere: html-validate and the
 * link check (test/site/quality.test.ts), and test/browser/council-pages.test.ts (every
 * judgement dated and linked, against the data; the phone layout of the extreme cases).
 * The report's own pages and the council index get every check.
 */
import { mkdir, readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import axe from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_OUTPUT, realSite, removeTemporaryFolders } from "../site/helpers.ts";
import { launchChromium } from "../../scripts/engine/browser/chromium.ts";
import { serveFolder, type StaticServer } from "./static-server.ts";

const WIDTHS = [360, 768, 1280] as const;
/** Pages open at once: one browser, a few tabs, on a 2-core machine shared with other test files. */
const TABS = 3;
const SCREENSHOTS = path.join(TEST_OUTPUT, "screenshots");
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** How many per-council pages are visited spread evenly over the sorted list (axe-core checks these). */
const COUNCIL_AXE_SAMPLE = 6;
/** How many council pages are visited for each extreme of their data (longest name, longest and shortest table, longest page). */
const COUNCIL_EXTREMES = 2;
/** Report pages checked again in dark mode: between them, every kind of chart the report draws. */
const DARK_SAMPLE = ["/chapter-1/", "/chapter-3/", "/chapter-5/"];
/** Pages photographed in dark mode, and at which widths. */
const DARK_SCREENSHOTS = { pages: ["/chapter-1/"], widths: [360, 1280] } as const;
/** Smallest chart label, in CSS px as drawn, allowed at the narrowest width. */
const MIN_CHART_TEXT_PX = 9;

/** A page of one council (not the council index). */
const isCouncilPage = (url: string) => /^\/councils\/[^/]+\/$/.test(url);

interface FigureCheck {
  readonly id: string;
  readonly problems: readonly string[];
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly failureSummary?: string }[];
}

type Scheme = "light" | "dark";

interface Visit {
  readonly url: string;
  readonly width: number;
  readonly scheme: Scheme;
  readonly consoleErrors: readonly string[];
  readonly foreignRequests: readonly string[];
  readonly requestCount: number;
  readonly figures: readonly FigureCheck[];
  readonly sidewaysScroll: number;
  readonly violations: readonly AxeViolation[];
  /** Whether axe-core ran on this visit. */
  readonly axeRan: boolean;
}

let outDir: string;
let server: StaticServer;
let browser: Browser | undefined;
let urls: string[];
/** The pages visited: every page but the council pages outside the sample. */
let visited: string[];
/** The council pages at the extremes of their data. */
let extremes: Set<string>;

/**
 * The council pages where the data is at its extremes, read from the built HTML: the longest
 * names (the heading), the most and fewest rows in the judgements table, the longest pages.
 */
async function councilExtremes(site: string, councilPages: readonly string[]): Promise<Set<string>> {
  const measured = await Promise.all(
    councilPages.map(async (url) => {
      const html = await readFile(path.join(site, url, "index.html"), "utf8");
      const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1].replace(/<[^>]+>/g, "").trim() ?? "";
      const rows = /<table class="council-history">[\s\S]*?<\/table>/.exec(html)?.[0].match(/<tr>/g)?.length ?? 0;
      return { url, name: heading.length, rows, size: html.length };
    }),
  );
  const top = (by: (m: (typeof measured)[number]) => number) => [...measured].sort((a, b) => by(b) - by(a) || a.url.localeCompare(b.url)).slice(0, COUNCIL_EXTREMES).map((m) => m.url);
  return new Set([...top((m) => m.name), ...top((m) => m.rows), ...top((m) => -m.rows), ...top((m) => m.size)]);
}
const visits: Visit[] = [];
/** The dark-mode pass over DARK_SAMPLE. */
const darkVisits: Visit[] = [];

/** Pages photographed at every width: the cover and the chapters. */
const isPhotographed = (url: string) => url === "/" || /^\/chapter-\d+\/$/.test(url);

/** "chapter-1/index.html" → "/chapter-1/". */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
/** "/chapter-1/" → "chapter-1"; the cover is "cover". */
const slugOf = (url: string) => url.replace(/^\/|\/$/g, "").replace(/\//g, "-") || "cover";

/** In the page: every figure's displayed chart, its box against the figure and the text column, its accessible name and its text. */
function inspectFigures(minTextPx: number): FigureCheck[] {
  const slack = 0.5;
  const main = document.querySelector("main") as HTMLElement;
  const mainBox = main.getBoundingClientRect();
  const mainStyle = getComputedStyle(main);
  const column = { left: mainBox.left + parseFloat(mainStyle.paddingLeft), right: mainBox.right - parseFloat(mainStyle.paddingRight) };
  const viewport = document.documentElement.clientWidth;
  return [...document.querySelectorAll<HTMLElement>("figure.figure")].map((figure) => {
    const problems: string[] = [];
    // A figure may carry two renderings of its chart (wide and narrow); CSS displays one.
    const renderings = [...figure.querySelectorAll<SVGSVGElement>(".figure-chart svg.chart")];
    if (renderings.length === 0) return { id: figure.id, problems: ["has no chart <svg>"] };
    const displayed = renderings.filter((chart) => chart.checkVisibility());
    if (displayed.length !== 1) return { id: figure.id, problems: [`${displayed.length} of its ${renderings.length} chart renderings are displayed, not exactly one`] };
    const svg = displayed[0];
    for (const hidden of renderings.filter((chart) => chart !== svg)) {
      // display:none (on it or a wrapper) takes it out of the accessibility tree as well as out of sight.
      let node: Element | null = hidden;
      while (node && node !== figure && getComputedStyle(node).display !== "none") node = node.parentElement;
      if (node === figure || node === null) problems.push("a chart rendering that is not shown is not display:none");
    }
    const box = svg.getBoundingClientRect();
    const figureBox = figure.getBoundingClientRect();
    const style = getComputedStyle(svg);
    if (style.display === "none" || style.visibility !== "visible" || Number(style.opacity) === 0) problems.push("the chart is hidden");
    if (!(box.width > 0 && box.height > 0)) problems.push(`the chart has no size (${box.width} × ${box.height})`);
    if (box.left < figureBox.left - slack || box.right > figureBox.right + slack) {
      problems.push(`the chart (${box.left.toFixed(1)}–${box.right.toFixed(1)}) overflows its figure (${figureBox.left.toFixed(1)}–${figureBox.right.toFixed(1)})`);
    }
    if (figureBox.left < column.left - slack || figureBox.right > column.right + slack) {
      problems.push(`the figure (${figureBox.left.toFixed(1)}–${figureBox.right.toFixed(1)}) overflows the text column (${column.left.toFixed(1)}–${column.right.toFixed(1)})`);
    }
    if (box.right > viewport + slack) problems.push(`the chart ends at ${box.right.toFixed(1)}, past the window (${viewport})`);
    // The accessible name: role="img", named by <title> and described by <desc> through aria-labelledby.
    if (svg.getAttribute("role") !== "img") problems.push(`the chart's role is ${JSON.stringify(svg.getAttribute("role"))}, not "img"`);
    const ids = (svg.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean);
    if (ids.length === 0) problems.push("the chart has no aria-labelledby");
    const parts = ids.map((id) => document.getElementById(id));
    ids.forEach((id, index) => {
      const part = parts[index];
      if (!part) problems.push(`aria-labelledby names "${id}", which is not on the page`);
      else if ((part.textContent ?? "").trim() === "") problems.push(`aria-labelledby names "${id}", which is empty`);
      else if (!svg.contains(part)) problems.push(`aria-labelledby names "${id}", which is outside the chart`);
    });
    if (parts[0] && parts[0].tagName.toLowerCase() !== "title") problems.push("the chart's name does not come from its <title>");
    const desc = svg.querySelector(":scope > desc");
    if (!desc || (desc.textContent ?? "").trim() === "" || !ids.includes(desc.id)) problems.push("the chart has no description (<desc> named in aria-labelledby)");
    // axe-core does not check text inside SVG: every chart label must reach 4.5:1 against the
    // page (white labels sit on bars whose fills are held to the same ratio by the theme).
    const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    // The page's colour: the body's, else the root element's (where the stylesheet paints it), else white.
    const painted = [document.body, document.documentElement].map((element) => channels(getComputedStyle(element).backgroundColor)).find((c) => c.length >= 3 && c[3] !== 0);
    const background = painted ?? [255, 255, 255];
    // The SVG's user units against the CSS px it is drawn at (it scales down with its column).
    const scale = box.width / (svg.viewBox.baseVal?.width || svg.width.baseVal.value || box.width);
    for (const text of svg.querySelectorAll("text")) {
      const label = (text.textContent ?? "").trim();
      const textStyle = getComputedStyle(text);
      if (label === "" || textStyle.visibility === "hidden") continue;
      const [r, g, b, alpha = 1] = channels(textStyle.fill);
      const opacity = alpha * Number(textStyle.fillOpacity || 1) * Number(textStyle.opacity || 1);
      // Not drawn (Vega hides axis labels that would overlap with opacity 0).
      if (opacity === 0) continue;
      const drawnPx = parseFloat(textStyle.fontSize) * scale;
      if (drawnPx < minTextPx) problems.push(`the chart text "${label.slice(0, 40)}" is drawn at ${drawnPx.toFixed(1)} px, below ${minTextPx} px`);
      // Written in the page's own colour, it sits on a bar (whose fill the theme holds to 4.5:1 against the page).
      if (r === background[0] && g === background[1] && b === background[2]) continue;
      const blended = [r, g, b].map((c, i) => c * opacity + background[i] * (1 - opacity));
      const [lighter, darker] = [luminance(blended), luminance(background)].sort((x, y) => y - x);
      const ratio = (lighter + 0.05) / (darker + 0.05);
      if (ratio < 4.5) problems.push(`the chart text "${label.slice(0, 40)}" (${textStyle.fill}) has contrast ${ratio.toFixed(2)}:1 on the page, below 4.5:1`);
    }
    return { id: figure.id, problems };
  });
}

interface Job {
  readonly url: string;
  /** The widths to photograph the page at. */
  readonly screenshots: readonly number[];
  readonly runAxe: boolean;
}

/** What a tab hears while one page is open: console errors, failed responses, requests. */
interface Heard {
  consoleErrors: string[];
  foreignRequests: string[];
  requestCount: number;
}

/**
 * One tab (its own browser context) that visits pages one after another: opening a
 * context and a page costs more than loading one of these pages, so each of the few
 * tabs is opened once and reused. Whatever the tab hears is filed under the page it
 * is showing at the time.
 */
async function openTab(scheme: Scheme): Promise<{ visit(job: Job): Promise<Visit[]>; close(): Promise<void> }> {
  const context = await (browser as Browser).newContext({ viewport: { width: WIDTHS[0], height: 900 }, reducedMotion: "reduce", colorScheme: scheme });
  let heard: Heard = { consoleErrors: [], foreignRequests: [], requestCount: 0 };
  // Every request of the page is seen here; anything not for the local server is recorded and aborted.
  await context.route("**/*", (route) => {
    const request = route.request();
    const target = new URL(request.url());
    if (target.protocol === "data:" || (target.protocol === "http:" && target.host === server.host)) return route.continue();
    heard.foreignRequests.push(request.url());
    return route.abort("blockedbyclient");
  });
  context.on("request", (request) => {
    heard.requestCount += 1;
    const target = new URL(request.url());
    if (target.protocol !== "data:" && target.host !== server.host && !heard.foreignRequests.includes(request.url())) heard.foreignRequests.push(request.url());
  });
  const page: Page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") heard.consoleErrors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => heard.consoleErrors.push(`script error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) heard.consoleErrors.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on("requestfailed", (request) => {
    if (!heard.foreignRequests.includes(request.url())) heard.consoleErrors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });

  /** One page: loaded once at the narrowest width, then laid out at each wider one in turn, axe run at the narrowest. */
  async function visit({ url, screenshots, runAxe }: Job): Promise<Visit[]> {
    heard = { consoleErrors: [], foreignRequests: [], requestCount: 0 };
    const { consoleErrors, foreignRequests } = heard;
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    const response = await page.goto(`${server.origin}${url}`, { waitUntil: "load" });
    if (!response?.ok()) consoleErrors.push(`HTTP ${response?.status()} for the page itself`);
    await page.evaluate(() => document.fonts.ready);

    const layouts: { width: number; figures: FigureCheck[]; sidewaysScroll: number }[] = [];
    let violations: AxeViolation[] = [];
    for (const width of WIDTHS) {
      if (width !== WIDTHS[0]) await page.setViewportSize({ width, height: 900 });
      const figures = await page.evaluate(inspectFigures, width === WIDTHS[0] ? MIN_CHART_TEXT_PX : 0);
      const sidewaysScroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (screenshots.includes(width)) await page.screenshot({ path: path.join(SCREENSHOTS, screenshotName(url, width, scheme)), fullPage: true, animations: "disabled" });
      layouts.push({ width, figures, sidewaysScroll });
      if (width !== WIDTHS[0] || !runAxe) continue;
      // At the narrowest width, where tables scroll: open every <details> so axe sees the
      // data tables, check against WCAG 2.1 A and AA, and close them again for the screenshots.
      await page.evaluate(() => document.querySelectorAll("details").forEach((details) => details.setAttribute("open", "")));
      await page.addScriptTag({ content: axe.source });
      violations = await page.evaluate(async (tags) => {
        const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
      }, WCAG_21_AA);
      await page.evaluate(() => document.querySelectorAll("details").forEach((details) => details.removeAttribute("open")));
    }
    const { requestCount } = heard;
    return layouts.map(({ width, figures, sidewaysScroll }) => ({
      url,
      width,
      scheme,
      consoleErrors,
      foreignRequests,
      requestCount,
      figures,
      sidewaysScroll,
      violations: width === WIDTHS[0] ? violations : [],
      axeRan: runAxe && width === WIDTHS[0],
    }));
  }

  return { visit, close: () => context.close() };
}

/** Visit every job in `TABS` reused tabs, keeping the jobs' order in the results. */
async function visitAll(jobs: readonly Job[], scheme: Scheme): Promise<Visit[][]> {
  const results: Visit[][] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    const tab = await openTab(scheme);
    try {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await tab.visit(jobs[index]);
      }
    } finally {
      await tab.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(TABS, jobs.length) }, lane));
  return results;
}

const where = (v: Visit) => `${v.url} at ${v.width}px${v.scheme === "dark" ? " in dark mode" : ""}`;
/** "chapter-1-360.png", and "chapter-1-360-dark.png" in dark mode. */
const screenshotName = (url: string, width: number, scheme: Scheme) => `${slugOf(url)}-${width}${scheme === "dark" ? "-dark" : ""}.png`;

function formatViolations(list: readonly Visit[]): string {
  return list
    .flatMap((v) =>
      v.violations.map((violation) =>
        [
          `${where(v)}: ${violation.id} (${violation.impact ?? "no impact given"}): ${violation.help}`,
          `  ${violation.helpUrl}`,
          ...violation.nodes.slice(0, 5).map((node) => `  - ${node.target.join(" ")}\n    ${(node.failureSummary ?? "").replace(/\n/g, "\n    ")}`),
          violation.nodes.length > 5 ? `  … and ${violation.nodes.length - 5} more` : "",
        ]
          .filter(Boolean)
          .join("\n"),
      ),
    )
    .join("\n\n");
}

beforeAll(async () => {
  // Launch first: a missing browser is reported before any time is spent building.
  browser = await launchChromium();
  outDir = await realSite();
  server = await serveFolder(outDir);
  const files = (await readdir(outDir, { recursive: true })).map(String).filter((file) => file.endsWith(".html"));
  urls = files.map((file) => urlOf(file.split(path.sep).join("/"))).sort();
  await rm(SCREENSHOTS, { recursive: true, force: true });
  await mkdir(SCREENSHOTS, { recursive: true });
  const councilPages = urls.filter(isCouncilPage);
  const step = Math.max(1, Math.floor(councilPages.length / COUNCIL_AXE_SAMPLE));
  const sampled = new Set(councilPages.filter((_, index) => index % step === 0).slice(0, COUNCIL_AXE_SAMPLE));
  extremes = await councilExtremes(outDir, councilPages);
  visited = urls.filter((url) => !isCouncilPage(url) || sampled.has(url) || extremes.has(url));
  const jobs: Job[] = visited.map((url) => ({ url, screenshots: isPhotographed(url) ? WIDTHS : [], runAxe: !isCouncilPage(url) || sampled.has(url) }));
  visits.push(...(await visitAll(jobs, "light")).flat());
  const darkJobs: Job[] = DARK_SAMPLE.map((url) => ({ url, screenshots: (DARK_SCREENSHOTS.pages as readonly string[]).includes(url) ? DARK_SCREENSHOTS.widths : [], runAxe: true }));
  darkVisits.push(...(await visitAll(darkJobs, "dark")).flat());
  // About three minutes on this 2-core machine (171 pages); the limit leaves room for a
  // slower or busier CI machine.
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeTemporaryFolders();
});

describe("every page of the report, and a sample of the council pages, in chromium at 360, 768 and 1280 px", () => {
  it("visits every built page but the council pages outside the sample, at every width", () => {
    expect(urls).toEqual(expect.arrayContaining(["/", "/chapter-1/", "/chapter-2/", "/chapter-3/", "/chapter-4/", "/councils/"]));
    expect(visited).toEqual(expect.arrayContaining(urls.filter((url) => !isCouncilPage(url))));
    // The extremes of the data: at least one sort each (ties and overlaps allowed), spread over the alphabet with the even sample.
    expect(extremes.size).toBeGreaterThanOrEqual(COUNCIL_EXTREMES);
    expect(visited.filter(isCouncilPage).length).toBeGreaterThanOrEqual(COUNCIL_AXE_SAMPLE + COUNCIL_EXTREMES);
    expect(visits.map((v) => `${v.url} ${v.width}`)).toEqual(visited.flatMap((url) => WIDTHS.map((width) => `${url} ${width}`)));
    // The page and its stylesheet at least, all from the local server.
    for (const v of visits) expect(v.requestCount, where(v)).toBeGreaterThanOrEqual(2);
  });

  // Console and requests are collected over a page's whole life (load and every resize), once per page.
  const perPage = () => visits.filter((v) => v.width === WIDTHS[0]);

  it("writes nothing to the console as an error and gets no failed response", () => {
    expect(perPage().flatMap((v) => v.consoleErrors.map((error) => `${v.url}: ${error}`))).toEqual([]);
  });

  it("requests nothing from any host but the local server", () => {
    expect(perPage().flatMap((v) => v.foreignRequests.map((request) => `${v.url}: ${request}`))).toEqual([]);
  });

  it("shows every figure's chart with a size, inside its figure and the text column, named, described and legible", () => {
    const figures = visits.flatMap((v) => v.figures.map((figure) => ({ v, figure })));
    // The report places every figure on a chapter page; all are looked at, at every width.
    expect(new Set(figures.map(({ figure }) => figure.id)).size).toBeGreaterThanOrEqual(10);
    expect(figures.flatMap(({ v, figure }) => figure.problems.map((problem) => `${where(v)}: #${figure.id}: ${problem}`))).toEqual([]);
  });

  it("does not scroll sideways", () => {
    expect(visits.filter((v) => v.sidewaysScroll > 0).map((v) => `${where(v)}: ${v.sidewaysScroll}px wider than the window`)).toEqual([]);
  });

  it("has no WCAG 2.1 A or AA violation found by axe-core", () => {
    // Every page of the report itself, and the sample of council pages.
    const checked = visits.filter((v) => v.axeRan).map((v) => v.url);
    expect(checked).toEqual(expect.arrayContaining(urls.filter((url) => !isCouncilPage(url))));
    expect(checked.filter(isCouncilPage).length).toBe(Math.min(COUNCIL_AXE_SAMPLE, urls.filter(isCouncilPage).length));
    const failing = visits.filter((v) => v.violations.length > 0);
    expect(failing.length, `axe-core found violations:\n\n${formatViolations(failing)}`).toBe(0);
  });

  it("leaves a screenshot of the cover and every chapter at every width in test-output/screenshots, and of chapter 1 in dark mode", async () => {
    const shots = (await readdir(SCREENSHOTS)).sort();
    expect(urls.filter(isPhotographed)).toEqual(expect.arrayContaining(["/", "/chapter-1/", "/chapter-5/"]));
    const light = urls.filter(isPhotographed).flatMap((url) => WIDTHS.map((width) => screenshotName(url, width, "light")));
    const dark = DARK_SCREENSHOTS.pages.flatMap((url) => DARK_SCREENSHOTS.widths.map((width) => screenshotName(url, width, "dark")));
    expect(shots).toEqual([...light, ...dark].sort());
  });
});

describe("the report's pages in dark mode (prefers-color-scheme: dark)", () => {
  it("visits the sample at every width", () => {
    expect(urls).toEqual(expect.arrayContaining(DARK_SAMPLE));
    expect(darkVisits.map((v) => `${v.url} ${v.width}`)).toEqual(DARK_SAMPLE.flatMap((url) => WIDTHS.map((width) => `${url} ${width}`)));
  });

  it("shows every figure's chart, legible against the dark page: labels at 4.5:1 and, at 360 px, 9 px or more", () => {
    const figures = darkVisits.flatMap((v) => v.figures.map((figure) => ({ v, figure })));
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.flatMap(({ v, figure }) => figure.problems.map((problem) => `${where(v)}: #${figure.id}: ${problem}`))).toEqual([]);
  });

  it("writes no console error, requests nothing from another host, does not scroll sideways", () => {
    expect(darkVisits.flatMap((v) => [...v.consoleErrors, ...v.foreignRequests].map((problem) => `${where(v)}: ${problem}`))).toEqual([]);
    expect(darkVisits.filter((v) => v.sidewaysScroll > 0).map(where)).toEqual([]);
  });

  it("has no WCAG 2.1 A or AA violation found by axe-core, text contrast on the dark page included", () => {
    const failing = darkVisits.filter((v) => v.violations.length > 0);
    expect(darkVisits.filter((v) => v.axeRan).map((v) => v.url)).toEqual(DARK_SAMPLE);
    expect(failing.length, `axe-core found violations in dark mode:\n\n${formatViolations(failing)}`).toBe(0);
  });
});
