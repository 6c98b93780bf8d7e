/**
 * Chart spec for the projection family: councils Inadequate by the horizon under the
 * report's unexplained figure and under our stated methods, as horizontal bars.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_WIDTH, INK, MUTED_INK, VEGA_LITE_SCHEMA, vegaConfig } from "../../engine/charts/theme.ts";
import { GRADE_COLOURS } from "../shared/grades.ts";
import { LIGHT } from "../shared/theme.ts";

export type ProjectionKind = "report" | "ours" | "check";

/** A paler companion of the Inadequate colour, for the cross-check. */
const INADEQUATE_LIGHT_MARK = LIGHT["inadequate-light-mark"];
const KIND_COLOURS: Readonly<Record<ProjectionKind, string>> = { report: MUTED_INK, ours: GRADE_COLOURS.inadequate, check: INADEQUATE_LIGHT_MARK };

export interface ProjectionRow {
  readonly method: string;
  readonly kind: ProjectionKind;
  /** Councils, unrounded. */
  readonly councils: number;
}

/** One bar per method, in the given order, labelled with the whole number of councils. */
export function projectionSpec(rows: readonly ProjectionRow[], axisTitle: string): TopLevelSpec {
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const top = Math.ceil((Math.max(...rows.map((r) => r.councils)) * 1.12) / 10) * 10;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH - 300,
    height: { step: 30 },
    data: { values: rows.map((r) => ({ ...r })) },
    transform: [{ calculate: "format(round(datum.councils), 'd')", as: "label" }],
    encoding: {
      y: { field: "method", type: "nominal", sort: null, title: null, axis: { labelLimit: 0, labelColor: INK } },
      x: { field: "councils", type: "quantitative", title: axisTitle, scale: { domain: [0, top] }, axis: { grid: false } },
    },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2 },
        encoding: { color: { field: "kind", type: "nominal", scale: { domain: kinds, range: kinds.map((k) => KIND_COLOURS[k]) }, legend: null } },
      },
      { mark: { type: "text", align: "left", dx: 4, color: INK, fontWeight: "bold" }, encoding: { text: { field: "label", type: "nominal" } } },
    ],
  };
}
