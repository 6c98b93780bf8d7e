/**
 * "Ten years on": every ILACS report since 2018 (and the SIF reports before them), set
 * against the 2015 report's share of councils that stayed low (the transitions family's
 * result). Its analysis is the result the council pages use for each council's latest grade.
 */
import { defineFamily } from "../../engine/family.ts";
import { councils, inspections, SIF_FRAMEWORKS } from "../councils/datasets.ts";
import { transitions } from "../transitions/family.ts";
import { analyseIlacs, type IlacsAnalysis, type IlacsOptions } from "./compute.ts";
import { ilacsJudgements } from "./datasets.ts";
import { ilacsFigures } from "./figures.ts";
import { ilacsStats } from "./stats.ts";
import { ofstedSources } from "../shared/sources.ts";

/**
 * Spells Inadequate are counted from the single inspection framework's start (November
 * 2013), so that spells begun under it and ended under ILACS count.
 */
export const ILACS_OPTIONS: IlacsOptions = { spellsSince: "2013-11-01" };

export const ilacs = defineFamily({
  name: "ilacs",
  datasets: [ilacsJudgements, inspections, councils],
  uses: { transitions },
  build({ rows, uses, sourcesRead }) {
    const analysis: IlacsAnalysis = analyseIlacs(
      {
        rows: rows(ilacsJudgements),
        earlierReports: rows(inspections).filter((r) => SIF_FRAMEWORKS.includes(r.framework)),
        councils: rows(councils).filter((c) => c.status === "current"),
      },
      ILACS_OPTIONS,
    );
    const stuck2015 = uses.transitions.statedStayedLowShare;
    return { result: analysis, stats: ilacsStats(analysis, stuck2015), figures: ilacsFigures(analysis, stuck2015, ofstedSources(sourcesRead).ilacs) };
  },
});
