/**
 * Figure numbers are decided before any page renders, by reading the content in
 * chapter order: the n-th figure placed in chapter c is "Figure c.n". This is what
 * lets a cross-reference on one page name and link a figure on another.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { BuildError } from "../data/errors.ts";
import { utf8Text } from "../data/utf8.ts";

export interface ContentPage {
  /** Path relative to the project root, forward slashes. */
  readonly inputPath: string;
  readonly url: string;
  readonly title: string;
  readonly chapter: string | undefined;
  readonly order: number;
  readonly figureKeys: readonly string[];
  /** The stat keys the page states with {% stat %}, in order (the claims register links a number to the page that states it). */
  readonly statKeys: readonly string[];
}

/** The page a figure is drawn on: a content page, or a page a family makes (a council's). */
export interface FigurePage {
  readonly url: string;
  readonly title: string;
}

export interface Placement {
  readonly key: string;
  /** "1.2"; empty for a figure on a family's page, which is not numbered. */
  readonly number: string;
  /** "Figure 1.2", or what the figure is called on its page ("Inspection history"). */
  readonly label: string;
  readonly anchor: string;
  readonly page: FigurePage;
  /** URL of the page plus anchor. */
  readonly href: string;
}

/** A figure placed by the content with {% figure %}: numbered by its chapter. */
export interface ContentPlacement extends Placement {
  readonly page: ContentPage;
}

const FIGURE_TAG = /\{%-?\s*figure\s+["']([^"']+)["']\s*-?%\}/g;
const STAT_TAG = /\{%-?\s*stat\s+["']([^"']+)["']/g;

/** Eleventy's default permalink for a content file, unless front matter sets one. */
export function pageUrl(relativeToContent: string, permalink: unknown): string {
  if (typeof permalink === "string") return permalink.replace(/index\.html$/, "");
  const withoutExtension = relativeToContent.replace(/\.[^./]+$/, "").split(path.sep).join("/");
  if (withoutExtension === "index") return "/";
  return `/${withoutExtension.replace(/\/index$/, "")}/`;
}

/** What js-yaml's errors carry: where in the front matter, and what is wrong. */
interface YamlError {
  readonly reason?: string;
  readonly mark?: { readonly line: number; readonly column: number };
}

/**
 * A content file's front matter and body. Front matter that is not valid YAML fails at
 * file:line:column of the file itself (the YAML starts right after the opening "---",
 * so its 0-based line is the file's 1-based line of the error), in plain words.
 */
export function frontMatter(inputPath: string, text: string): { data: Record<string, unknown>; content: string } {
  try {
    // A fresh object each time: gray-matter caches results by input text, and callers may keep them.
    const { data, content } = matter(text, {});
    return { data: { ...data }, content };
  } catch (error) {
    const { reason, mark } = error as YamlError;
    if (!mark) throw error;
    throw new BuildError(`${inputPath}:${mark.line + 1}:${mark.column + 1}: the front matter is not valid YAML (${reason ?? "unreadable"})`);
  }
}

export async function scanContent(root: string, contentDir: string): Promise<ContentPage[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(md|njk)$/.test(e.name) && !e.name.startsWith("_"))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !path.relative(contentDir, file).split(path.sep).some((part) => part.startsWith("_")))
    .sort();
  const pages: ContentPage[] = [];
  for (const file of files) {
    const inputPath = path.relative(root, file).split(path.sep).join("/");
    // Eleventy would read a page that is not UTF-8 with "�" in place of each bad byte: refused here first.
    const { data, content } = frontMatter(inputPath, utf8Text(inputPath, await readFile(file)));
    const chapter = data.chapter === undefined ? undefined : String(data.chapter);
    pages.push({
      inputPath,
      url: pageUrl(path.relative(contentDir, file), data.permalink),
      title: String(data.title ?? ""),
      chapter,
      order: typeof data.order === "number" ? data.order : Number(chapter ?? Number.POSITIVE_INFINITY),
      figureKeys: [...content.matchAll(FIGURE_TAG)].map((m) => m[1]),
      statKeys: [...content.matchAll(STAT_TAG)].map((m) => m[1]),
    });
  }
  return pages.sort((a, b) => a.order - b.order || a.inputPath.localeCompare(b.inputPath, "en"));
}

export const figureAnchor = (key: string) => `figure-${key}`;

/** Where a figure on a family's page is: on that page, under its label, at its anchor (figure-<key> unless it names one). */
export function pagePlacement(key: string, on: { readonly page: FigurePage; readonly label: string; readonly anchor?: string }): Placement {
  const anchor = on.anchor ?? figureAnchor(key);
  return { key, number: "", label: on.label, anchor, page: on.page, href: `${on.page.url}#${anchor}` };
}

export function placeFigures(pages: readonly ContentPage[], known: ReadonlySet<string>): Map<string, ContentPlacement> {
  const placements = new Map<string, ContentPlacement>();
  for (const page of pages) {
    page.figureKeys.forEach((key, index) => {
      if (!known.has(key)) throw new BuildError(`${page.inputPath}: unknown figure key "${key}"`);
      const earlier = placements.get(key);
      if (earlier) throw new BuildError(`${page.inputPath}: figure "${key}" is already placed in ${earlier.page.inputPath}; a figure appears once, refer to it with {% ref "${key}" %}`);
      if (page.chapter === undefined) throw new BuildError(`${page.inputPath}: places figure "${key}" but has no chapter in its front matter, so the figure cannot be numbered`);
      const number = `${page.chapter}.${index + 1}`;
      const anchor = figureAnchor(key);
      placements.set(key, { key, number, label: `Figure ${number}`, anchor, page, href: `${page.url}#${anchor}` });
    });
  }
  return placements;
}
