/**
 * What the data page (/data/) offers, made from the data as the build read and loaded it:
 * a copy of every data file served with the site at its repository path
 * (/data/national/x.csv), and one zip of all of data/ with a README.md generated from the
 * provenance ledger. Nothing is read from disk here: the bytes are the data folder's
 * (scripts/engine/data/folder.ts), the rows and columns the loaded tables'.
 */
import { BuildError } from "../data/errors.ts";
import { LEDGER } from "../data/provenance.ts";
import type { ReportData } from "../data/report-data.ts";
import { csvShape, datasetViews, downloadSize, zipBaseName, type CsvShape, type DatasetView } from "./catalogue.ts";
import { parseColumnNotes } from "./columns.ts";
import { dataReadme } from "./readme.ts";
import { deterministicZip, type ZipEntry } from "./zip.ts";

export interface DataDownloads {
  readonly datasets: readonly DatasetView[];
  /** Each data file's bytes as read (and zipped), to serve with the site. */
  readonly copies: ReadonlyMap<string, Uint8Array>;
  readonly zip: { readonly href: string; readonly name: string; readonly size: string; readonly bytes: Uint8Array; readonly files: readonly string[] };
}

export interface DataDownloadsInput {
  readonly data: ReportData;
  /** The report's title and subtitle (content/_data/report.json) and version, for the zip's name and README. */
  readonly title: string;
  readonly subtitle: string;
  readonly version: string;
}

/** Header and row count of every listed file: from its loaded table, else (a file no family reads) from its bytes. */
function shapes(data: ReportData): Map<string, CsvShape> {
  const loaded = new Map<string, CsvShape>();
  for (const [, table] of data.loaded()) loaded.set(table.file, { header: table.header, rows: table.rows.length });
  for (const table of data.claims) loaded.set(table.file, { header: table.header, rows: table.rows.length });
  for (const entry of data.provenance) {
    const text = data.folder.text(entry.file);
    if (!loaded.has(entry.file) && text !== undefined) loaded.set(entry.file, csvShape(text));
  }
  return loaded;
}

export function prepareDataDownloads({ data, title, subtitle, version }: DataDownloadsInput): DataDownloads {
  const { folder } = data;
  // Hidden files (.DS_Store) are not data: neither listed nor zipped.
  const files = folder.paths().filter((file) => !file.split("/").at(-1)?.startsWith("."));
  const ledger = folder.text(LEDGER);
  if (ledger === undefined) throw new BuildError(`${LEDGER} is missing; the data page is made from it`);
  const datasets = datasetViews(data.provenance, shapes(data), parseColumnNotes(ledger));
  const zipFolder = zipBaseName(title);
  const listed = new Set(data.provenance.map((entry) => entry.file));
  const readme = dataReadme({ title, subtitle, version, datasets, notes: files.filter((file) => !listed.has(file)) });
  const bytesOf = (file: string) => folder.bytes(file) as Uint8Array;
  const zipEntries: ZipEntry[] = [{ path: `${zipFolder}/README.md`, bytes: new TextEncoder().encode(readme) }, ...files.map((file) => ({ path: `${zipFolder}/${file}`, bytes: bytesOf(file) }))];
  const zipped = deterministicZip(zipEntries);
  return {
    datasets,
    copies: new Map(datasets.map((dataset) => [dataset.file, bytesOf(dataset.file)])),
    zip: { href: `/data/${zipFolder}.zip`, name: `${zipFolder}.zip`, size: downloadSize(zipped.length), bytes: zipped, files: zipEntries.map((entry) => entry.path).sort() },
  };
}
