/**
 * What the data page (/data/) lists and the data zip holds, worked out from the
 * provenance ledger (data/README.md), the data files as loaded and the rendered
 * figures. Pure: the build has read the files (./data-page.ts).
 */
import { parse } from "csv-parse/sync";
import { BuildError } from "../data/errors.ts";
import type { ProvenanceEntry } from "../data/provenance.ts";
import { slugWords } from "../slug.ts";
import type { ColumnNotes } from "./columns.ts";

/** Figure CSVs live here (scripts/engine/figures/render.ts); a data file may not land in it. */
const FIGURE_CSV_FOLDER = "data/figures/";

export interface DatasetColumn {
  readonly name: string;
  /** From the column notes of data/README.md; undefined where it has none. */
  readonly meaning: string | undefined;
}

export interface DatasetView {
  /** Path in the repository and in the zip's data folder, e.g. "data/national/x.csv". */
  readonly file: string;
  /** Site path of the copy served with the site: the same path from the site root. */
  readonly href: string;
  /** Id of its entry on the data page. */
  readonly anchor: string;
  readonly contents: string;
  readonly source: string;
  readonly licence: string;
  readonly date: string;
  readonly sha256: string;
  /** Data rows (the header not counted). */
  readonly rows: number;
  readonly columns: readonly DatasetColumn[];
  /** What data/README.md says about the file beyond its column table (Markdown). */
  readonly notes: readonly string[];
}

/** The header and the number of data rows of a CSV file's text. */
export function csvShape(text: string): { header: string[]; rows: number } {
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [header = [], ...rows] = records;
  return { header: header.map((cell) => cell.trim()), rows: rows.length };
}

/** A file's header and number of data rows. */
export type CsvShape = { readonly header: readonly string[]; readonly rows: number };

/** One entry per file in the ledger, sorted by path, with its columns and size (`shapes`: each file's, by path). */
export function datasetViews(entries: readonly ProvenanceEntry[], shapes: ReadonlyMap<string, CsvShape>, notes: ColumnNotes): DatasetView[] {
  return [...entries]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((entry) => {
      if (entry.file.startsWith(FIGURE_CSV_FOLDER)) {
        throw new BuildError(`${entry.file}: data files cannot live in ${FIGURE_CSV_FOLDER}, where the site publishes the figures' CSVs`);
      }
      const shape = shapes.get(entry.file);
      if (shape === undefined) throw new BuildError(`${entry.file} is listed in data/README.md but was not read for the data page`);
      const { header, rows } = shape;
      const fileNotes = notes.get(entry.file);
      return {
        file: entry.file,
        href: `/${entry.file}`,
        anchor: `dataset-${entry.file.replace(/^data\//, "").replace(/\.csv$/, "").replace(/[^A-Za-z0-9]+/g, "-")}`,
        contents: entry.contents,
        source: entry.source,
        licence: entry.licence,
        date: entry.date,
        sha256: entry.sha256,
        rows,
        columns: header.map((name) => ({ name, meaning: fileNotes?.columns.get(name) })),
        notes: fileNotes?.prose ?? [],
      };
    });
}

/**
 * A file name from the report's title: "A Brave New World" → "brave-new-world" (lower case,
 * words joined by "-", a leading article dropped), for its PDF and its data zip.
 */
export function reportFileBase(title: string): string {
  const words = slugWords(title);
  const named = words.length > 1 && ["a", "an", "the"].includes(words[0]) ? words.slice(1) : words;
  if (named.length === 0) throw new BuildError(`the report's title "${title}" gives no name for its files`);
  return named.join("-");
}

/** The data zip's name: "brave-new-world-data" (.zip). */
export const zipBaseName = (title: string) => `${reportFileBase(title)}-data`;

/** "12 KB", "1.4 MB": a download's size as a reader wants it (1 KB = 1,024 bytes). */
export function downloadSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export interface FigureDownloadView {
  /** "Figure 1.2", or the title of its page for a figure on a family's page. */
  readonly label: string;
  readonly title: string;
  /** Where the figure is shown: its page and anchor. */
  readonly href: string;
  /** The page it is on, by title. */
  readonly page: string;
  readonly csvHref: string;
}

interface FigureLike {
  readonly label: string;
  readonly title: string;
  readonly href: string;
  readonly csvPath: string;
}

/** The report's figures in reading order (the order of `placed`), each with its CSV. */
export function figureDownloads(placed: readonly { readonly key: string; readonly page: { readonly title: string } }[], figures: ReadonlyMap<string, FigureLike>): FigureDownloadView[] {
  return placed.flatMap(({ key, page }) => {
    const figure = figures.get(key);
    return figure ? [{ label: figure.label, title: figure.title, href: figure.href, page: page.title, csvHref: figure.csvPath }] : [];
  });
}

/** The figures drawn on a family's pages (a council's timeline), each named by the title of its page, in the pages' order. */
export function pageFigureDownloads(figures: readonly { readonly page: string; readonly figure: FigureLike }[]): FigureDownloadView[] {
  return figures.map(({ page, figure }) => ({ label: page, title: figure.title, href: figure.href, page, csvHref: figure.csvPath }));
}
