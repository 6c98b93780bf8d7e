/**
 * Figure numbers are decided before any page renders, by reading the content in
 * chapter order: the n-th figure placed in chapter c is "Figure c.n". This is what
 * lets a cross-reference on one page name and link a figure on another.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { BuildError } from "../data/errors.ts";
import { frontMatterValueAt } from "../front-matter.ts";
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

/** A content file as read: its path, its text, and its front matter's data and body. */
export interface ContentFile {
  /** Path relative to the project root, forward slashes. */
  readonly inputPath: string;
  /** Path relative to the content folder, as the platform writes it (Eleventy's default permalink is made from it). */
  readonly relativeToContent: string;
  readonly text: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly body: string;
}

/** The formats a page of the content is written in; the plugin gives Eleventy these and no other. */
export const PAGE_FORMATS = ["md", "njk"] as const;

/**
 * Other formats Eleventy would render as pages by default. A page in one of them would skip every
 * check made on the content as written (figure numbering, footnotes, active content, open tags),
 * so it is refused rather than published unchecked or silently left out.
 */
const OTHER_PAGE_FORMATS = /\.(html|liquid|11ty\.js|11ty\.cjs|11ty\.mjs|webc|hbs|mustache|ejs|haml|pug)$/;

/** Every page of the content folder, read once: .md and .njk files, leaving out _data, _includes and other "_" names. */
export async function readContentFiles(root: string, contentDir: string): Promise<ContentFile[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const pageFiles = entries
    .filter((e) => e.isFile() && !e.name.startsWith("_"))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !path.relative(contentDir, file).split(path.sep).some((part) => part.startsWith("_")))
    .sort();
  const other = pageFiles.find((file) => OTHER_PAGE_FORMATS.test(file));
  if (other) {
    const shown = path.relative(root, other).split(path.sep).join("/");
    throw new BuildError(`${shown}: a page of the report is written in Markdown (.md) or Nunjucks (.njk), whose content the build checks; this file would be published unchecked: rename it to .njk (HTML is valid Nunjucks)`);
  }
  const files = pageFiles.filter((file) => PAGE_FORMATS.some((format) => file.endsWith(`.${format}`)));
  return Promise.all(
    files.map(async (file) => {
      const inputPath = path.relative(root, file).split(path.sep).join("/");
      // Eleventy would read a page that is not UTF-8 with "�" in place of each bad byte: refused here first.
      const text = utf8Text(inputPath, await readFile(file));
      const { data, content } = frontMatter(inputPath, text);
      return { inputPath, relativeToContent: path.relative(contentDir, file), text, data, body: content };
    }),
  );
}

/**
 * What a page's `chapter` may be: a whole number from 1, or one capital letter for an appendix
 * (Methods is `chapter: A`, its figures A.1, A.2, …). Anything else would number figures
 * "Figure two.1" or "Figure 0.1" (and a chapter 0 is not shown as a chapter in the contents).
 */
const CHAPTER = /^([1-9][0-9]*|[A-Z])$/;

/** Where a front-matter value is, for a message: "file:line:column" when found, else the file. */
function at(file: ContentFile, key: string): string {
  const position = frontMatterValueAt(file.text, key);
  return position ? `${file.inputPath}:${position.line}:${position.column}` : file.inputPath;
}

/**
 * Each page's place in the report. Two pages may not share a chapter: both would have a
 * "Figure 2.1", and the claims register would file both under one heading. A chapter that is
 * a letter does not place its page among the numbered chapters, so it needs an `order`.
 * Every fault is reported at the front-matter value that makes it, in reading order.
 */
export function contentPages(files: readonly ContentFile[]): ContentPage[] {
  const problems: string[] = [];
  const pages = files.map((file) => {
    const { data, body } = file;
    const chapter = data.chapter === undefined ? undefined : String(data.chapter);
    if (chapter !== undefined && !CHAPTER.test(chapter)) {
      problems.push(`${at(file, "chapter")}: chapter ${JSON.stringify(data.chapter)} is neither a whole number from 1 nor one capital letter (for an appendix), so its figures cannot be numbered`);
    } else if (chapter !== undefined && /^[A-Z]$/.test(chapter) && data.order === undefined) {
      problems.push(`${at(file, "chapter")}: chapter ${chapter} is a letter, which does not say where the page comes in the contents; give the page an order: (a number) too`);
    }
    if (data.order !== undefined && (typeof data.order !== "number" || !Number.isFinite(data.order))) {
      problems.push(`${at(file, "order")}: order ${JSON.stringify(data.order)} is not a number; it places the page in the contents`);
    }
    return {
      inputPath: file.inputPath,
      url: pageUrl(file.relativeToContent, data.permalink),
      title: String(data.title ?? ""),
      chapter,
      order: typeof data.order === "number" ? data.order : Number(chapter ?? Number.POSITIVE_INFINITY),
      figureKeys: [...body.matchAll(FIGURE_TAG)].map((m) => m[1]),
      statKeys: [...body.matchAll(STAT_TAG)].map((m) => m[1]),
    };
  });
  if (problems.length > 0) throw new BuildError(problems.join("\n"));
  const sorted = pages.sort((a, b) => a.order - b.order || a.inputPath.localeCompare(b.inputPath, "en"));
  const fileOf = new Map(files.map((file) => [file.inputPath, file]));
  const firstOfChapter = new Map<string, ContentFile>();
  for (const page of sorted) {
    if (page.chapter === undefined) continue;
    const file = fileOf.get(page.inputPath) as ContentFile;
    const first = firstOfChapter.get(page.chapter);
    if (!first) {
      firstOfChapter.set(page.chapter, file);
      continue;
    }
    const firstAt = frontMatterValueAt(first.text, "chapter");
    problems.push(
      `${at(file, "chapter")}: chapter ${page.chapter} is already ${first.inputPath}'s${firstAt ? ` (line ${firstAt.line})` : ""}; two pages of one chapter would both have a "Figure ${page.chapter}.1" — give each its own`,
    );
  }
  if (problems.length > 0) throw new BuildError(problems.join("\n"));
  return sorted;
}

/**
 * Whether a page is listed: the cover, and every page of the contents (those with an order
 * or a chapter, which the engine's "contents" collection holds). Every page's contents list
 * shows the listed pages' titles; the print edition holds them.
 */
export const isListed = (page: Pick<ContentPage, "url" | "order">): boolean => page.url === "/" || Number.isFinite(page.order);

/** Read the content folder and place its pages (readContentFiles, then contentPages). */
export async function scanContent(root: string, contentDir: string): Promise<ContentPage[]> {
  return contentPages(await readContentFiles(root, contentDir));
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
