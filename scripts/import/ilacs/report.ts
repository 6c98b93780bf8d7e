/**
 * data/ilacs/import-report.md: the sources and their sha256, what was written (by source
 * and year), every source row left out and why, how councils were resolved, and where
 * the scrape disagrees with Ofsted's official table. Built only from this run's inputs, so
 * the same sources always give the same report.
 */
import type { CouncilRow } from "../../report/councils/datasets.ts";
import { ILACS_SOURCES, type IlacsJudgementRow } from "../../report/ilacs/datasets.ts";
import { table } from "../import-report.ts";
import type { IlacsSources } from "./sources.ts";
import { DROP_KINDS, ILACS_BEGAN, REFORM_DAY, type DropKind, type IlacsBuild } from "./transform.ts";

export interface IlacsReportInputs {
  readonly sources: IlacsSources;
  readonly build: IlacsBuild;
  readonly councils: readonly CouncilRow[];
}

/** Scrape columns and official columns the import does not carry into data/ilacs/judgements.csv. */
export const ILACS_COLUMNS_NOT_IMPORTED: readonly (readonly [string, string, string])[] = [
  ["official", "Web link", "a link to the council's page on Ofsted's site (\"Ofsted Local Authority Webpage\"), not a judgement"],
  ["official", "Local authority name, Local authority status, Ofsted region", "follow from the council (data/councils/councils.csv); a status that disagrees with it is listed above"],
  ["scrape", "local_authority", "the URN identifies the council; the name is only checked against it (above)"],
  ["scrape", "pdf_filename", "repeats the publication date"],
  ["scrape", "inspector_name", "a person's name; not needed for the analysis"],
  ["scrape", "parser_version", "describes the scrape, not the report"],
];

export function ilacsImportReport({ sources, build, councils }: IlacsReportInputs): string {
  const { asAt } = sources;
  const byCode = new Map(councils.map((c) => [c.code, c]));
  const who = (code: string | null) => (code === null ? "" : `${byCode.get(code)?.name ?? "?"} (${code})`);
  const { rows, dropped, comparison } = build;
  const count = (filter: (row: IlacsJudgementRow) => boolean) => rows.filter(filter).length;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);

  push(
    "# Import report: ILACS judgements",
    "",
    "Written by `npm run data:update` (scripts/import/update.ts) whenever it runs the ILACS import; do not edit by hand. It lists",
    "the sources read, the rows written by source and year, every source row left out with the reason,",
    "how each council was resolved, and every difference between the scrape and Ofsted's official table.",
    "",
    "## Sources read",
    "",
    ...table(
      ["file", "sha256", "rows", "used"],
      [
        [sources.official.file, sources.files[0].sha256, sources.official.rows.length, `${count((r) => r.source === "ofsted-official")} (reports published up to ${asAt})`],
        [sources.scrape.file, sources.files[1].sha256, sources.scrape.rows.length, `${count((r) => r.source === "report-scrape")} (reports published after ${asAt})`],
        [sources.lookup.file, sources.files[2].sha256, sources.lookup.rows.length, `${build.urns.length} URNs (those of the scrape rows published from ${ILACS_BEGAN})`],
      ],
    ),
    "",
    "## Rules",
    "",
    `- Ofsted's official table (\"as at\" ${asAt}) is used for reports published up to that day, the scrape of`,
    "  published reports only for reports published after it; `source` says which, `source_line` gives the line.",
    `- Official rows published after ${asAt} (the table lists inspections up to its as-at date, some published`,
    "  later) are left out in favour of the scrape, and compared with it below.",
    "- The official table gives one inspection date, the first day on site: it is `inspection_start`, and",
    "  `inspection_end` is empty for official rows. The scrape gives both days.",
    "- Grades: Ofsted's \"Requires improvement to be good\" and the scrape's \"requires improvement\" are",
    "  `requires_improvement`. The scrape's care-leavers value `inspection_pre_dates_judgement` (the judgement",
    "  exists from 2023) is an empty cell, as in the official table.",
    `- Reports of inspections from ${REFORM_DAY} give no overall grade (the scrape's \`not_reported_post_reform\`):`,
    "  kept with an empty `overall` and `ungraded_reason` = `no-grade-after-reform`.",
    "- `report_url`: the scrape's `inspection_link`. An official row takes the address of the scrape row on the",
    "  same report: the scrape row's URN resolves to the same council and it was published the same day (a scrape",
    "  row without a framework or grades still gives its address). Where the matching scrape rows give more than one",
    "  address the row gets none, and is listed under \"Report addresses\" below; nothing else is tried.",
    "- A report stays with the council inspected: reports on Bournemouth, Northamptonshire and Cumbria before",
    "  their abolition keep those councils' own codes (predecessors in data/councils/councils.csv).",
    "",
    "## Rows written",
    "",
    `${rows.length} reports: ${count((r) => r.source === "ofsted-official")} from Ofsted's official table, ${count((r) => r.source === "report-scrape")} from the scrape; ${count((r) => r.ungraded_reason !== null)} without an overall grade (after the reform). By year of publication:`,
    "",
  );
  const years = [...new Set(rows.map((r) => r.published.slice(0, 4)))].sort();
  push(
    ...table(
      ["year", ...ILACS_SOURCES, "total", "of which ungraded"],
      [
        ...years.map((year) => [
          year,
          ...ILACS_SOURCES.map((source) => count((r) => r.published.startsWith(year) && r.source === source)),
          count((r) => r.published.startsWith(year)),
          count((r) => r.published.startsWith(year) && r.ungraded_reason !== null),
        ]),
        ["all", ...ILACS_SOURCES.map((source) => count((r) => r.source === source)), rows.length, count((r) => r.ungraded_reason !== null)],
      ],
    ),
    "",
    "By inspection type:",
    "",
    ...table(
      ["type", ...ILACS_SOURCES, "total"],
      (["standard", "short", "longer"] as const).map((type) => [type, ...ILACS_SOURCES.map((source) => count((r) => r.inspection_type === type && r.source === source)), count((r) => r.inspection_type === type)]),
    ),
    "",
    "## Rows left out",
    "",
    `${dropped.length} source rows. A scrape row is tested in this order and left out at the first reason that applies; ILACS began on ${ILACS_BEGAN}.`,
    "",
  );
  const kinds = Object.keys(DROP_KINDS) as DropKind[];
  push(
    ...table(
      ["reason", ...ILACS_SOURCES],
      kinds.filter((kind) => dropped.some((d) => d.kind === kind)).map((kind) => [DROP_KINDS[kind], ...ILACS_SOURCES.map((source) => dropped.filter((d) => d.kind === kind && d.source === source).length)]),
    ),
    "",
    ...table(
      ["source", "line", "name in the source", "council", "published", "why"],
      dropped.map((d) => [d.source, d.line, d.name, who(d.councilCode), d.published ?? "", d.reason]),
    ),
    "",
    "## Councils",
    "",
    "### Official rows under a former or abolished council",
    "",
    ...table(
      ["line", "name", "code in the table", "status in the table", "council", "note"],
      build.officialResolutions.map((r) => [r.line, r.name, r.sourceCode, r.status, who(r.councilCode), r.note]),
    ),
    "",
    "### Scrape URNs",
    "",
    "Each URN is resolved through Provider_data_lookup.csv: its area code (`la_code_new`) when that is a current or",
    "former code in data/councils/councils.csv, otherwise its DfE number (`la_code`). The scrape's name is then",
    "checked against the council's DfE name, Ofsted's name and its aliases.",
    "",
  );
  const plain = build.urns.filter((u) => u.by === "area code" && u.nameMatches.every((m) => m === "name"));
  const notable = build.urns.filter((u) => !plain.includes(u));
  push(
    `${plain.length} URNs resolve by area code to a council whose DfE name is the scrape's name. The others:`,
    "",
    ...table(
      ["URN", "lookup line", "area code in the lookup", "DfE number", "scrape name", "council", "resolved by", "name matched by"],
      notable.map((u) => [u.urn, u.lookupLine, u.lookupCode, u.dfeNumber, u.scrapeNames.join("; "), who(u.councilCode), u.by ?? "not resolved", u.nameMatches.map((m) => m ?? "NOT MATCHED").join("; ")]),
    ),
    "",
  );
  if (build.officialDashes.length > 0) {
    push(
      "### Official sub-judgements given as \"-\" (left empty)",
      "",
      ...table(
        ["line:column", "council", "sub-judgement"],
        build.officialDashes.map((d) => [`${d.line}:${d.column}`, who(d.councilCode), d.field]),
      ),
      "",
    );
  }
  push(
    "## The scrape compared with the official table",
    "",
    `Reports in both (same council and publication date, any year): ${comparison.matched}; every compared field agrees on ${comparison.agreeing}.`,
    "Compared: inspection type, first day of the inspection, overall grade and the four sub-judgements. The scrape's",
    "values are not used for the official period; differences are listed so that either source can be checked.",
    "",
    "### Differences",
    "",
    ...table(
      ["council", "published", "official line", "scrape line", "field", "official", "scrape"],
      comparison.disagreements.map((d) => [who(d.councilCode), d.published, d.officialLine, d.scrapeLine, d.field, d.official || "(empty)", d.scrape || "(empty)"]),
    ),
    "",
    "### Official reports the scrape does not have",
    "",
    ...table(
      ["official line", "council", "published", "the scrape", "in data/ilacs/judgements.csv"],
      comparison.officialOnly.map((o) => {
        const unread = dropped.find((d) => d.source === "report-scrape" && d.kind === "no-framework" && d.councilCode === o.councilCode && d.published === o.published);
        return [o.line, who(o.councilCode), o.published, unread ? `line ${unread.line}, without a framework or grades` : "no row", o.published <= asAt ? "yes, from the official table" : "NO: published after the as-at date and missing from the scrape"];
      }),
    ),
    "",
    "### Report addresses",
    "",
    `${build.links.carried.length} of ${count((r) => r.source === "ofsted-official")} official rows take the scrape's address of the same report; ${build.links.ambiguous.length} ${build.links.ambiguous.length === 1 ? "is" : "are"} left without one because the scrape gives several (below); the others have no scrape row of their council and day (\"Official reports the scrape does not have\", above).`,
    "",
    ...table(
      ["official line", "council", "published", "scrape lines", "addresses"],
      build.links.ambiguous.map((a) => [a.officialLine, who(a.councilCode), a.published, a.scrapeLines.join(", "), a.links.join(" ")]),
    ),
    "",
    `### ILACS reports in the scrape up to ${asAt} that the official table does not have (not used)`,
    "",
    ...table(
      ["scrape line", "council", "published"],
      comparison.scrapeOnly.map((s) => [s.line, who(s.councilCode), s.published]),
    ),
    "",
    "## Columns not imported",
    "",
    ...table(
      ["source", "column", "why"],
      ILACS_COLUMNS_NOT_IMPORTED.map((c) => [...c]),
    ),
  );
  return `${out.join("\n")}\n`;
}
