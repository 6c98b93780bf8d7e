import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/scratch.ts"],
    setupFiles: ["test/setup/tsx.ts"],
    // Test files share their worker's loaded modules instead of each importing Vega,
    // Eleventy and the pipeline afresh: on this 2-core machine that import cost was about
    // a third of `npm test`. The tests keep no state between files (temporary folders,
    // environment variables and spies are put back), and each still passes on its own
    // (`npx vitest run --isolate` runs them separated).
    isolate: false,
    // Whole-site builds run Eleventy and Vega in-process; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: "UTC" },
  },
});
