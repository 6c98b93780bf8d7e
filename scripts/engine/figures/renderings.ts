/**
 * The renderings of a figure: the wide chart (the column's width at 1280 px, for tablets and
 * desktops; ../charts/wide.ts) and, unless the figure says it reads well at every width, a
 * narrow one for phones (../charts/narrow.ts).
 * The page carries both and CSS shows the one that fits its column (assets/report.css).
 */
import type { TopLevelSpec } from "vega-lite";
import { narrowSpec } from "../charts/narrow.ts";
import { wideSpec } from "../charts/wide.ts";
import type { FigureDefinition } from "./types.ts";

export type RenderingName = "wide" | "narrow";

export interface Rendering {
  readonly name: RenderingName;
  readonly spec: TopLevelSpec;
}

export function figureRenderings(def: Pick<FigureDefinition, "spec" | "narrowSpec">): Rendering[] {
  const wide: Rendering = { name: "wide", spec: wideSpec(def.spec) };
  if (def.narrowSpec === null) return [wide];
  return [wide, { name: "narrow", spec: def.narrowSpec ?? narrowSpec(def.spec) }];
}
