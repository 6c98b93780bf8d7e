/**
 * The data page (/data/, content/data.md) and what it offers: a copy of every data file
 * served with the site at its repository path (/data/national/x.csv), and one zip of all
 * of data/ with a README.md generated from the provenance ledger. The zip is made before
 * pages render (the page states its size) and written with the other files afterwards.
 */
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import markdownIt from "markdown-it";
import { councilFigureDownloads, datasetViews, downloadSize, figureDownloads, zipBaseName, type DatasetView } from "../downloads/catalogue.ts";
import { parseColumnNotes } from "../downloads/columns.ts";
import { dataReadme } from "../downloads/readme.ts";
import { deterministicZip, type ZipEntry } from "../downloads/zip.ts";
import { BuildError } from "../data/errors.ts";
import { LEDGER, parseProvenance } from "../data/provenance.ts";
import { readVersion } from "../release/store.ts";
import type { EleventyConfig } from "./plugin.ts";
import type { PreparedReport } from "../prepare.ts";

export interface DataDownloads {
  readonly datasets: readonly DatasetView[];
  /** Each data file's bytes as read (and zipped), to serve with the site. */
  readonly copies: ReadonlyMap<string, Uint8Array>;
  readonly zip: { readonly href: string; readonly name: string; readonly size: string; readonly bytes: Uint8Array; readonly files: readonly string[] };
}

/** Every file under data/ (CSVs, the ledger, import reports), relative to the root, sorted. */
async function dataFolderFiles(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, "data"), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Read data/ and the report's title, and make the data page's list and the zip. */
export async function prepareDownloads(root: string, contentDir: string): Promise<DataDownloads> {
  const files = await dataFolderFiles(root);
  const bytes = new Map<string, Buffer>();
  for (const file of files) bytes.set(file, await readFile(path.join(root, file)));
  const ledger = bytes.get(LEDGER);
  if (!ledger) throw new BuildError(`${LEDGER} is missing; the data page is made from it`);
  const entries = parseProvenance(ledger.toString("utf8"));
  const texts = new Map(entries.map((entry) => [entry.file, (bytes.get(entry.file) ?? Buffer.alloc(0)).toString("utf8")]));
  const datasets = datasetViews(entries, texts, parseColumnNotes(ledger.toString("utf8")));
  const report = JSON.parse(await readFile(path.join(contentDir, "_data", "report.json"), "utf8")) as { title: string; subtitle: string };
  const folder = zipBaseName(report.title);
  const listed = new Set(entries.map((entry) => entry.file));
  const readme = dataReadme({ title: report.title, subtitle: report.subtitle, version: await readVersion(root), datasets, notes: files.filter((file) => !listed.has(file)) });
  const zipEntries: ZipEntry[] = [{ path: `${folder}/README.md`, bytes: new TextEncoder().encode(readme) }, ...files.map((file) => ({ path: `${folder}/${file}`, bytes: bytes.get(file) as Buffer }))];
  const zipped = deterministicZip(zipEntries);
  return {
    datasets,
    copies: new Map(datasets.map((dataset) => [dataset.file, bytes.get(dataset.file) as Buffer])),
    zip: { href: `/data/${folder}.zip`, name: `${folder}.zip`, size: downloadSize(zipped.length), bytes: zipped, files: zipEntries.map((entry) => entry.path).sort() },
  };
}

/** The `dataDownloads` shortcode and the files it links to. */
export function registerDownloads(
  eleventyConfig: Pick<EleventyConfig, "on" | "addShortcode">,
  root: string,
  contentDir: string,
  preparing: () => Promise<PreparedReport>,
  report: () => PreparedReport,
  renderPartial: (name: string, context: object) => string,
): void {
  let downloads: DataDownloads | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    downloads = undefined;
    // The data is read only once the report has loaded and checked it (sha256, schemas), so
    // a broken file is reported by the loader, at its file:line:column, and nowhere else.
    try {
      await preparing();
    } catch {
      return;
    }
    downloads = await prepareDownloads(root, contentDir);
  });
  const current = () => {
    if (!downloads) throw new BuildError("the data downloads were not prepared before rendering");
    return downloads;
  };
  // The ledger's cells are Markdown (`code`, *titles*); raw HTML in them stays text.
  const inline = markdownIt({ html: false, typographer: true });
  eleventyConfig.addShortcode("dataDownloads", () => {
    const { placements, figures, councils } = report();
    const { datasets, zip } = current();
    return renderPartial("data-downloads.njk", {
      zip,
      datasets: datasets.map((d) => ({ ...d, contentsHtml: inline.renderInline(d.contents), sourceHtml: inline.renderInline(d.source), licenceHtml: inline.renderInline(d.licence) })),
      figures: figureDownloads([...placements.values()], figures),
      councilFigures: councilFigureDownloads(councils.pages),
    });
  });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const { copies, zip } = current();
    for (const [file, content] of copies) {
      const target = path.join(directories.output, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    const zipFile = path.join(directories.output, zip.href);
    await mkdir(path.dirname(zipFile), { recursive: true });
    await writeFile(zipFile, zip.bytes);
  });
}
