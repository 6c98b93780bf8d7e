/**
 * Ofsted's table of inspections 2009–2023 → one event per inspection judgement: the
 * council, framework, publication date, overall judgement and (SIF) sub-judgements.
 *
 * Rules, each recorded in the import report when it applies:
 * - a framework's columns all empty: the council had no such inspection;
 * - "-" as an overall judgement: no judgement was given, so there is no event (dropped);
 * - "-" as a sub-judgement: left empty;
 * - a judgement without a publication date, or a date without an overall judgement, or an
 *   ILACS inspection without its type: the row is malformed and the import stops.
 * Grades keep Ofsted's mapping: the table prints pre-2013 "adequate" as "Requires
 * improvement to be good", which becomes `requires_improvement`.
 */
import { compareText } from "../engine/compare.ts";
import { DataError } from "../engine/data/errors.ts";
import type { Table } from "../engine/data/load.ts";
import { FRAMEWORKS, SUB_JUDGEMENTS, type Framework, type SubJudgement } from "../report/councils/datasets.ts";
import { type GradeCell, type OfstedColumn, type OfstedRow, type OfstedTableCode } from "./sources.ts";
import type { Judgement } from "../report/shared/grades.ts";

interface FrameworkColumns {
  readonly framework: Framework;
  readonly date: OfstedColumn;
  readonly overall: OfstedColumn;
  readonly type?: OfstedColumn;
  readonly subs?: Partial<Record<SubJudgement, OfstedColumn>>;
}

const SLAC_DATE = "Safeguarding & Looked After Children (SLAC) Inspection publication date";

/** Which columns of Ofsted's table make up each framework's judgement. */
export const FRAMEWORK_COLUMNS: readonly FrameworkColumns[] = [
  { framework: "slac-safeguarding", date: SLAC_DATE, overall: "SLAC Safeguarding Overall effectiveness (OE)" },
  { framework: "slac-looked-after", date: SLAC_DATE, overall: "SLAC Looked After Children Overall Effectiveness (OE)" },
  { framework: "slac-reinspection-safeguarding", date: "SLAC re-inspection of Safeguarding publication date", overall: "SLAC re-inspection Safeguarding OE" },
  { framework: "slac-reinspection-looked-after", date: "SLAC re-inspection of services for Children Looked After publication date", overall: "SLAC re-inspection of services Children Looked After OE" },
  { framework: "cpi", date: "Child Protection Inspections (CPI) publication date", overall: "CPI Overall Effectiveness (OE)" },
  { framework: "cpi-reinspection", date: "Child Protection Re-Inspection (CPRI) publication date", overall: "CPRI Overall Effectiveness (OE)" },
  { framework: "tlac", date: "Targeted Looked After Children (TLAC) inspection publication date", overall: "TLAC Overall Effectiveness (OE)" },
  {
    framework: "sif",
    date: "Single Inspection of LA Children's Services (SIF) First SIF publication date",
    overall: "First SIF Overall Judgement (OE)",
    subs: {
      help_protection: "First SIF children who need help and protection",
      looked_after_permanence: "First SIF children looked after and achieving permanence",
      adoption: "First SIF CLA Sub: Adoption Performance",
      care_leavers: "First SIF CLA Sub: Experiences and progress of care leavers",
      leadership: "First SIF leadership, management and governance",
      lscb: "LSCB Overall Effectiveness",
    },
  },
  {
    framework: "sif-reinspection",
    date: "Single Inspection of LA Children's Services (SIF) SIF Re-inspection publication date",
    overall: "SIF Re-inspection Overall Judgement (OE)",
    subs: {
      help_protection: "SIF Re-inspection children who need help and protection",
      looked_after_permanence: "SIF Re-inspection children looked after and achieving permanence",
      adoption: "SIF Re-inspection CLA Sub: Adoption Performance",
      care_leavers: "SIF Re-inspection CLA Sub: Experiences and progress of care leavers",
      leadership: "SIF Re-inspection leadership, management and governance",
    },
  },
  { framework: "ilacs-first", date: "First ILACS framework publication date", overall: "First ILACS framework overall effectiveness", type: "First ILACS framework inspection type" },
  { framework: "ilacs-second", date: "Second ILACS framework publication date", overall: "Second ILACS framework overall effectiveness", type: "Second ILACS framework inspection type" },
];

/** Columns of the table this import does not carry into the canonical files, and why. */
export const COLUMNS_NOT_IMPORTED: readonly { column: string; why: string }[] = [
  { column: "Web link", why: "a link to the council's page on Ofsted's site, not a judgement" },
  { column: "LA Authority Type", why: "follows from the council's area code (E06 unitary, E08 metropolitan, E09 London, E10 county)" },
  ...(
    [
      "First ILACS framework impact of leaders",
      "First ILACS framework experiences and progress of children who need help and protection",
      "First ILACS framework experiences and progress of children in care and care leavers",
      "Second ILACS framework impact of leaders",
      "Second ILACS framework experiences and progress of children who need help and protection",
      "Second ILACS framework experiences and progress of children in care",
      "Second ILACS framework experiences and progress of care leavers",
    ] as const
  ).map((column) => ({ column, why: "ILACS sub-judgements are left to the import of Ofsted's ILACS inspection history" })),
];

export interface InspectionEvent {
  readonly councilCode: string;
  readonly framework: Framework;
  readonly ilacsType: "standard" | "short" | null;
  readonly published: string;
  readonly inspectionStart: string | null;
  readonly inspectionEnd: string | null;
  readonly overall: Judgement;
  readonly subs: Readonly<Record<SubJudgement, Judgement | null>>;
  readonly sourceTable: OfstedTableCode;
  readonly sourceLine: number;
  readonly datesLine: number | null;
  /** The report's address, from the report scrape (report-links.ts); null where it has none or several. */
  readonly reportUrl: string | null;
}

export interface EventNotes {
  /** Judgements given as "-": no event. */
  readonly dropped: { line: number; column: number; council: string; framework: Framework; published: string; why: string }[];
  /** Sub-judgements given as "-", left empty. */
  readonly emptied: { line: number; column: number; council: string; framework: Framework; field: SubJudgement }[];
}

/** Turn every row of Ofsted's table into its judgement events; `councilOf` maps a row's line to its council code. */
export function ofstedEvents(table: Table<OfstedRow>, councilOf: ReadonlyMap<number, string>): { events: InspectionEvent[]; notes: EventNotes } {
  const events: InspectionEvent[] = [];
  const notes: EventNotes = { dropped: [], emptied: [] };
  for (const { row, line } of table.rows) {
    const councilCode = councilOf.get(line);
    if (councilCode === undefined) throw new Error(`no council was resolved for ${table.file} line ${line}`);
    const fail = (column: OfstedColumn, message: string): never => {
      throw new DataError(table.file, line, table.column(column), message);
    };
    for (const spec of FRAMEWORK_COLUMNS) {
      const published = row[spec.date] as string | null;
      const overall = row[spec.overall] as GradeCell;
      const type = spec.type ? (row[spec.type] as "standard" | "short" | null) : null;
      const subColumns = Object.entries(spec.subs ?? {}) as [SubJudgement, OfstedColumn][];
      const anyGrade = overall !== null || subColumns.some(([, column]) => row[column] !== null) || type !== null;
      if (published === null) {
        if (!anyGrade) continue;
        const given = overall !== null ? spec.overall : type !== null ? spec.type! : subColumns.find(([, column]) => row[column] !== null)![1];
        fail(given, `a ${spec.framework} judgement is given but its publication date (column ${table.column(spec.date)}) is empty`);
      }
      const date = published as string;
      if (overall === null) fail(spec.overall, `the ${spec.framework} report published ${date} has no overall judgement`);
      if (spec.type && type === null) fail(spec.type, `the ${spec.framework} inspection published ${date} has no inspection type`);
      if (overall === "-") {
        notes.dropped.push({ line, column: table.column(spec.overall), council: councilCode, framework: spec.framework, published: date, why: `the overall judgement is "-" (none given), so there is no ${spec.framework} judgement to record` });
        continue;
      }
      const subs = Object.fromEntries(SUB_JUDGEMENTS.map((field) => [field, null])) as Record<SubJudgement, Judgement | null>;
      for (const [field, column] of subColumns) {
        const value = row[column] as GradeCell;
        if (value === "-") notes.emptied.push({ line, column: table.column(column), council: councilCode, framework: spec.framework, field });
        else subs[field] = value;
      }
      events.push({
        councilCode,
        framework: spec.framework,
        ilacsType: type,
        published: date,
        inspectionStart: null,
        inspectionEnd: null,
        overall: overall as Judgement,
        subs,
        sourceTable: row.table,
        sourceLine: line,
        datesLine: null,
        reportUrl: null,
      });
    }
  }
  return { events: sortEvents(events), notes };
}

/** By council code, then publication date, then framework order. */
export function sortEvents<T extends Pick<InspectionEvent, "councilCode" | "published" | "framework">>(events: readonly T[]): T[] {
  const order = (f: Framework) => FRAMEWORKS.indexOf(f);
  return [...events].sort((a, b) => compareText(a.councilCode, b.councilCode) || compareText(a.published, b.published) || order(a.framework) - order(b.framework));
}
