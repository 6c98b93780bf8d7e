// Eleventy loads the engine's .eleventy.js with Node's own import(), and that file imports
// scripts/engine/eleventy/plugin.ts. The npm scripts run under tsx; under vitest nothing teaches
// Node TypeScript, so every test worker registers tsx's loader first: once per process,
// since test files share their worker's modules (isolate: false in vitest.config.ts) and
// this file runs before each of them.
import { register } from "tsx/esm/api";

const registered = Symbol.for("report-tests.tsx-registered");
const state = globalThis as { [registered]?: boolean };
if (!state[registered]) {
  register();
  state[registered] = true;
}
