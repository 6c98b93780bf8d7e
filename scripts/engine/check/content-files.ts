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

/** What a file's text alone says of its open tags and active content: the same for the same path and text. */
function textProblems(file: ContentFile): { tags: string[]; active: string[] } {
  const format = file.inputPath.endsWith(".njk") ? "njk" : "md";
  return {
    tags: openTags(withoutFrontMatter(file.text)).map((tag) => `${file.inputPath}:${tag.line}:${tag.column}: ${openTagMessage(tag)}`),
    active: activeContentProblems(file.text, format).map((p) => `${file.inputPath}:${p.line}:${p.column}: ${p.message}; ${activeContentAdvice(format)}`),
  };
}

/**
 * The last call's files' text problems, by path and text: the preview checks every file
 * before each rebuild, and after a prose edit one file's text is new. Only the files of the
 * last call are kept.
 */
let lastChecked = new Map<string, ReturnType<typeof textProblems>>();

export function contentFileProblems(files: readonly ContentFile[], bibliography: unknown): string[] {
  const checked = new Map<string, ReturnType<typeof textProblems>>();
  const problems = files.flatMap((file) => {
    const key = `${file.inputPath}\0${file.text}`;
    const { tags, active } = lastChecked.get(key) ?? textProblems(file);
    checked.set(key, { tags, active });
    return [...tags, ...sourceListProblems(bibliography, file.data.sources, file.inputPath, file.text), ...active];
  });
  lastChecked = checked;
  return problems;
}

/** Stop the build on any problem contentFileProblems finds. */
export function checkContentFiles(files: readonly ContentFile[], bibliography: unknown): void {
  const problems = contentFileProblems(files, bibliography);
  if (problems.length > 0) throw new BuildError(problems.join("\n"));
}
