// Wiring only: the report's behaviour lives in scripts/eleventy.
// Run with NODE_OPTIONS="--import tsx" (the npm scripts do) so TypeScript modules load.
import { pathPrefixFrom } from "./scripts/engine/eleventy/path-prefix.ts";
import reportPlugin, { engineIncludesFrom } from "./scripts/engine/eleventy/plugin.ts";

export const config = {
  dir: { input: "content", output: "_site" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
  // `npm start` serves under REPORT_PATH_PREFIX as `npm run build` builds for it (a build's own
  // --path-prefix, passed to Eleventy by scripts/engine/build.ts, wins over this).
  pathPrefix: pathPrefixFrom(undefined),
};

export default function (eleventyConfig) {
  // Eleventy's dependency scan parses imports as plain JavaScript and stops at TypeScript;
  // code changes need a restart of `npm start` anyway (ES modules are not reloaded).
  eleventyConfig.setWatchJavaScriptDependencies(false);
  eleventyConfig.setIncludesDirectory(engineIncludesFrom(eleventyConfig.directories.input));
  eleventyConfig.addPlugin(reportPlugin);
}
