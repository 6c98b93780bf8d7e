/**
 * The fault corpus for output that cannot be written (issue 17, case 10 in part): a full disk
 * and a read-only output folder each fail the build with one line naming the folder and what
 * happened, not Eleventy's list of every page being written nor an ENOENT for a folder that was
 * never made, and the site built before is left as it was.
 *
 * A full or read-only disk cannot be made without root (a tmpfs of a few kilobytes, a read-only
 * mount; chmod does not stop root), so the failure is injected where the build meets the file
 * system: the node:fs function that writes the pages (Eleventy writes each page with
 * fs.writeFileSync) or makes the staging folder (fs/promises mkdir) throws the error the system
 * would, for paths in the staging folder only.
 */
import fs from "node:fs";
import { readdir } from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildFixture, copyFixture, fingerprint, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

let root: string;
let outDir: string;
let staging: string;
let cacheDir: string;
let builtSite: string[];

/** An error as the system gives it: its code, number and call, and the path when the call names one. */
const systemError = (code: string, errno: number, syscall: string, message: string, file?: string) =>
  Object.assign(new Error(`${code}: ${message}, ${syscall}${file ? ` '${file}'` : ""}`), { code, errno, syscall, ...(file ? { path: file } : {}) });

const inStaging = (file: unknown) => typeof file === "string" && path.resolve(file).startsWith(staging);

beforeAll(async () => {
  root = await copyFixture();
  outDir = path.join(await temporaryFolder(), "site");
  staging = `${outDir}.building-${process.pid}`;
  cacheDir = path.join(await temporaryFolder(), "svg");
  await withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildFixture({ root, outDir }));
  builtSite = await fingerprint(outDir);
});

afterAll(removeTemporaryFolders);

afterEach(async () => {
  vi.restoreAllMocks();
  expect(await fingerprint(outDir)).toEqual(builtSite);
  expect(await readdir(path.dirname(outDir))).toEqual(["site"]);
});

/** The message a build of the fixture fails with. */
async function failure(): Promise<string> {
  const outcome = await withEnv({ REPORT_SVG_CACHE: cacheDir }, () => buildFixture({ root, outDir })).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error("the build was expected to fail but succeeded");
  return outcome.message;
}

describe("output that cannot be written", () => {
  it("says there is no space left on the device holding the staging folder, in one line", async () => {
    const write = fs.writeFileSync;
    vi.spyOn(fs, "writeFileSync").mockImplementation((file, ...rest) => {
      // A full disk fails the write itself; Node's error then names no file.
      if (inStaging(file)) throw systemError("ENOSPC", -28, "write", "no space left on device");
      return write(file, ...rest);
    });
    expect(await failure()).toBe(`no space left on the device holding ${staging} (where the site is built before it replaces ${outDir})`);
    expect(fs.writeFileSync).toHaveBeenCalled();
  });

  it("says the output's folder is read-only, not that a folder is missing", async () => {
    const make = fs.promises.mkdir;
    // build.ts imports mkdir from node:fs/promises: replaced on the module, then synced to its named export.
    fs.promises.mkdir = (async (file: fs.PathLike, options?: fs.MakeDirectoryOptions) => {
      if (inStaging(file)) throw systemError("EROFS", -30, "mkdir", "read-only file system", String(file));
      return make(file, options);
    }) as typeof fs.promises.mkdir;
    syncBuiltinESMExports();
    try {
      expect(await failure()).toBe(`${staging} (where the site is built before it replaces ${outDir}) cannot be written: its file system is read-only`);
    } finally {
      fs.promises.mkdir = make;
      syncBuiltinESMExports();
    }
  });
});
