/**
 * Everything that happens before Eleventy renders a page: load and check the data,
 * compute the report, read the content to number the figures, render the placed
 * figures to SVG. Pages then only look things up.
 */
import { loadReportData } from "./data/report-data.ts";
import { renderFigure, type RenderedFigure } from "./figures/render.ts";
import { placeFigures, scanContent, type ContentPage, type Placement } from "./figures/placement.ts";
import type { SvgCache } from "./render/cache.ts";
import { settleInOrder } from "./render/pool.ts";
import { buildReport } from "../report/index.ts";
import { manifestOfBuild, releaseState, type ReleaseState } from "./release/store.ts";
import type { StatRegistry } from "./stats/registry.ts";
import { claimsRegisterView, type RegisterView } from "./claims/register.ts";
import { prepareCouncils, type CouncilsPrepared } from "../report/councils/pages.ts";

export interface PreparedReport {
  readonly stats: StatRegistry;
  readonly pages: readonly ContentPage[];
  readonly placements: ReadonlyMap<string, Placement>;
  readonly figures: ReadonlyMap<string, RenderedFigure>;
  readonly register: RegisterView;
  /** A page per council and the council index; their timeline figures are also in `figures`. */
  readonly councils: CouncilsPrepared;
  /** This build's manifest and what changed since the latest recorded release. */
  readonly release: ReleaseState;
}

export async function prepareReport(root: string, contentDir: string, cache: SvgCache): Promise<PreparedReport> {
  const data = await loadReportData(root);
  const report = buildReport(data);
  const pages = await scanContent(root, contentDir);
  const placements = placeFigures(pages, new Set(report.figures.keys()));
  // Every figure is asked for at once, so the cache's misses render on every core (render/pool.ts);
  // the map is filled in placement order whichever finishes first.
  const placed = [...placements.values()].flatMap((placement) => {
    const definition = report.figures.get(placement.key);
    return definition ? [renderFigure(definition, placement, cache).then((figure): [string, RenderedFigure] => [placement.key, figure])] : [];
  });
  const [rendered, councils] = await settleInOrder([settleInOrder(placed), prepareCouncils(data, cache)] as const);
  const figures = new Map<string, RenderedFigure>(rendered);
  for (const page of councils.pages) if (page.figure) figures.set(page.figure.key, page.figure);
  const chapterTitles = new Map(pages.filter((p) => p.chapter !== undefined).map((p) => [p.chapter as string, `Chapter ${p.chapter}: ${p.title}`]));
  const register = claimsRegisterView(report.claims, report.stats, chapterTitles);
  const release = await releaseState(root, await manifestOfBuild(root, data, report, placements, councils.figures));
  return { stats: report.stats, pages, placements, figures, register, release, councils };
}
