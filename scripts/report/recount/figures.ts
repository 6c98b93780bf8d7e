/**
 * Figures of the recount family (chapters 1 and 2): the report's grade shares against our
 * recount under each counting rule, its repeat-inspection counts against ours, and the
 * readings of the 2013 cohort and the demand of the one used, by group. Titles and captions are written from the results.
 */
import { cohortDemandNarrowSpec, cohortDemandSpec, cohortReadingsSpec, countComparisonSpec, countingRulesSpec, type CohortDemandRow, type CohortReadingRow, type CountComparisonRow, type RuleShareRow } from "./charts.ts";

import { DEMAND_MEASURES, type DemandMeasure, type RateChange } from "./cohort-recount.ts";
import type { RecountAnalysis } from "./analysis.ts";
import { councils, demand, inspections } from "../councils/datasets.ts";

import { inspectionOutcomesByYear } from "../outcomes/datasets.ts";
import { repeatInspectionTransitions } from "../transitions/datasets.ts";
import { count, formatValue, percent, plainNumber, monthYear } from "../../engine/stats/format.ts";
import { nameList } from "./stats.ts";
import type { FigureDefinition } from "../../engine/figures/types.ts";
import { GRADE_LABELS, GRADES } from "../shared/grades.ts";

const n = (value: number) => formatValue(value, count());
const pct = (value: number, decimals = 0) => formatValue(value, percent(decimals));
const num = (value: number) => formatValue(value, plainNumber(1));
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const PUBLISHED_ROW = "Published in the report";

/** The family's figures, in reading order; `inspectionsSource` names the edition of Ofsted's inspection records they are drawn from (shared/sources.ts). */
export function recountFigures(analysis: RecountAnalysis, inspectionsSource: string): FigureDefinition[] {
  return [countingRulesFigure(analysis, inspectionsSource), recountRepeatFigure(analysis, inspectionsSource), cohortReadingsFigure(analysis, inspectionsSource), recountCohortDemandFigure(analysis)];
}

export function countingRulesFigure({ years }: RecountAnalysis, inspectionsSource: string): FigureDefinition {
  const rules = years[0]?.byRule.map((r) => r.rule) ?? [];
  const rows: RuleShareRow[] = years.flatMap((y) => [
    ...GRADES.map((g) => ({ year: y.year, rule: PUBLISHED_ROW, grade: GRADE_LABELS[g], percent: y.published[g], source: "published", reproduces: "no", judgements: 0 })),
    ...y.byRule.flatMap((r) =>
      GRADES.map((g) => ({ year: y.year, rule: r.rule.label, grade: GRADE_LABELS[g], percent: r.percent[g], source: "recount", reproduces: r.reproduces ? "yes" : "no", judgements: r.shares.counted })),
    ),
  ]);
  const hits = years.filter((y) => y.reproducedBy.length > 0);
  const misses = years.filter((y) => y.reproducedBy.length === 0);
  const hitParts = hits.map((y) => {
    const labels = y.reproducedBy.map((r) => `“${r.label}”`);
    return `${labels.length === 1 ? "only the rule" : "the rules"} ${nameList(labels)} ${labels.length === 1 ? "reproduces" : "reproduce"} the report's ${y.year} grade shares`;
  });
  const missPart = misses.length > 0 ? `none of the ${n(rules.length)} counting rules reproduces ${hits.length > 0 ? "its" : "the report's"} ${nameList(misses.map((y) => y.year), "or")} shares` : "";
  // A rule that reproduces every year is the headline; otherwise say year by year.
  const everyYear = rules.filter((rule) => years.length > 0 && years.every((y) => y.reproducedBy.includes(rule)));
  const title =
    everyYear.length > 0
      ? `${everyYear.length === 1 ? "One" : n(everyYear.length)} of the ${n(rules.length)} counting rules tried, ${nameList(everyYear.map((r) => `“${r.label}”`))}, reproduces the report's grade shares for both ${nameList(years.map((y) => y.year))} exactly`
      : capitalise([...hitParts, missPart].filter(Boolean).join("; "));
  const shares = (p: Readonly<Record<(typeof GRADES)[number], number>>) => GRADES.map((g) => `${GRADE_LABELS[g]} ${pct(p[g])}`).join(", ");
  return {
    key: "recount-counting-rules",
    title,
    description:
      `Dot chart, one panel per year (${nameList(years.map((y) => y.year))}), of the share of judgements given each overall grade: the report's published shares, and our recount from Ofsted's inspection records under ${n(rules.length)} counting rules. ` +
      years
        .map(
          (y) =>
            `${y.year}: published ${shares(y.published)}. ` +
            y.byRule.map((r) => `${r.rule.label} (${n(r.shares.counted)} judgements): ${shares(r.percent)}${r.reproduces ? ", the same as published" : ""}.`).join(" "),
        )
        .join(" "),
    // The rules and the nearest rule of each year are set out in the Methods page's words (stats recount.rule.*, recount.shares.<year>.closest).
    caption:
      `Each row is one way of counting Ofsted's judgements into a financial year (April to March), and the share of them at each grade, in whole percentages with halves rounded up, as the report prints them. Dashed lines mark the report's shares; a shaded row gives all four. Methods defines each rule.`,
    source: `${inspectionsSource} Published shares: A Brave New World (iMPOWER for the Local Government Association, 2015), chapter 1, section 4, grade table, as published.`,
    rows,
    columns: [
      { field: "year", label: "Financial year" },
      { field: "rule", label: "Published, or counting rule" },
      { field: "grade", label: "Grade" },
      { field: "percent", label: "Share", format: percent(0) },
      { field: "source", label: "Published or recounted" },
      { field: "reproduces", label: "Rule gives all four published shares" },
      { field: "judgements", label: "Judgements counted (0: not known)", format: count() },
    ],
    spec: countingRulesSpec(rows, [PUBLISHED_ROW, ...rules.map((r) => r.label)]),
    dataFiles: [inspections.file, inspectionOutcomesByYear.file],
  };
}

const REPORT = "Published in the report";
const OURS = "Our recount";

export function recountRepeatFigure({ repeat: r }: RecountAnalysis, inspectionsSource: string): FigureDefinition {
  const measures = [
    { label: "Judged twice or more", phrase: "councils judged twice or more", report: r.report.councils, ours: r.ours.councils },
    { label: "Became Inadequate", phrase: "that became Inadequate", report: r.report.becameInadequate, ours: r.ours.steppedIntoInadequate },
    { label: "Inadequate at first and last", phrase: "that stayed Inadequate", report: r.report.stayedInadequate, ours: r.ours.stayedInadequate },
    { label: "Requires improvement at first and last", phrase: "that stayed requires improvement", report: r.report.stayedRi, ours: r.ours.stayedRequiresImprovement },
    { label: "Inadequate at first, better at last", phrase: "that moved from Inadequate towards Good", report: r.report.towardsGood, ours: r.ours.leftInadequate },
  ];
  const rows: CountComparisonRow[] = measures.flatMap((m) => [
    { measure: m.label, source: REPORT, councils: m.report },
    { measure: m.label, source: OURS, councils: m.ours },
  ]);
  const same = measures.filter((m) => m.report === m.ours);
  const differ = measures.filter((m) => m.report !== m.ours);
  const sameText = nameList(same.map((m) => `${n(m.ours)} ${m.phrase}`));
  const differText = nameList(differ.map((m) => `${n(m.ours)} ${m.phrase} (report: ${n(m.report)})`));
  const title =
    differ.length === 0
      ? `Recounting Ofsted's judgements gives every one of the report's repeat-inspection counts: ${sameText}`
      : same.length === 0
        ? `Recounting Ofsted's judgements gives none of the report's repeat-inspection counts: ${differText}`
        : `Recounting Ofsted's judgements gives the report's ${sameText}, but ${differText}`;
  const shareLine = (label: string, printed: number, part: number, whole: number, value: number | undefined) =>
    value === undefined ? "" : `${label}: the report gives ${pct(printed)}; ours is ${n(part)} of ${n(whole)}, ${pct(value, 1)}.`;
  return {
    key: "recount-repeat-inspections",
    title,
    description:
      `Grouped bar chart comparing, for five groups of councils judged twice or more, the count the report publishes with our recount from Ofsted's records. ` +
      measures.map((m) => `${m.label}: report ${n(m.report)}, recount ${n(m.ours)}.`).join(" "),
    // The groups' definitions and the three shares recomputed are in Methods (stats recount.repeat.*).
    caption: `Councils judged twice or more on safeguarding or the whole service, published from ${monthYear(r.from)} to ${monthYear(r.to)}: the report's count of each group next to ours, taking each council's judgements first to last. The report does not define its groups; Methods gives our reading of each.`,
    source: `${inspectionsSource} Published counts: A Brave New World (iMPOWER for the Local Government Association, 2015), chapter 1, section 3 (footnote 17), as published.`,
    rows,
    columns: [
      { field: "measure", label: "Councils judged twice or more since 2010" },
      { field: "source", label: "Published or recounted" },
      { field: "councils", label: "Councils", format: count() },
    ],
    spec: countComparisonSpec(rows),
    dataFiles: [inspections.file, repeatInspectionTransitions.file],
  };
}

const MEASURE_SHORT: Readonly<Record<DemandMeasure, string>> = { referrals: "Referrals in the year", cpPlans: "Children on a plan at 31 March" };

const GROUP_LABEL = { inadequate: "Inadequate", ri_or_good: "RI or Good" } as const;

/** The figure of the cohort's readings; the council pages link to it. */
export const COHORT_READINGS_FIGURE = "recount-cohort-readings";

export function cohortReadingsFigure(analysis: RecountAnalysis, inspectionsSource: string): FigureDefinition {
  const { cohorts, cohortMatches, reportCohort, options } = analysis;
  const size = reportCohort.councils;
  const rows: CohortReadingRow[] = cohorts.flatMap((c) =>
    (["inadequate", "ri_or_good"] as const).map((g) => ({ reading: c.named.label, group: GROUP_LABEL[g], councils: c.groups[g].councils.length, total: c.members.length, matches: c.members.length === size ? "yes" : "no" })),
  );
  const readings = `${n(cohorts.length)} readings of “inspected in ${options.cohortYear}”`;
  const title =
    cohortMatches.length === 0
      ? `None of ${readings} gives the report's ${n(size)} councils`
      : `Of ${readings}, ${cohortMatches.length === 1 ? "only" : ""} ${nameList(cohortMatches.map((c) => `“${c.named.label}”`))} ${cohortMatches.length === 1 ? "gives" : "give"} the report's ${n(size)} councils`.replace("  ", " ");
  return {
    key: COHORT_READINGS_FIGURE,
    title,
    description:
      `Horizontal bar chart: for each of ${readings}, the councils it puts in the report's cohort, split into those rated Inadequate and those rated RI or Good, with a dashed line at the report's ${n(size)}. ` +
      cohorts.map((c) => `${c.named.label}: ${n(c.members.length)} (${n(c.groups.inadequate.councils.length)} Inadequate, ${n(c.groups.ri_or_good.councils.length)} RI or Good).`).join(" "),
    // Each reading's window is set out in Methods (stats recount.cohort.reading.<reading>.rule).
    caption: `Each bar is one reading of which councils the report meant, split by grade: a council counts as Inadequate if any of its judgements in the window was. The dashed line is the report's ${n(size)}. A reading that gives ${n(size)} matches the count; it does not prove these are the same councils.`,
    source: inspectionsSource,
    rows,
    columns: [
      { field: "reading", label: "Reading" },
      { field: "group", label: "Group" },
      { field: "councils", label: "Councils in the group", format: count() },
      { field: "total", label: "Councils in the reading", format: count() },
      { field: "matches", label: `Gives the report's ${n(size)}` },
    ],
    spec: cohortReadingsSpec(rows, cohorts.map((c) => c.named.label), size, `Report: ${n(size)}`),
    dataFiles: [inspections.file],
  };
}

export function recountCohortDemandFigure(analysis: RecountAnalysis): FigureDefinition {
  const { allCouncils, options } = analysis;
  const { from, to } = options.demandYears;
  const views = { level: `Year ending March ${to}`, change: `Change from year ending March ${from}` } as const;
  const panels = DEMAND_MEASURES.flatMap((m) =>
    (["level", "change"] as const).map((kind) => ({ measure: m, kind, label: `${MEASURE_SHORT[m]} per 10,000 children, ${kind === "level" ? `year ending March ${to}` : `change from year ending March ${from} to ${to}`}` })),
  );
  const { cohort } = analysis;
  const series: { label: string; group: string; councils: number; demand: Readonly<Record<DemandMeasure, RateChange | undefined>> }[] = [
    ...(["inadequate", "ri_or_good"] as const).map((g) => ({
      label: `${GROUP_LABEL[g]} (${n(cohort.groups[g].councils.length)})`,
      group: g,
      councils: cohort.groups[g].councils.length,
      demand: cohort.groups[g].demand,
    })),
    { label: `Every council with the data (${n(allCouncils.referrals?.to.councils ?? 0)})`, group: "reference", councils: allCouncils.referrals?.to.councils ?? 0, demand: allCouncils },
  ];
  const rows: CohortDemandRow[] = panels.flatMap((p) =>
    series.flatMap((s) => {
      const change = s.demand[p.measure];
      if (!change) return [];
      const mean = p.kind === "level" ? change.to.mean : change.meanChange;
      const pooled = p.kind === "level" ? change.to.pooled : change.pooledChange;
      return [{ measure: MEASURE_SHORT[p.measure], view: views[p.kind], series: s.label, group: s.group, councils: change.to.councils, mean, pooled }];
    }),
  );
  const rise = (v: number) => `${v < 0 ? "fell" : "rose"} by ${num(Math.abs(v))}`;
  const groupChange = (measure: DemandMeasure) => {
    const inadequate = cohort.groups.inadequate.demand[measure];
    const rest = cohort.groups.ri_or_good.demand[measure];
    if (!inadequate || !rest) return undefined;
    // Councils with the values, out of the group when some lack them: "the one", "the 5", "23 of the 24".
    const size = (k: number, of: number) => (k < of ? `${n(k)} of the ${n(of)}` : k === 1 ? "the one" : `the ${n(k)}`);
    const inGroup = (g: "inadequate" | "ri_or_good") => cohort.groups[g].councils.length;
    return `${rise(inadequate.meanChange)} in ${size(inadequate.to.councils, inGroup("inadequate"))} rated Inadequate and ${rise(rest.meanChange)} in ${size(rest.to.councils, inGroup("ri_or_good"))} rated RI or Good`;
  };
  const change = groupChange("referrals");
  const who = `the ${n(cohort.members.length)} councils of the reading “${cohort.named.label}”`;
  const title = change ? `Among ${who}, referrals per 10,000 children ${change} between the years to March ${from} and ${to}` : `Demand in ${who}, by grade, between the years to March ${from} and ${to}`;
  return {
    key: "recount-cohort-demand",
    title,
    description:
      `Small-multiple bar charts of demand in the report's ${options.cohortYear} cohort as we read it (${cohort.named.label}), split by grade, with every council for reference: ${panels.map((p) => p.label).join("; ")}. Values are means of the councils' own rates. ` +
      panels
        .map((p) => `${p.label}: ${rows.filter((r) => r.measure === MEASURE_SHORT[p.measure] && r.view === views[p.kind]).map((r) => `${r.series} ${num(r.mean)}`).join(", ")}.`)
        .join(" "),
    // The rates' definitions, the councils left out and why the report's 2012 cannot be recounted are in Methods.
    caption: `Demand in the ${n(cohort.members.length)} councils of the reading “${cohort.named.label}”, by grade, beside every council with the data: referrals and children on a plan per 10,000 children in the year to March ${to}, and the change over the year before. Bars are means of the councils' own rates; the table also gives pooled rates.`,
    source:
      "Department for Education, Children in need statistics (referrals; children on a child protection plan at 31 March), and ONS mid-year population estimates of children aged 0–17, from dfe-analytical-services/CSC_outcomes_and_enablers, re-shaped by our importer (scripts/import) into data/councils/demand.csv; cohorts from Ofsted's inspection records and the SIF report dates (data/councils/inspections.csv). Open Government Licence v3.0.",
    rows,
    columns: [
      { field: "measure", label: "Measure" },
      { field: "view", label: "Year or change" },
      { field: "series", label: "Group (councils)" },
      { field: "group", label: "Group (colour)" },
      { field: "councils", label: "Councils with the values", format: count() },
      { field: "mean", label: "Mean of council rates", format: plainNumber(1) },
      { field: "pooled", label: "Group's children together", format: plainNumber(1) },
    ],
    spec: cohortDemandSpec(rows, series),
    narrowSpec: cohortDemandNarrowSpec(rows, series),
    dataFiles: [inspections.file, demand.file, councils.file],
  };
}
