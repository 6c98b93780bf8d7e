/**
 * Chart spec for the mean-reversion illustration: two panels of slopes from a first to a
 * second period, the made-up examples (with their mean) beside the report's 2013 cohort.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_WIDTH, MUTED_INK, RULE, vegaConfig, VEGA_LITE_SCHEMA } from "../../engine/charts/theme.ts";
import { GRADE_COLOURS } from "../shared/grades.ts";

export type SlopeRole = "example" | "mean" | "inadequate" | "rest";

export const ROLE_STYLE: Readonly<Record<SlopeRole, { colour: string; dash: number[] }>> = {
  example: { colour: MUTED_INK, dash: [1, 0] },
  mean: { colour: RULE, dash: [5, 3] },
  inadequate: { colour: GRADE_COLOURS.inadequate, dash: [1, 0] },
  rest: { colour: GRADE_COLOURS.good, dash: [1, 0] },
};

export interface SlopeRow {
  readonly panel: string;
  readonly series: string;
  /** Legend label of the series' role. */
  readonly role: string;
  readonly period: string;
  /** 0 for the first period, 1 for the second. */
  readonly step: number;
  readonly value: number;
}

/** `roles` maps each legend label used in the rows to its role, in legend order. */
export function slopesSpec(rows: readonly SlopeRow[], roles: readonly { label: string; role: SlopeRole }[], axisTitle: string): TopLevelSpec {
  const panels = [...new Set(rows.map((r) => r.panel))];
  const values = rows.map((r) => r.value);
  const low = Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10);
  const high = Math.min(100, Math.ceil((Math.max(...values) + 5) / 10) * 10);
  const domain = roles.map((r) => r.label);
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    data: { values: rows.map((r) => ({ ...r })) },
    facet: { column: { field: "panel", type: "nominal", sort: panels, title: null, header: { labelFontWeight: "bold", labelLimit: 0 } } },
    spec: {
      width: CHART_WIDTH / 2 - 60,
      height: 260,
      encoding: {
        x: { field: "period", type: "ordinal", sort: { field: "step" }, title: null, axis: { labelAngle: 0 }, scale: { padding: 0.3 } },
        y: { field: "value", type: "quantitative", title: axisTitle, scale: { domain: [low, high] } },
        color: { field: "role", type: "nominal", scale: { domain, range: roles.map((r) => ROLE_STYLE[r.role].colour) }, legend: { title: null, columns: 2, labelLimit: 0, symbolStrokeWidth: 2, symbolType: "stroke" } },
        strokeDash: { field: "role", type: "nominal", scale: { domain, range: roles.map((r) => ROLE_STYLE[r.role].dash) }, legend: { title: null, columns: 2, labelLimit: 0, symbolStrokeWidth: 2, symbolType: "stroke" } },
        detail: { field: "series", type: "nominal" },
      },
      layer: [{ mark: { type: "line", strokeWidth: 2 } }, { mark: { type: "point", filled: true, size: 45, strokeDash: [1, 0] } }],
    },
    resolve: { scale: { x: "independent" } },
  };
}
