/**
 * A page per council (/councils/<slug>/) and the "find your council" index (/councils/):
 * everything the pages show is worked out here, before Eleventy renders, from the loaded
 * data: the council's whole history with its predecessors', its timeline figure (rendered
 * to SVG like every other figure), and how its latest ILACS grade compares with its
 * region and England.
 */
import type { TopLevelSpec } from "vega-lite";
import { councilHistory, latestGraded, type HistoryEntry } from "./history.ts";
import { JUDGEMENTS, councils as councilsDataset, inspections, type CouncilRow, type Judgement } from "./datasets.ts";
import { BuildError } from "../../engine/data/errors.ts";
import { ilacsJudgements } from "../ilacs/datasets.ts";
import type { ReportData } from "../../engine/data/report-data.ts";
import { councilTimelineFigure } from "./figures.ts";
import { figureAnchor, type ContentPage, type Placement } from "../../engine/figures/placement.ts";
import { renderFigure, type RenderedFigure } from "../../engine/figures/render.ts";
import { figureRenderings } from "../../engine/figures/renderings.ts";
import type { SvgCache } from "../../engine/render/cache.ts";
import type { EleventyConfig } from "../../engine/eleventy/plugin.ts";
import { settleInOrder } from "../../engine/render/pool.ts";
import { ilacsAnalysis } from "../index.ts";
import { count, formatValue } from "../../engine/stats/format.ts";
import { slug } from "../../engine/slug.ts";
import { JUDGEMENT_WORDS } from "../ilacs/stats.ts";
import { dayMonthYear } from "../recount/stats.ts";

export const COUNCILS_URL = "/councils/";
/** The template that pages over the councils (content/councils/council.njk). */
const COUNCIL_TEMPLATE = "content/councils/council.njk";

export interface CouncilLink {
  readonly name: string;
  readonly url: string;
  readonly region: string;
  /** Lower-case name and aliases, for the filter box. */
  readonly search: string;
  readonly status: CouncilRow["status"];
}

export interface HistoryRowView {
  readonly published: string;
  readonly inspection: string;
  /** The council the report was about, when it is a predecessor. */
  readonly about: string | null;
  readonly overall: string;
  readonly subs: string;
  readonly reportUrl: string | null;
}

export interface ComparisonRowView {
  readonly grade: string;
  readonly isLatest: boolean;
  readonly region: number;
  readonly england: number;
}

export interface CouncilPageView {
  readonly slug: string;
  readonly code: string;
  readonly name: string;
  readonly url: string;
  readonly region: string;
  readonly link: CouncilLink;
  readonly aliases: readonly string[];
  readonly existedUntil: string | null;
  readonly successors: readonly CouncilLink[];
  readonly predecessors: readonly CouncilLink[];
  readonly summary: string;
  readonly figure: RenderedFigure | undefined;
  readonly history: readonly HistoryRowView[];
  readonly comparison: { readonly region: string; readonly regionCouncils: number; readonly englandCouncils: number; readonly rows: readonly ComparisonRowView[] } | undefined;
}

/** What the release manifest records of a council timeline (scripts/release/manifest.ts). */
export interface CouncilFigureRecord {
  readonly key: string;
  readonly specs: readonly TopLevelSpec[];
  readonly label: string;
  readonly title: string;
  readonly href: string;
}

export interface CouncilsPrepared {
  readonly pages: readonly CouncilPageView[];
  /** Every council timeline drawn, for the release manifest. */
  readonly figures: readonly CouncilFigureRecord[];
  /** By first letter, then by region; each list alphabetical. */
  readonly byLetter: readonly { readonly letter: string; readonly councils: readonly CouncilLink[] }[];
  readonly byRegion: readonly { readonly region: string; readonly councils: readonly CouncilLink[] }[];
}

const n = (value: number) => formatValue(value, count());
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");

function historyRow(entry: HistoryEntry, own: ReadonlySet<string>, names: ReadonlyMap<string, string>): HistoryRowView {
  return {
    published: dayMonthYear(entry.published),
    inspection: entry.inspection,
    about: own.has(entry.council_code) ? null : (names.get(entry.council_code) ?? entry.council_code),
    overall: entry.overall === null ? "No grade given" : JUDGEMENT_WORDS[entry.overall],
    subs: entry.subs.map((s) => `${s.label}: ${JUDGEMENT_WORDS[s.grade]}`).join("; "),
    reportUrl: entry.reportUrl,
  };
}

/** Every council's page and the index, with each timeline rendered through `cache`. */
export async function prepareCouncils(data: ReportData, cache: SvgCache): Promise<CouncilsPrepared> {
  const rows = data.rows(councilsDataset);
  const names = new Map(rows.map((c) => [c.code, c.name]));
  const analysis = ilacsAnalysis(data);
  const lastYear = Number(analysis.asOf.slice(0, 4)) + 1;
  const firstYear = Math.min(...data.rows(inspections).map((r) => Number(r.published.slice(0, 4))), lastYear - 1);
  const links = new Map<string, CouncilLink>();
  // A council that no longer exists gets the year it ended in its address: Dorset's county
  // council (to 2019) and today's Dorset Council are different councils with one name.
  const pageSlug = (c: CouncilRow) => (c.existed_until ? `${slug(c.name)}-until-${c.existed_until.slice(0, 4)}` : slug(c.name));
  for (const c of rows) {
    const url = `${COUNCILS_URL}${pageSlug(c)}/`;
    if ([...links.values()].some((l) => l.url === url)) throw new BuildError(`${councilsDataset.file}: two councils would share the page ${url}`);
    links.set(c.code, { name: c.name, url, region: c.region, search: [c.name, ...c.aliases, c.ofsted_name ?? ""].join(" ").toLowerCase().trim(), status: c.status });
  }
  const link = (code: string) => links.get(code) as CouncilLink;
  const drafts: CouncilPageView[] = [];
  // Every timeline is asked for at once, so the cache's misses render on every core (render/pool.ts).
  const timelines: Promise<RenderedFigure | undefined>[] = [];
  const records: CouncilFigureRecord[] = [];
  for (const c of [...rows].sort(byName)) {
    const history = councilHistory(c.code, rows, data.rows(inspections), data.rows(ilacsJudgements));
    const own = new Set([c.code, ...c.former_codes]);
    const page: ContentPage = { inputPath: COUNCIL_TEMPLATE, url: link(c.code).url, title: c.name, chapter: undefined, order: Number.POSITIVE_INFINITY, figureKeys: [] };
    const key = `council-${pageSlug(c)}`;
    const definition = councilTimelineFigure(history, { key, name: c.name, names, years: [firstYear, lastYear] });
    const anchor = figureAnchor("timeline");
    const placement: Placement = { key, number: "", label: "Inspection history", anchor, page, href: `${page.url}#${anchor}` };
    timelines.push(definition ? renderFigure(definition, placement, cache) : Promise.resolve(undefined));
    if (definition) records.push({ key, specs: figureRenderings(definition).map((r) => r.spec), label: `${placement.label}, ${c.name}`, title: definition.title, href: placement.href });
    const figure: RenderedFigure | undefined = undefined; // filled in below, once every timeline is drawn
    const latestIlacs = analysis.regional.latest.get(c.code);
    const region = analysis.regional.regions.find((r) => r.region === c.region);
    const england = analysis.regional.england;
    const latest = latestGraded(history);
    const parts: string[] = [];
    if (latest) parts.push(`${c.name}'s latest graded inspection, published on ${dayMonthYear(latest.published)}, judged it ${JUDGEMENT_WORDS[latest.overall]}.`);
    else parts.push(`There is no graded inspection of ${c.name} in the data.`);
    if (latestIlacs && region && c.status === "current") {
      const g = latestIlacs.overall;
      const inEngland = `in England, ${n(england.counts[g])} of ${n(england.councils)} councils with an ILACS grade have it at their latest report`;
      parts.push(
        region.councils === 1
          ? `It is the only council in ${c.region} with an ILACS grade; ${inEngland}.`
          : `Of the ${n(region.councils)} councils in ${c.region} with an ILACS grade, ${n(region.counts[g])} ${region.counts[g] === 1 ? "has" : "have"} the same latest grade, counting ${c.name}; ${inEngland}.`,
      );
    }
    if (c.status === "predecessor" && c.existed_until) parts.push(`The council existed until ${dayMonthYear(c.existed_until)}; its area is now served by ${c.successor_codes.map((code) => link(code).name).join(" and ")}.`);
    drafts.push({
      slug: pageSlug(c),
      code: c.code,
      name: c.name,
      url: link(c.code).url,
      region: c.region,
      link: link(c.code),
      aliases: c.aliases,
      existedUntil: c.existed_until ? dayMonthYear(c.existed_until) : null,
      successors: c.successor_codes.map(link),
      predecessors: rows.filter((r) => r.successor_codes.includes(c.code)).map((r) => link(r.code)).sort(byName),
      summary: parts.join(" "),
      figure,
      history: [...history].reverse().map((e) => historyRow(e, own, names)),
      comparison:
        latestIlacs && region && c.status === "current"
          ? {
              region: c.region,
              regionCouncils: region.councils,
              englandCouncils: england.councils,
              rows: [...JUDGEMENTS].reverse().map((g: Judgement) => ({ grade: JUDGEMENT_WORDS[g], isLatest: g === latestIlacs.overall, region: region.counts[g], england: england.counts[g] })),
            }
          : undefined,
    });
  }
  const drawn = await settleInOrder(timelines);
  const pages = drafts.map((draft, index): CouncilPageView => ({ ...draft, figure: drawn[index] }));
  const all = pages.map((p) => p.link).sort(byName);
  const letters = [...new Set(all.map((l) => l.name[0].toUpperCase()))].sort();
  const regions = [...new Set(all.map((l) => l.region))].sort((a, b) => a.localeCompare(b, "en"));
  return {
    pages,
    figures: records,
    byLetter: letters.map((letter) => ({ letter, councils: all.filter((l) => l.name[0].toUpperCase() === letter) })),
    byRegion: regions.map((region) => ({ region, councils: all.filter((l) => l.region === region) })),
  };
}

// Eleventy wiring ----------------------------------------------------------------

/**
 * `councilPages` global data (the pagination list of content/councils/council.njk), and the
 * `councilPage` and `councilIndex` shortcodes, rendering the council partials.
 */
export function registerCouncilPages(
  eleventyConfig: Pick<EleventyConfig, "addGlobalData" | "addShortcode">,
  prepared: () => Promise<CouncilsPrepared>,
  current: () => CouncilsPrepared,
  renderPartial: (name: string, context: object) => string,
): void {
  eleventyConfig.addGlobalData("councilPages", async () => (await prepared()).pages.map((p) => ({ slug: p.slug, name: p.name, region: p.region })));
  eleventyConfig.addShortcode("councilPage", (slugKey: string) => {
    const page = current().pages.find((p) => p.slug === slugKey);
    if (!page) throw new BuildError(`no council page "${slugKey}"`);
    return renderPartial("council-page.njk", { council: page });
  });
  eleventyConfig.addShortcode("councilIndex", () => renderPartial("council-index.njk", { index: current() }));
}
