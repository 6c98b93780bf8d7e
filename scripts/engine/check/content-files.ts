/**
 * Checks of the content files as written, before any page renders, each fault at its
 * file:line:column: template tags left open (./open-tags.ts), the source ids its front matter
 * lists (../eleventy/sources.ts) and active content in a page's text (./active-content.ts). Every fault of every file is reported at
 * once, in file order.
 */
import { BuildError } from "../data/errors.ts";
import { sourceListProblems } from "../eleventy/sources.ts";
import type { ContentFile } from "../figures/placement.ts";
import { withoutFrontMatter } from "../front-matter.ts";
import { activeContentAdvice, activeContentProblems } from "./active-content.ts";
import { openTagMessage, openTags } from "./open-tags.ts";

export function contentFileProblems(files: readonly ContentFile[], bibliography: unknown): string[] {
  return files.flatMap((file) => {
    const format = file.inputPath.endsWith(".njk") ? "njk" : "md";
    const active = activeContentProblems(file.text, format).map((p) => `${file.inputPath}:${p.line}:${p.column}: ${p.message}; ${activeContentAdvice(format)}`);
    const tags = openTags(withoutFrontMatter(file.text)).map((tag) => `${file.inputPath}:${tag.line}:${tag.column}: ${openTagMessage(tag)}`);
    return [...tags, ...sourceListProblems(bibliography, file.data.sources, file.inputPath, file.text), ...active];
  });
}

/** Stop the build on any problem contentFileProblems finds. */
export function checkContentFiles(files: readonly ContentFile[], bibliography: unknown): void {
  const problems = contentFileProblems(files, bibliography);
  if (problems.length > 0) throw new BuildError(problems.join("\n"));
}
