/**
 * The futures quadrant: two qualitative axes crossing at the centre, a scenario name in
 * each quadrant and the visions placed as labelled points. Positions are ordinal
 * judgements, so the axes carry words, not numbers.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_WIDTH, GRADE_COLOURS, INK, MUTED_INK, RULE, vegaConfig, VEGA_LITE_SCHEMA } from "./theme.ts";

export interface FuturesPoint {
  readonly kind: "scenario" | "vision";
  readonly label: string;
  readonly integration: number;
  readonly focus: number;
}


/** A fixed label at a data position, for the ends of the two axes. */
function axisLabel(text: string, integration: number, focus: number, align: "left" | "right", dy: number, dx = 0) {
  const scale = { domain: [-2, 2], nice: false };
  return {
    data: { values: [{ text, integration, focus }] },
    mark: { type: "text" as const, align, dx, dy, fontSize: 11, fontStyle: "italic", color: MUTED_INK },
    encoding: {
      x: { field: "integration", type: "quantitative" as const, scale, axis: null },
      y: { field: "focus", type: "quantitative" as const, scale: { ...scale, reverse: true }, axis: null },
      text: { field: "text", type: "nominal" as const },
    },
  };
}

export function futuresSpec(rows: readonly FuturesPoint[]): TopLevelSpec {
  const scale = { domain: [-2, 2], nice: false };
  const x = { field: "integration", type: "quantitative" as const, scale, axis: null };
  const y = { field: "focus", type: "quantitative" as const, scale: { ...scale, reverse: true }, axis: null };
  const visionText = (side: "left" | "right") => ({
    transform: [{ filter: `datum.kind === 'vision' && (datum.integration ${side === "left" ? "<" : ">="} 1)` }],
    mark: { type: "text" as const, align: side === "left" ? ("left" as const) : ("right" as const), dx: side === "left" ? 8 : -8, fontSize: 11, color: INK },
    encoding: { x, y, text: { field: "label", type: "nominal" as const } },
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width: CHART_WIDTH,
    height: 420,
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      { mark: { type: "rule", color: RULE }, encoding: { x: { datum: 0, type: "quantitative", scale, axis: null } } },
      { mark: { type: "rule", color: RULE }, encoding: { y: { datum: 0, type: "quantitative", scale: { ...scale, reverse: true }, axis: null } } },
      {
        transform: [{ filter: "datum.kind === 'scenario'" }],
        mark: { type: "text", fontSize: 13, fontWeight: "bold", color: MUTED_INK, align: "center" },
        encoding: { x, y, text: { field: "label", type: "nominal" } },
      },
      {
        transform: [{ filter: "datum.kind === 'vision'" }],
        mark: { type: "point", filled: true, size: 70, color: GRADE_COLOURS.good },
        encoding: { x, y },
      },
      visionText("left"),
      visionText("right"),
      axisLabel("← Isolationism: the council stands alone", -2, 0, "left", -8),
      axisLabel("Colonisation: absorbed into larger bodies →", 2, 0, "right", -8),
      axisLabel("↑ Preventative action", 0, -2, "left", 10, 6),
      axisLabel("↓ Reactive action", 0, 2, "left", -6, 6),
    ],
  };
}
