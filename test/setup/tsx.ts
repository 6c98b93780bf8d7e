// Eleventy loads the engine's .eleventy.js with Node's own import(), and that file imports
// scripts/eleventy/plugin.ts. The npm scripts run under tsx; under vitest nothing teaches
// Node TypeScript, so every test worker registers tsx's loader first.
import { register } from "tsx/esm/api";

register();
