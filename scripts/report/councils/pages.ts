/**
 * A page per council (/councils/<slug>/) and the "find your council" index (/councils/):
 * everything the pages show, worked out from the checked rows before Eleventy renders:
 * the council's whole history with its predecessors', its timeline figure (drawn by the
 * engine like every other figure), and how its latest ILACS grade compares with its
 * region and England (the ILACS family's analysis). Pure: rows in, views out.
 */
import { BuildError } from "../../engine/data/errors.ts";
import type { PageFigure, RecordEntry, RecordSet, ResultOf, ViewEntry } from "../../engine/family.ts";
import { figureAnchor } from "../../engine/figures/placement.ts";
import { slug } from "../../engine/slug.ts";
import { count, dayMonthYear, formatValue } from "../../engine/stats/format.ts";
import type { ilacs } from "../ilacs/family.ts";
import type { IlacsJudgementRow } from "../ilacs/datasets.ts";
import { JUDGEMENT_WORDS, JUDGEMENTS, type Judgement } from "../shared/grades.ts";
import type { OfstedSources } from "../shared/sources.ts";
import { councils as councilsDataset, type CouncilRow, type InspectionRow } from "./datasets.ts";
import { councilTimelineFigure } from "./figures.ts";
import { councilHistory, latestGraded, type HistoryEntry } from "./history.ts";

type IlacsAnalysis = ResultOf<typeof ilacs>;

export const COUNCILS_URL = "/councils/";

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
  readonly history: readonly HistoryRowView[];
  readonly comparison: { readonly region: string; readonly regionCouncils: number; readonly englandCouncils: number; readonly rows: readonly ComparisonRowView[] } | undefined;
}

export interface CouncilIndexView {
  /** By first letter, then by region; each list alphabetical. */
  readonly byLetter: readonly { readonly letter: string; readonly councils: readonly CouncilLink[] }[];
  readonly byRegion: readonly { readonly region: string; readonly councils: readonly CouncilLink[] }[];
}

export interface CouncilPages {
  /** One per council, by name: what its page shows, under its slug. */
  readonly pages: readonly { readonly view: CouncilPageView; readonly figure: PageFigure | undefined }[];
  readonly index: CouncilIndexView;
  /** Every council's own judgements (not those it inherited), as the release manifest tracks them. */
  readonly judgements: readonly RecordEntry[];
}

export interface CouncilPagesInput {
  readonly councils: readonly CouncilRow[];
  readonly inspections: readonly InspectionRow[];
  readonly ilacsRows: readonly IlacsJudgementRow[];
  readonly ilacs: IlacsAnalysis;
  /** The source lines of Ofsted's records, naming their editions (shared/sources.ts). */
  readonly sources: OfstedSources;
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

/**
 * A judgement as "What changed" tracks it from release to release: named by its council and
 * report, with what the council's page shows of it (grades, the day the inspection began,
 * the report's address). Keyed by the council's code, publication date and inspection, so a
 * regrade or a new link is a change of the same judgement.
 */
function judgementRecord(code: string, council: string, entry: HistoryEntry): RecordEntry {
  const fields: [string, string][] = [["Overall", entry.overall === null ? "No grade given" : JUDGEMENT_WORDS[entry.overall]]];
  for (const sub of entry.subs) fields.push([sub.label, JUDGEMENT_WORDS[sub.grade]]);
  if (entry.started) fields.push(["Inspection began", dayMonthYear(entry.started)]);
  if (entry.reportUrl) fields.push(["Report", entry.reportUrl]);
  return { key: `${code} ${entry.published} ${entry.inspection}`, name: `${council} — ${entry.inspection} published ${dayMonthYear(entry.published)}`, fields };
}

/** Every council's page (with its timeline figure) and the index. */
export function councilPages({ councils: rows, inspections, ilacsRows, ilacs: analysis, sources }: CouncilPagesInput): CouncilPages {
  const names = new Map(rows.map((c) => [c.code, c.name]));
  const lastYear = Number(analysis.asOf.slice(0, 4)) + 1;
  const firstYear = Math.min(...inspections.map((r) => Number(r.published.slice(0, 4))), lastYear - 1);
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
  const judgements: RecordEntry[] = [];
  const pages = [...rows].sort(byName).map((c) => {
    const history = councilHistory(c.code, rows, inspections, ilacsRows);
    const own = new Set([c.code, ...c.former_codes]);
    // Two councils may share a name (Dorset's county council and today's Dorset Council): one that no longer exists is named with the year it ended wherever the two are listed together.
    const listedName = c.existed_until ? `${c.name} (until ${c.existed_until.slice(0, 4)})` : c.name;
    for (const entry of history) if (own.has(entry.council_code)) judgements.push(judgementRecord(c.code, listedName, entry));
    const key = `council-${pageSlug(c)}`;
    const definition = councilTimelineFigure(history, { key, name: c.name, names, years: [firstYear, lastYear], sources });
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
    const view: CouncilPageView = {
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
    };
    const figure: PageFigure | undefined = definition && { definition, page: { url: view.url, title: listedName }, label: "Inspection history", anchor: figureAnchor("timeline") };
    return { view, figure };
  });
  const all = pages.map((p) => p.view.link).sort(byName);
  const letters = [...new Set(all.map((l) => l.name[0].toUpperCase()))].sort();
  const regions = [...new Set(all.map((l) => l.region))].sort((a, b) => a.localeCompare(b, "en"));
  return {
    pages,
    index: {
      byLetter: letters.map((letter) => ({ letter, councils: all.filter((l) => l.name[0].toUpperCase() === letter) })),
      byRegion: regions.map((region) => ({ region, councils: all.filter((l) => l.region === region) })),
    },
    judgements,
  };
}

/** Each page's view entry under its slug, for {% view "councils.page", slug %}. */
export function pageEntries(pages: CouncilPages["pages"]): Map<string, ViewEntry> {
  return new Map(pages.map(({ view, figure }) => [view.slug, { context: { council: view }, figure }]));
}

/** The councils by code and name, for the release manifest and "What changed". */
export function councilRecords(rows: readonly CouncilRow[]): RecordSet {
  return { name: "councils", heading: "Councils", singular: "council", entries: rows.map((c) => ({ key: c.code, name: c.name })) };
}

/** Every council's inspection judgements, for the release manifest and "What changed": each named in full, so its key is not shown. */
export function judgementRecords(judgements: CouncilPages["judgements"]): RecordSet {
  return { name: "judgements", heading: "Inspection judgements", singular: "judgement", showKeys: false, entries: judgements };
}
