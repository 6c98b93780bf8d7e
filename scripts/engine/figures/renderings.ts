/**
 * The renderings of a figure: the wide chart (about 600 px, for tablets and desktops)
 * and, unless the figure says it reads well at every width, a narrow one for phones.
 * The page carries both and CSS shows the one that fits its column (assets/report.css).
 */
import type { TopLevelSpec } from "vega-lite";
import { narrowSpec } from "../charts/narrow.ts";
import type { FigureDefinition } from "./types.ts";

export type RenderingName = "wide" | "narrow";

export interface Rendering {
  readonly name: RenderingName;
  readonly spec: TopLevelSpec;
}

export function figureRenderings(def: Pick<FigureDefinition, "spec" | "narrowSpec">): Rendering[] {
  const wide: Rendering = { name: "wide", spec: def.spec };
  if (def.narrowSpec === null) return [wide];
  return [wide, { name: "narrow", spec: def.narrowSpec ?? narrowSpec(def.spec) }];
}
