/**
 * Vega-Lite → Vega → SVG, in this process, with no browser and no child process.
 * Any warning from either compiler or the runtime fails the render: a warning
 * usually means a chart that silently shows something other than intended.
 */
import * as vega from "vega";
import * as vl from "vega-lite";
import type { TopLevelSpec } from "vega-lite";
import { BuildError } from "../data/errors.ts";
import { installedVersion } from "./renderer-id.ts";
import { stabiliseIds } from "./stabilise.ts";
import { measureText } from "./text-metrics.ts";

/** Make every Vega view in this process measure text with the font's metrics (./text-metrics.ts). */
export function useFontMetrics(): void {
  // vega exports the object its text layout reads widths from (vega-scenegraph's textMetrics); its typings leave it out.
  const { textMetrics } = vega as unknown as { textMetrics: { width: typeof measureText } };
  textMetrics.width = measureText;
}

// Every chart drawn in this process (or worker) lays its text out with the page's font.
useFontMetrics();

// The cache keys name the versions installed (./renderer-id.ts): they must be the ones drawing.
for (const [name, loaded] of [["vega", vega.version], ["vega-lite", vl.version]] as const) {
  if (installedVersion(name) !== loaded) throw new Error(`${name} ${loaded} is loaded, but the chart cache's keys name ${installedVersion(name)}, the version installed`);
}

interface CollectingLogger extends vega.LoggerInterface {
  readonly messages: string[];
}

function collectingLogger(): CollectingLogger {
  const messages: string[] = [];
  let current = vega.Warn;
  const keep = (kind: string) => (...args: readonly unknown[]) => {
    messages.push(`${kind}: ${args.map(String).join(" ")}`);
    return logger;
  };
  const logger: CollectingLogger = {
    messages,
    level(level?: number) {
      if (level === undefined) return current;
      current = level;
      return logger;
    },
    error: keep("error"),
    warn: keep("warning"),
    info: () => logger,
    debug: () => logger,
  } as CollectingLogger;
  return logger;
}

/** Compile a Vega-Lite spec to Vega, failing on any warning. */
export function compileSpec(spec: TopLevelSpec, label = "chart"): vega.Spec {
  const logger = collectingLogger();
  let compiled: vega.Spec;
  try {
    compiled = vl.compile(spec, { logger }).spec;
  } catch (error) {
    throw new BuildError(`${label}: the Vega-Lite spec does not compile: ${(error as Error).message}`);
  }
  if (logger.messages.length > 0) throw new BuildError(`${label}: Vega-Lite reported ${logger.messages.join("; ")}`);
  return compiled;
}

/**
 * Render a Vega-Lite spec to an SVG string, its ids numbered in document order (`chart-1`, …):
 * Vega numbers clip paths from a counter of the process (or worker), so without this the
 * same spec drew other bytes depending on what was drawn before it, and a cached drawing
 * could not be compared with a fresh one. finishSvg gives the ids the figure's own prefix.
 */
export async function renderRawSvg(spec: TopLevelSpec, label = "chart"): Promise<string> {
  // Vega tags every data row it ingests (a symbol property on the object itself), and
  // the compiled spec still holds the caller's rows: render a copy, so the figure's rows,
  // which the build and its tests reuse, come back exactly as they went in.
  const compiled = structuredClone(compileSpec(spec, label));
  const logger = collectingLogger();
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logger, logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    if (logger.messages.length > 0) throw new BuildError(`${label}: Vega reported ${logger.messages.join("; ")}`);
    return stabiliseIds(svg, "chart");
  } finally {
    view.finalize();
  }
}
