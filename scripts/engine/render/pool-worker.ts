/**
 * A helper thread of the render pool (pool.ts): renders the Vega-Lite specs it is sent
 * with the same renderer as the main thread and sends back the raw SVG or the error.
 */
import { parentPort } from "node:worker_threads";
import type { TopLevelSpec } from "vega-lite";
import { renderRawSvg } from "./svg.ts";

export interface RenderRequest {
  readonly id: number;
  readonly spec: TopLevelSpec;
  readonly label: string;
}

export type WorkerMessage =
  | { readonly ready: true }
  | { readonly id: number; readonly svg: string }
  | { readonly id: number; readonly error: { readonly name: string; readonly message: string } };

const port = parentPort;
if (!port) throw new Error("pool-worker.ts runs only as a worker thread");

port.on("message", async ({ id, spec, label }: RenderRequest) => {
  let reply: WorkerMessage;
  try {
    reply = { id, svg: await renderRawSvg(spec, label) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { id, error: { name: e.name, message: e.message } };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies WorkerMessage);
