/** Stats of the futures quadrant: how the visions of 2025 spread over the two axes. */
import type { FuturesRow } from "./datasets.ts";
import { count } from "../../engine/stats/format.ts";
import type { Stat } from "../../engine/stats/registry.ts";

export function futuresStats(rows: readonly FuturesRow[]): Stat[] {
  const visions = rows.filter((r) => r.kind === "vision");
  const n = (label: string, key: string, test: (r: FuturesRow) => boolean): Stat => ({ key: `futures.visions.${key}`, value: visions.filter(test).length, format: count(), label });
  return [
    n("visions of the director's role in 2025 placed on the quadrant", "count", () => true),
    n("visions on the colonisation side", "colonised", (r) => r.integration > 0),
    n("visions on the isolationism side", "isolated", (r) => r.integration < 0),
    n("visions on the reactive side", "reactive", (r) => r.focus > 0),
    n("visions on the preventative side", "preventative", (r) => r.focus < 0),
  ];
}
