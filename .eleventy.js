// Wiring only: the report's behaviour lives in scripts/eleventy.
// Run with NODE_OPTIONS="--import tsx" (the npm scripts do) so TypeScript modules load.
import reportPlugin, { engineIncludesFrom } from "./scripts/eleventy/plugin.ts";

export const config = {
  dir: { input: "content", output: "_site" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
};

export default function (eleventyConfig) {
  eleventyConfig.setIncludesDirectory(engineIncludesFrom(eleventyConfig.directories.input));
  eleventyConfig.addPlugin(reportPlugin);
}
