/**
 * `npm run bench`: measure the chart stage against vega-lite's own command-line tool, the
 * real report's cold and no-change builds, a rebuild after one data file changed, and
 * drawing 100 and 1,000 made-up charts. Prints a table and writes bench/results.md.
 * Every figure is the median of several runs with the fastest and slowest beside it;
 * nothing in the output is typed in, everything is measured here.
 *
 * Usage: tsx bench/run.ts [--runs 5] [--peer-charts 12] [--out bench/results.md]
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import type { TopLevelSpec } from "vega-lite";
import { signProvenance } from "../scripts/engine/data/provenance.ts";
import { prepareReport } from "../scripts/engine/prepare.ts";
import { cacheKey, SvgCache } from "../scripts/engine/render/cache.ts";
import { RenderPool, defaultStartAt } from "../scripts/engine/render/pool.ts";
import { finishSvg, presentationalChildren } from "../scripts/engine/render/stabilise.ts";
import { RENDERER_ID, renderRawSvg } from "../scripts/engine/render/svg.ts";
import { formatSummary, markdownTable, scale, summarise, type Summary } from "./stats.ts";
import REPORT from "../scripts/report/index.ts";

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, "..");
const TSX = path.join(REPO, "node_modules", ".bin", "tsx");
const VL2SVG = path.join(REPO, "node_modules", "vega-lite", "bin", "vl2svg");
const TIME = "/usr/bin/time";
const CHANGED_FILE = "data/national/inspection-outcomes-by-year.csv";

const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "peer-charts": { type: "string", default: "12" },
    out: { type: "string", default: path.join(REPO, "bench", "results.md") },
  },
});
const RUNS = Number(options.runs);
const PEER_CHARTS = Number(options["peer-charts"]);

const scratch = await mkdtemp(path.join(os.tmpdir(), "report-bench-"));
let folders = 0;
const folder = async (name: string) => {
  const dir = path.join(scratch, `${++folders}-${name}`);
  await mkdir(dir, { recursive: true });
  return dir;
};
const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => ms / 1000;
const mib = (bytes: number) => bytes / 2 ** 20;

async function repeat(label: string, work: (run: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    samples.push(await work(i));
    say(`  ${label} run ${i + 1}/${RUNS}: ${samples[i].toFixed(1)}`);
  }
  return samples;
}

// 1. The chart stage ----------------------------------------------------------------

interface Chart {
  readonly spec: TopLevelSpec;
  readonly label: string;
}

/**
 * Every chart a build of the real report draws (placed figures and council timelines),
 * in build order, collected by preparing the report with a cache whose renderer only
 * records what it is asked to draw.
 */
async function reportCharts(): Promise<Chart[]> {
  const charts: Chart[] = [];
  const recorder = new SvgCache(null, async (spec, label) => {
    charts.push({ spec, label });
    return "<svg></svg>";
  });
  await prepareReport(REPO, path.join(REPO, "content"), recorder, REPORT);
  return charts;
}

const finish = (raw: string, index: number) => presentationalChildren(finishSvg(raw, { idPrefix: `figure-${index}`, title: "t", description: "d" }));

async function ourSingleThread(charts: readonly Chart[]): Promise<number> {
  const started = performance.now();
  for (const [index, chart] of charts.entries()) finish(await renderRawSvg(chart.spec, chart.label), index);
  return performance.now() - started;
}

async function ourPool(pool: RenderPool, charts: readonly Chart[]): Promise<number> {
  const started = performance.now();
  await Promise.all(charts.map(async (chart, index) => finish(await pool.render(chart.spec, chart.label), index)));
  return performance.now() - started;
}

/** One vl2svg process per chart, one after another, each reading its spec from a file and writing its SVG to a file. */
async function peer(files: readonly string[]): Promise<number> {
  const started = performance.now();
  for (const file of files) {
    await run(process.execPath, [VL2SVG, file, `${file}.svg`]);
  }
  const ms = performance.now() - started;
  for (const file of files) {
    const svg = await readFile(`${file}.svg`, "utf8");
    if (!svg.startsWith("<svg")) throw new Error(`vl2svg wrote no SVG for ${file}`);
    await rm(`${file}.svg`);
  }
  return ms;
}

// 2. Builds of the real report ---------------------------------------------------------

interface BuildRun {
  readonly wallMs: number;
  /** The build's own "Built … in N s": without Node, tsx and module loading. */
  readonly ownMs: number;
  readonly drawn: number;
  readonly fromCache: number;
  readonly maxRssKiB: number;
  /** The build found nothing changed and left the output as it was. */
  readonly upToDate: boolean;
}

/** `npm run build` of a project in a child process (what a person runs), timed from outside. */
async function build(root: string, outDir: string, cacheDir: string, env: Record<string, string> = {}, args: readonly string[] = []): Promise<BuildRun> {
  const rssFile = path.join(scratch, "rss.txt");
  const started = performance.now();
  const { stdout } = await run(TIME, ["-f", "%M", "-o", rssFile, TSX, "scripts/engine/build.ts", "--root", root, "--out", outDir, ...args], {
    cwd: REPO,
    env: { ...process.env, ...env, REPORT_SVG_CACHE: cacheDir },
  });
  const wallMs = performance.now() - started;
  const maxRssKiB = Number((await readFile(rssFile, "utf8")).trim().split("\n").at(-1));
  const upToDate = /is up to date: .*\(checked in (\d+\.\d) s/m.exec(stdout);
  if (upToDate) return { wallMs, ownMs: Number(upToDate[1]) * 1000, drawn: 0, fromCache: 0, maxRssKiB, upToDate: true };
  const charts = /^Charts: (\d+) drawn, (\d+) from the cache$/m.exec(stdout);
  const own = /^Built .* in (\d+\.\d) s$/m.exec(stdout);
  if (!charts || !own) throw new Error(`the build did not say how long it took and how many charts it drew:\n${stdout}`);
  return { wallMs, ownMs: Number(own[1]) * 1000, drawn: Number(charts[1]), fromCache: Number(charts[2]), maxRssKiB, upToDate: false };
}

/** This report's definition: a copy of the project (content and data only) is built with it. */
const DEFINITION = path.join(REPO, "scripts", "report", "index.ts");

/** A copy of the project's own files (content, data, package.json; not node_modules or its code). */
async function copyProject(): Promise<string> {
  const root = path.join(await folder("project"), "report");
  for (const entry of ["content", "data", "package.json", "releases"]) {
    await cp(path.join(REPO, entry), path.join(root, entry), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
  return root;
}

/**
 * Change a number in the outcomes table: move one percentage point between two grades
 * of the same year (so the year still sums as before), and re-sign the data ledger.
 */
async function changeOneValue(root: string): Promise<string> {
  const file = path.join(root, CHANGED_FILE);
  const lines = (await readFile(file, "utf8")).split("\n");
  // No reproduced claim quotes a 2008/09 share (the 2015 table's are not reproducible), so the claims register still holds.
  const at = (grade: string) => lines.findIndex((line) => line.startsWith(`2008/09,${grade},`));
  const [down, up] = [at("good"), at("ri_or_adequate")];
  if (down < 0 || up < 0) throw new Error(`${CHANGED_FILE}: no 2008/09 rows for good and ri_or_adequate`);
  const bump = (index: number, by: number) => {
    const cells = lines[index].split(",");
    cells[2] = String(Number(cells[2]) + by);
    lines[index] = cells.join(",");
  };
  const before = `${lines[down]} / ${lines[up]}`.replace(/,"[^"]*"/g, "");
  bump(down, -1);
  bump(up, +1);
  await writeFile(file, lines.join("\n"));
  await signProvenance(root);
  return `${before} → ${`${lines[down]} / ${lines[up]}`.replace(/,"[^"]*"/g, "")}`;
}

// 3. Scaling --------------------------------------------------------------------------

interface ScaleRun {
  readonly ms: number;
  readonly misses: number;
  readonly peakRss: number;
  readonly maxRssKiB: number;
}

async function scaleRun(charts: number, env: Record<string, string> = {}): Promise<ScaleRun> {
  const rssFile = path.join(scratch, "rss.txt");
  const cacheDir = path.join(await folder(`scale-${charts}`), "svg");
  const { stdout } = await run(TIME, ["-f", "%M", "-o", rssFile, TSX, "bench/scale-child.ts", String(charts), cacheDir], { cwd: REPO, maxBuffer: 1 << 20, env: { ...process.env, ...env } });
  const result = JSON.parse(stdout.trim().split("\n").at(-1) as string) as { ms: number; misses: number; peakRss: number };
  await rm(cacheDir, { recursive: true, force: true });
  return { ...result, maxRssKiB: Number((await readFile(rssFile, "utf8")).trim().split("\n").at(-1)) };
}

// The run ------------------------------------------------------------------------------

const loadBefore = os.loadavg();
const startedAt = new Date();
say(`Benchmark: ${RUNS} runs of each; load average ${loadBefore.map((l) => l.toFixed(2)).join(" ")}; ${os.availableParallelism()} cores`);

say("1. Chart stage: the report's charts");
const charts = await reportCharts();
const distinct = new Set(charts.map((c) => cacheKey(c.spec))).size;
say(`  ${charts.length} charts (${distinct} distinct specs)`);
// Warm module: the renderer is loaded and has drawn once before timing starts.
await renderRawSvg(charts[0].spec, charts[0].label);
const single = await repeat("ours, one thread, ms", () => ourSingleThread(charts));
const pool = new RenderPool();
await pool.start();
const pooled = await repeat(`ours, render pool (this thread + ${pool.threads} worker), ms`, () => ourPool(pool, charts));
await pool.close();
const specDir = await folder("peer");
const step = charts.length / PEER_CHARTS;
const peerCharts = Array.from({ length: Math.min(PEER_CHARTS, charts.length) }, (_, i) => charts[Math.floor(i * step)]);
const peerFiles: string[] = [];
for (const [index, chart] of peerCharts.entries()) {
  const file = path.join(specDir, `chart-${index + 1}.vl.json`);
  await writeFile(file, JSON.stringify(chart.spec));
  peerFiles.push(file);
}
const peerSamples = await repeat(`vl2svg, one process per chart, ${peerFiles.length} charts, ms`, () => peer(peerFiles));

const perChart = {
  single: scale(summarise(single), (ms) => ms / charts.length),
  pooled: scale(summarise(pooled), (ms) => ms / charts.length),
  peer: scale(summarise(peerSamples), (ms) => ms / peerFiles.length),
};
const ratio = (ours: Summary) => perChart.peer.median / ours.median;

say("2. Builds of the real report (npm run build in a child process)");
const out = await folder("site");
const cold: BuildRun[] = [];
let warmCache = "";
for (let i = 0; i < RUNS; i += 1) {
  warmCache = path.join(await folder("cold-cache"), "svg");
  cold.push(await build(REPO, path.join(out, "cold"), warmCache));
  say(`  cold build run ${i + 1}/${RUNS}: ${cold[i].wallMs.toFixed(0)} ms, ${cold[i].drawn} drawn, ${cold[i].fromCache} from the cache`);
}
const coldForced: BuildRun[] = [];
for (let i = 0; i < RUNS; i += 1) {
  coldForced.push(await build(REPO, path.join(out, "cold-alone"), path.join(await folder("cold-alone-cache"), "svg"), { REPORT_RENDER_START_AT: "1" }));
  say(`  cold build with a worker thread from the first chart run ${i + 1}/${RUNS}: ${coldForced[i].wallMs.toFixed(0)} ms, ${coldForced[i].drawn} drawn`);
}
// The last cold build's output and cache: running the build again is the no-change rebuild.
const warm: BuildRun[] = [];
for (let i = 0; i < RUNS; i += 1) {
  warm.push(await build(REPO, path.join(out, "cold"), warmCache));
  if (!warm[i].upToDate) throw new Error("the no-change rebuild did not find the site up to date");
  say(`  no-change rebuild run ${i + 1}/${RUNS}: ${warm[i].wallMs.toFixed(0)} ms, up to date (checked in ${warm[i].ownMs.toFixed(0)} ms)`);
}
// --force: every page written again, every chart from the warm cache.
const forced: BuildRun[] = [];
for (let i = 0; i < RUNS; i += 1) {
  forced.push(await build(REPO, path.join(out, "cold"), warmCache, {}, ["--force"]));
  say(`  forced rebuild run ${i + 1}/${RUNS}: ${forced[i].wallMs.toFixed(0)} ms, ${forced[i].drawn} drawn, ${forced[i].fromCache} from the cache`);
}
const project = await copyProject();
const changeCache = path.join(await folder("change-cache"), "svg");
const beforeChange = await build(project, path.join(out, "change"), changeCache, {}, ["--report", DEFINITION]);
const change = await changeOneValue(project);
const afterChange = await build(project, path.join(out, "change"), changeCache, {}, ["--report", DEFINITION]);
say(`  one value changed in ${CHANGED_FILE} (${change}): ${afterChange.drawn} drawn, ${afterChange.fromCache} from the cache`);
const coldS = scale(summarise(cold.map((b) => b.wallMs)), seconds);
const warmS = scale(summarise(warm.map((b) => b.wallMs)), seconds);
const coldForcedS = scale(summarise(coldForced.map((b) => b.wallMs)), seconds);
const coldOwn = scale(summarise(cold.map((b) => b.ownMs)), seconds);
const warmOwn = scale(summarise(warm.map((b) => b.ownMs)), seconds);
const forcedS = scale(summarise(forced.map((b) => b.wallMs)), seconds);
const forcedOwn = scale(summarise(forced.map((b) => b.ownMs)), seconds);

say("3. Scaling: made-up charts through the build's render, cache and finish pipeline");
const scaling = new Map<number, ScaleRun[]>();
for (const n of [100, 1000]) {
  const runs: ScaleRun[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    runs.push(await scaleRun(n));
    say(`  ${n} charts run ${i + 1}/${RUNS}: ${runs[i].ms.toFixed(0)} ms, ${runs[i].misses} drawn, peak RSS ${mib(runs[i].peakRss).toFixed(0)} MiB (time -v: ${(runs[i].maxRssKiB / 1024).toFixed(0)} MiB)`);
  }
  scaling.set(n, runs);
}
const alone1000: ScaleRun[] = [];
for (let i = 0; i < RUNS; i += 1) {
  alone1000.push(await scaleRun(1000, { REPORT_RENDER_WORKERS: "0" }));
  say(`  1000 charts without worker threads run ${i + 1}/${RUNS}: ${alone1000[i].ms.toFixed(0)} ms, peak RSS ${mib(alone1000[i].peakRss).toFixed(0)} MiB`);
}
const scaleTime = (n: number) => scale(summarise((scaling.get(n) as ScaleRun[]).map((r) => r.ms)), seconds);
const scaleRss = (n: number) => scale(summarise((scaling.get(n) as ScaleRun[]).map((r) => Math.max(r.peakRss, r.maxRssKiB * 1024))), mib);
const scaleRatio = scaleTime(1000).median / scaleTime(100).median;
const peakRss1000 = scaleRss(1000).max;
const loadAfter = os.loadavg();

// Results ------------------------------------------------------------------------------

const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
const summaryRows: string[][] = [
  ["Chart stage, ours, one thread (ms per chart)", formatSummary(perChart.single), `${charts.length} charts per run`, ""],
  [`Chart stage, ours, render pool of ${os.availableParallelism()} threads (ms per chart)`, formatSummary(perChart.pooled), `${charts.length} charts per run`, ""],
  ["Chart stage, vl2svg, one process per chart (ms per chart)", formatSummary(perChart.peer, 0), `${peerFiles.length} charts per run (fewer: each takes a process)`, ""],
  ["Speed-up over vl2svg, one thread", `${ratio(perChart.single).toFixed(1)}×`, "median / median", `≥ 30×: ${verdict(ratio(perChart.single) >= 30)}`],
  ["Speed-up over vl2svg, render pool", `${ratio(perChart.pooled).toFixed(1)}×`, "median / median", `≥ 30×: ${verdict(ratio(perChart.pooled) >= 30)}`],
  ["Cold build, empty chart cache (s)", formatSummary(coldS), `${cold[0].drawn} charts drawn (${cold[0].drawn >= defaultStartAt() ? `at least ${defaultStartAt()}: the render pool's worker thread joins` : "below the pool's threshold: main thread only"})`, `≤ 15 s: ${verdict(coldS.median <= 15)}`],
  ["Cold build, worker thread forced on (s)", formatSummary(coldForcedS), "REPORT_RENDER_START_AT=1: a helper from the first chart", ""],
  ["No-change rebuild (s)", formatSummary(warmS), "`npm run build` again: inputs and output checked, found up to date, nothing written", ""],
  ["No-change rebuild / cold build", `${((100 * warmS.median) / coldS.median).toFixed(0)} %`, "median / median, whole command", `≤ 25 %: ${verdict(warmS.median / coldS.median <= 0.25)}`],
  ["Forced rebuild, warm cache (s)", formatSummary(forcedS), `--force: every page written again; ${forced[0].drawn} drawn, ${forced[0].fromCache} from the cache`, ""],
  ["Forced rebuild / cold build", `${((100 * forcedS.median) / coldS.median).toFixed(0)} %`, "median / median, whole command", ""],
  ["Cold build, the build's own time (s)", formatSummary(coldOwn, 1), "its \"Built … in\" line: no Node/tsx start, no imports", ""],
  ["No-change rebuild, the check's own time (s)", formatSummary(warmOwn, 1), "its \"checked in\" figure", ""],
  ["Forced rebuild, the build's own time (s)", formatSummary(forcedOwn, 1), "", ""],
  ["Forced / cold, the build's own time", `${((100 * forcedOwn.median) / coldOwn.median).toFixed(0)} %`, "median / median", ""],
  ["Rebuild after one value changed", `${afterChange.drawn} drawn`, `${afterChange.fromCache} from the cache (first build drew ${beforeChange.drawn})`, ""],
  ["Cold build peak memory (MiB, time -v)", formatSummary(summarise(cold.map((b) => b.maxRssKiB / 1024)), 0), "", ""],
  ["100 made-up charts (s)", formatSummary(scaleTime(100)), "below the pool's threshold: this thread only", ""],
  ["1,000 made-up charts (s)", formatSummary(scaleTime(1000)), "render pool (default)", ""],
  ["1,000 made-up charts without worker threads (s)", formatSummary(scale(summarise(alone1000.map((r) => r.ms)), seconds)), "REPORT_RENDER_WORKERS=0", ""],
  ["time(1,000) / time(100)", scaleRatio.toFixed(2), "median / median", `≤ 11: ${verdict(scaleRatio <= 11)}`],
  ["1,000 charts peak memory (MiB)", formatSummary(scaleRss(1000), 0), "max of sampled RSS and time -v", `≤ 1024 MiB (worst run): ${verdict(peakRss1000 <= 1024)}`],
  ["100 charts peak memory (MiB)", formatSummary(scaleRss(100), 0), "", ""],
];
const table = markdownTable(["Measure", "Median (min–max)", "Notes", "Target"], summaryRows);
say("");
say(table);

const markdown = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts) on ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Every figure is the median of
${RUNS} runs, with the fastest and slowest in brackets.

Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}, ${RENDERER_ID}.
Load average (1, 5, 15 min) at the start: ${loadBefore.map((l) => l.toFixed(2)).join(", ")}; at the end: ${loadAfter.map((l) => l.toFixed(2)).join(", ")}.

${table}

## What was measured

1. **Chart stage.** The ${charts.length} charts a build of the real report draws (${charts.length - charts.filter((c) => c.label.startsWith("figure \"council-")).length} placed figures and
   ${charts.filter((c) => c.label.startsWith("figure \"council-")).length} council timelines; ${distinct} distinct specs), taken from \`prepareReport\`. *Ours*: Vega-Lite → Vega → SVG
   in this process with the renderer already loaded and no cache, then \`finishSvg\` and \`presentationalChildren\`
   as the build does; once on this thread alone, once through the render pool (scripts/engine/render/pool.ts: this thread
   and ${os.availableParallelism() - 1} worker thread(s), started before timing). *Peer*: vega-lite's own command-line tool,
   \`node node_modules/vega-lite/bin/vl2svg spec.json out.svg\`, one process per chart, one after another, each spec
   written to a file first; ${peerFiles.length} of the charts, spread evenly through the list, per run (each process
   costs a Node start and a load of Vega, so fewer charts per run).
2. **Builds.** \`tsx scripts/engine/build.ts\` of this repository in a child process, timed from outside (Node and tsx
   start-up included): cold with a new, empty chart cache folder each run; then no-change rebuilds of the last cold
   run's output (the build checks that nothing it reads and nothing in the output changed, says "up to date" and
   writes nothing, as make would); then forced rebuilds (\`--force\`) on the same warm chart cache, which write
   every page again. Then a copy of the project (content, data, package.json) built once, one value moved in
   \`${CHANGED_FILE}\` (${change}), the ledger re-signed with \`signProvenance\`, and
   built again on the same cache: the build's own count of charts drawn (cache misses) is shown.
3. **Scaling.** bench/scale-child.ts in a child process draws N made-up, distinct charts (bench/synthetic.ts: stacked
   bars, lines, bars, dot timelines) through \`SvgCache\` on an empty folder, the shared render pool and \`finishSvg\`,
   as the build does; time from the first request to the last finished SVG (worker start-up included). Peak memory
   is the larger of process.memoryUsage().rss sampled every 10 ms and \`/usr/bin/time\`'s maximum resident set size.

Reproduce with \`npm run bench\` (about nine minutes; \`-- --runs 3\` for a quicker look). The benchmark is not part of
\`npm test\`.

## Every run

| Measure | Runs |
|---|---|
| ours, one thread (ms, ${charts.length} charts) | ${single.map((v) => v.toFixed(0)).join(", ")} |
| ours, render pool (ms, ${charts.length} charts) | ${pooled.map((v) => v.toFixed(0)).join(", ")} |
| vl2svg (ms, ${peerFiles.length} charts) | ${peerSamples.map((v) => v.toFixed(0)).join(", ")} |
| cold build (ms) | ${cold.map((b) => b.wallMs.toFixed(0)).join(", ")} |
| cold build, worker thread forced on (ms) | ${coldForced.map((b) => b.wallMs.toFixed(0)).join(", ")} |
| no-change rebuild (ms) | ${warm.map((b) => b.wallMs.toFixed(0)).join(", ")} |
| forced rebuild, warm cache (ms) | ${forced.map((b) => b.wallMs.toFixed(0)).join(", ")} |
| 100 charts (ms) | ${(scaling.get(100) as ScaleRun[]).map((r) => r.ms.toFixed(0)).join(", ")} |
| 1,000 charts (ms) | ${(scaling.get(1000) as ScaleRun[]).map((r) => r.ms.toFixed(0)).join(", ")} |
| 1,000 charts without worker threads (ms) | ${alone1000.map((r) => r.ms.toFixed(0)).join(", ")} |
`;
await writeFile(options.out, markdown);
say(`\nWrote ${path.relative(process.cwd(), options.out)}`);
await rm(scratch, { recursive: true, force: true });
