/**
 * Floor (b) of `npm run bench`: the report's charts drawn by Vega alone, in plain Node (no
 * tsx, none of the engine's code), on two worker threads started from a cold process: each
 * imports vega and vega-lite and draws its half of the specs with vl.compile, new vega.View
 * and toSVG. Prints one JSON line: charts drawn, SVG bytes, and milliseconds from the start
 * of the process to the last SVG. Usage: node bench/floors/vega.mjs SPECS.json [THREADS]
 */
import { readFile } from "node:fs/promises";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

if (isMainThread) {
  const specs = JSON.parse(await readFile(process.argv[2], "utf8"));
  const threads = Number(process.argv[3] ?? 2);
  const share = Math.ceil(specs.length / threads);
  const halves = Array.from({ length: threads }, (_, i) => specs.slice(i * share, (i + 1) * share));
  const done = await Promise.all(
    halves.map(
      (part) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: part });
          worker.once("message", resolve);
          worker.once("error", reject);
        }),
    ),
  );
  // performance.now() counts from the start of this process.
  const ms = performance.now();
  const charts = done.reduce((sum, d) => sum + d.charts, 0);
  if (charts !== specs.length) throw new Error(`drew ${charts} of ${specs.length} charts`);
  console.log(JSON.stringify({ charts, bytes: done.reduce((sum, d) => sum + d.bytes, 0), ms }));
} else {
  const vega = await import("vega");
  const vl = await import("vega-lite");
  let bytes = 0;
  for (const spec of workerData) {
    const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
    const svg = await view.toSVG();
    view.finalize();
    if (!svg.startsWith("<svg")) throw new Error("a chart did not render to SVG");
    bytes += svg.length;
  }
  parentPort.postMessage({ charts: workerData.length, bytes });
}
