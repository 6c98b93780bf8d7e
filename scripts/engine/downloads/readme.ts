/**
 * The README.md at the top of the data zip: what each file holds, where it comes
 * from, its licence, date, sha256 and columns, all taken from the provenance ledger
 * (data/README.md) and the files themselves, so it cannot drift from them.
 */
import type { DatasetView } from "./catalogue.ts";
import { compareText } from "../compare.ts";

export interface ReadmeInput {
  readonly title: string;
  readonly subtitle: string;
  readonly version: string;
  readonly datasets: readonly DatasetView[];
  /** Other files in the zip's data folder (the ledger, import reports), paths as in the repository. */
  readonly notes: readonly string[];
}

/** A Markdown table cell: pipes escaped, one line. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

export function dataReadme({ title, subtitle, version, datasets, notes }: ReadmeInput): string {
  const byLicence = new Map<string, string[]>();
  for (const dataset of datasets) byLicence.set(dataset.licence, [...(byLicence.get(dataset.licence) ?? []), dataset.file]);
  const lines = [
    `# ${title}: the data`,
    "",
    `The data files from which *${title}: ${subtitle}* (report version ${version}) computes every number and chart, exactly as they were when the site was built.`,
    "Each file's sha256 below is the one recorded in the project's provenance ledger, `data/README.md`; the build refuses to run if a file no longer matches it.",
    "",
    "## What is in this archive",
    "",
    "- `README.md`: this file.",
    ...datasets.map((d) => `- \`${d.file}\`: ${d.rows === 1 ? "1 row" : `${d.rows} rows`}, ${d.columns.length} columns.`),
    ...notes.map((file) => `- \`${file}\`: ${file === "data/README.md" ? "the provenance ledger: every file's source, licence, date and sha256, and notes on their columns and rules." : "how this folder's files were imported: the sources read, the rows left out and why."}`),
    "",
    "## Licences",
    "",
    "Each file keeps the licence of its source. By licence:",
    "",
    ...[...byLicence.entries()].sort(([a], [b]) => compareText(a, b)).flatMap(([licence, files]) => [`- **${licence}**: ${files.map((file) => `\`${file}\``).join(", ")}.`]),
    "",
    "## The files",
  ];
  for (const d of datasets) {
    lines.push(
      "",
      `### \`${d.file}\``,
      "",
      d.contents,
      "",
      `- Source: ${d.source}`,
      `- Licence: ${d.licence}`,
      `- Date: ${d.date}`,
      `- sha256: \`${d.sha256}\``,
      `- Rows: ${d.rows} (not counting the header)`,
      ...(d.notes.length > 0 ? ["", ...d.notes.flatMap((note, i) => (i > 0 && !(note.startsWith("- ") && d.notes[i - 1].startsWith("- ")) ? ["", note] : [note]))] : []),
      "",
      "| Column | Meaning |",
      "|---|---|",
      ...d.columns.map((c) => `| \`${cell(c.name)}\` | ${c.meaning ? cell(c.meaning) : d.notes.length > 0 ? "See the notes above." : "Not described in `data/README.md`."} |`),
    );
  }
  return `${lines.join("\n")}\n`;
}
