/**
 * A build that cannot write what it makes, said in one line: which folder, and what happened.
 * Left to themselves, the system's error names one file or none (a full disk says only "write"),
 * a folder that cannot be made shows up later as ENOENT for a file inside it, and Eleventy's
 * wrapper lists every page of the template it was writing (12 KB for the council pages). None
 * of that says where to look.
 */
import path from "node:path";
import { BuildError } from "./data/errors.ts";

/** The folders a build writes to. */
export interface WritePlaces {
  /** The finished site's folder, e.g. /x/_site. */
  readonly outDir: string;
  /** Where the site is built before it is swapped in, e.g. /x/_site.building-123. */
  readonly staging: string;
  /** The chart cache, or null when it is off. */
  readonly cacheDir: string | null;
}

/** The system errors that mean the output cannot be written, and what each says happened there. */
const WHAT_HAPPENED: Readonly<Record<string, (where: string) => string>> = {
  ENOSPC: (where) => `no space left on the device holding ${where}`,
  EDQUOT: (where) => `the disk quota is used up on the device holding ${where}`,
  EROFS: (where) => `${where} cannot be written: its file system is read-only`,
  EACCES: (where) => `${where} cannot be written: permission denied`,
  EPERM: (where) => `${where} cannot be written: the operation is not permitted`,
};

const within = (folder: string, file: string) => file === folder || file.startsWith(`${folder}${path.sep}`);

/** What a folder is for, when it is one of the build's own (the staging folder's name means nothing to a reader). */
function described(folder: string, places: WritePlaces): string {
  if (folder === places.cacheDir) return `${folder} (the chart cache)`;
  if (folder === places.staging) return `${folder} (where the site is built before it replaces ${places.outDir})`;
  return folder;
}

/**
 * The one-line message for the first error of `chain` (an error and what it wraps) that is a
 * failure to write, or undefined when there is none. The folder named is the build's own
 * folder holding the file (staging or chart cache), else the file's folder; an error that names
 * no file (a full disk) came from writing a page, so it is the staging folder.
 */
export function writeFailure(chain: readonly Error[], places: WritePlaces): BuildError | undefined {
  const failure = chain.find((error) => {
    const code = (error as NodeJS.ErrnoException).code;
    return typeof code === "string" && (code in WHAT_HAPPENED || code === "ENAMETOOLONG");
  }) as NodeJS.ErrnoException | undefined;
  if (!failure) return undefined;
  const file = typeof failure.path === "string" ? path.resolve(failure.path) : undefined;
  const folder = file === undefined ? places.staging : [places.cacheDir, places.staging].find((own): own is string => own !== null && within(own, file)) ?? path.dirname(file);
  const where = described(folder, places);
  if (failure.code !== "ENAMETOOLONG") return new BuildError(WHAT_HAPPENED[failure.code as string](where), { cause: failure });
  // The longest part of the path is the name refused; quoted short, with its length in bytes.
  const longest = (file ? path.relative(folder, file) : "").split(path.sep).reduce((a, b) => (Buffer.byteLength(b) > Buffer.byteLength(a) ? b : a), "");
  const name = longest.length > 40 ? `${longest.slice(0, 40)}...` : longest;
  return new BuildError(`a file name made in ${where} is too long for its file system${longest ? `: "${name}" is ${Buffer.byteLength(longest)} bytes, and a file system takes at most 255 in one name` : ""}`, { cause: failure });
}

/**
 * A write whose failure names the file written. A full disk fails the write itself, and
 * Node's error then names no file: writeFailure would take it for a page of the site.
 */
export async function naming<T>(file: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (failure instanceof Error && failure.path === undefined) failure.path = file;
    throw error;
  }
}
