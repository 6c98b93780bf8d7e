/**
 * "The report tested": the 2015 report's forecast of councils Inadequate by April 2017
 * against the council records on the day, and its grade table carried on to the data's last
 * year with the framework changes marked.
 */
import { defineFamily } from "../../engine/family.ts";
import { councils, inspections, SAFEGUARDING_FRAMEWORKS, SIF_FRAMEWORKS } from "../councils/datasets.ts";
import { ilacsJudgements } from "../ilacs/datasets.ts";
import { outcomes } from "../outcomes/family.ts";
import { projection } from "../projection/family.ts";
import { ofstedSources } from "../shared/sources.ts";
import { analyseHindsight, type HindsightOptions } from "./analysis.ts";
import type { WholeServiceReport } from "./compute.ts";
import { longRunFigure } from "./figures.ts";
import { hindsightStats } from "./stats.ts";

/** ILACS reports, whatever their type, as one framework. */
const ILACS = "ilacs";

/**
 * A council's standing is its latest judgement of the whole service — before 2013 of its
 * safeguarding (SLAC safeguarding, child protection inspections), then the single inspection
 * framework and ILACS. Looked-after-children inspections judged one part of the service and
 * are left out. The chart marks the frameworks whose first reports fall in its years.
 */
export const HINDSIGHT_OPTIONS: HindsightOptions = {
  sif: SIF_FRAMEWORKS,
  frameworkStarts: [
    { marker: "SLAC begins", frameworks: ["slac-safeguarding"] },
    { marker: "SIF begins", frameworks: ["sif"] },
    { marker: "ILACS begins", frameworks: [ILACS] },
  ],
};

export const hindsight = defineFamily({
  name: "hindsight",
  datasets: [inspections, ilacsJudgements, councils],
  uses: { outcomes, projection },
  build({ rows, uses, sourcesRead }) {
    const reports: WholeServiceReport[] = [
      ...rows(inspections).filter((r) => SAFEGUARDING_FRAMEWORKS.includes(r.framework)),
      ...rows(ilacsJudgements).map((r) => ({ council_code: r.council_code, framework: ILACS, published: r.published, overall: r.overall })),
    ];
    const analysis = analyseHindsight(
      { reports, councils: rows(councils), published: uses.outcomes.years, forecast: uses.projection.report },
      HINDSIGHT_OPTIONS,
    );
    const sources = ofstedSources(sourcesRead);
    return {
      result: analysis,
      stats: hindsightStats(analysis),
      figures: [
        longRunFigure(analysis, {
          published: "To 2014/15: A Brave New World (iMPOWER for the LGA, 2015), grade table in chapter 1, as published.",
          records: `After it: ${sources.inspections} ${sources.ilacs}`,
        }),
      ],
    };
  },
});
