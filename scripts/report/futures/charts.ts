/**
 * The futures quadrant: two qualitative axes crossing at the centre, a scenario name in
 * each quadrant and the visions placed as labelled points. Positions are ordinal
 * judgements, so the axes carry words, not numbers.
 */
import type { TopLevelSpec } from "vega-lite";
import { measureText } from "../../engine/render/text-metrics.ts";
import { wrapToWidth } from "../../engine/charts/narrow.ts";
import { CHART_FONT_SIZE } from "../../engine/theme/palette.ts";
import { CHART_WIDTH, INK, MUTED_INK, RULE, vegaConfig, VEGA_LITE_SCHEMA } from "../../engine/charts/theme.ts";
import { GRADE_COLOURS } from "../shared/grades.ts";

/** The chart's three kinds of text at a rendering's text size: scenario names a step larger and bold, axis ends in italic. */
function fonts(size: number) {
  const scenario = { fontSize: size + 1, fontWeight: "bold" } as const;
  return { scenario, scenarioLine: scenario.fontSize + 3, vision: { fontSize: size } as const, axisEnd: { fontSize: size, fontStyle: "italic" } as const };
}
const PLOT_HEIGHT = 420;
/** A vision's label starts this far from its point. */
const VISION_GAP = 8;
const AXIS_ENDS = ["← Isolationism: the council stands alone", "Colonisation: absorbed into larger bodies →"] as const;

export interface FuturesPoint {
  readonly kind: "scenario" | "vision";
  readonly label: string;
  readonly integration: number;
  readonly focus: number;
}

/** A fixed label at a data position, for the ends of the two axes. */
function axisLabel(text: string | readonly string[], integration: number, focus: number, align: "left" | "right", dy: number, font: { fontSize: number; fontStyle: string }, dx = 0, baseline: "top" | "bottom" | "middle" = "middle") {
  const scale = { domain: [-2, 2], nice: false };
  return {
    data: { values: [{ text: typeof text === "string" ? text : [...text], integration, focus }] },
    mark: { type: "text" as const, align, baseline, dx, dy, ...font, lineHeight: font.fontSize + 2, color: MUTED_INK },
    encoding: {
      x: { field: "integration", type: "quantitative" as const, scale, axis: null },
      y: { field: "focus", type: "quantitative" as const, scale: { ...scale, reverse: true }, axis: null },
      text: { field: "text", type: "nominal" as const },
    },
  };
}

/**
 * `width`: the plot's width; `fontSize`: the rendering's text size. Every label is kept inside it: a scenario's name wraps to its
 * half of the plot, a vision's to the room between its point and the plot's edge or the
 * vertical axis, whichever it runs towards, and the
 * two ends of the horizontal axis, if they cannot stand side by side, go one above and one
 * below it, each wrapped to its half.
 * `keyed` (a phone's column, too narrow for nine names among four quadrants): each vision is
 * numbered beside its point, and the numbers are named in a key under the plot.
 */
export function futuresSpec(rows: readonly FuturesPoint[], width: number = CHART_WIDTH, fontSize: number = CHART_FONT_SIZE, keyed = false): TopLevelSpec {
  const { scenario: SCENARIO_FONT, scenarioLine: SCENARIO_LINE, vision: VISION_FONT, axisEnd: AXIS_END_FONT } = fonts(fontSize);
  const scale = { domain: [-2, 2], nice: false };
  const x = { field: "integration", type: "quantitative" as const, scale, axis: null };
  const y = { field: "focus", type: "quantitative" as const, scale: { ...scale, reverse: true }, axis: null };
  const px = (integration: number) => ((integration + 2) / 4) * width;
  const lines = (text: string, room: number, font: { fontSize: number; fontWeight?: string }) => {
    const wrapped = wrapToWidth(text, room, font.fontSize, font.fontWeight);
    return wrapped.length === 1 ? text : wrapped;
  };
  // A vision's label goes right of its point, or left of it towards the right-hand edge; it
  // changes side where it would only fit on the other one, and wraps where it fits on neither.
  // Its room ends at the vertical axis when the label runs towards it, so no label crosses it.
  const centre = width / 2;
  const room = (r: FuturesPoint, right: boolean) => {
    const at = px(r.integration);
    return (right ? (at < centre ? centre : width) - at : at - (at > centre ? centre : 0)) - VISION_GAP - 4;
  };
  const visionOnRight = new Map(
    rows.filter((r) => r.kind === "vision").map((r) => {
      const preferred = r.integration < 1;
      const fits = (right: boolean) => measureText(VISION_FONT, r.label) <= room(r, right);
      return [r.label, fits(preferred) || !fits(!preferred) ? preferred : !preferred];
    }),
  );
  const visions = rows.filter((r) => r.kind === "vision");
  const number = (r: FuturesPoint) => String(visions.indexOf(r) + 1);
  const shown = Object.fromEntries(
    rows.map((r) => [
      r.label,
      r.kind === "scenario" ? lines(r.label, width / 2 - 16, SCENARIO_FONT) : keyed ? number(r) : lines(r.label, room(r, visionOnRight.get(r.label) ?? true), VISION_FONT),
    ]),
  );
  // The key: each number and name on lines that fit the width, one entry under another, starting below the "Reactive action" label.
  const keyLine = VISION_FONT.fontSize + 2;
  let keyAt = PLOT_HEIGHT + 2 * keyLine + 12;
  const key = keyed
    ? visions.map((r) => {
        const text = wrapToWidth(`${number(r)}  ${r.label}`, width - 8, VISION_FONT.fontSize);
        const entry = { text, at: keyAt };
        keyAt += text.length * keyLine + 4;
        return entry;
      })
    : [];
  // An end of the horizontal axis wraps to its half of the plot, so it never reaches the vertical axis.
  const endLines = (text: string) => wrapToWidth(text, width / 2 - 12, AXIS_END_FONT.fontSize);
  const [leftEnd, rightEnd] = AXIS_ENDS.map(endLines);
  const text = { field: "shown", type: "nominal" as const };
  const visionText = (side: "left" | "right") => ({
    // "left" aligns the text's left end at the point: the label is to the right of it.
    transform: [{ filter: `datum.kind === 'vision' && indexof(${JSON.stringify([...visionOnRight].filter(([, right]) => right === (side === "left")).map(([label]) => label))}, datum.label) >= 0` }],
    mark: { type: "text" as const, align: side === "left" ? ("left" as const) : ("right" as const), dx: side === "left" ? VISION_GAP : -VISION_GAP, ...VISION_FONT, lineHeight: VISION_FONT.fontSize + 2, color: INK },
    encoding: { x, y, text },
  });
  const endsSideBySide = leftEnd.length === 1 && rightEnd.length === 1 && AXIS_ENDS.reduce((sum, end) => sum + measureText(AXIS_END_FONT, end), 0) + 16 <= width;
  const endLineHeight = AXIS_END_FONT.fontSize + 2;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig,
    width,
    height: PLOT_HEIGHT,
    data: { values: rows.map((r) => ({ ...r })) },
    transform: [{ calculate: `${JSON.stringify(shown)}[datum.label]`, as: "shown" }],
    layer: [
      { mark: { type: "rule", color: RULE }, encoding: { x: { datum: 0, type: "quantitative", scale, axis: null } } },
      { mark: { type: "rule", color: RULE }, encoding: { y: { datum: 0, type: "quantitative", scale: { ...scale, reverse: true }, axis: null } } },
      // The lower scenarios' names, if wrapped, rise by their extra lines so they end above the axis's end label.
      ...[
        { filter: "datum.kind === 'scenario' && datum.focus < 0", dy: 0 },
        { filter: "datum.kind === 'scenario' && datum.focus >= 0", dy: -(Math.max(1, ...rows.filter((r) => r.kind === "scenario" && r.focus >= 0).map((r) => [shown[r.label]].flat().length)) - 1) * SCENARIO_LINE },
      ].map(({ filter, dy }) => ({
        transform: [{ filter }],
        mark: { type: "text" as const, ...SCENARIO_FONT, lineHeight: SCENARIO_LINE, dy, color: MUTED_INK, align: "center" as const },
        encoding: { x, y, text },
      })),
      {
        transform: [{ filter: "datum.kind === 'vision'" }],
        mark: { type: "point", filled: true, size: 70, color: GRADE_COLOURS.good },
        encoding: { x, y },
      },
      visionText("left"),
      visionText("right"),
      // The horizontal axis's ends sit just above its line (the right one below it when both do not fit side by side).
      axisLabel(leftEnd, -2, 0, "left", -4 - (leftEnd.length - 1) * endLineHeight, AXIS_END_FONT, 0, "bottom"),
      endsSideBySide ? axisLabel(rightEnd, 2, 0, "right", -4, AXIS_END_FONT, 0, "bottom") : axisLabel(rightEnd, 2, 0, "right", 4, AXIS_END_FONT, 0, "top"),
      ...(keyed
        ? [
            {
              data: { values: key },
              mark: { type: "text" as const, align: "left" as const, baseline: "top" as const, ...VISION_FONT, lineHeight: keyLine, color: INK },
              encoding: { x: { value: 0 }, y: { field: "at", type: "quantitative" as const, scale: null }, text: { field: "text" } },
            },
          ]
        : []),
      // The vertical axis's ends are named above and below the plot, clear of the scenarios' names in its top and bottom corners.
      axisLabel("↑ Preventative action", 0, -2, "left", -4, AXIS_END_FONT, 6, "bottom"),
      axisLabel("↓ Reactive action", 0, 2, "left", 4, AXIS_END_FONT, 6, "top"),
    ],
  };
}
