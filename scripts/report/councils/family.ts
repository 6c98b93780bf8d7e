/**
 * The councils: the council list, their inspections and demand (the datasets other
 * families read, defined in ./datasets.ts), and a page per council with its whole
 * inspection history, drawn by the partials in this folder; the index that finds them;
 * and the council names and inspection judgements the release manifest keeps from release
 * to release.
 */
import { defineFamily } from "../../engine/family.ts";
import { ilacsJudgements } from "../ilacs/datasets.ts";
import { ilacs } from "../ilacs/family.ts";
import { recount } from "../recount/family.ts";
import { councils as councilsDataset, inspections, reportMentions } from "./datasets.ts";
import { ofstedSources } from "../shared/sources.ts";
import { councilPages, councilRecords, judgementRecords, pageEntries, thankedList } from "./pages.ts";

export const councils = defineFamily({
  name: "councils",
  datasets: [councilsDataset, inspections, ilacsJudgements, reportMentions],
  uses: { ilacs, recount },
  templates: import.meta.dirname,
  build({ rows, uses, sourcesRead }) {
    const { pages, index, judgements } = councilPages({ councils: rows(councilsDataset), inspections: rows(inspections), ilacsRows: rows(ilacsJudgements), ilacs: uses.ilacs, cohort: uses.recount.cohort, mentions: rows(reportMentions), sources: ofstedSources(sourcesRead) });
    return {
      // content/councils/council.njk paginates over families.councils.pages.
      lists: { pages: pages.map(({ view }) => ({ slug: view.slug, name: view.name, listedName: view.link.listedName, region: view.region })) },
      views: {
        page: {
          template: "council-page.njk",
          entries: pageEntries(pages),
          figures: {
            id: "council-data",
            heading: "Each council's inspection history",
            caption: "Every council's inspection timeline, on its page, and its data (CSV)",
            region: "The councils' data files, scrollable",
            column: "Council",
          },
        },
        index: { template: "council-index.njk", context: { index } },
        // The About page's list of the people the 2015 report thanks, each with a link to their council's page.
        thanked: { template: "report-thanks.njk", context: { thanked: thankedList(rows(reportMentions), rows(councilsDataset)) } },
      },
      records: [councilRecords(rows(councilsDataset)), judgementRecords(judgements)],
    };
  },
});
