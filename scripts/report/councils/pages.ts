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
import type { recount } from "../recount/family.ts";
import type { IlacsJudgementRow } from "../ilacs/datasets.ts";
import { JUDGEMENT_LABELS, JUDGEMENT_WORDS, JUDGEMENTS, type Judgement } from "../shared/grades.ts";
import type { OfstedSources } from "../shared/sources.ts";
import { councils as councilsDataset, type CouncilRow, type InspectionRow, type ReportMentionRow } from "./datasets.ts";
import { councilTimelineFigure, namesInWords } from "./figures.ts";
import { councilHistory, gradeInWords, gradeLabel, latestGraded, latestReport, lineage, type HistoryEntry, type UngradedReason } from "./history.ts";

type IlacsAnalysis = ResultOf<typeof ilacs>;
type CohortMentions = ResultOf<typeof recount>["cohort"];

export const COUNCILS_URL = "/councils/";

export interface CouncilLink {
  readonly name: string;
  /** The name where councils are listed together: one that no longer exists with the year it ended ("Dorset, until 2019"). */
  readonly listedName: string;
  readonly url: string;
  readonly region: string;
  /** Lower-case name and aliases, for the filter box. */
  readonly search: string;
  readonly status: CouncilRow["status"];
}

export interface HistoryRowView {
  /** Publication date in words, and as ISO for <time>. */
  readonly published: string;
  readonly publishedIso: string;
  /** The days of the inspection, where the data give them ("13 to 24 May 2019", "began 13 May 2019"); null where they do not. */
  readonly inspected: string | null;
  readonly inspection: string;
  /** The council the report was about, when it is a predecessor. */
  readonly about: string | null;
  readonly overall: string;
  readonly subs: readonly { readonly label: string; readonly grade: string }[];
  readonly reportUrl: string | null;
}

/** A passage of the 2015 report (as rebuilt here) that discusses the council, with the figure to link. */
/** Where the report, as rebuilt, names or counts the council: linked to a figure, or to a page of this site. */
export interface MentionView {
  readonly text: string;
  readonly figureKey: string | null;
  readonly page: { readonly href: string; readonly label: string } | null;
}

/** Where this site tells of each kind of mention: the report's acknowledgements on the About page, its quotations in their chapter. */
export const MENTION_PAGES: Readonly<Record<ReportMentionRow["kind"], { readonly href: string; readonly label: string }>> = {
  thanked: { href: "/about/#who-the-report-thanks", label: "About this report" },
  quoted: { href: "/chapter-2/", label: "Chapter 2" },
};

/**
 * A council's page. A council that no longer exists gets the year it ended in its address:
 * Dorset's county council (to 2019) and today's Dorset Council are different councils with one name.
 */
export function councilPageSlug(c: Pick<CouncilRow, "name" | "existed_until">): string {
  return c.existed_until ? `${slug(c.name)}-until-${c.existed_until.slice(0, 4)}` : slug(c.name);
}

export const councilPageUrl = (c: Pick<CouncilRow, "name" | "existed_until">) => `${COUNCILS_URL}${councilPageSlug(c)}/`;

/** The people the 2015 report thanks, in its order, each with their council's page. */
export function thankedList(mentions: readonly ReportMentionRow[], councils: readonly CouncilRow[]): { readonly person: string; readonly role: string; readonly url: string }[] {
  return mentions
    .filter((m) => m.kind === "thanked")
    .map((m) => {
      const council = councils.find((c) => c.code === m.council_code);
      if (!council) throw new Error(`${m.council_code} is not a council`);
      return { person: m.person, role: m.role, url: councilPageUrl(council) };
    });
}

/** The 2015 report's own mentions of the council: someone from it thanked in its acknowledgements, or quoted. */
export function reportMentionViews(code: string, mentions: readonly ReportMentionRow[]): MentionView[] {
  return mentions
    .filter((m) => m.council_code === code)
    .map((m) => ({
      text: m.kind === "thanked" ? `The 2015 report thanks ${m.person} (${m.role}) among the people who gave their time and advice to it.` : `The 2015 report quotes ${m.person} (${m.role}).`,
      figureKey: null,
      page: MENTION_PAGES[m.kind],
    }));
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
  readonly mentions: readonly MentionView[];
  readonly history: readonly HistoryRowView[];
  readonly comparison: { readonly region: string; readonly regionCouncils: number; readonly englandCouncils: number; readonly rows: readonly ComparisonRowView[] } | undefined;
}

/** A row of the index: a council, its region, and its latest report. */
export interface CouncilIndexRow extends CouncilLink {
  /** "since 2019" for a council created by a restructure, else null. */
  readonly since: string | null;
  /** The latest overall grade given to the council itself, and the day its report was published. */
  readonly grade: string | null;
  readonly gradeKey: Judgement | null;
  readonly gradedOn: string | null;
  /** The day the latest report on the council itself was published (graded or not), in words and ISO. */
  readonly latest: string | null;
  readonly latestIso: string | null;
  /** The latest report gave no overall grade (the grade shown is an earlier report's). */
  readonly latestUngraded: boolean;
}

/** The index in several orders, the first the default; each a table the page can show without JavaScript. */
export interface CouncilIndexView {
  readonly orders: readonly { readonly id: string; readonly label: string; readonly heading: string; readonly rows: readonly CouncilIndexRow[] }[];
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
  /** The councils of the 2015 report's 2013 cohort, as the recount reads it (chapter 2). */
  readonly cohort: CohortMentions;
  /** The people the 2015 report thanks or quotes, with their councils (data/national/report-mentions.csv). */
  readonly mentions: readonly ReportMentionRow[];
  /** The source lines of Ofsted's records, naming their editions (shared/sources.ts). */
  readonly sources: OfstedSources;
}

const n = (value: number) => formatValue(value, count());
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");

/** The days of an inspection in words: "13 to 24 May 2019", "28 April to 9 May 2025", "began 13 May 2019"; null when the data have no date. */
export function inspectionDays(started: string | null, ended: string | null): string | null {
  if (started === null) return ended === null ? null : `ended ${dayMonthYear(ended)}`;
  if (ended === null) return `began ${dayMonthYear(started)}`;
  if (ended === started) return dayMonthYear(started);
  const [from, to] = [dayMonthYear(started), dayMonthYear(ended)];
  const sameYear = started.slice(0, 4) === ended.slice(0, 4);
  const sameMonth = sameYear && started.slice(5, 7) === ended.slice(5, 7);
  return `${sameMonth ? from.split(" ")[0] : sameYear ? from.split(" ").slice(0, 2).join(" ") : from} to ${to}`;
}

/** Why a report has no overall grade, in words. */
const UNGRADED_WORDS: Readonly<Record<UngradedReason, string>> = {
  "no-grade-after-reform": "since Ofsted's reform of the inspections, reports no longer give one",
};

const overallWords = (entry: HistoryEntry) => (entry.overall === null ? "No overall grade" : gradeInWords(entry, entry.overall));

function historyRow(entry: HistoryEntry, own: ReadonlySet<string>, names: ReadonlyMap<string, string>): HistoryRowView {
  return {
    published: dayMonthYear(entry.published),
    publishedIso: entry.published,
    inspected: inspectionDays(entry.started, entry.ended),
    inspection: entry.inspection,
    about: own.has(entry.council_code) ? null : (names.get(entry.council_code) ?? entry.council_code),
    overall: overallWords(entry),
    subs: entry.subs.map((s) => ({ label: s.label, grade: gradeInWords(entry, s.grade) })),
    reportUrl: entry.reportUrl,
  };
}

/**
 * The summary's opening: the latest report on the council itself (or, for a council with no
 * report of its own yet, on the councils it replaced), graded or not; when it gave no overall
 * grade, what it found in its sub-judgements, then the latest graded report.
 */
export function latestReportSentences(name: string, history: readonly HistoryEntry[], own: ReadonlySet<string>, names: ReadonlyMap<string, string>): string[] {
  const ownHistory = history.filter((e) => own.has(e.council_code));
  const about = ownHistory.some((e) => e.headline) ? ownHistory : history;
  const latest = latestReport(about);
  if (!latest) return [`There is no inspection report on ${name} in the data.`];
  const whose = own.has(latest.council_code) ? `${name}'s latest inspection report` : `There is no report on ${name} itself yet; the latest on the council it replaced, ${names.get(latest.council_code) ?? latest.council_code}`;
  const days = inspectionDays(latest.started, latest.ended);
  const when = `published on ${dayMonthYear(latest.published)}${days === null ? "" : ` (inspection ${days})`}`;
  if (latest.overall !== null) return [`${whose}, ${when}, judged it ${gradeInWords(latest, latest.overall)}.`];
  const sentences = [`${whose}, ${when}, gave no overall grade: ${latest.ungradedReason === null ? "the data give none" : UNGRADED_WORDS[latest.ungradedReason]}.`];
  if (latest.subs.length > 0) sentences.push(`It judged ${latest.subs.map((s) => `${s.label.toLowerCase()} ${gradeInWords(latest, s.grade)}`).join("; ")}.`);
  const graded = latestGraded(about);
  if (graded) sentences.push(`The latest report with an overall grade, published on ${dayMonthYear(graded.published)}, judged it ${gradeInWords(graded, graded.overall)}.`);
  return sentences;
}

const GROUP_WORDS = { inadequate: "judged Inadequate", ri_or_good: "judged requires improvement or good" } as const;

/** Where the 2015 report, as rebuilt, discusses the council or a council it replaced: its 2013 cohort (chapter 2). */
export function cohortMention(name: string, codes: readonly string[], own: ReadonlySet<string>, names: ReadonlyMap<string, string>, cohort: CohortMentions): MentionView[] {
  return codes.flatMap((code) => {
    const group = cohort.members.get(code);
    if (group === undefined) return [];
    const who = own.has(code) ? name : `${names.get(code) ?? code}, which ${name} replaced,`;
    const reading = cohort.matchesReport
      ? `Under the reading of its rule that gives those ${n(cohort.reportCouncils)} (${cohort.reading})`
      : `No reading of its rule gives those ${n(cohort.reportCouncils)}; under the closest we tried (${cohort.reading})`;
    return [
      {
        text: `The 2015 report compares the councils inspected in ${cohort.year}, ${n(cohort.reportCouncils)} of them, before and after their inspections, without naming them. ${reading}, ${who} is one of the ${n(cohort.groupSizes[group])} ${GROUP_WORDS[group]}.`,
        figureKey: cohort.figureKey,
        page: null,
      },
    ];
  });
}

/**
 * A judgement as "What changed" tracks it from release to release: named by its council and
 * report, with what the council's page shows of it (grades, the day the inspection began,
 * the report's address). Keyed by the council's code, publication date and inspection, so a
 * regrade or a new link is a change of the same judgement.
 */
// Grades here are in the data's words (Ofsted's table calls the pre-2013 "adequate" requires improvement),
// not the page's: the page's wording can change without the judgement being listed as changed.
function judgementRecord(code: string, council: string, entry: HistoryEntry): RecordEntry {
  const fields: [string, string][] = [["Overall", entry.overall === null ? "No grade given" : JUDGEMENT_WORDS[entry.overall]]];
  for (const sub of entry.subs) fields.push([sub.label, JUDGEMENT_WORDS[sub.grade]]);
  if (entry.started) fields.push(["Inspection began", dayMonthYear(entry.started)]);
  if (entry.reportUrl) fields.push(["Report", entry.reportUrl]);
  return { key: `${code} ${entry.published} ${entry.inspection}`, name: `${council} — ${entry.inspection} published ${dayMonthYear(entry.published)}`, fields };
}

/** Every council's page (with its timeline figure) and the index. */
export function councilPages({ councils: rows, inspections, ilacsRows, ilacs: analysis, cohort, mentions, sources }: CouncilPagesInput): CouncilPages {
  const names = new Map(rows.map((c) => [c.code, c.name]));
  const lastDate = analysis.asOf;
  const firstYear = Math.min(...inspections.map((r) => Number(r.published.slice(0, 4))), Number(lastDate.slice(0, 4)) - 1);
  const links = new Map<string, CouncilLink>();
  for (const c of rows) {
    const url = councilPageUrl(c);
    if ([...links.values()].some((l) => l.url === url)) throw new BuildError(`${councilsDataset.file}: two councils would share the page ${url}`);
    // Two councils may share a name (Dorset's county council and today's Dorset Council): one that no longer exists is named with the year it ended wherever the two are listed together.
    const listedName = c.existed_until ? `${c.name}, until ${c.existed_until.slice(0, 4)}` : c.name;
    links.set(c.code, { name: c.name, listedName, url, region: c.region, search: [c.name, ...c.aliases, c.ofsted_name ?? ""].join(" ").toLowerCase().trim(), status: c.status });
  }
  const link = (code: string) => links.get(code) as CouncilLink;
  const listedNames = new Map([...links].map(([code, l]) => [code, l.listedName]));
  const judgements: RecordEntry[] = [];
  const indexRows: CouncilIndexRow[] = [];
  const pages = [...rows].sort(byName).map((c) => {
    const history = councilHistory(c.code, rows, inspections, ilacsRows);
    const own = new Set([c.code, ...c.former_codes]);
    const listedName = link(c.code).listedName;
    for (const entry of history) if (own.has(entry.council_code)) judgements.push(judgementRecord(c.code, listedName, entry));
    const predecessors = rows.filter((r) => r.successor_codes.includes(c.code));
    const restructures = [
      // Dorset Council replaced Dorset's county council: the other council of the same name is called that, not "Dorset".
      ...(c.existed_from && predecessors.length > 0 ? [{ kind: "created" as const, date: c.existed_from, others: predecessors.map((p) => (p.name === c.name ? "the earlier council of that name" : p.name)).sort() }] : []),
      ...(c.existed_until ? [{ kind: "abolished" as const, date: c.existed_until, others: c.successor_codes.map((code) => (link(code).name === c.name ? "a new council of that name" : link(code).name)) }] : []),
    ];
    const key = `council-${councilPageSlug(c)}`;
    const definition = councilTimelineFigure(history, { key, name: c.name, names, span: { firstYear, lastDate }, restructures, sources });
    const latestIlacs = analysis.regional.latest.get(c.code);
    const region = analysis.regional.regions.find((r) => r.region === c.region);
    const england = analysis.regional.england;
    const parts = latestReportSentences(c.name, history, own, names);
    if (latestIlacs && region && c.status === "current") {
      const g = latestIlacs.overall;
      const inEngland = `in England, ${n(england.counts[g])} of ${n(england.councils)} councils with an ILACS grade have it at their latest report`;
      parts.push(
        region.councils === 1
          ? `It is the only council in ${c.region} with an ILACS grade; ${inEngland}.`
          : `Of the ${n(region.councils)} councils in ${c.region} with an ILACS grade, ${n(region.counts[g])} ${region.counts[g] === 1 ? "has" : "have"} the same latest grade (${JUDGEMENT_WORDS[g]}), counting ${c.name}; ${inEngland}.`,
      );
    }
    if (c.status === "predecessor" && c.existed_until) parts.push(`The council existed until ${dayMonthYear(c.existed_until)}; its area is now served by ${namesInWords(c.successor_codes.map((code) => (link(code).name === c.name ? "a new council of that name" : link(code).name)))}.`);
    const ownHistory = history.filter((e) => own.has(e.council_code));
    const latest = latestReport(ownHistory);
    const graded = latestGraded(ownHistory);
    indexRows.push({
      ...link(c.code),
      since: c.existed_from ? `since ${c.existed_from.slice(0, 4)}` : null,
      grade: graded ? gradeLabel(graded, graded.overall) : null,
      gradeKey: graded?.overall ?? null,
      gradedOn: graded ? dayMonthYear(graded.published) : null,
      latest: latest ? dayMonthYear(latest.published) : null,
      latestIso: latest?.published ?? null,
      latestUngraded: latest !== undefined && latest.overall === null,
    });
    const view: CouncilPageView = {
      slug: councilPageSlug(c),
      code: c.code,
      name: c.name,
      url: link(c.code).url,
      region: c.region,
      link: link(c.code),
      aliases: c.aliases,
      existedUntil: c.existed_until ? dayMonthYear(c.existed_until) : null,
      successors: c.successor_codes.map(link),
      predecessors: predecessors.map((r) => link(r.code)).sort(byName),
      summary: parts.join(" "),
      mentions: [...reportMentionViews(c.code, mentions), ...cohortMention(c.name, lineage(c.code, rows), own, names, cohort)],
      history: [...history].reverse().map((e) => historyRow(e, own, listedNames)),
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
  return { pages, index: councilIndex(indexRows), judgements };
}

/** Best grade first; councils without a grade last. */
const GRADE_RANK = (g: Judgement | null) => (g === null ? JUDGEMENTS.length : JUDGEMENTS.length - 1 - JUDGEMENTS.indexOf(g));
const byListedName = (a: CouncilIndexRow, b: CouncilIndexRow) => a.listedName.localeCompare(b.listedName, "en");

/** The index's orders: by name (the default), region, latest grade and date of the latest report (newest first); ties by name. */
export function councilIndex(rows: readonly CouncilIndexRow[]): CouncilIndexView {
  const sorted = (compare: (a: CouncilIndexRow, b: CouncilIndexRow) => number) => [...rows].sort((a, b) => compare(a, b) || byListedName(a, b));
  return {
    orders: [
      { id: "by-name", label: "by name", heading: "Councils by name", rows: sorted(() => 0) },
      { id: "by-region", label: "by region", heading: "Councils by region, then name", rows: sorted((a, b) => a.region.localeCompare(b.region, "en")) },
      { id: "by-grade", label: "by latest grade", heading: "Councils by latest grade, best first", rows: sorted((a, b) => GRADE_RANK(a.gradeKey) - GRADE_RANK(b.gradeKey)) },
      { id: "by-date", label: "by date of latest report", heading: "Councils by date of their latest report, newest first", rows: sorted((a, b) => (b.latestIso ?? "").localeCompare(a.latestIso ?? "")) },
    ],
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
