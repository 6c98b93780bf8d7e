/**
 * Chart spec for the cost family: the annual cost of Inadequate judgements at several
 * costs per council, with the report's rounded rate beside the unrounded one.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_HEIGHT, CHART_WIDTH, INK, MUTED_INK, SECONDARY_MARK, VEGA_LITE_SCHEMA, vegaConfig } from "../../engine/charts/theme.ts";
import { CHART_FONT_SIZE } from "../../engine/theme/palette.ts";


export interface AnnualCostRow {
  /** The cost per council, e.g. "£3m a council (lowest estimate)". */
  readonly perCouncil: string;
  /** The rate of Inadequate ratings a year used, e.g. "10 a year (rounded up, as the report)". */
  readonly rate: string;
  /** Annual cost in pounds. */
  readonly pounds: number;
}

/**
 * Grouped columns: one group per cost per council, one column per rate, labelled in £m.
 * `staggered`: the second rate's values stand a line higher than the first's, for a column
 * too narrow for two values side by side (the phone's); its columns are never taller, as
 * its rate is the lower, so the two never meet.
 */
export function annualCostSpec(rows: readonly AnnualCostRow[], rates: readonly [string, string], staggered = false): TopLevelSpec {
  const groups = [...new Set(rows.map((r) => r.perCouncil))];
  const top = Math.ceil((Math.max(...rows.map((r) => r.pounds)) * 1.12) / 1e7) * 1e7;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: rows.map((r) => ({ ...r })) },
    transform: [{ calculate: "'£' + format(datum.pounds / 1e6, '.3~f') + 'm'", as: "label" }],
    encoding: {
      // Groups close together and a gap between a group's two columns, so each value label,
      // wider than its column on a phone, stays clear of the neighbouring column.
      x: { field: "perCouncil", type: "nominal", sort: groups, title: "Cost of recovery per council", scale: { paddingInner: 0.12 }, axis: { labelAngle: 0, labelLimit: 0 } },
      xOffset: { field: "rate", type: "nominal", sort: [...rates], scale: { paddingInner: 0.15 } },
      y: {
        field: "pounds",
        type: "quantitative",
        title: "Cost across England per year",
        scale: { domain: [0, top] },
        axis: { labelExpr: "'£' + format(datum.value / 1e6, '~f') + 'm'", grid: false },
      },
    },
    layer: [
      {
        mark: { type: "bar" },
        encoding: { color: { field: "rate", type: "nominal", sort: [...rates], scale: { domain: [...rates], range: [INK, SECONDARY_MARK] }, legend: { title: null, labelLimit: 0 } } },
      },
      ...rates.map((rate, index) => ({
        transform: [{ filter: { field: "rate", equal: rate } }],
        mark: { type: "text" as const, baseline: "bottom" as const, dy: staggered && index === 1 ? -3 - (CHART_FONT_SIZE + 2) : -3, color: MUTED_INK },
        encoding: { text: { field: "label", type: "nominal" as const } },
      })),
    ],
  };
}
