/**
 * "A Brave New World", rebuilt: the list of its families, one folder each, handed to the
 * engine (scripts/engine/) as this project's report definition. A family is built after
 * the families it uses; the datasets load in the order the families list them.
 * A new family is one folder and one line here.
 */
import { defineReport } from "../engine/definition.ts";
import { cohort } from "./cohort/family.ts";
import { cost } from "./cost/family.ts";
import { councils } from "./councils/family.ts";
import { futures } from "./futures/family.ts";
import { hindsight } from "./hindsight/family.ts";
import { ilacs } from "./ilacs/family.ts";
import { outcomes } from "./outcomes/family.ts";
import { projection } from "./projection/family.ts";
import { recount } from "./recount/family.ts";
import { REPORT_THEME } from "./shared/theme.ts";
import { survey } from "./survey/family.ts";
import { transitions } from "./transitions/family.ts";

export default defineReport({
  families: [outcomes, transitions, cohort, cost, projection, survey, futures, recount, ilacs, hindsight, councils],
  claims: {
    // The register groups claims by where the 2015 report makes them, in reading order.
    groups: [{ id: "summary", heading: "Executive summary" }, { id: "1" }, { id: "2" }, { id: "3" }, { id: "4" }, { id: "conclusion", heading: "Conclusion" }],
    // The recounts are of Ofsted's judgements per council (data/councils/).
    records: "council records",
  },
  theme: REPORT_THEME,
});
