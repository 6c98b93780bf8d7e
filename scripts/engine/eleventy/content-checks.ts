/**
 * Checks over each rendered page that fail the build: its footnotes must be whole (each
 * referred to is written, once, and referred to: ../check/footnotes.ts); a pull quote must repeat the page's
 * own words, and not beside the passage that says them (../check/pull-quotes.ts). The print edition gathers pages already checked on
 * their own, so it is not checked again.
 */
import path from "node:path";
import { readFileSync } from "node:fs";
import { footnoteProblems } from "../check/footnotes.ts";
import { pullQuoteProblems } from "../check/pull-quotes.ts";
import { BuildError } from "../data/errors.ts";
import type { EleventyConfig } from "./config.ts";
import { PRINT_EDITION_URL } from "./reader-aids.ts";

export function registerContentChecks(eleventyConfig: Pick<EleventyConfig, "addTransform">, root: string): void {
  // Footnotes are checked in the page's own Markdown, so a fault is reported where it is written.
  eleventyConfig.addTransform("footnotes-are-whole", function (content: string) {
    const input = String(this.page.inputPath ?? "");
    if (!input.endsWith(".md")) return content;
    const problems = footnoteProblems(readFileSync(path.resolve(input), "utf8"));
    if (problems.length > 0) {
      const page = path.relative(root, path.resolve(input)).split(path.sep).join("/");
      throw new BuildError(problems.map((p) => `${page}:${p.line}:${p.column}: ${p.message}`).join("\n"));
    }
    return content;
  });
  eleventyConfig.addTransform("pull-quotes-repeat-the-page", function (content: string) {
    const own = this.page.outputPath && String(this.page.outputPath).endsWith(".html") && this.page.url !== PRINT_EDITION_URL;
    const problems = own ? pullQuoteProblems(content) : [];
    if (problems.length > 0) {
      const page = path.relative(root, path.resolve(this.page.inputPath)).split(path.sep).join("/");
      throw new BuildError(`${page}: ${problems.join("; ")}`);
    }
    return content;
  });
}
