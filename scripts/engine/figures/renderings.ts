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

/** Each definition's renderings, made once: the build draws them and the manifest hashes them. */
const renderingsOf = new WeakMap<object, readonly Rendering[]>();

export function figureRenderings(def: Pick<FigureDefinition, "spec" | "narrowSpec">): readonly Rendering[] {
  const made = renderingsOf.get(def);
  if (made) return made;
  const wide: Rendering = { name: "wide", spec: wideSpec(def.spec) };
  const renderings = def.narrowSpec === null ? [wide] : [wide, { name: "narrow" as const, spec: def.narrowSpec ?? narrowSpec(def.spec) }];
  renderingsOf.set(def, renderings);
  return renderings;
}
