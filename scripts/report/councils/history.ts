/**
 * One council's inspection history, 2009 to today, from the two canonical files: the
 * frameworks before ILACS from data/councils/inspections.csv and every ILACS report from
 * data/ilacs/judgements.csv. A council created by a restructure inherits the history of
 * the councils it replaced (Bournemouth, Christchurch and Poole from Bournemouth, Poole and
 * Dorset; North and West Northamptonshire from Northamptonshire; Cumberland and Westmorland
 * and Furness from Cumbria), each entry marked with the council it was about.
 *
 * Pure functions: rows in, typed results out; no I/O, no clock.
 */
import { ILACS_FRAMEWORKS, SUB_JUDGEMENTS, type CouncilRow, type Framework, type InspectionRow, type SubJudgement, SAFEGUARDING_FRAMEWORKS } from "./datasets.ts";
import { ILACS_SUB_JUDGEMENTS, type IlacsJudgementRow, type IlacsSubJudgement, type UNGRADED_REASONS } from "../ilacs/datasets.ts";

export type UngradedReason = (typeof UNGRADED_REASONS)[number];

import { judgementLabelIn, judgementWordsIn, type Judgement } from "../shared/grades.ts";

export type HistoryFamily = "slac" | "cpi" | "tlac" | "sif" | "ilacs";

export interface HistoryEntry {
  /** The council the report was about (a predecessor's code for an inherited entry). */
  readonly council_code: string;
  readonly published: string;
  /** First day of the inspection, where known. */
  readonly started: string | null;
  /** Last day of the inspection, where known (the scrape of ILACS reports gives it; Ofsted's tables do not). */
  readonly ended: string | null;
  readonly family: HistoryFamily;
  /** What was inspected, in words: "SIF", "ILACS short inspection", "Safeguarding (SLAC)"… */
  readonly inspection: string;
  /** A judgement on safeguarding or the whole service (plotted on the timeline), not looked-after children alone. */
  readonly headline: boolean;
  /** Null only for ILACS reports after the 2026 reform. */
  readonly overall: Judgement | null;
  readonly subs: readonly { readonly label: string; readonly grade: Judgement }[];
  /** The report's address where the data hold one: report_url of data/ilacs/judgements.csv or, before ILACS, of data/councils/inspections.csv. */
  readonly reportUrl: string | null;
  /** Why an ILACS report has no overall grade (data/ilacs/judgements.csv's ungraded_reason), else null. */
  readonly ungradedReason: UngradedReason | null;
}

/** Inspections before the single inspection framework, whose second grade was "adequate" (the data keep it as `requires_improvement`). */
export const ADEQUATE_ERA: readonly HistoryFamily[] = ["slac", "cpi", "tlac"];

/** A grade of this report in the words of its framework, in a sentence ("Adequate" before 2013). */
export const gradeInWords = (entry: Pick<HistoryEntry, "family">, grade: Judgement) => judgementWordsIn(grade, ADEQUATE_ERA.includes(entry.family));

/** A grade of this report in the words of its framework, in a table or on a chart. */
export const gradeLabel = (entry: Pick<HistoryEntry, "family">, grade: Judgement) => judgementLabelIn(grade, ADEQUATE_ERA.includes(entry.family));

const FRAMEWORK_WORDS: Readonly<Record<Exclude<Framework, "ilacs-first" | "ilacs-second">, [HistoryFamily, string]>> = {
  "slac-safeguarding": ["slac", "Safeguarding (SLAC)"],
  "slac-looked-after": ["slac", "Looked-after children (SLAC)"],
  "slac-reinspection-safeguarding": ["slac", "Safeguarding re-inspection (SLAC)"],
  "slac-reinspection-looked-after": ["slac", "Looked-after children re-inspection (SLAC)"],
  cpi: ["cpi", "Child protection inspection"],
  "cpi-reinspection": ["cpi", "Child protection re-inspection"],
  tlac: ["tlac", "Looked-after children (targeted)"],
  sif: ["sif", "Single inspection framework (SIF)"],
  "sif-reinspection": ["sif", "SIF re-inspection"],
};

export const SIF_SUB_WORDS: Readonly<Record<SubJudgement, string>> = {
  help_protection: "Help and protection",
  looked_after_permanence: "Looked after and permanence",
  adoption: "Adoption",
  care_leavers: "Care leavers",
  leadership: "Leadership",
  lscb: "Safeguarding board (LSCB)",
};

export const ILACS_SUB_SHORT: Readonly<Record<IlacsSubJudgement, string>> = {
  leadership: "Leadership",
  help_protection: "Help and protection",
  in_care: "Children in care",
  care_leavers: "Care leavers",
};

const ILACS_TYPE_WORDS = { standard: "ILACS standard inspection", short: "ILACS short inspection", longer: "ILACS inspection (longer than standard)" } as const;

/** The council's own codes and those of every council it replaced, directly or through another. */
export function lineage(code: string, councils: readonly Pick<CouncilRow, "code" | "former_codes" | "successor_codes">[]): string[] {
  const codes = new Set<string>();
  const visit = (c: string) => {
    if (codes.has(c)) return;
    codes.add(c);
    const row = councils.find((r) => r.code === c);
    for (const former of row?.former_codes ?? []) codes.add(former);
    for (const predecessor of councils.filter((r) => r.successor_codes.includes(c))) visit(predecessor.code);
  };
  visit(code);
  return [...codes].sort();
}

type PreIlacs = Pick<InspectionRow, "council_code" | "framework" | "published" | "inspection_start" | "overall" | "report_url"> & Partial<Pick<InspectionRow, SubJudgement>>;
type Ilacs = Pick<IlacsJudgementRow, "council_code" | "published" | "inspection_start" | "inspection_type" | "overall" | "report_url"> & Partial<Pick<IlacsJudgementRow, IlacsSubJudgement | "inspection_end" | "ungraded_reason">>;

const bySubs = <K extends string>(row: Partial<Record<K, Judgement | null>>, keys: readonly K[], words: Readonly<Record<K, string>>) =>
  keys.flatMap((k) => {
    const grade = row[k];
    return grade === undefined || grade === null ? [] : [{ label: words[k], grade }];
  });

/**
 * Every report on the council and its predecessors, oldest first (same-day reports in
 * framework order). ILACS reports come from the ILACS file only, so none is counted twice.
 */
export function councilHistory(code: string, councils: readonly Pick<CouncilRow, "code" | "former_codes" | "successor_codes">[], inspections: readonly PreIlacs[], ilacs: readonly Ilacs[]): HistoryEntry[] {
  const codes = new Set(lineage(code, councils));
  const earlier: HistoryEntry[] = inspections
    .filter((r) => codes.has(r.council_code) && !ILACS_FRAMEWORKS.includes(r.framework))
    .map((r) => {
      const [family, inspection] = FRAMEWORK_WORDS[r.framework as keyof typeof FRAMEWORK_WORDS];
      return {
        council_code: r.council_code,
        published: r.published,
        started: r.inspection_start,
        ended: null,
        family,
        inspection,
        headline: SAFEGUARDING_FRAMEWORKS.includes(r.framework),
        overall: r.overall,
        subs: bySubs(r, SUB_JUDGEMENTS, SIF_SUB_WORDS),
        reportUrl: r.report_url,
        ungradedReason: null,
      };
    });
  const later: HistoryEntry[] = ilacs
    .filter((r) => codes.has(r.council_code))
    .map((r) => ({
      council_code: r.council_code,
      published: r.published,
      started: r.inspection_start,
      ended: r.inspection_end ?? null,
      family: "ilacs",
      inspection: ILACS_TYPE_WORDS[r.inspection_type],
      headline: true,
      overall: r.overall,
      subs: bySubs(r, ILACS_SUB_JUDGEMENTS, ILACS_SUB_SHORT),
      reportUrl: r.report_url,
      ungradedReason: r.ungraded_reason ?? null,
    }));
  const order = (e: HistoryEntry) => Object.values(FRAMEWORK_WORDS).findIndex(([, words]) => words === e.inspection);
  return [...earlier, ...later].sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : order(a) - order(b)));
}

/** The latest headline entry (safeguarding or the whole service), graded or not, if any. */
export function latestReport(history: readonly HistoryEntry[]): HistoryEntry | undefined {
  const headline = history.filter((e) => e.headline);
  return headline[headline.length - 1];
}

/** The latest graded headline entry, if any. */
export function latestGraded(history: readonly HistoryEntry[]): (HistoryEntry & { readonly overall: Judgement }) | undefined {
  const graded = history.filter((e): e is HistoryEntry & { overall: Judgement } => e.headline && e.overall !== null);
  return graded[graded.length - 1];
}
