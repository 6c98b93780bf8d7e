/**
 * The wide rendering of a chart: the spec as its family wrote it, with a single view (or a
 * layer of views) made as wide as the figure's column at 1280 px (CHART_WIDTH), so the
 * chart is shown at its own size there and its text at the size it was set in.
 *   - a view Vega can fit (a continuous or fixed height) gets autosize "fit-x", which takes
 *     its axis labels, measured with the real font, out of the plot's width;
 *   - rows of bars (a height by step), which Vega cannot fit, get the column less their
 *     labels as measured, and room for values written past the bars' ends.
 * A spec of panels (facet or concat) sizes its panels itself, from CHART_WIDTH, and is left
 * as it is; so is a spec that sets its own autosize (one that lays out text past its plot).
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_FONT_SIZE } from "../theme/palette.ts";
import { AXIS_GUTTER, hasRowsByStep, isObject, labelExtent, positionChannel, roomForValueLabels, type Json } from "./fit.ts";
import { CHART_WIDTH } from "./theme.ts";

export function wideSpec(spec: TopLevelSpec): TopLevelSpec {
  const view = spec as unknown as Json;
  if (view.facet !== undefined || view.spec !== undefined || view.hconcat !== undefined || view.vconcat !== undefined || view.concat !== undefined || view.repeat !== undefined) return spec;
  // A spec that sizes itself says so with its own autosize.
  if (typeof view.width !== "number" || view.autosize !== undefined) return spec;
  const fitted: Json = { ...view };
  if (hasRowsByStep(view)) {
    const y = positionChannel(view, "y");
    const rows = (isObject(view.data) && Array.isArray(view.data.values) ? view.data.values : []) as Json[];
    fitted.width = Math.round(CHART_WIDTH - (y ? labelExtent(y, rows, CHART_FONT_SIZE) : 3 * CHART_FONT_SIZE) - AXIS_GUTTER - roomForValueLabels(view, CHART_FONT_SIZE));
  } else {
    fitted.width = CHART_WIDTH;
    fitted.autosize = { type: "fit-x", contains: "padding" };
  }
  return fitted as unknown as TopLevelSpec;
}
