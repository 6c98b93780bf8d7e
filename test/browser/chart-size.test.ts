// The functions passed to page.evaluate run in the page and use the DOM's types.
/// <reference lib="dom" />
/**
 * Charts at the size of the argument, measured in chromium on the real report as a reader
 * gets it, at 1280 px (the wide drawing) and 360 px (the narrow one), on every chapter and
 * on a council page:
 *   - the chart uses the text column: the SVG as shown is at least 90% of its figure's
 *     width at 1280 px and 85% at 360 px (it is never wider: test/browser/site.test.ts);
 *   - no chart text is smaller than the page's small text beside it: every <text>'s font
 *     size as drawn (its size in the SVG times the SVG's scale on the page) is at least the
 *     figure caption's computed font size.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realSite } from "../site/helpers.ts";
import { launchChromium } from "../../scripts/engine/browser/chromium.ts";
import { serveFolder, type StaticServer } from "./static-server.ts";

const PAGES = ["/chapter-1/", "/chapter-2/", "/chapter-3/", "/chapter-4/", "/chapter-5/", "/councils/barnet/"];
/** Least share of its figure's width a chart is shown at, by window width. */
const LEAST_SHARE = { 1280: 0.9, 360: 0.85 } as const;

interface ChartSize {
  readonly id: string;
  readonly chartWidth: number;
  readonly figureWidth: number;
  readonly smallestText: number;
  readonly smallestTextSample: string;
  readonly captionSize: number;
}

/** Runs in the page: each figure's visible chart, its width and its smallest text as drawn, and the caption's font size. */
function measureCharts(): ChartSize[] {
  return [...document.querySelectorAll<HTMLElement>("figure.figure")].flatMap((figure) => {
    const svg = [...figure.querySelectorAll<SVGSVGElement>(".figure-chart svg")].find((s) => s.getBoundingClientRect().width > 0);
    const caption = figure.querySelector(".figure-caption");
    if (!svg || !caption) return [];
    const shown = svg.getBoundingClientRect().width;
    const scale = shown / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent?.trim() && getComputedStyle(t).opacity !== "0");
    const drawn = texts.map((t) => ({ size: parseFloat(getComputedStyle(t).fontSize) * scale, text: t.textContent ?? "" })).sort((a, b) => a.size - b.size);
    return [
      {
        id: figure.id,
        chartWidth: shown,
        figureWidth: figure.getBoundingClientRect().width,
        smallestText: drawn[0]?.size ?? Infinity,
        smallestTextSample: drawn[0]?.text ?? "",
        captionSize: parseFloat(getComputedStyle(caption).fontSize),
      },
    ];
  });
}

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveFolder(await realSite());
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("charts at the size of the argument", () => {
  for (const width of [1280, 360] as const) {
    it(`fill the text column and set no text smaller than the caption's, at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      let measured = 0;
      for (const url of PAGES) {
        await page.goto(`${server.origin}${url}`);
        for (const chart of await page.evaluate(measureCharts)) {
          measured++;
          const where = `${url}#${chart.id} at ${width} px`;
          if (chart.chartWidth < LEAST_SHARE[width] * chart.figureWidth) problems.push(`${where}: chart ${chart.chartWidth.toFixed(0)} px wide in a ${chart.figureWidth.toFixed(0)} px column`);
          if (chart.smallestText < chart.captionSize - 0.05) problems.push(`${where}: "${chart.smallestTextSample}" drawn at ${chart.smallestText.toFixed(1)} px, the caption at ${chart.captionSize.toFixed(1)} px`);
        }
      }
      await page.close();
      expect(measured, "charts measured").toBeGreaterThan(PAGES.length);
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
