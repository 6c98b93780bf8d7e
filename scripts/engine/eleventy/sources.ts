/**
 * The report's sources: one catalogue (content/_data/bibliography.json, keyed by id)
 * and, in each chapter's front matter, `sources:` listing the ids the chapter draws on.
 * The chapter layout renders the list, so a source is typed once however often it is cited.
 */
import { z } from "zod";
import { BuildError } from "../data/errors.ts";
import { frontMatterListAt, frontMatterValueAt } from "../front-matter.ts";

export const sourceSchema = z
  .object({
    title: z.string().min(1),
    publisher: z.string().min(1),
    /** A year, or a span such as "2008–2015" for a series; left out when the source gives none (shown as "n.d."). */
    year: z.string().regex(/^\d{4}(–\d{4})?$/, "a year such as 2015 or a span such as 2008–2015").optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** What in the source the report (or this rebuild) uses, in a few words. */
    note: z.string().min(1).optional(),
  })
  .strict();

export type Source = Omit<z.infer<typeof sourceSchema>, "year"> & {
  readonly id: string;
  /** The year, or "n.d." (no date) when the source gives none. */
  readonly year: string;
  /** The full stop after the title, or nothing when the title ends in its own "?" or "!". */
  readonly titleEnd: "" | ".";
};

/**
 * The sources a page lists, in the order its front matter gives, looked up in the
 * catalogue. An unknown id, a repeated id or a malformed entry stops the build and
 * names the page.
 */
export function citedSources(catalogue: unknown, ids: unknown, where: string): Source[] {
  if (ids === undefined || ids === null) return [];
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) throw new BuildError(`${where}: "sources" must be a list of source ids`);
  if (catalogue === null || typeof catalogue !== "object") throw new BuildError(`${where}: lists sources but the project has no content/_data/bibliography.json`);
  const entries = catalogue as Record<string, unknown>;
  const seen = new Set<string>();
  return ids.map((id) => {
    if (seen.has(id)) throw new BuildError(`${where}: source "${id}" is listed twice`);
    seen.add(id);
    if (!Object.hasOwn(entries, id)) throw new BuildError(`${where}: source "${id}" is not in content/_data/bibliography.json`);
    const parsed = sourceSchema.safeParse(entries[id]);
    if (!parsed.success) throw new BuildError(`content/_data/bibliography.json: source "${id}": ${parsed.error.issues.map((i) => `${i.path.join(".") || "entry"} ${i.message}`).join("; ")}`);
    return { id, ...parsed.data, year: parsed.data.year ?? "n.d.", titleEnd: /[.?!]$/.test(parsed.data.title) ? "" : "." };
  });
}

/**
 * A page's `sources:` checked against the catalogue before any page renders, each fault at the
 * line and column its id is written in the page's front matter (`text` is the page file). The
 * print edition renders every page's sources again, so a fault found only while rendering would
 * be blamed on whichever of the two got there first; found here, it is the page's, once.
 * `citedSources` keeps its checks for lists this cannot see (set by a data file, not front matter).
 */
export function sourceListProblems(catalogue: unknown, ids: unknown, inputPath: string, text: string): string[] {
  if (ids === undefined || ids === null) return [];
  const key = frontMatterValueAt(text, "sources");
  const keyAt = key ? `${inputPath}:${key.line}:${key.column}` : inputPath;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) return [`${keyAt}: "sources" must be a list of source ids`];
  if (catalogue === null || typeof catalogue !== "object") return ids.length === 0 ? [] : [`${keyAt}: lists sources but the project has no content/_data/bibliography.json`];
  const written = frontMatterListAt(text, "sources");
  // Positions only when the lines hold exactly the parsed list; otherwise the page is named alone.
  const positions = written.length === ids.length && written.every((item, index) => item.value === ids[index]) ? written : undefined;
  const where = (index: number) => (positions ? `${inputPath}:${positions[index].line}:${positions[index].column}` : inputPath);
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  ids.forEach((id, index) => {
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) problems.push(`${where(index)}: source "${id}" is listed twice${positions ? ` (first on line ${positions[earlier].line})` : ""}`);
    else if (!Object.hasOwn(catalogue, id)) problems.push(`${where(index)}: source "${id}" is not in content/_data/bibliography.json`);
    firstIndex.set(id, earlier ?? index);
  });
  return problems;
}
