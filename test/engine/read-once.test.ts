/**
 * Once per build: every file under data/ is read from disk exactly once, and every consumer
 * (provenance, the loader, the claims register, the manifest's "data as of", the data page
 * and its zip) works from those bytes. Checked on the report sample (this report's families
 * over made-up data), by counting every readFile of node:fs/promises while the report is
 * prepared: Node updates the live bindings of its built-in modules to a patched function
 * with syncBuiltinESMExports, so the engine's own imports see the counter.
 */
import { createRequire, syncBuiltinESMExports } from "node:module";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareReport } from "../../scripts/engine/prepare.ts";
import { SvgCache } from "../../scripts/engine/render/cache.ts";
import REPORT from "../../scripts/report/index.ts";
import { copySample, removeTemporaryFolders } from "../site/helpers.ts";

const fsPromises = createRequire(import.meta.url)("node:fs/promises") as typeof import("node:fs/promises");

let root: string;
let reads: string[];
let dataFiles: string[];

beforeAll(async () => {
  root = await copySample("read-once-");
  dataFiles = (await readdir(path.join(root, "data"), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
  // Charts are not drawn: the cache's renderer only answers, so the count is the build's reads of data alone.
  const cache = new SvgCache(null, async () => "<svg></svg>");
  const original = fsPromises.readFile;
  reads = [];
  fsPromises.readFile = ((file: Parameters<typeof original>[0], ...rest: unknown[]) => {
    const relative = path.relative(root, String(file)).split(path.sep).join("/");
    if (relative.startsWith("data/")) reads.push(relative);
    return (original as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof original;
  syncBuiltinESMExports();
  try {
    await prepareReport(root, path.join(root, "content"), cache, REPORT);
  } finally {
    fsPromises.readFile = original;
    syncBuiltinESMExports();
  }
});

afterAll(removeTemporaryFolders);

describe("preparing the report", () => {
  it("reads every file under data/ exactly once", () => {
    expect(dataFiles.length).toBeGreaterThan(10);
    expect([...reads].sort()).toEqual(dataFiles);
  });
});
