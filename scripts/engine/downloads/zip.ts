/**
 * A zip archive that is the same bytes every time it is made from the same files:
 * entries sorted by path, every entry dated 1 January 1980 (the zip format's first
 * day, the usual "no date" of reproducible archives), one fixed compression level,
 * no extra fields. Compression is fflate's, pinned by the lock file.
 */
import { zipSync, type Zippable } from "fflate";

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Deflate level: the smallest archive; the data is small, so the time does not matter. */
const LEVEL = 9;

export function deterministicZip(entries: readonly ZipEntry[]): Uint8Array {
  const seen = new Set<string>();
  for (const { path } of entries) {
    if (path === "" || path.startsWith("/") || path.includes("\\") || path.split("/").includes("..")) {
      throw new Error(`"${path}" cannot be a path inside a zip: use a relative path with forward slashes`);
    }
    if (seen.has(path)) throw new Error(`"${path}" is in the zip twice`);
    seen.add(path);
  }
  // fflate writes the zip's DOS time from the Date's local-time fields, so the date is
  // built from local fields too: the stored time is 1980-01-01 12:00 in every time zone.
  const mtime = new Date(1980, 0, 1, 12, 0, 0);
  const files: Zippable = {};
  // Insertion order is archive order: sort by path (code units, not the locale).
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    files[entry.path] = [entry.bytes, { level: LEVEL, mtime }];
  }
  return zipSync(files, { level: LEVEL, mtime });
}
