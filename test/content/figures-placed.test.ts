/** Every figure the report defines appears on exactly one page of the real content, numbered. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { placeFigures, scanContent } from "../../scripts/engine/figures/placement.ts";
import { realReport, REPO_ROOT as ROOT } from "../helpers/report.ts";

describe("the report's content", () => {
  it("places every defined figure, and at least twelve in all", async () => {
    const report = await realReport();
    const pages = await scanContent(ROOT, path.join(ROOT, "content"));
    const placed = placeFigures(pages, new Set(report.figures.keys()));
    const unplaced = [...report.figures.keys()].filter((key) => !placed.has(key));
    expect(unplaced).toEqual([]);
    expect(placed.size).toBeGreaterThanOrEqual(12);
    // Numbers run 1..n within each chapter with no gaps.
    const byChapter = new Map<string, string[]>();
    for (const p of placed.values()) byChapter.set(p.page.chapter ?? "", [...(byChapter.get(p.page.chapter ?? "") ?? []), p.number]);
    for (const [chapter, numbers] of byChapter) expect(numbers).toEqual(numbers.map((_, i) => `${chapter}.${i + 1}`));
  });
});
