/**
 * The project's data/ folder, read from disk once per build: every file's bytes, by path.
 * Everything the build takes from data/ comes from here — the provenance check hashes
 * these bytes, the loader parses them, the data page counts and serves them and the zip
 * packs them — so a file is read once, and every consumer sees the same bytes.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { utf8Text } from "./utf8.ts";

/** How a file is read; a test may count the reads. */
export type ReadBytes = (file: string) => Promise<Uint8Array>;

export class DataFolder {
  constructor(
    /** Every file under data/, by path relative to the project root, sorted. */
    readonly files: ReadonlyMap<string, Buffer>,
  ) {}

  /** Paths relative to the project root, forward slashes, sorted. */
  paths(): string[] {
    return [...this.files.keys()];
  }

  /** The CSV files, sorted (hidden ones too: every CSV must be in the ledger). */
  csvPaths(): string[] {
    return this.paths().filter((file) => file.endsWith(".csv"));
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  bytes(file: string): Buffer | undefined {
    return this.files.get(file);
  }

  /** A file's text, or undefined when there is no such file; a file that is not UTF-8 fails at its first byte that is not (./utf8.ts). */
  text(file: string): string | undefined {
    const bytes = this.files.get(file);
    return bytes === undefined ? undefined : utf8Text(file, bytes);
  }
}

/** Every file under `root`/data, read once. A project without a data folder has an empty one. */
export async function readDataFolder(root: string, read: ReadBytes = (file) => readFile(file)): Promise<DataFolder> {
  let entries;
  try {
    entries = await readdir(path.join(root, "data"), { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new DataFolder(new Map());
    throw error;
  }
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
  const files = new Map<string, Buffer>();
  for (const file of paths) {
    const bytes = await read(path.join(root, file));
    files.set(file, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
  }
  return new DataFolder(files);
}
