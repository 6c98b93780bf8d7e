/**
 * Per-council canonical data written by `npm run data:update` (scripts/import/):
 * the council lookup, every inspection judgement 2009–2023, and yearly demand figures.
 * Facts only, one row per key, sorted; empty cells mean "no value" and the import report
 * (data/councils/import-report.md) says why.
 */
import { z } from "zod";
import { codeCell, isoDateCell, nameCell, numberCell, optionalCell, pageNameCell, textCell, yearCell } from "../../engine/data/cells.ts";
import { uniqueKey, type Check } from "../../engine/data/checks.ts";
import { defineDataset, type CrossCheck } from "../../engine/data/dataset.ts";
import { DataError, quoted } from "../../engine/data/errors.ts";
import { JUDGEMENTS } from "../shared/grades.ts";

/** ONS area codes of the councils with children's services: unitary (E06), metropolitan (E08), London (E09), county (E10). */
export const COUNCIL_CODE_PATTERN = /^E(06|08|09|10)\d{6}$/;

export function councilCodeCell() {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (COUNCIL_CODE_PATTERN.test(text)) return text;
    ctx.issues.push({ code: "custom", message: `${quoted(text)} is not a council area code (E06, E08, E09 or E10 and six digits)`, input: raw });
    return z.NEVER;
  });
}

/** A pipe-separated list (`a|b`); empty → no items. Each item must pass `item`; no repeats. */
export function listCell<T>(item: z.ZodType<T, string>) {
  return z.string().transform((raw, ctx): T[] => {
    if (raw.trim() === "") return [];
    const parts = raw.split("|").map((part) => part.trim());
    if (new Set(parts).size !== parts.length) {
      ctx.issues.push({ code: "custom", message: `${quoted(raw.trim())} lists an item twice`, input: raw });
      return z.NEVER;
    }
    const items: T[] = [];
    for (const part of parts) {
      const result = item.safeParse(part);
      if (!result.success) {
        ctx.issues.push({ code: "custom", message: `in the list: ${result.error.issues[0].message}`, input: raw });
        return z.NEVER;
      }
      items.push(result.data);
    }
    return items;
  });
}

const dfeNumberCell = () =>
  z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (/^\d{3}$/.test(text)) return text;
    ctx.issues.push({ code: "custom", message: `${quoted(text)} is not a three-digit DfE local authority number`, input: raw });
    return z.NEVER;
  });

// ---------------------------------------------------------------------------
// data/councils/councils.csv

export const COUNCIL_STATUSES = ["current", "predecessor"] as const;

export const councilSchema = z.object({
  /** Current ONS area code; the key. */
  code: councilCodeCell(),
  /** Earlier ONS codes of the same council (same area and DfE number). */
  former_codes: listCell(councilCodeCell()),
  /** DfE's three-digit local authority number. */
  dfe_number: dfeNumberCell(),
  /** The name DfE statistics use; the council's page is named from it (councilPageSlug). */
  name: pageNameCell("council name"),
  /** The name in Ofsted's table of inspections 2009–2023; empty when the council is not in it. */
  ofsted_name: optionalCell(nameCell("council name")),
  /** Other names the council is known by in the sources. */
  aliases: listCell(nameCell("council name")),
  /** DfE region (London split into Inner and Outer). */
  region: nameCell("region"),
  /** Ofsted region, as in Ofsted's table; empty when the council is not in it. */
  ofsted_region: optionalCell(nameCell("region")),
  status: codeCell(COUNCIL_STATUSES),
  /** First day of a council created by a restructure; empty for older councils. */
  existed_from: optionalCell(isoDateCell()),
  /** Last day of a council abolished by a restructure; empty for current councils. */
  existed_until: optionalCell(isoDateCell()),
  /** Councils that took over a predecessor's area. */
  successor_codes: listCell(councilCodeCell()),
});

export type CouncilRow = z.output<typeof councilSchema>;

export const councils = defineDataset({
  file: "data/councils/councils.csv",
  schema: councilSchema,
  checks: [uniqueKey<CouncilRow>(["code"]), councilLinks()],
});

/**
 * Predecessors (and only they) have a last day and successors; successors and former
 * codes refer to councils in the same file; no former code is also a current code.
 */
function councilLinks(): Check<CouncilRow> {
  return (table) => {
    const codes = new Set(table.rows.map(({ row }) => row.code));
    const formerOwners = new Map<string, string>();
    for (const { row, line } of table.rows) {
      const fail = (field: keyof CouncilRow & string, message: string) => {
        throw new DataError(table.file, line, table.column(field), message);
      };
      const predecessor = row.status === "predecessor";
      if (predecessor !== (row.existed_until !== null)) fail("existed_until", predecessor ? `${row.code} is a predecessor but has no last day` : `${row.code} is current but has a last day`);
      if (predecessor !== row.successor_codes.length > 0) fail("successor_codes", predecessor ? `${row.code} is a predecessor but names no successor` : `${row.code} is current but names successors`);
      if (row.existed_from !== null && row.existed_until !== null && row.existed_from > row.existed_until) fail("existed_until", `${row.code} ends on ${row.existed_until}, before it begins on ${row.existed_from}`);
      for (const successor of row.successor_codes) {
        if (!codes.has(successor)) fail("successor_codes", `successor ${successor} of ${row.code} is not a council in this file`);
        if (successor === row.code) fail("successor_codes", `${row.code} names itself as its successor`);
      }
      for (const former of row.former_codes) {
        if (codes.has(former)) fail("former_codes", `former code ${former} of ${row.code} is also the code of a council in this file`);
        const owner = formerOwners.get(former);
        if (owner !== undefined) fail("former_codes", `former code ${former} is given for both ${owner} and ${row.code}`);
        formerOwners.set(former, row.code);
      }
    }
  };
}

// ---------------------------------------------------------------------------
// data/councils/inspections.csv

/** Inspection frameworks, in the order they were introduced. */
export const FRAMEWORKS = [
  "slac-safeguarding",
  "slac-looked-after",
  "slac-reinspection-safeguarding",
  "slac-reinspection-looked-after",
  "cpi",
  "cpi-reinspection",
  "tlac",
  "sif",
  "sif-reinspection",
  "ilacs-first",
  "ilacs-second",
] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** Frameworks whose overall judgement covers children in need of help and protection or the whole service (not looked-after children only). */
export const SAFEGUARDING_FRAMEWORKS: readonly Framework[] = ["slac-safeguarding", "slac-reinspection-safeguarding", "cpi", "cpi-reinspection", "sif", "sif-reinspection"];

export const SIF_FRAMEWORKS: readonly Framework[] = ["sif", "sif-reinspection"];
export const ILACS_FRAMEWORKS: readonly Framework[] = ["ilacs-first", "ilacs-second"];

/** SIF sub-judgements (the LSCB review only with the first SIF). */
export const SUB_JUDGEMENTS = ["help_protection", "looked_after_permanence", "adoption", "care_leavers", "leadership", "lscb"] as const;
export type SubJudgement = (typeof SUB_JUDGEMENTS)[number];

/** Overall and sub-judgements on Ofsted's four-point scale; "adequate" (before 2013) is `requires_improvement`. */
const judgementCell = () => codeCell(JUDGEMENTS);
const lineCell = () => numberCell({ integer: true, min: 2 });

export const inspectionSchema = z.object({
  council_code: councilCodeCell(),
  framework: codeCell(FRAMEWORKS),
  /** ILACS only: standard or short inspection. */
  ilacs_type: optionalCell(codeCell(["standard", "short"])),
  /** Publication date of the report. */
  published: isoDateCell(),
  /** SIF only, and only when read from the report PDF. */
  inspection_start: optionalCell(isoDateCell()),
  inspection_end: optionalCell(isoDateCell()),
  overall: judgementCell(),
  help_protection: optionalCell(judgementCell()),
  looked_after_permanence: optionalCell(judgementCell()),
  adoption: optionalCell(judgementCell()),
  care_leavers: optionalCell(judgementCell()),
  leadership: optionalCell(judgementCell()),
  lscb: optionalCell(judgementCell()),
  /** Table of Ofsted's LA_inspections_2009-2023 sheet: table-10 (current LAs) or table-11 (LAs before restructure). */
  source_table: codeCell(["table-10", "table-11"]),
  /** Line of the row in the derived CSV of that sheet. */
  source_line: lineCell(),
  /** Line in sif_era_report_dates_from_pdfs.csv the inspection dates come from. */
  dates_line: optionalCell(lineCell()),
  /** Address of the report, from the report scrape where exactly one of its reports matches (same council, same day). */
  report_url: optionalCell(textCell("address")),
});

export type InspectionRow = z.output<typeof inspectionSchema>;

export const inspections = defineDataset({
  file: "data/councils/inspections.csv",
  schema: inspectionSchema,
  checks: [uniqueKey<InspectionRow>(["council_code", "framework", "published"]), inspectionFields()],
  crossChecks: [councilCodesKnown<InspectionRow>()],
  // The report's data run to the latest report published.
  asOfColumn: "published",
});

/** Dates, ILACS type and sub-judgements appear only where the framework has them, dates are in order, and a report address is an https address. */
function inspectionFields(): Check<InspectionRow> {
  return (table) => {
    for (const { row, line } of table.rows) {
      const fail = (field: keyof InspectionRow & string, message: string) => {
        throw new DataError(table.file, line, table.column(field), message);
      };
      const sif = SIF_FRAMEWORKS.includes(row.framework);
      const ilacs = ILACS_FRAMEWORKS.includes(row.framework);
      if (ilacs !== (row.ilacs_type !== null)) fail("ilacs_type", ilacs ? `an ${row.framework} inspection needs its type` : `only ILACS inspections have a type, not ${row.framework}`);
      if (!sif) {
        for (const field of [...SUB_JUDGEMENTS, "inspection_start", "inspection_end", "dates_line"] as const) {
          if (row[field] !== null) fail(field, `${field} is only given for SIF inspections, not ${row.framework}`);
        }
      }
      if (row.framework === "sif-reinspection" && row.lscb !== null) fail("lscb", "the LSCB judgement belongs to the first SIF only");
      if ((row.inspection_start !== null || row.inspection_end !== null) && row.dates_line === null) fail("dates_line", "inspection dates need the line they come from");
      if (row.inspection_start !== null && row.inspection_end !== null && row.inspection_start > row.inspection_end) fail("inspection_end", `the inspection ends (${row.inspection_end}) before it starts (${row.inspection_start})`);
      const last = row.inspection_end ?? row.inspection_start;
      if (last !== null && last > row.published) fail("inspection_end", `the inspection (to ${last}) is after the report's publication (${row.published})`);
      if (row.report_url !== null && !/^https:\/\/[^\s"<>]+$/.test(row.report_url)) fail("report_url", `${row.report_url} is not an https address`);
    }
  };
}

// ---------------------------------------------------------------------------
// data/councils/demand.csv

const countCell = () => optionalCell(numberCell({ integer: true, min: 0 }));

export const demandSchema = z.object({
  council_code: councilCodeCell(),
  /** The year ending 31 March: 2014 is April 2013 to March 2014. */
  year_ending_march: yearCell({ min: 2000 }),
  /** Referrals to children's social care in the year. */
  referrals: countCell(),
  /** Children on a child protection plan at 31 March. */
  cpp_at_31_march: countCell(),
  /** ONS mid-year estimate of children aged 0–17, the denominator for rates per 10,000. */
  population_0_17: countCell(),
  /** The mid-year (30 June) of that estimate: the calendar year before the year ending March. */
  population_mid_year: yearCell({ min: 2000 }),
});

export type DemandRow = z.output<typeof demandSchema>;

export const demand = defineDataset({
  file: "data/councils/demand.csv",
  schema: demandSchema,
  checks: [uniqueKey<DemandRow>(["council_code", "year_ending_march"]), populationYearRule()],
  crossChecks: [councilCodesKnown<DemandRow>()],
});

function populationYearRule(): Check<DemandRow> {
  return (table) => {
    for (const { row, line } of table.rows) {
      if (row.population_mid_year !== row.year_ending_march - 1) {
        throw new DataError(table.file, line, table.column("population_mid_year"), `the year ending March ${row.year_ending_march} uses the mid-${row.year_ending_march - 1} estimate, not mid-${row.population_mid_year}`);
      }
    }
  };
}

// ---------------------------------------------------------------------------
// data/councils/children-in-need-2012-2014.csv

const rateCell = () => optionalCell(numberCell({ min: 0 }));
const percentOrEmpty = () => optionalCell(numberCell({ min: 0, max: 100, unit: "%" }));

/**
 * DfE's "Characteristics of children in need" underlying data for the years ending March
 * 2012, 2013 and 2014 (SFR27/2012, SFR45/2013, SFR43/2014), one row per council and year,
 * as published: counts, and the rates and percentages DfE printed (rates per 10,000 children
 * use the population estimates of the time, `population_0_17_published`, not ONS's later
 * revisions). Empty = suppressed, not submitted or not applicable: the import report
 * (data/councils/children-in-need-import-report.md) lists each with DfE's symbol.
 */
export const childrenInNeedSchema = z.object({
  council_code: councilCodeCell(),
  /** The year ending 31 March: 2012, 2013 or 2014. */
  year_ending_march: yearCell({ min: 2012, max: 2014 }),
  /** DfE's three-digit local authority number (geog_c), through which the row was joined to the council. */
  dfe_number: dfeNumberCell(),
  /** "no" when the council sent DfE no return for the year (DfE's ".." in every measure). */
  submitted: codeCell(["yes", "no"]),
  referrals: countCell(),
  /** Referrals per 10,000 children aged 0–17, as DfE published it (population estimate of the time). */
  referrals_rate_published: rateCell(),
  /** Initial assessments completed in the year (the assessment the 2014 single assessment replaced). */
  initial_assessments: countCell(),
  /** Initial assessments completed within 10 working days: same day + 1–5 days + 6–10 days; empty if any part is suppressed. */
  initial_assessments_within_10_days: countCell(),
  /** "yes" when the council reported single assessments that year (its initial assessments then cover part of the year only). */
  single_assessments_reported: codeCell(["yes", "no", "unknown"]),
  cpp_at_31_march: countCell(),
  /** Children on a child protection plan per 10,000 children aged 0–17 at 31 March, as published. */
  cpp_rate_published: rateCell(),
  /** Plans at 31 March that had lasted 3 months or more (those due a review); DfE gives it for 2012 and 2013 only. */
  cpp_reviews_due: countCell(),
  /** Of those, plans reviewed within the required timescales. */
  cpp_reviewed_in_timescales: countCell(),
  /** The percentage reviewed within timescales, as published. */
  cpp_reviewed_percent_published: percentOrEmpty(),
  /** Children aged 0–17 as DfE published it beside the rates (ONS mid-year estimate of the time, rounded to 100). */
  population_0_17_published: countCell(),
  /** The mid-year of that estimate: the calendar year before the year ending March. */
  population_mid_year: yearCell({ min: 2011, max: 2013 }),
  /** The line of the council's row in DfE's file. */
  source_line: numberCell({ integer: true, min: 2 }),
});

export type ChildrenInNeedRow = z.output<typeof childrenInNeedSchema>;

export const childrenInNeed2012To2014 = defineDataset({
  file: "data/councils/children-in-need-2012-2014.csv",
  schema: childrenInNeedSchema,
  checks: [uniqueKey<ChildrenInNeedRow>(["council_code", "year_ending_march"]), childrenInNeedRules()],
  crossChecks: [councilCodesKnown<ChildrenInNeedRow>()],
});

/** The parts cannot exceed their whole; the mid-year is the year before the year ending March. */
function childrenInNeedRules(): Check<ChildrenInNeedRow> {
  return (table) => {
    for (const { row, line } of table.rows) {
      const fail = (column: string, message: string) => {
        throw new DataError(table.file, line, table.column(column), message);
      };
      if (row.population_mid_year !== row.year_ending_march - 1) fail("population_mid_year", `the year ending March ${row.year_ending_march} uses the mid-${row.year_ending_march - 1} estimate, not mid-${row.population_mid_year}`);
      if (row.initial_assessments_within_10_days !== null && row.initial_assessments !== null && row.initial_assessments_within_10_days > row.initial_assessments) fail("initial_assessments_within_10_days", `${row.initial_assessments_within_10_days} within 10 days is more than the ${row.initial_assessments} initial assessments`);
      if (row.cpp_reviewed_in_timescales !== null && row.cpp_reviews_due !== null && row.cpp_reviewed_in_timescales > row.cpp_reviews_due) fail("cpp_reviewed_in_timescales", `${row.cpp_reviewed_in_timescales} reviewed is more than the ${row.cpp_reviews_due} plans due a review`);
      if (row.submitted === "no" && (row.referrals !== null || row.cpp_at_31_march !== null)) fail("submitted", "a council that sent no return has no counts");
    }
  };
}

// ---------------------------------------------------------------------------

/** Cross-file rule: every council_code is a council of data/councils/councils.csv. */
export function knownCouncilCodes<T extends { council_code: string }>(codes: ReadonlySet<string>): Check<T> {
  return (table) => {
    for (const { row, line } of table.rows) {
      if (!codes.has(row.council_code)) throw new DataError(table.file, line, table.column("council_code"), `${row.council_code} is not a council in ${councils.file}`);
    }
  };
}

/**
 * The cross-dataset rule of every file that names councils by code: each code is a council
 * of data/councils/councils.csv, as its current code or a former one (predecessors keep their own).
 */
export function councilCodesKnown<T extends { council_code: string }>(): CrossCheck<T> {
  return {
    needs: [councils],
    run(table, tableOf, ledger) {
      const codes = new Set(tableOf(councils).rows.flatMap(({ row }) => [row.code, ...row.former_codes]));
      knownCouncilCodes<T>(codes)(table, ledger);
    },
  };
}

// ---------------------------------------------------------------------------
// data/national/report-mentions.csv

/** How the 2015 report names a council: thanking someone from it (its acknowledgements), or quoting them. */
export const MENTION_KINDS = ["thanked", "quoted"] as const;

export const reportMentionSchema = z.object({
  council_code: councilCodeCell(),
  kind: codeCell(MENTION_KINDS),
  /** The person the report names, as it names them. */
  person: nameCell("person"),
  /** Their post or council, as the report gives it. */
  role: textCell("role"),
  /** Where in the report, as published. */
  source: textCell("source"),
});

export type ReportMentionRow = z.output<typeof reportMentionSchema>;

export const reportMentions = defineDataset({
  file: "data/national/report-mentions.csv",
  schema: reportMentionSchema,
  checks: [uniqueKey<ReportMentionRow>(["council_code", "kind", "person"])],
  crossChecks: [councilCodesKnown<ReportMentionRow>()],
});
