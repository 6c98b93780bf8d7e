/**
 * `npm run bench`: measure the chart stage against vega-lite's own command-line tool, the
 * real report's cold, no-change, forced and one-value builds, the floors they are held to
 * (the same pages by bare Eleventy, the same charts by Vega alone, the same index by pagefind
 * alone), starting and loading under tsx against plain Node, the report with four times the
 * councils, and drawing 100 and 1,000 made-up charts. Prints a table and writes
 * bench/results.md. Every figure is the median of several runs with the fastest and slowest
 * beside it; nothing in the output is typed in, everything (floors included) is measured here.
 *
 * Usage: tsx bench/run.ts [--runs 5] [--council-runs 3] [--peer-charts 12] [--only PART,…] [--out FILE]
 * Parts: charts, builds, floors, loading, councils, scale (all by default). With --only,
 * bench/results.md is written only when --out names it (a partial run does not replace it).
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
import { RENDERER_ID } from "../scripts/engine/render/renderer-id.ts";
import { renderRawSvg } from "../scripts/engine/render/svg.ts";
import { formatSummary, markdownTable, scale, summarise, type Summary } from "./stats.ts";
import { INDEX_LEAVES_OUT, pagesToIndex } from "../scripts/engine/eleventy/search.ts";
import REPORT from "../scripts/report/index.ts";
import { multiplyCouncils, settleClaims } from "./more-councils.ts";

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, "..");
const TSX = path.join(REPO, "node_modules", ".bin", "tsx");
/** What `npm run build` runs: the engine's commands bundled into JavaScript first. */
const RUN_BUNDLED = path.join(REPO, "scripts", "engine", "run-bundled.mjs");
const VL2SVG = path.join(REPO, "node_modules", "vega-lite", "bin", "vl2svg");
const TIME = "/usr/bin/time";
const CHANGED_FILE = "data/national/inspection-outcomes-by-year.csv";

const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "council-runs": { type: "string", default: "3" },
    "peer-charts": { type: "string", default: "12" },
    only: { type: "string" },
    out: { type: "string" },
  },
});
const RUNS = Number(options.runs);
const PEER_CHARTS = Number(options["peer-charts"]);
/** The scale case: the real report with this many times its councils (about 40 s a build, so fewer runs). */
const COUNCIL_FACTOR = 4;
const COUNCIL_RUNS = Math.min(RUNS, Number(options["council-runs"]));
const PARTS = ["charts", "builds", "floors", "loading", "councils", "scale"] as const;
type Part = (typeof PARTS)[number];
const parts = new Set<Part>(options.only ? options.only.split(",").map((p) => p.trim() as Part) : PARTS);
for (const part of parts) if (!PARTS.includes(part)) throw new Error(`--only: unknown part "${part}"; the parts are ${PARTS.join(", ")}`);
const PARTS_RUN = PARTS.filter((p) => parts.has(p));

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
  const { stdout } = await run(TIME, ["-f", "%M", "-o", rssFile, process.execPath, RUN_BUNDLED, "build", "--root", root, "--out", outDir, ...args], {
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
 * of the same year (so the year still sums as before; `by` -1 moves it back), and re-sign the data ledger.
 */
async function changeOneValue(root: string, by: 1 | -1): Promise<string> {
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
  bump(down, -by);
  bump(up, by);
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

// 4. Floors: the same work done by the libraries alone ------------------------------------

const FLOORS = path.join(REPO, "bench", "floors");
const ELEVENTY_CLI = path.join(REPO, "node_modules", "@11ty", "eleventy", "cmd.cjs");

interface ProcessRun {
  readonly wallMs: number;
  readonly stdout: string;
  readonly maxRssKiB: number;
}

/** A command in a child process, timed from outside (start-up and exit included), with its peak memory. */
async function timed(command: string, args: readonly string[], cwd = REPO): Promise<ProcessRun> {
  const rssFile = path.join(scratch, "rss.txt");
  const started = performance.now();
  const { stdout } = await run(TIME, ["-f", "%M", "-o", rssFile, command, ...args], { cwd, maxBuffer: 16 << 20 });
  const wallMs = performance.now() - started;
  return { wallMs, stdout, maxRssKiB: Number((await readFile(rssFile, "utf8")).trim().split("\n").at(-1)) };
}

const lastJson = <T>(stdout: string): T => JSON.parse(stdout.trim().split("\n").at(-1) as string) as T;

interface Pages {
  readonly count: number;
  readonly bytes: number;
}

/**
 * Floor (a) set up: an Eleventy project of nothing but the built site's HTML pages, each
 * at its own path, as .html templates with no template engine (read and written as they
 * are), and a configuration that adds nothing. Returns the project folder and its pages.
 */
async function bareEleventyProject(site: string): Promise<{ dir: string; pages: Pages }> {
  const dir = await folder("bare-eleventy");
  let bytes = 0;
  const pages = await pagesToIndex(site);
  for (const page of pages) {
    const html = await readFile(path.join(site, page), "utf8");
    bytes += Buffer.byteLength(html);
    await mkdir(path.dirname(path.join(dir, "src", page)), { recursive: true });
    await writeFile(path.join(dir, "src", page), html);
  }
  await writeFile(
    path.join(dir, "eleventy.config.mjs"),
    'export default function () {\n  return { dir: { input: "src", output: "_site" }, templateFormats: ["html"], htmlTemplateEngine: false };\n}\n',
  );
  return { dir, pages: { count: pages.length, bytes } };
}

/** Floor (a): a cold `eleventy` command-line build of that project in a fresh process. */
async function bareEleventy(dir: string, pages: number): Promise<number> {
  await rm(path.join(dir, "_site"), { recursive: true, force: true });
  const { wallMs, stdout } = await timed(process.execPath, [ELEVENTY_CLI, "--config=eleventy.config.mjs", "--quiet"], dir);
  const wrote = /Wrote (\d+) files?/.exec(stdout);
  if (!wrote || Number(wrote[1]) !== pages) throw new Error(`bare Eleventy did not write the ${pages} pages:\n${stdout}`);
  return wallMs;
}

/** Floor (b): the specs drawn by Vega alone on two worker threads, from a cold plain-Node process. */
async function vegaAlone(specsFile: string, count: number): Promise<number> {
  const { wallMs, stdout } = await timed(process.execPath, [path.join(FLOORS, "vega.mjs"), specsFile, "2"]);
  const result = lastJson<{ charts: number }>(stdout);
  if (result.charts !== count) throw new Error(`Vega alone drew ${result.charts} of ${count} charts`);
  return wallMs;
}

/** Floor (c): pagefind alone indexing the built site's pages, from a cold plain-Node process. */
async function pagefindAlone(site: string, pages: number): Promise<number> {
  const outDir = path.join(scratch, "pagefind-floor");
  await rm(outDir, { recursive: true, force: true });
  const { wallMs, stdout } = await timed(process.execPath, [path.join(FLOORS, "pagefind.mjs"), site, outDir, JSON.stringify(INDEX_LEAVES_OUT)]);
  const result = lastJson<{ pages: number }>(stdout);
  if (result.pages !== pages) throw new Error(`pagefind alone indexed ${result.pages} of ${pages} pages`);
  return wallMs;
}

// The run ------------------------------------------------------------------------------

const loadBefore = os.loadavg();
const startedAt = new Date();
say(`Benchmark: ${RUNS} runs of each (${COUNCIL_RUNS} of the ${COUNCIL_FACTOR}× councils build); parts: ${PARTS_RUN.join(", ")}; load average ${loadBefore.map((l) => l.toFixed(2)).join(" ")}; ${os.availableParallelism()} cores`);

const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
const rows: string[][] = [];
const notes: string[] = [];
const everyRun: string[][] = [];
const runsOf = (samples: readonly number[]) => samples.map((v) => v.toFixed(0)).join(", ");
let chartsCollected: Chart[] | undefined;
const chartsOfReport = async () => (chartsCollected ??= await reportCharts());

// The built real site: the builds part's last cold output, or one unmeasured build when it did not run.
const out = await folder("site");
let builtSite: string | undefined;
const siteOfReport = async () => {
  if (!builtSite) {
    builtSite = path.join(out, "floor-site");
    say("  (building the real report once, unmeasured, for its pages)");
    await build(REPO, builtSite, path.join(await folder("floor-site-cache"), "svg"));
  }
  return builtSite;
};

if (parts.has("charts")) {
  say("1. Chart stage: the report's charts");
  const charts = await chartsOfReport();
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
  rows.push(
    ["Chart stage, ours, one thread (ms per chart)", formatSummary(perChart.single), `${charts.length} charts per run`, ""],
    [`Chart stage, ours, render pool of ${os.availableParallelism()} threads (ms per chart)`, formatSummary(perChart.pooled), `${charts.length} charts per run`, ""],
    ["Chart stage, vl2svg, one process per chart (ms per chart)", formatSummary(perChart.peer, 0), `${peerFiles.length} charts per run (fewer: each takes a process)`, ""],
    ["Speed-up over vl2svg, one thread", `${ratio(perChart.single).toFixed(1)}×`, "median / median", `≥ 30×: ${verdict(ratio(perChart.single) >= 30)}`],
    ["Speed-up over vl2svg, render pool", `${ratio(perChart.pooled).toFixed(1)}×`, "median / median", `≥ 30×: ${verdict(ratio(perChart.pooled) >= 30)}`],
  );
  const timelines = charts.filter((c) => c.label.startsWith("figure \"council-")).length;
  notes.push(`**Chart stage.** The ${charts.length} charts a build of the real report draws (${charts.length - timelines} placed figures and
   ${timelines} council timelines; ${distinct} distinct specs), taken from \`prepareReport\`. *Ours*: Vega-Lite → Vega → SVG
   in this process with the renderer already loaded and no cache, then \`finishSvg\` and \`presentationalChildren\`
   as the build does; once on this thread alone, once through the render pool (scripts/engine/render/pool.ts: this thread
   and ${os.availableParallelism() - 1} worker thread(s), started before timing). *Peer*: vega-lite's own command-line tool,
   \`node node_modules/vega-lite/bin/vl2svg spec.json out.svg\`, one process per chart, one after another, each spec
   written to a file first; ${peerFiles.length} of the charts, spread evenly through the list, per run (each process
   costs a Node start and a load of Vega, so fewer charts per run).`);
  everyRun.push(
    [`ours, one thread (ms, ${charts.length} charts)`, runsOf(single)],
    [`ours, render pool (ms, ${charts.length} charts)`, runsOf(pooled)],
    [`vl2svg (ms, ${peerFiles.length} charts)`, runsOf(peerSamples)],
  );
}

/** Whole-command medians of the builds part, for the floors' ratios and the scale case. */
let builds: { cold: Summary; forced: Summary; oneValue: Summary } | undefined;

if (parts.has("builds")) {
  say("2. Builds of the real report (npm run build in a child process)");
  const cold: BuildRun[] = [];
  let warmCache = "";
  for (let i = 0; i < RUNS; i += 1) {
    warmCache = path.join(await folder("cold-cache"), "svg");
    cold.push(await build(REPO, path.join(out, "cold"), warmCache));
    say(`  cold build run ${i + 1}/${RUNS}: ${cold[i].wallMs.toFixed(0)} ms, ${cold[i].drawn} drawn, ${cold[i].fromCache} from the cache`);
  }
  builtSite = path.join(out, "cold");
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
  // Each run moves the point back where the run before took it from, so every run is one value changed.
  const changed: BuildRun[] = [];
  let change = "";
  for (let i = 0; i < RUNS; i += 1) {
    const moved = await changeOneValue(project, i % 2 === 0 ? 1 : -1);
    change ||= moved;
    changed.push(await build(project, path.join(out, "change"), changeCache, {}, ["--report", DEFINITION]));
    say(`  one value changed in ${CHANGED_FILE} (${moved}) run ${i + 1}/${RUNS}: ${changed[i].wallMs.toFixed(0)} ms, ${changed[i].drawn} drawn, ${changed[i].fromCache} from the cache`);
  }
  const afterChange = changed[0];
  const coldS = scale(summarise(cold.map((b) => b.wallMs)), seconds);
  const warmS = scale(summarise(warm.map((b) => b.wallMs)), seconds);
  const coldForcedS = scale(summarise(coldForced.map((b) => b.wallMs)), seconds);
  const coldOwn = scale(summarise(cold.map((b) => b.ownMs)), seconds);
  const warmOwn = scale(summarise(warm.map((b) => b.ownMs)), seconds);
  const forcedS = scale(summarise(forced.map((b) => b.wallMs)), seconds);
  const forcedOwn = scale(summarise(forced.map((b) => b.ownMs)), seconds);
  const oneValueS = scale(summarise(changed.map((b) => b.wallMs)), seconds);
  builds = { cold: coldS, forced: forcedS, oneValue: oneValueS };
  rows.push(
    ["Cold build, empty chart cache (s)", formatSummary(coldS), `${cold[0].drawn} charts drawn (${cold[0].drawn >= defaultStartAt() ? `at least ${defaultStartAt()}: the render pool's worker thread joins` : "below the pool's threshold: main thread only"})`, `≤ 15 s: ${verdict(coldS.median <= 15)}`],
    ["Cold build, worker thread forced on (s)", formatSummary(coldForcedS), "REPORT_RENDER_START_AT=1: a helper from the first chart", ""],
    ["No-change rebuild (s)", formatSummary(warmS), "`npm run build` again: inputs and output checked, found up to date, nothing written", ""],
    ["No-change rebuild / cold build", `${((100 * warmS.median) / coldS.median).toFixed(0)} %`, "median / median, whole command", `≤ 25 %: ${verdict(warmS.median / coldS.median <= 0.25)}`],
    ["Forced rebuild, warm cache (s)", formatSummary(forcedS), `--force: every page written again; ${forced[0].drawn} drawn, ${forced[0].fromCache} from the cache`, ""],
    ["Forced rebuild / cold build", `${((100 * forcedS.median) / coldS.median).toFixed(0)} %`, "median / median, whole command", ""],
    ["Cold build, the build's own time (s)", formatSummary(coldOwn, 1), "its \"Built … in\" line: no Node start, no bundling", ""],
    ["No-change rebuild, the check's own time (s)", formatSummary(warmOwn, 1), "its \"checked in\" figure", ""],
    ["Forced rebuild, the build's own time (s)", formatSummary(forcedOwn, 1), "", ""],
    ["Forced / cold, the build's own time", `${((100 * forcedOwn.median) / coldOwn.median).toFixed(0)} %`, "median / median", ""],
    ["Rebuild after one value changed", `${afterChange.drawn} drawn`, `${afterChange.fromCache} from the cache (first build drew ${beforeChange.drawn})`, ""],
    ["One-value rebuild (s)", formatSummary(oneValueS), "whole command, a copy of the project, one value moved each run", ""],
    ["Cold build peak memory (MiB, time -v)", formatSummary(summarise(cold.map((b) => b.maxRssKiB / 1024)), 0), "", ""],
  );
  notes.push(`**Builds.** \`npm run build\` (\`node scripts/engine/run-bundled.mjs build\`: esbuild bundles the engine, then it runs) of this
   repository in a child process, timed from outside (Node start-up and bundling included): cold with a new, empty chart cache folder each run; then no-change rebuilds of the last cold
   run's output (the build checks that nothing it reads and nothing in the output changed, says "up to date" and
   writes nothing, as make would); then forced rebuilds (\`--force\`) on the same warm chart cache, which write
   every page again. Then a copy of the project (content, data, package.json) built once, and for each run one value
   moved in \`${CHANGED_FILE}\` (${change}; back again the next run), the ledger
   re-signed with \`signProvenance\`, and built again on the same cache: the whole command is timed, and the build's
   own count of charts drawn (cache misses) is shown.`);
  everyRun.push(
    ["cold build (ms)", runsOf(cold.map((b) => b.wallMs))],
    ["cold build, worker thread forced on (ms)", runsOf(coldForced.map((b) => b.wallMs))],
    ["no-change rebuild (ms)", runsOf(warm.map((b) => b.wallMs))],
    ["forced rebuild, warm cache (ms)", runsOf(forced.map((b) => b.wallMs))],
    ["one-value rebuild (ms)", runsOf(changed.map((b) => b.wallMs))],
  );
}

if (parts.has("floors")) {
  say("3. Floors: the same pages and charts by Eleventy, Vega and pagefind alone, each in a fresh plain-Node process");
  const site = await siteOfReport();
  const bare = await bareEleventyProject(site);
  const specs = (await chartsOfReport()).map((c) => c.spec);
  const specsFile = path.join(await folder("floor-specs"), "specs.json");
  await writeFile(specsFile, JSON.stringify(specs));
  const eleventy = await repeat(`(a) bare Eleventy, ${bare.pages.count} pages, ms`, () => bareEleventy(bare.dir, bare.pages.count));
  const vega = await repeat(`(b) Vega alone, ${specs.length} charts on 2 threads, ms`, () => vegaAlone(specsFile, specs.length));
  const index = await repeat(`(c) pagefind alone, ${bare.pages.count} pages, ms`, () => pagefindAlone(site, bare.pages.count));
  const [a, b, c] = [eleventy, vega, index].map((samples) => scale(summarise(samples), seconds));
  const coldFloor = a.median + b.median + c.median;
  const forcedFloor = a.median + c.median;
  rows.push(
    ["Floor (a): bare Eleventy, the same pages (s)", formatSummary(a), `${bare.pages.count} HTML pages, ${mib(bare.pages.bytes).toFixed(1)} MiB, no plugin: cold \`eleventy\` command`, ""],
    ["Floor (b): Vega alone, the same charts, 2 threads (s)", formatSummary(b), `${specs.length} specs, plain Node, cold process`, ""],
    ["Floor (c): pagefind alone, the same pages (s)", formatSummary(c), "its Node API, plain Node, cold process", ""],
    ["Cold floor, a + b + c (s)", coldFloor.toFixed(2), "sum of medians", ""],
    ["Forced floor, a + c (s)", forcedFloor.toFixed(2), "sum of medians (charts come from the cache)", ""],
  );
  if (builds) {
    const ratioRow = (label: string, ours: Summary, floor: number, limit: number) => {
      const r = ours.median / floor;
      return [label, `${r.toFixed(2)}×`, `${ours.median.toFixed(2)} s / ${floor.toFixed(2)} s, medians`, `≤ ${limit}×: ${verdict(r <= limit)}`];
    };
    rows.push(
      ratioRow("Cold build / cold floor", builds.cold, coldFloor, 1.25),
      ratioRow("Forced rebuild / forced floor", builds.forced, forcedFloor, 1.5),
      ratioRow("One-value rebuild / forced floor", builds.oneValue, forcedFloor, 1.5),
    );
  } else {
    say("  (the builds part did not run: no ratios to the floors)");
  }
  notes.push(`**Floors.** What the same work costs the libraries alone, each from a cold process of plain Node (no tsx, no
   engine code), timed from outside like the builds: (a) bare Eleventy: the ${bare.pages.count} HTML pages of the built site
   (${mib(bare.pages.bytes).toFixed(1)} MiB), each at its own path in a new Eleventy project as an \`.html\` template with no template engine,
   built by \`node node_modules/@11ty/eleventy/cmd.cjs --quiet\` (quiet, as the build runs it) with a configuration that
   adds nothing (no plugin of ours; each page is written byte for byte as it is read);
   (b) Vega alone: the ${specs.length} specs of the chart stage drawn by bench/floors/vega.mjs, two worker threads each
   importing vega and vega-lite and drawing half with \`vl.compile\`, \`new vega.View\` and \`toSVG\`; (c) pagefind
   alone: bench/floors/pagefind.mjs indexes the built site's pages with pagefind's Node API (\`addDirectory\`, the build's
   excluded selectors) and writes the index. The cold floor is a + b + c, the forced floor a + c (a forced or
   one-value rebuild takes its charts from the cache); each build's median is divided by its floor, measured in the
   same run on the same machine.`);
  everyRun.push(
    ["floor (a), bare Eleventy (ms)", runsOf(eleventy)],
    ["floor (b), Vega alone (ms)", runsOf(vega)],
    ["floor (c), pagefind alone (ms)", runsOf(index)],
  );
}

if (parts.has("loading")) {
  say("4. Starting and loading: the build's module graph, bundled as npm run build runs it and under tsx, against its libraries in plain Node");
  const bundled = await repeat("node scripts/engine/run-bundled.mjs bench/floors/load-pipeline.ts, ms", async () => (await timed(process.execPath, [RUN_BUNDLED, path.join(FLOORS, "load-pipeline.ts")])).wallMs);
  const underTsx = await repeat("tsx bench/floors/load-pipeline.ts, ms", async () => (await timed(TSX, [path.join(FLOORS, "load-pipeline.ts")])).wallMs);
  let libraries: string[] = [];
  const plain = await repeat("node bench/floors/load.mjs, ms", async () => {
    const loaded = await timed(process.execPath, [path.join(FLOORS, "load.mjs")]);
    libraries = lastJson<{ libraries: string[] }>(loaded.stdout).libraries;
    return loaded.wallMs;
  });
  const [b, t, p] = [bundled, underTsx, plain].map((samples) => scale(summarise(samples), seconds));
  rows.push(
    ["Starting and loading, the build's modules bundled (s)", formatSummary(b), "run-bundled.mjs bench/floors/load-pipeline.ts: bundling and imports, as npm run build", ""],
    ["Starting and loading, the same under tsx (s)", formatSummary(t), "tsx bench/floors/load-pipeline.ts: imports, no build", ""],
    ["Starting and loading, its libraries in plain Node (s)", formatSummary(p), `bench/floors/load.mjs: ${libraries.length} libraries`, ""],
    ["Loading as npm run build / plain Node", `${(b.median / p.median).toFixed(2)}×`, `median / median (under tsx: ${(t.median / p.median).toFixed(2)}×)`, `< 2×: ${verdict(b.median / p.median < 2)}`],
  );
  notes.push(`**Starting and loading.** A process started, its modules imported and nothing run, timed from outside:
   \`node scripts/engine/run-bundled.mjs bench/floors/load-pipeline.ts\` bundles with esbuild and imports, as \`npm run build\` does,
   what a cold build loads; \`tsx bench/floors/load-pipeline.ts\` imports the same TypeScript through tsx's loader; both load what a cold build loads (scripts/engine/build.ts, the Eleventy plugin and
   all it pulls in, the renderer and render pool, the search index, the report's definition, Eleventy); \`node
   bench/floors/load.mjs\` imports the libraries it is made of (${libraries.join(", ")}) in plain Node.
   tsx keeps its compiled files in a cache of its own, so every run after the first (as every build after the first) finds it warm.`);
  everyRun.push(["loading bundled (ms)", runsOf(bundled)], ["loading under tsx (ms)", runsOf(underTsx)], ["loading in plain Node (ms)", runsOf(plain)]);
}

if (parts.has("councils")) {
  say(`5. The real report with ${COUNCIL_FACTOR}× the councils, built cold`);
  const project = await copyProject();
  const councils = await multiplyCouncils(project, COUNCIL_FACTOR);
  const settled = await settleClaims(project, REPORT);
  say(`  ${councils} councils; ${settled} claims recounted from the council records recorded as the data now says`);
  const cold = async (root: string, label: string, runs: number) => {
    const samples: BuildRun[] = [];
    for (let i = 0; i < runs; i += 1) {
      samples.push(await build(root, path.join(out, label), path.join(await folder(`${label}-cache`), "svg"), {}, ["--report", DEFINITION]));
      say(`  ${label} cold build run ${i + 1}/${runs}: ${samples[i].wallMs.toFixed(0)} ms, ${samples[i].drawn} drawn, ${samples[i].fromCache} from the cache, peak ${(samples[i].maxRssKiB / 1024).toFixed(0)} MiB`);
    }
    return samples;
  };
  const many = await cold(project, `councils-${COUNCIL_FACTOR}x`, COUNCIL_RUNS);
  const pages = (await pagesToIndex(path.join(out, `councils-${COUNCIL_FACTOR}x`))).length;
  // The 1× cold time: the builds part's, or measured here on a copy of the project when it did not run.
  const one = builds?.cold ?? scale(summarise((await cold(await copyProject(), "councils-1x", COUNCIL_RUNS)).map((b) => b.wallMs)), seconds);
  const manyS = scale(summarise(many.map((b) => b.wallMs)), seconds);
  const peak = summarise(many.map((b) => b.maxRssKiB / 1024));
  const ratio = manyS.median / one.median;
  rows.push(
    [`Cold build, ${COUNCIL_FACTOR}× the councils (s)`, formatSummary(manyS), `${councils} councils, ${pages} pages, ${many[0].drawn} charts drawn`, ""],
    [`${COUNCIL_FACTOR}× councils / 1× cold build`, `${ratio.toFixed(2)}×`, "median / median, whole command", `≤ 3×: ${verdict(ratio <= 3)}`],
    [`${COUNCIL_FACTOR}× councils peak memory (MiB, time -v)`, formatSummary(peak, 0), "", `≤ 1024 MiB (worst run): ${verdict(peak.max <= 1024)}`],
  );
  notes.push(`**${COUNCIL_FACTOR}× the councils.** A copy of the project (bench/more-councils.ts) whose councils.csv, inspections.csv,
   demand.csv and ILACS judgements hold ${COUNCIL_FACTOR - 1} made-up copies of every council under codes of their own (E06000001 →
   E06100001, …) and names of their own ("Hartlepool Copy 2", …), each copy's inspection dates a day per copy earlier so
   that its timeline is a chart of its own; the ${settled} claims whose recount from the council records no longer
   matches their recorded status are given the status the data now bears out (as a maintainer would record them), and
   the ledger is signed. Built cold, ${COUNCIL_RUNS} runs, each with an empty chart
   cache, timed as the builds are, peak memory from \`/usr/bin/time\`; divided by the 1× cold build's median${builds ? "" : " (measured here on a plain copy of the project, as the builds part did not run)"}.`);
  everyRun.push([`${COUNCIL_FACTOR}× councils cold build (ms)`, runsOf(many.map((b) => b.wallMs))]);
}

if (parts.has("scale")) {
  say("6. Scaling: made-up charts through the build's render, cache and finish pipeline");
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
  rows.push(
    ["100 made-up charts (s)", formatSummary(scaleTime(100)), "below the pool's threshold: this thread only", ""],
    ["1,000 made-up charts (s)", formatSummary(scaleTime(1000)), "render pool (default)", ""],
    ["1,000 made-up charts without worker threads (s)", formatSummary(scale(summarise(alone1000.map((r) => r.ms)), seconds)), "REPORT_RENDER_WORKERS=0", ""],
    ["time(1,000) / time(100)", scaleRatio.toFixed(2), "median / median", `≤ 11: ${verdict(scaleRatio <= 11)}`],
    ["1,000 charts peak memory (MiB)", formatSummary(scaleRss(1000), 0), "max of sampled RSS and time -v", `≤ 1024 MiB (worst run): ${verdict(peakRss1000 <= 1024)}`],
    ["100 charts peak memory (MiB)", formatSummary(scaleRss(100), 0), "", ""],
  );
  notes.push(`**Scaling.** bench/scale-child.ts in a child process draws N made-up, distinct charts (bench/synthetic.ts: stacked
   bars, lines, bars, dot timelines) through \`SvgCache\` on an empty folder, the shared render pool and \`finishSvg\`,
   as the build does; time from the first request to the last finished SVG (worker start-up included). Peak memory
   is the larger of process.memoryUsage().rss sampled every 10 ms and \`/usr/bin/time\`'s maximum resident set size.`);
  everyRun.push(
    ["100 charts (ms)", runsOf((scaling.get(100) as ScaleRun[]).map((r) => r.ms))],
    ["1,000 charts (ms)", runsOf((scaling.get(1000) as ScaleRun[]).map((r) => r.ms))],
    ["1,000 charts without worker threads (ms)", runsOf(alone1000.map((r) => r.ms))],
  );
}
const loadAfter = os.loadavg();

// Results ------------------------------------------------------------------------------

const table = markdownTable(["Measure", "Median (min–max)", "Notes", "Target"], rows);
say("");
say(table);

const markdown = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts) on ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Every figure is the median of
${RUNS} runs (${COUNCIL_RUNS} for the ${COUNCIL_FACTOR}× councils build), with the fastest and slowest in brackets.${parts.size < PARTS.length ? ` Parts run: ${PARTS_RUN.join(", ")}.` : ""}

Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}, ${RENDERER_ID}.
Load average (1, 5, 15 min) at the start: ${loadBefore.map((l) => l.toFixed(2)).join(", ")}; at the end: ${loadAfter.map((l) => l.toFixed(2)).join(", ")}.

${table}

## What was measured

${notes.map((note, i) => `${i + 1}. ${note}`).join("\n")}

Reproduce with \`npm run bench\` (about a quarter of an hour; \`-- --runs 3\` for a quicker look, \`-- --only floors,loading --runs 1\`
for one part: ${PARTS.join(", ")}). The benchmark is not part of \`npm test\`.

## Every run

| Measure | Runs |
|---|---|
${everyRun.map(([label, values]) => `| ${label} | ${values} |`).join("\n")}
`;
if (options.out !== undefined || parts.size === PARTS.length) {
  const file = options.out ?? path.join(REPO, "bench", "results.md");
  await writeFile(file, markdown);
  say(`\nWrote ${path.relative(process.cwd(), file)}`);
} else {
  say("\nOnly some parts ran: bench/results.md left as it was (--out FILE writes these).");
}
await rm(scratch, { recursive: true, force: true });
