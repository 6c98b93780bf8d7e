// Wiring only: the report's behaviour lives in scripts/eleventy.
// Run with NODE_OPTIONS="--import tsx" (the npm scripts do) so TypeScript modules load.
import reportPlugin, { engineIncludesFrom } from "./scripts/engine/eleventy/plugin.ts";

export const config = {
  dir: { input: "content", output: "_site" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
};

export default function (eleventyConfig) {
  // Eleventy's dependency scan parses imports as plain JavaScript and stops at TypeScript;
  // code changes need a restart of `npm start` anyway (ES modules are not reloaded).
  eleventyConfig.setWatchJavaScriptDependencies(false);
  eleventyConfig.setIncludesDirectory(engineIncludesFrom(eleventyConfig.directories.input));
  eleventyConfig.addPlugin(reportPlugin);
}
