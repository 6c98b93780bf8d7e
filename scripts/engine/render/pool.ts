/**
 * Render charts on every core. Renders wait in one queue; this thread takes them one at
 * a time, and when many are waiting helper worker threads start and take them too. A
 * helper needs about a second to load tsx and Vega and warm up, so it pays only for a
 * long queue: on the 2-core machine `npm run bench` measured 1,000 charts in 14.4 s with
 * a helper against 20.2 s without, but a cold build of the report (180 charts) no faster
 * with one (8.2 s against 7.9 s), so by default helpers start once 250 renders wait. Each render's promise resolves to its own SVG whichever thread drew it, so
 * callers keep their order; raw SVGs differ between threads only in Vega's id counters,
 * which finishSvg renames, so the finished site is the same bytes.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { TopLevelSpec } from "vega-lite";
import { bundledEntry } from "../bundle.ts";
import { BuildError } from "../data/errors.ts";
import type { RenderRequest, WorkerMessage } from "./pool-worker.ts";

/**
 * This thread's renderer, ./svg.ts's renderRawSvg, loaded with Vega on the first chart drawn
 * here: a build whose charts all come from the cache never loads Vega.
 */
const renderRawSvg: Render = async (spec, label) => (await import("./svg.ts")).renderRawSvg(spec, label);

export type Render = (spec: TopLevelSpec, label: string) => Promise<string>;

export interface RenderPoolOptions {
  /** Worker threads besides this one; default REPORT_RENDER_WORKERS or cores − 1. */
  readonly helpers?: number;
  /** Start helpers only once this many renders are waiting; default REPORT_RENDER_START_AT or 250. */
  readonly startAt?: number;
  /** This thread's renderer (default renderRawSvg); helpers always use renderRawSvg. */
  readonly render?: Render;
}

export interface PoolCounts {
  /** Renders done by this thread. */
  local: number;
  /** Renders done by helper threads. */
  helper: number;
  /** Helper threads started. */
  started: number;
}

interface Task {
  readonly spec: TopLevelSpec;
  readonly label: string;
  readonly resolve: (svg: string) => void;
  readonly reject: (error: Error) => void;
}

/** Renders a helper holds at once: one drawing, one waiting, so it never idles while this thread draws. */
const HELPER_DEPTH = 2;

function wholeNumber(name: string, setting: string | undefined, otherwise: number): number {
  if (setting === undefined || setting === "") return otherwise;
  const n = Number(setting);
  if (!Number.isInteger(n) || n < 0) throw new BuildError(`${name} must be a whole number, not ${JSON.stringify(setting)}`);
  return n;
}

/** Helper threads: REPORT_RENDER_WORKERS, or one per core besides this thread's. */
export function defaultHelpers(setting = process.env.REPORT_RENDER_WORKERS): number {
  return wholeNumber("REPORT_RENDER_WORKERS", setting, Math.max(0, availableParallelism() - 1));
}

/** How many renders must wait before helpers start: REPORT_RENDER_START_AT, or 250 (see above). */
export function defaultStartAt(setting = process.env.REPORT_RENDER_START_AT): number {
  return Math.max(1, wholeNumber("REPORT_RENDER_START_AT", setting, 250));
}

/** An error from a helper thread as the same kind of error this thread would have thrown. */
function revive(error: { name: string; message: string }): Error {
  if (error.name === "BuildError") return new BuildError(error.message);
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

// The worker is TypeScript; it registers tsx's loader itself, so it starts the same way
// under tsx, under vitest and from any working directory. Under a bundled command
// (`npm run build`: ../bundle.ts) the bundle holds the worker too, as JavaScript.
// (tsx's CommonJS entry of its API cannot register from an eval'd worker, so the ES module
// entry is found through tsx's package.json.)
function bootstrap(): string {
  const workerFile = fileURLToPath(new URL("./pool-worker.ts", import.meta.url));
  const bundled = bundledEntry(workerFile);
  if (bundled) return `import(${JSON.stringify(bundled)});`;
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("tsx/package.json");
  const exportsMap = (require("tsx/package.json") as { exports: Record<string, { import: { default: string } }> }).exports;
  const api = pathToFileURL(path.join(path.dirname(manifest), exportsMap["./esm/api"].import.default)).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(workerFile).href)}); });`;
}

class Helper {
  readonly worker: Worker;
  ready = false;
  readonly inFlight = new Map<number, Task>();
  /** Resolves when the thread has loaded the renderer, rejects if it stops first. */
  readonly started: Promise<void>;
  private markStarted!: () => void;
  private markFailed!: (error: Error) => void;

  constructor(onMessage: (helper: Helper, message: WorkerMessage) => void, onExit: (helper: Helper, error: Error) => void) {
    this.started = new Promise<void>((resolve, reject) => {
      this.markStarted = resolve;
      this.markFailed = reject;
    });
    this.started.catch(() => undefined);
    // Made for each thread (a lookup of a file or two): whether the process runs from a bundle is read as it is now.
    this.worker = new Worker(bootstrap(), { eval: true, execArgv: [] });
    this.worker.on("message", (message: WorkerMessage) => {
      if ("ready" in message) {
        this.ready = true;
        this.markStarted();
      }
      onMessage(this, message);
    });
    const stopped = (error: Error) => {
      this.markFailed(error);
      onExit(this, error);
    };
    this.worker.on("error", stopped);
    this.worker.on("exit", (code) => stopped(new Error(`a render thread stopped (exit code ${code})`)));
    this.worker.unref();
  }

  send(id: number, task: Task): void {
    if (this.inFlight.size === 0) this.worker.ref();
    this.inFlight.set(id, task);
    this.worker.postMessage({ id, spec: task.spec, label: task.label } satisfies RenderRequest);
  }

  settle(id: number): Task | undefined {
    const task = this.inFlight.get(id);
    this.inFlight.delete(id);
    // An idle helper must not keep the process alive; a busy one must, or the build's await would end it.
    if (this.inFlight.size === 0) this.worker.unref();
    return task;
  }
}

export class RenderPool {
  readonly counts: PoolCounts = { local: 0, helper: 0, started: 0 };
  private readonly queue: Task[] = [];
  private readonly helpers: Helper[] = [];
  private maxHelpers: number;
  private saidStartFailure = false;
  readonly startAt: number;
  /** The helpers asked for (fewer run if one failed to start). */
  readonly helpersWanted: number;
  private readonly renderHere: Render;
  private localBusy = false;
  private nextId = 1;

  constructor(options: RenderPoolOptions = {}) {
    this.maxHelpers = options.helpers ?? defaultHelpers();
    this.helpersWanted = this.maxHelpers;
    this.startAt = options.startAt ?? defaultStartAt();
    this.renderHere = options.render ?? renderRawSvg;
  }

  /** Render one spec to raw SVG, on whichever thread is free first. */
  readonly render: Render = (spec, label) =>
    new Promise<string>((resolve, reject) => {
      this.queue.push({ spec, label, resolve, reject });
      this.dispatch();
    });

  /**
   * Start every helper thread now and wait until each has loaded the renderer (a
   * benchmark measures rendering, not start-up). Rejects if a thread cannot start.
   */
  async start(): Promise<void> {
    while (this.helpers.length < this.maxHelpers) this.spawn();
    // Helpers are unreferenced while idle; this wait must keep the process alive.
    for (const h of this.helpers) h.worker.ref();
    try {
      await Promise.all(this.helpers.map((h) => h.started));
    } finally {
      for (const h of this.helpers) if (h.inFlight.size === 0) h.worker.unref();
    }
  }

  /** Stop the helper threads (started again when needed); renders they held go back in the queue. */
  async close(): Promise<void> {
    const helpers = this.helpers.splice(0);
    for (const helper of helpers) this.queue.unshift(...helper.inFlight.values());
    await Promise.all(helpers.map((h) => h.worker.terminate()));
    this.dispatch();
  }

  get threads(): number {
    return this.helpers.length;
  }

  private dispatch(): void {
    while (this.queue.length >= this.startAt && this.helpers.length < this.maxHelpers) this.spawn();
    for (const helper of this.helpers) {
      while (helper.ready && helper.inFlight.size < HELPER_DEPTH && this.queue.length > 0) {
        helper.send(this.nextId++, this.queue.shift() as Task);
      }
    }
    if (!this.localBusy && this.queue.length > 0) {
      this.localBusy = true;
      // Let I/O and helper messages through between renders on this thread.
      setImmediate(() => void this.renderLocally());
    }
  }

  private spawn(): void {
    this.helpers.push(new Helper((h, m) => this.onMessage(h, m), (h, e) => this.onExit(h, e)));
    this.counts.started += 1;
  }

  private async renderLocally(): Promise<void> {
    const task = this.queue.shift();
    if (task) {
      try {
        task.resolve(await this.renderHere(task.spec, task.label));
      } catch (error) {
        task.reject(error instanceof Error ? error : new Error(String(error)));
      }
      this.counts.local += 1;
    }
    this.localBusy = false;
    this.dispatch();
  }

  private onMessage(helper: Helper, message: WorkerMessage): void {
    if (!("ready" in message)) {
      const task = helper.settle(message.id);
      this.counts.helper += 1;
      if ("svg" in message) task?.resolve(message.svg);
      else task?.reject(revive(message.error));
    }
    this.dispatch();
  }

  /**
   * A helper that failed or stopped: its renders go back in the queue, and this thread carries
   * on. One that never started is said (once a pool): the build is right but slower, and a
   * worker that cannot load the renderer (a broken bundle, a missing module) must not pass unseen.
   */
  private onExit(helper: Helper, error: Error): void {
    const index = this.helpers.indexOf(helper);
    if (index === -1) return;
    if (!helper.ready && !this.saidStartFailure) {
      this.saidStartFailure = true;
      console.warn(`Warning: the render pool's worker thread could not start (${error.message.split("\n")[0]}); charts are drawn on this thread alone.`);
    }
    this.helpers.splice(index, 1);
    this.queue.unshift(...helper.inFlight.values());
    helper.inFlight.clear();
    void helper.worker.terminate();
    // Not started again in this pool: a thread that cannot start would fail the same way.
    this.maxHelpers = Math.min(this.maxHelpers, this.helpers.length);
    this.dispatch();
  }
}

/**
 * Promise.all that waits for every promise and, if any failed, throws the failure that
 * comes first in the list (not the first in time), so a build with two broken figures
 * reports the same one every time.
 */
export async function settleInOrder<const T extends readonly unknown[]>(promises: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/**
 * The process-wide pool every SvgCache renders through by default, as REPORT_RENDER_WORKERS
 * and REPORT_RENDER_START_AT say now (a new pool if they changed since the last one). Kept
 * on globalThis: under a test runner Eleventy can load a second copy of this module.
 */
export function sharedPool(): RenderPool {
  const slot = Symbol.for("report-engine.render-pool");
  const holder = globalThis as { [slot]?: RenderPool };
  const [helpers, startAt] = [defaultHelpers(), defaultStartAt()];
  const current = holder[slot];
  if (!current || current.helpersWanted !== helpers || current.startAt !== startAt) {
    void current?.close();
    holder[slot] = new RenderPool({ helpers, startAt });
  }
  return holder[slot] as RenderPool;
}
