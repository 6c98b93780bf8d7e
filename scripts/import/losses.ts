/**
 * What an update would take away from data/, and the refusal that stops it (issue 17).
 *
 * A publisher's new edition adds rows and corrects values; it does not, as a rule, take
 * any away. A file cut short at a line boundary still parses, and its missing rows would
 * simply vanish from data/. So `npm run data:update` refuses any loss unless it is told
 * `--allow-removals` (the publisher really withdrew them), and then lists every one.
 *
 * A loss is, in a canonical CSV file compared by its key with what data/ holds:
 * - a row the update would remove (a council, an inspection judgement, a council's year of
 *   figures, an ILACS report), unless the same thing stays under a new key: a council that
 *   took a new code (its old code among the new row's former_codes; its rows in the other
 *   files follow it), or the same inspection re-dated (the same council and the file's
 *   other identifying columns, `sameAs`: an ILACS report's first day on site, an inspection
 *   judgement's framework, of which a council has one);
 * - a value a row would lose (a cell that had one and would be empty), unless the row
 *   passes to another source (`sourceColumn`) that does not give that column: an ILACS
 *   report of the scrape taken from Ofsted's next table has no inspection_end.
 * A value corrected is a change, not a loss; so is a report passing from the scrape to
 * Ofsted's table (its key, council and publication date, stays).
 */
import type { CsvDiff, CsvRow } from "./outputs.ts";
import type { PublicationId } from "./publisher/publications.ts";

/** A canonical CSV file as the update compares it and names what it would lose. */
export interface CanonicalFile {
  /** The columns that key a row. */
  readonly key: readonly string[];
  /** The column holding the row's council code. */
  readonly council: string;
  /** What a row is, in a sentence. */
  readonly unit: { readonly one: string; readonly many: string };
  /** The column dating a row, and how a span of its values reads ("published 2018-01-19 to 2026-07-28"). */
  readonly dated?: { readonly column: string; readonly span: (first: string, last: string) => string };
  /** With the council, the columns that identify the same thing when the rest of its key changed (a report re-dated). */
  readonly sameAs?: readonly string[];
  /** The column saying which source (or table) a row was taken from. */
  readonly sourceColumn?: string;
  /** The publications a row (column null), or one of its values, comes from: those a loss is laid at. */
  readonly from: (row: CsvRow, column: string | null) => readonly PublicationId[];
}

/** A file whose rows are dated by their publication, as both inspection files are. */
export const DATED_BY_PUBLICATION: NonNullable<CanonicalFile["dated"]> = {
  column: "published",
  span: (first, last) => (first === last ? `published ${first}` : `published ${first} to ${last}`),
};

/** A row the update would remove; `keptAs` says how the same thing stays (null: it is lost). */
export interface RemovedRow {
  readonly row: CsvRow;
  readonly keptAs: string | null;
}

type ChangedRow = CsvDiff["changedRows"][number];

/** A changed row that would lose values: the columns whose value would be emptied. */
export interface EmptiedRow extends ChangedRow {
  readonly emptied: readonly string[];
}

export interface FileLosses {
  /** Every row the update would remove, in data/'s order. */
  readonly removed: readonly RemovedRow[];
  /** The changed rows that would lose a value (others are corrections). */
  readonly emptied: readonly EmptiedRow[];
}

/** Whether anything in `losses` is lost: a row removed and not kept under another key, or a value emptied. */
export const losesAnything = (losses: FileLosses) => losses.emptied.length > 0 || losses.removed.some((r) => r.keptAs === null);

/**
 * The losses of one file. `newCodes` maps a council's former code to its code now, from
 * the council list the update would write.
 */
export function lossesOf(diff: CsvDiff, file: CanonicalFile, newCodes: ReadonlyMap<string, string>): FileLosses {
  const councilOf = (row: CsvRow) => newCodes.get(row[file.council] ?? "") ?? row[file.council] ?? "";
  const keyOf = (row: CsvRow, columns: readonly string[]) => columns.map((column) => (column === file.council ? councilOf(row) : (row[column] ?? ""))).join("\u0000");
  const sameAs = file.sameAs ? [file.council, ...file.sameAs] : null;
  // Each added row stands for one removed row at most.
  const used = new Set<CsvRow>();
  const addedLike = (row: CsvRow, columns: readonly string[]) => diff.addedRows.find((added) => !used.has(added) && keyOf(added, columns) === keyOf(row, columns));
  const removed = diff.removedRows.map((row): RemovedRow => {
    const code = councilOf(row);
    if (code !== row[file.council]) {
      const same = addedLike(row, file.key);
      if (same) {
        used.add(same);
        return { row, keptAs: `now under ${code}, the council's new code` };
      }
    }
    if (sameAs && sameAs.every((column) => (row[column] ?? "") !== "")) {
      const same = addedLike(row, sameAs);
      if (same) {
        used.add(same);
        const moved = file.key.filter((column) => column !== file.council && same[column] !== row[column]);
        return { row, keptAs: `now ${moved.map((column) => `${column} ${same[column]}`).join(", ")}: the same ${file.unit.one} (same council and ${(file.sameAs ?? []).join(" and ")})` };
      }
    }
    return { row, keptAs: null };
  });
  const emptied = diff.changedRows.flatMap((changed): EmptiedRow[] => {
    if (file.sourceColumn !== undefined && changed.cells.some((cell) => cell.column === file.sourceColumn)) return [];
    // "(no column)": a column the file no longer has is a change of its layout, made with the code, not a publisher's loss.
    const columns = changed.cells.filter((cell) => cell.before !== "" && cell.before !== "(no column)" && cell.after === "").map((cell) => cell.column);
    return columns.length > 0 ? [{ ...changed, emptied: columns }] : [];
  });
  return { removed, emptied };
}

/** One file's diff and losses, as the refusal reads them. */
export interface FileLossesOf {
  readonly file: string;
  readonly canonical: CanonicalFile;
  readonly diff: CsvDiff;
  readonly losses: FileLosses;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "a, b and c". */
const listed = (items: readonly string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/**
 * The refusal of an update that would lose rows or values, or null when it would lose
 * none. A line per source file (or the files a loss may come from together), naming what
 * each canonical file would lose: how many rows of how many, of how many councils, over
 * which dates, and the columns whose values would be emptied; then what to do.
 * `pathOf` gives the path of the file read for a publication; `name` names a row for a reader.
 */
export function refusal(files: readonly FileLossesOf[], pathOf: (id: PublicationId) => string | undefined, name: (file: FileLossesOf, row: CsvRow) => string): string | null {
  interface Lost {
    readonly file: FileLossesOf;
    readonly row: CsvRow;
    readonly column: string | null;
  }
  // Losses grouped by the files they are laid at, so that each line begins with the file to look at.
  const bySources = new Map<string, { paths: readonly string[]; lost: Lost[] }>();
  const lay = (lost: Lost) => {
    const found = [...new Set(lost.file.canonical.from(lost.row, lost.column).flatMap((id) => pathOf(id) ?? []))];
    const paths = found.length > 0 ? found : ["the files given"];
    const group = bySources.get(paths.join("\u0000")) ?? { paths, lost: [] };
    group.lost.push(lost);
    bySources.set(paths.join("\u0000"), group);
  };
  for (const file of files) {
    for (const { row, keptAs } of file.losses.removed) if (keptAs === null) lay({ file, row, column: null });
    for (const { row, emptied } of file.losses.emptied) for (const column of emptied) lay({ file, row, column });
  }
  if (bySources.size === 0) return null;
  const lines = [...bySources.values()].map(({ paths, lost }) => {
    const parts = files.flatMap((file) => {
      const mine = lost.filter((l) => l.file === file);
      if (mine.length === 0) return [];
      const { canonical, diff } = file;
      const held = diff.rows - diff.added + diff.removed;
      const rows = mine.filter((l) => l.column === null).map((l) => l.row);
      const emptiedRows = [...new Set(mine.filter((l) => l.column !== null).map((l) => l.row))];
      const columns = [...new Set(mine.flatMap((l) => l.column ?? []))];
      /** Which councils, and over which dates, `these` rows are. */
      const scope = (these: readonly CsvRow[]) => {
        // A file whose rows are councils (keyed by the council alone) names them.
        if (canonical.key.length === 1 && canonical.key[0] === canonical.council) {
          const names = these.map((row) => name(file, row));
          return names.length <= 3 ? listed(names) : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
        }
        const councils = plural(new Set(these.map((row) => row[canonical.council])).size, "council");
        if (!canonical.dated) return councils;
        const dates = these.map((row) => row[canonical.dated!.column] ?? "").filter((d) => d !== "").sort();
        return dates.length === 0 ? councils : `${councils}, ${canonical.dated.span(dates[0], dates.at(-1)!)}`;
      };
      const ofHeld = (n: number) => (n === held && n > 1 ? `all ${held} of its ${canonical.unit.many}` : `${n} of its ${plural(held, canonical.unit.one, canonical.unit.many)}`);
      const rowsPart = rows.length > 0 ? `${ofHeld(rows.length)} (${scope(rows)})` : null;
      const valuesPart =
        emptiedRows.length === 0 ? null
        : rowsPart ? `${listed(columns)} from ${plural(emptiedRows.length, "other")}`
        : `${listed(columns)} from ${ofHeld(emptiedRows.length)} (${scope(emptiedRows)})`;
      return [`${file.file} would lose ${[rowsPart, valuesPart].filter((p) => p !== null).join(", and ")}`];
    });
    return `${listed(paths)} ${paths.length > 1 ? "give" : "gives"} less than data/ holds: ${parts.join("; ")}.`;
  });
  return [...lines, "If the publisher did withdraw them, run again with --allow-removals, which lists every one; if not, the file may be cut short or not the one meant: download it again."].join("\n");
}
