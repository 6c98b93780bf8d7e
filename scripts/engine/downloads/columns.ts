/**
 * The column notes of data/README.md ("## Columns"): for each data file, its notes in
 * prose and what each column means. A "### " heading names the files its text describes
 * (one or several, back-ticked); a line that is only a back-ticked file name followed by
 * a colon narrows what follows to that file. Each table row names one or more back-ticked
 * columns in its first cell and gives their meaning in the rest; other lines are prose.
 */

export interface FileNotes {
  /** Paragraphs and list items about the file, Markdown as written. */
  readonly prose: readonly string[];
  /** Column → meaning, Markdown as written. */
  readonly columns: ReadonlyMap<string, string>;
}

/** file ("data/national/x.csv") → its notes. */
export type ColumnNotes = ReadonlyMap<string, FileNotes>;

const ticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
const isDataFile = (name: string) => /^data\/.+\.csv$/.test(name);

/** A table row's cells; "\\|" is a pipe inside a cell. */
const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, "|"));

export function parseColumnNotes(markdown: string): ColumnNotes {
  const notes = new Map<string, { prose: string[]; columns: Map<string, string> }>();
  const notesOf = (file: string) => {
    const found = notes.get(file) ?? { prose: [], columns: new Map<string, string>() };
    notes.set(file, found);
    return found;
  };
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => /^##\s+Columns\s*$/.test(line));
  if (start < 0) return notes;
  let files: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const text = line.trim();
    if (/^##\s/.test(text)) break;
    if (/^###\s/.test(text)) {
      files = ticked(text).filter(isDataFile);
      continue;
    }
    const only = /^`([^`]+)`:$/.exec(text);
    if (only && isDataFile(only[1])) {
      files = [only[1]];
      continue;
    }
    if (text === "") continue;
    if (!text.startsWith("|")) {
      for (const file of files) notesOf(file).prose.push(text);
      continue;
    }
    const [first, ...rest] = cellsOf(text);
    const columns = ticked(first);
    // The header row ("| Column | Meaning |") and the separator name no back-ticked column.
    if (columns.length === 0) continue;
    for (const file of files) for (const column of columns) notesOf(file).columns.set(column, rest.join(" | "));
  }
  return notes;
}
