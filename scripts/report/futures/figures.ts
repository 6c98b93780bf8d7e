/** Chapter 4's futures quadrant as a figure. */
import { futuresVisions, type FuturesRow } from "./datasets.ts";
import { futuresSpec } from "./charts.ts";
import { NARROW_WIDTH } from "../../engine/charts/narrow.ts";
import { NARROW_CHART_FONT_SIZE } from "../../engine/theme/palette.ts";
import type { FigureDefinition } from "../../engine/figures/types.ts";

const quadrant = (r: FuturesRow) => `${r.integration < 0 ? "isolationist" : "colonised"} and ${r.focus < 0 ? "preventative" : "reactive"}`;

export function futuresFigure(rows: readonly FuturesRow[]): FigureDefinition {
  const visions = rows.filter((r) => r.kind === "vision");
  const scenarios = rows.filter((r) => r.kind === "scenario");
  const colonised = visions.filter((r) => r.integration > 0).length;
  const plotted = rows.map(({ kind, label, integration, focus }) => ({ kind, label, integration, focus }));
  return {
    key: "futures-quadrant",
    title: `Directors' visions of their role in 2025 spread across the map: ${colonised} of ${visions.length} imagine children's services absorbed into larger bodies`,
    description:
      `A map with two axes: from isolationism (the council stands alone) on the left to colonisation (absorbed into larger bodies) on the right, and from preventative action at the top to reactive action at the bottom. ` +
      `The four quadrants are named: ${scenarios.map((s) => `${s.label} (${quadrant(s)})`).join("; ")}. ` +
      `The visions placed on it are: ${visions.map((v) => `${v.label} (${quadrant(v)})`).join("; ")}.`,
    caption:
      "The report named the two axes but did not publish where each response sits. The scenario names and the placing of each vision are our reading of the survey comments the report quotes, not the report's own chart.",
    source: "A Brave New World (iMPOWER for the Local Government Association, 2015), chapter 4: the axes and the survey comments; positions by us.",
    rows: plotted,
    columns: [
      { field: "kind", label: "Kind" },
      { field: "label", label: "Scenario or vision" },
      { field: "integration", label: "Isolationism (−2) to colonisation (+2)" },
      { field: "focus", label: "Preventative (−2) to reactive (+2)" },
    ],
    spec: futuresSpec(plotted),
    // The plot is the phone column less Vega's padding of 5 px each side and the axis end arrow's overhang; the labels wrap inside it.
    narrowSpec: futuresSpec(plotted, NARROW_WIDTH - 12, NARROW_CHART_FONT_SIZE, true),
    dataFiles: [futuresVisions.file],
  };
}
