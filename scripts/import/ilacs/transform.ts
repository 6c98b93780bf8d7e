/**
 * The ILACS import as a pure function: validated source rows and the council lookup in,
 * canonical rows of data/ilacs/judgements.csv and everything left out (with the reason)
 * out. No I/O, no clock.
 *
 * Rules:
 * - Ofsted's official table is used for reports published up to its as-at date (the
 *   edition's, read from the file: `asAt`); the scrape only for reports published after it.
 * - A scrape row is dropped, with its reason, when its publication date cannot be read, it
 *   predates ILACS or has no ILACS framework (the SIF era), its URN or council is unknown,
 *   it repeats an earlier row, it falls in the official table's period, or a date or grade
 *   it needs cannot be read.
 * - Reports after the April 2026 reform carry no overall grade: kept, with
 *   `ungraded_reason` = `no-grade-after-reform`.
 * - Where both sources describe the same report (same council and publication date), the
 *   scrape is compared with the official table and every difference is listed; the scrape's
 *   values are never used for the official period.
 * - Except its link: the official table gives no report address, so an official row takes
 *   the scrape's `inspection_link` for the same report. Match rule: the scrape row's URN
 *   resolves to the same council (through the lookup) and its publication date is the same
 *   day; the scrape row must name a council that existed that day, and may lack a framework
 *   or grades (the scrape did not read that PDF, but its address is still the report's).
 *   When the scrape rows that match give more than one address, the row gets no link and
 *   the ambiguity is listed (`links.ambiguous`); no near-miss dates or names are tried.
 */
import type { CouncilRow } from "../../report/councils/datasets.ts";
import { ILACS_SUB_JUDGEMENTS, type IlacsJudgementRow, type IlacsSource, type IlacsSubJudgement } from "../../report/ilacs/datasets.ts";
import { DataError, quoted } from "../../engine/data/errors.ts";
import type { Table } from "../../engine/data/load.ts";
import { compareText } from "../../engine/compare.ts";
import { CouncilLookup, type MatchedBy } from "../councils.ts";
import type { OfstedGrade } from "../sources.ts";
import {
  OFFICIAL_SUB_COLUMNS,
  SCRAPE_SUB_COLUMNS,
  scrapeGradeText,
  type LookupRow,
  type OfficialRow,
  type Read,
  type ScrapeColumn,
  type ScrapeGrade,
  type ScrapeRow,
} from "./sources.ts";

/** ILACS inspections began in January 2018. */
export const ILACS_BEGAN = "2018-01-01";
/** From this day Ofsted's reports give no overall effectiveness grade. */
export const REFORM_DAY = "2026-04-01";

/** Why a source row is not in the output, in the order the import tests for them. */
export const DROP_KINDS = {
  "bad-publication-date": "publication date missing or unreadable",
  "before-ilacs": "published before ILACS began (January 2018)",
  "unknown-urn": "URN not in the scrape's lookup",
  "unknown-council": "URN's council not in data/councils/councils.csv",
  "council-not-existing": "council did not exist on the publication date",
  "no-framework": "no ILACS framework: a report of the SIF era (or one the scrape did not read)",
  "unknown-framework": "framework wording not known",
  duplicate: "duplicate of an earlier row",
  "official-period": "scrape row in the official table's period (the official table is used)",
  "after-as-at": "official row published after the table's as-at date (the scrape is used)",
  "unusable-cell": "a date or grade that cannot be read",
} as const;
export type DropKind = keyof typeof DROP_KINDS;

export interface DroppedRow {
  readonly source: IlacsSource;
  readonly kind: DropKind;
  readonly line: number;
  /** The council the row was resolved to, if it got that far. */
  readonly councilCode: string | null;
  /** The name the source gives. */
  readonly name: string;
  /** Publication date, if it could be read. */
  readonly published: string | null;
  readonly reason: string;
}

export type ResolvedBy = "area code" | "former area code" | "DfE number";

/** How a URN of the scrape was resolved to a council (one entry per URN the scrape uses). */
export interface UrnResolution {
  readonly urn: string;
  readonly lookupLine: number;
  readonly lookupCode: string;
  readonly dfeNumber: string;
  /** Names the scrape gives this URN, in order of first use. */
  readonly scrapeNames: readonly string[];
  readonly councilCode: string | null;
  readonly by: ResolvedBy | null;
  /** How the council answers to each scrape name (null: it does not). */
  readonly nameMatches: readonly (MatchedBy | null)[];
}

/** An official row whose area code is not the council's current code, or whose council no longer exists. */
export interface OfficialResolution {
  readonly line: number;
  readonly name: string;
  readonly sourceCode: string;
  readonly status: string;
  readonly councilCode: string;
  readonly note: string;
}

export type ComparedField = "inspection_type" | "inspection_start" | "overall" | IlacsSubJudgement;

export interface Disagreement {
  readonly councilCode: string;
  readonly published: string;
  readonly officialLine: number;
  readonly scrapeLine: number;
  readonly field: ComparedField;
  readonly official: string;
  readonly scrape: string;
}

export interface Comparison {
  /** Reports in both sources (same council and publication date). */
  readonly matched: number;
  /** Of those, reports on which every compared field agrees. */
  readonly agreeing: number;
  readonly disagreements: readonly Disagreement[];
  /** Official rows with no scrape row. */
  readonly officialOnly: readonly { line: number; councilCode: string; published: string }[];
  /** Scrape rows of the official period with no official row. */
  readonly scrapeOnly: readonly { line: number; councilCode: string; published: string }[];
}

export interface IlacsBuild {
  /** The canonical rows, sorted by council and publication date. */
  readonly rows: IlacsJudgementRow[];
  readonly dropped: readonly DroppedRow[];
  readonly urns: readonly UrnResolution[];
  readonly officialResolutions: readonly OfficialResolution[];
  /** Official sub-judgements given as "-" (no judgement), left empty. */
  readonly officialDashes: readonly { line: number; column: number; councilCode: string; field: IlacsSubJudgement }[];
  readonly comparison: Comparison;
  /** The scrape's report addresses carried onto official rows, and the official rows left without one because the scrape gave several. */
  readonly links: LinksCarried;
}

export interface LinksCarried {
  readonly carried: readonly { readonly officialLine: number; readonly scrapeLine: number; readonly councilCode: string; readonly published: string }[];
  readonly ambiguous: readonly { readonly officialLine: number; readonly councilCode: string; readonly published: string; readonly scrapeLines: readonly number[]; readonly links: readonly string[] }[];
}

export interface IlacsInputs {
  readonly official: Table<OfficialRow>;
  /** The "as at" date of Ofsted's official table: it is used for reports published up to this day. */
  readonly asAt: string;
  readonly scrape: Table<ScrapeRow>;
  readonly lookup: Table<LookupRow>;
  readonly councils: CouncilLookup;
}

/** A row that passed the identity checks (who, when, which framework) and is not a repeat. */
interface Identified<R> {
  readonly row: R;
  readonly line: number;
  readonly council: CouncilRow;
  readonly published: string;
}

export function buildIlacs(inputs: IlacsInputs): IlacsBuild {
  const dropped: DroppedRow[] = [];
  const official = officialRows(inputs, dropped);
  const officialReports = new Map(official.identified.map((o) => [`${o.council.code}\u0000${o.published}`, o.line]));
  const scrape = scrapeRows(inputs, officialReports, dropped);
  const comparison = compareSources(official.identified, scrape.identified, inputs.asAt);
  const linked = carryLinks(official.rows, scrape.links);
  const rows = [...linked.rows, ...scrape.rows].sort((a, b) => compareText(a.council_code, b.council_code) || compareText(a.published, b.published));
  dropped.sort((a, b) => compareText(a.source, b.source) || a.line - b.line);
  return { rows, dropped, urns: scrape.urns, officialResolutions: official.resolutions, officialDashes: official.dashes, comparison, links: linked.links };
}

/** Every scrape address by council and publication date (see the match rule above), with the scrape line of each. */
type ScrapeLinks = ReadonlyMap<string, readonly { readonly line: number; readonly link: string }[]>;

/** The official rows with the scrape's address of the same report, where exactly one address matches. */
function carryLinks(official: readonly IlacsJudgementRow[], links: ScrapeLinks): { rows: IlacsJudgementRow[]; links: LinksCarried } {
  const carried: LinksCarried["carried"][number][] = [];
  const ambiguous: LinksCarried["ambiguous"][number][] = [];
  const rows = official.map((row) => {
    const found = links.get(`${row.council_code}\u0000${row.published}`) ?? [];
    const addresses = [...new Set(found.map((f) => f.link))];
    if (addresses.length === 1) {
      carried.push({ officialLine: row.source_line, scrapeLine: found[0].line, councilCode: row.council_code, published: row.published });
      return { ...row, report_url: addresses[0] };
    }
    if (addresses.length > 1) ambiguous.push({ officialLine: row.source_line, councilCode: row.council_code, published: row.published, scrapeLines: found.map((f) => f.line), links: addresses });
    return row;
  });
  return { rows, links: { carried, ambiguous } };
}

// ---------------------------------------------------------------------------
// Ofsted's official table

function officialRows(inputs: IlacsInputs, dropped: DroppedRow[]) {
  const { official: table, councils } = inputs;
  const rows: IlacsJudgementRow[] = [];
  const identified: Identified<OfficialRow>[] = [];
  const resolutions: OfficialResolution[] = [];
  const dashes: IlacsBuild["officialDashes"][number][] = [];
  const seen = new Map<string, { line: number; row: OfficialRow }>();
  for (const { row, line } of table.rows) {
    const fail = (column: keyof OfficialRow & string, message: string): never => {
      throw new DataError(table.file, line, table.column(column), message);
    };
    const name = row["Local authority name"];
    const code = row["Local authority area code"];
    const published = row["Publication date"] ?? fail("Publication date", "the publication date is empty");
    const council = councils.byCode(code) ?? fail("Local authority area code", `${code} (${name}) is not a council in data/councils/councils.csv, as a current or a former code; give the inspections import's publications with the ILACS import's (npm run data:update) or add the council there`);
    if (!CouncilLookup.existedOn(council, published)) {
      fail("Local authority area code", `${council.name} (${council.code}) existed ${council.existed_from ?? "…"} to ${council.existed_until ?? "…"}, not on ${published} when this report was published`);
    }
    const start = row["Inspection date"];
    if (start !== null && start > published) fail("Inspection date", `the inspection (${start}) is after the report's publication (${published})`);
    const overall = row["Overall effectiveness"];
    if (overall === null || overall === "-") fail("Overall effectiveness", `the report published ${published} has no overall judgement`);

    if (code !== council.code || council.status === "predecessor" || row["Local authority status"] !== "Current") {
      const notes = [
        code !== council.code ? `${code} is a former code of ${council.name}; its current code is used` : "",
        council.status === "predecessor" ? `${council.name} was abolished after ${council.existed_until} (successors ${council.successor_codes.join(", ")}); the report stays with the council inspected` : "",
        (row["Local authority status"] === "Current") === (council.status === "predecessor") ? `the table says ${quoted(row["Local authority status"])}, data/councils/councils.csv says ${council.status}` : "",
      ].filter((n) => n !== "");
      resolutions.push({ line, name, sourceCode: code, status: row["Local authority status"], councilCode: council.code, note: notes.join("; ") });
    }

    const key = `${council.code}\u0000${published}`;
    const earlier = seen.get(key);
    if (earlier) {
      if (JSON.stringify(earlier.row) !== JSON.stringify(row)) fail("Publication date", `${council.name} (${council.code}) has another, different report published ${published} on line ${earlier.line}`);
      dropped.push({ source: "ofsted-official", kind: "duplicate", line, councilCode: council.code, name, published, reason: `duplicate of line ${earlier.line} (the same report, cell for cell)` });
      continue;
    }
    seen.set(key, { line, row });
    identified.push({ row, line, council, published });

    if (published > inputs.asAt) {
      dropped.push({ source: "ofsted-official", kind: "after-as-at", line, councilCode: council.code, name, published, reason: `published after the table's as-at date (${inputs.asAt}); the scrape is used for that period` });
      continue;
    }
    const subs = {} as Record<IlacsSubJudgement, OfstedGrade | null>;
    for (const field of ILACS_SUB_JUDGEMENTS) {
      const value = row[OFFICIAL_SUB_COLUMNS[field]];
      if (value === "-") dashes.push({ line, column: table.column(OFFICIAL_SUB_COLUMNS[field]), councilCode: council.code, field });
      subs[field] = value === "-" ? null : value;
    }
    rows.push({
      council_code: council.code,
      inspection_type: row["Inspection type"],
      inspection_start: start,
      inspection_end: null,
      published,
      overall: overall as OfstedGrade,
      ...subs,
      ungraded_reason: null,
      report_url: null,
      source: "ofsted-official",
      source_line: line,
    });
  }
  return { rows, identified, resolutions, dashes };
}

// ---------------------------------------------------------------------------
// The scrape

/** `officialReports`: council and publication date → line of every official report, to explain scrape rows without a framework. */
function scrapeRows(inputs: IlacsInputs, officialReports: ReadonlyMap<string, number>, dropped: DroppedRow[]) {
  const { scrape: table, lookup, councils } = inputs;
  const rows: IlacsJudgementRow[] = [];
  const identified: Identified<ScrapeRow>[] = [];
  const byUrn = new Map(lookup.rows.map((entry) => [entry.row.urn, entry]));
  const urns = new Map<string, UrnResolution & { scrapeNames: string[]; nameMatches: (MatchedBy | null)[] }>();
  const seenReport = new Map<string, number>();
  const seenLink = new Map<string, number>();
  const links = new Map<string, { line: number; link: string }[]>();

  for (const { row, line } of table.rows) {
    const name = row.local_authority;
    let councilCode: string | null = null;
    let published: string | null = null;
    const drop = (kind: DropKind, reason: string) => dropped.push({ source: "report-scrape", kind, line, councilCode, name, published, reason });

    if (!row.publication_date.ok) {
      drop("bad-publication-date", `publication_date: ${row.publication_date.problem}`);
      continue;
    }
    if (row.publication_date.value === null) {
      drop("bad-publication-date", "publication_date: the date is empty");
      continue;
    }
    published = row.publication_date.value;
    if (published < ILACS_BEGAN) {
      drop("before-ilacs", `published ${published}, before ILACS began in January 2018`);
      continue;
    }
    const entry = byUrn.get(row.urn);
    if (!entry) {
      drop("unknown-urn", `URN ${row.urn} is not in Provider_data_lookup.csv`);
      continue;
    }
    let resolution = urns.get(row.urn);
    if (!resolution) {
      const found = resolveUrn(entry.row, councils);
      resolution = { urn: row.urn, lookupLine: entry.line, lookupCode: entry.row.la_code_new, dfeNumber: entry.row.la_code, scrapeNames: [], councilCode: found?.council.code ?? null, by: found?.by ?? null, nameMatches: [] };
      urns.set(row.urn, resolution);
    }
    const council = resolution.councilCode === null ? undefined : councils.byCode(resolution.councilCode);
    if (!council) {
      drop("unknown-council", `URN ${row.urn}: neither its area code ${entry.row.la_code_new} nor its DfE number ${entry.row.la_code} (Provider_data_lookup.csv line ${entry.line}) is a council in data/councils/councils.csv`);
      continue;
    }
    if (!resolution.scrapeNames.includes(name)) {
      resolution.scrapeNames.push(name);
      resolution.nameMatches.push(CouncilLookup.answersTo(council, name) ?? null);
    }
    councilCode = council.code;
    if (!CouncilLookup.existedOn(council, published)) {
      drop("council-not-existing", `${council.name} (${council.code}) existed ${council.existed_from ?? "…"} to ${council.existed_until ?? "…"}, not on ${published}`);
      continue;
    }
    if (row.inspection_link !== null) {
      const key = `${council.code}\u0000${published}`;
      links.set(key, [...(links.get(key) ?? []), { line, link: row.inspection_link }]);
    }
    const framework = row.inspection_framework;
    if (framework.kind === "none") {
      const officialLine = officialReports.get(`${council.code}\u0000${published}`);
      drop("no-framework", officialLine === undefined ? "no inspection framework: a report of the framework before ILACS (SIF era)" : `no inspection framework, though Ofsted's official table has an ILACS report of this council published that day (line ${officialLine}): the scrape did not read this report`);
      continue;
    }
    if (framework.kind === "unknown") {
      drop("unknown-framework", `inspection_framework: ${quoted(framework.text)} is not one of: standard, short, inspection duration longer than standard framework`);
      continue;
    }

    const key = `${council.code}\u0000${published}`;
    const sameReport = seenReport.get(key);
    if (sameReport !== undefined) {
      drop("duplicate", `duplicate of line ${sameReport} (same council and publication date)`);
      continue;
    }
    const sameLink = row.inspection_link === null ? undefined : seenLink.get(row.inspection_link);
    if (sameLink !== undefined) {
      drop("duplicate", `duplicate of line ${sameLink} (same report address)`);
      continue;
    }
    seenReport.set(key, line);
    if (row.inspection_link !== null) seenLink.set(row.inspection_link, line);
    identified.push({ row, line, council, published });

    if (published <= inputs.asAt) {
      drop("official-period", `published on or before ${inputs.asAt}: Ofsted's official table is used for that period`);
      continue;
    }
    const problem = scrapeProblem(row, published);
    if (problem !== null) {
      drop("unusable-cell", problem);
      continue;
    }
    const grade = (cell: ScrapeGrade) => (cell.kind === "grade" ? cell.grade : null);
    const postReform = row.overall_effectiveness_grade.kind === "post-reform";
    rows.push({
      council_code: council.code,
      inspection_type: framework.type,
      inspection_start: valueOf(row.inspection_start_date),
      inspection_end: valueOf(row.inspection_end_date),
      published,
      overall: grade(row.overall_effectiveness_grade),
      ...(Object.fromEntries(ILACS_SUB_JUDGEMENTS.map((field) => [field, grade(row[SCRAPE_SUB_COLUMNS[field]])])) as Record<IlacsSubJudgement, OfstedGrade | null>),
      ungraded_reason: postReform ? "no-grade-after-reform" : null,
      report_url: row.inspection_link,
      source: "report-scrape",
      source_line: line,
    });
  }
  const resolved = [...urns.values()].sort((a, b) => a.lookupLine - b.lookupLine);
  return { rows, identified, urns: resolved, links: links as ScrapeLinks };
}

/** The council a lookup entry names: by its area code (current or former), else by its DfE number. */
export function resolveUrn(entry: LookupRow, councils: CouncilLookup): { council: CouncilRow; by: ResolvedBy } | undefined {
  const byCode = councils.byCode(entry.la_code_new);
  if (byCode) return { council: byCode, by: byCode.code === entry.la_code_new ? "area code" : "former area code" };
  const byNumber = councils.councils.filter((c) => c.dfe_number === entry.la_code);
  return byNumber.length === 1 ? { council: byNumber[0], by: "DfE number" } : undefined;
}

/** Why a scrape row after the official period cannot be used, or null when it can. */
function scrapeProblem(row: ScrapeRow, published: string): string | null {
  const date = (column: ScrapeColumn & ("inspection_start_date" | "inspection_end_date")) => {
    const cell = row[column];
    return cell.ok ? null : `${column}: ${cell.problem}`;
  };
  const dateProblem = date("inspection_start_date") ?? date("inspection_end_date");
  if (dateProblem !== null) return dateProblem;
  const start = valueOf(row.inspection_start_date);
  const end = valueOf(row.inspection_end_date);
  if (start !== null && end !== null && start > end) return `the inspection ends (${end}) before it starts (${start})`;
  const last = end ?? start;
  if (last !== null && last > published) return `the inspection (to ${last}) is after the report's publication (${published})`;

  const overall = row.overall_effectiveness_grade;
  if (overall.kind === "post-reform") {
    if (start === null || start < REFORM_DAY) return `overall_effectiveness_grade: not_reported_post_reform, but the inspection began ${start ?? "on an unknown day"}, before the reform of ${REFORM_DAY}`;
  } else if (overall.kind !== "grade") {
    return `overall_effectiveness_grade: ${gradeProblem(overall)}`;
  }
  for (const field of ILACS_SUB_JUDGEMENTS) {
    const column = SCRAPE_SUB_COLUMNS[field];
    const cell = row[column];
    const allowed = cell.kind === "grade" || cell.kind === "empty" || (field === "care_leavers" && cell.kind === "pre-dates-judgement");
    if (!allowed) return `${column}: ${gradeProblem(cell)}`;
  }
  return null;
}

function gradeProblem(cell: ScrapeGrade): string {
  switch (cell.kind) {
    case "empty":
      return "no grade";
    case "unreadable":
      return "unreadable (data_unreadable)";
    default:
      return `${quoted(scrapeGradeText(cell))} is not one of: inadequate, requires improvement, good, outstanding`;
  }
}

// ---------------------------------------------------------------------------
// Comparing the two sources where both describe a report

function compareSources(official: readonly Identified<OfficialRow>[], scrape: readonly Identified<ScrapeRow>[], asAt: string): Comparison {
  const scrapeByKey = new Map(scrape.map((s) => [`${s.council.code}\u0000${s.published}`, s]));
  const matchedScrape = new Set<Identified<ScrapeRow>>();
  const disagreements: Disagreement[] = [];
  const officialOnly: Comparison["officialOnly"][number][] = [];
  let agreeing = 0;
  for (const o of official) {
    const s = scrapeByKey.get(`${o.council.code}\u0000${o.published}`);
    if (!s) {
      officialOnly.push({ line: o.line, councilCode: o.council.code, published: o.published });
      continue;
    }
    matchedScrape.add(s);
    const framework = s.row.inspection_framework;
    const pairs: [ComparedField, string, string][] = [
      ["inspection_type", o.row["Inspection type"], framework.kind === "ilacs" ? framework.type : ""],
      ["inspection_start", o.row["Inspection date"] ?? "", readText(s.row.inspection_start_date)],
      ["overall", officialText(o.row["Overall effectiveness"]), scrapeText(s.row.overall_effectiveness_grade)],
      ...ILACS_SUB_JUDGEMENTS.map((field): [ComparedField, string, string] => [field, officialText(o.row[OFFICIAL_SUB_COLUMNS[field]]), scrapeText(s.row[SCRAPE_SUB_COLUMNS[field]])]),
    ];
    const differ = pairs.filter(([, a, b]) => a !== b);
    if (differ.length === 0) agreeing += 1;
    for (const [field, a, b] of differ) {
      disagreements.push({ councilCode: o.council.code, published: o.published, officialLine: o.line, scrapeLine: s.line, field, official: a, scrape: b });
    }
  }
  const scrapeOnly = scrape
    .filter((s) => s.published <= asAt && !matchedScrape.has(s))
    .map((s) => ({ line: s.line, councilCode: s.council.code, published: s.published }));
  return { matched: matchedScrape.size, agreeing, disagreements, officialOnly, scrapeOnly };
}

const officialText = (grade: OfstedGrade | "-" | null) => grade ?? "";
/** The scrape's care-leavers "inspection predates the judgement" is the official table's empty cell. */
const scrapeText = (cell: ScrapeGrade) => (cell.kind === "pre-dates-judgement" ? "" : scrapeGradeText(cell));
const readText = (cell: Read<string | null>) => (cell.ok ? (cell.value ?? "") : "unreadable");
/** A date cell's value; null when empty or unreadable. */
const valueOf = (cell: Read<string | null>) => (cell.ok ? cell.value : null);

