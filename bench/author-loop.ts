/**
 * The author's loop under `npm start` (issue 18, points 1 and 2), measured: `npm start` runs
 * on a copy of the project, and each run saves an edit and times how long until a browser
 * open on the page would show it — the dev server has sent its reload, and the page it then
 * serves holds the new words. Two edits, five runs each (median, fastest, slowest):
 *
 *   - prose: one word added to chapter 1, looked for on /chapter-1/;
 *   - data: the start date of Hartlepool's latest inspection in data/ilacs/judgements.csv,
 *     looked for on /councils/hartlepool/ ("inspection began 1N March 2024"). Unsigned: the
 *     preview builds it with a notice (`--sign` signs the ledger right after saving, as the
 *     author had to before).
 *
 * Not part of `npm test` (timings depend on the machine); the README quotes its results.
 * Usage: tsx bench/author-loop.ts [--runs 5] [--port 8391] [--sign] [--only prose|data] [--engine DIR]
 * (--engine: take the engine — scripts/, _includes/, assets/, .eleventy.js, package.json — from
 * another checkout, e.g. `git archive <commit> | tar -x -C DIR`, to measure it on the same content.)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { signProvenance } from "../scripts/engine/data/provenance.ts";
import { formatSummary, summarise } from "./stats.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    port: { type: "string", default: "8391" },
    sign: { type: "boolean", default: false },
    only: { type: "string" },
    engine: { type: "string" },
  },
});
const RUNS = Number(options.runs);
const PORT = Number(options.port);
const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * A copy of the project to edit, engine and all (node_modules linked), and its chart cache
 * (warm, as an author's is). The engine is copied, not linked: Eleventy watches the layouts
 * folder, and one outside the project makes it report a changed file by another path than
 * the template's, so the template is not read again.
 */
async function copyProject(): Promise<string> {
  const root = path.join(await mkdtemp(path.join(os.tmpdir(), "author-loop-")), "report");
  await mkdir(root, { recursive: true });
  for (const entry of ["content", "data", "releases"]) await cp(path.join(REPO, entry), path.join(root, entry), { recursive: true });
  const engine = options.engine ? path.resolve(options.engine) : REPO;
  for (const entry of ["package.json", ".eleventy.js", "scripts", "_includes", "assets"]) await cp(path.join(engine, entry), path.join(root, entry), { recursive: true });
  await symlink(path.join(REPO, "node_modules"), path.join(root, "node_modules"));
  await cp(path.join(REPO, ".cache"), path.join(root, ".cache"), { recursive: true }).catch(() => undefined);
  return root;
}

/** `npm start` in the copy, on its own port; its output is collected to wait for "Watching…". */
function start(root: string): { child: ChildProcess; output: () => string } {
  let text = "";
  const child = spawn("npm", ["start", "--", "--port", String(PORT)], { cwd: root, detached: true, env: { ...process.env, FORCE_COLOR: "0" } });
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 120_000, everyMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

let origin = "";

async function page(url: string): Promise<string> {
  const response = await fetch(`${origin}${url}`, { cache: "no-store" });
  return response.ok ? response.text() : "";
}

/** Save an edit and time until the reload has been sent and the page holds `expected`, in seconds. */
async function timeEdit(socket: { reloads: number }, save: () => Promise<void>, url: string, expected: string): Promise<number> {
  const reloadsBefore = socket.reloads;
  const started = performance.now();
  await save();
  await until(`the reload after saving`, () => (socket.reloads > reloadsBefore ? true : undefined), 60_000, 2);
  await until(`${url} to show ${JSON.stringify(expected)}`, async () => ((await page(url)).includes(expected) ? true : undefined), 60_000, 5);
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const load = os.loadavg();
  const root = await copyProject();
  const server = start(root);
  try {
    await until("npm start's first build and server", () => (/Watching/.test(server.output()) && /Server at/.test(server.output()) ? true : undefined), 300_000, 100);
    // The server says where it listens (Eleventy moves to the next port when one is taken).
    const served = /Server at (http:\/\/[^\s/]+)/.exec(server.output());
    if (!served) throw new Error("npm start did not say where it serves");
    origin = served[1];
    const socket = { reloads: 0 };
    const ws = new (globalThis as unknown as { WebSocket: typeof WebSocket }).WebSocket(origin.replace(/^http/, "ws"));
    ws.addEventListener("message", (event) => {
      if (String(event.data).includes('"eleventy.reload"')) socket.reloads += 1;
    });
    await new Promise((resolve, reject) => {
      ws.addEventListener("open", resolve);
      ws.addEventListener("error", () => reject(new Error(`could not connect to the dev server's reload socket at ${origin}`)));
    });
    /** Wait for every build to end (and what runs after the reload, e.g. the search index) before the next edit. */
    const settle = async () => {
      await sleep(500);
      const length = server.output().length;
      await until("the build to settle", () => (server.output().lastIndexOf("Watching") > 0 ? true : undefined), 120_000, 50);
      await sleep(2500);
      if (server.output().length !== length) await sleep(2500);
    };
    await settle();
    const results: string[] = [];

    if (options.only !== "data") {
      const [chapter] = (await readdir(path.join(root, "content", "chapters"))).filter((name) => name.startsWith("01-"));
      const file = path.join(root, "content", "chapters", chapter);
      const original = await readFile(file, "utf8");
      // The first paragraph, just after the front matter, starts with a new word at each run.
      const bodyAt = original.indexOf("\n---\n", 4) + 5;
      const samples: number[] = [];
      for (let run = 1; run <= RUNS; run += 1) {
        const word = `Loopword${run}x${Date.now() % 100000}`;
        const edited = `${original.slice(0, bodyAt)}${word} ${original.slice(bodyAt)}`;
        samples.push(await timeEdit(socket, () => writeFile(file, edited), "/chapter-1/", word));
        say(`  prose edit, run ${run}/${RUNS}: ${samples.at(-1)!.toFixed(2)} s`);
        await settle();
      }
      results.push(`prose edit → visible: ${formatSummary(summarise(samples))} s`);
    }

    if (options.only !== "prose") {
      const file = path.join(root, "data", "ilacs", "judgements.csv");
      const original = await readFile(file, "utf8");
      const line = "E06000001,short,2024-03-18,";
      if (!original.includes(line)) throw new Error(`data/ilacs/judgements.csv has no row starting ${line}`);
      const samples: number[] = [];
      for (let run = 1; run <= RUNS; run += 1) {
        const day = 10 + run;
        const save = async () => {
          await writeFile(file, original.replace(line, `E06000001,short,2024-03-${day},`));
          if (options.sign) await signProvenance(root);
        };
        samples.push(await timeEdit(socket, save, "/councils/hartlepool/", `inspection began ${day} March 2024`));
        say(`  data edit${options.sign ? " (signed)" : ""}, run ${run}/${RUNS}: ${samples.at(-1)!.toFixed(2)} s`);
        await settle();
      }
      results.push(`data edit${options.sign ? " + sign" : ""} → visible: ${formatSummary(summarise(samples))} s`);
    }
    ws.close();
    say(`load average at start: ${load.map((n) => n.toFixed(2)).join(", ")}; at end: ${os.loadavg().map((n) => n.toFixed(2)).join(", ")}`);
    for (const result of results) say(result);
  } catch (error) {
    say(server.output().split("\n").filter((line) => !line.includes("Writing")).join("\n").slice(-3000));
    throw error;
  } finally {
    if (server.child.pid) process.kill(-server.child.pid, "SIGTERM");
    await sleep(500);
    await rm(path.dirname(root), { recursive: true, force: true });
  }
}

// The dev server's reload arrives over a WebSocket: Node 20 has one behind a flag.
if (typeof (globalThis as { WebSocket?: unknown }).WebSocket !== "function") {
  const child = spawn(process.execPath, ["--experimental-websocket", ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 1));
} else {
  await main();
}
