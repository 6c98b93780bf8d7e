import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clearInterruptedBuilds, isRunning } from "../../scripts/engine/interrupted.ts";
import { removeTemporaryFolders, temporaryFolder } from "../site/helpers.ts";

afterAll(removeTemporaryFolders);

/** A folder with one file saying what it is. */
async function folder(dir: string, says: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "index.html"), says);
}

describe("clearInterruptedBuilds", () => {
  // Process 100 is running (another build at the same time); 200 and 300 were stopped.
  const running = (pid: number) => pid === 100;

  it("puts back a site moved aside by a build stopped mid-swap, and removes what stopped builds left", async () => {
    const parent = await temporaryFolder();
    const out = path.join(parent, "_site");
    const cache = path.join(parent, "cache");
    await folder(`${out}.previous-200`, "the last good site");
    await folder(`${out}.building-200`, "half a new site");
    await folder(`${out}.building-100`, "a build still running");
    await folder(path.join(parent, "_sitemap.building-300"), "another output's: not ours");
    await mkdir(cache);
    await writeFile(path.join(cache, "abc.svg.300.tmp"), "half a chart");
    await writeFile(path.join(cache, "def.svg.100.tmp"), "a chart being written");
    await writeFile(path.join(cache, "abc.svg"), "a chart");
    const cleared = await clearInterruptedBuilds(out, cache, running);
    expect(cleared.restored).toBe(`${out}.previous-200`);
    expect(await readFile(path.join(out, "index.html"), "utf8")).toBe("the last good site");
    expect((await readdir(parent)).sort()).toEqual(["_site", "_site.building-100", "_sitemap.building-300", "cache"]);
    expect((await readdir(cache)).sort()).toEqual(["abc.svg", "def.svg.100.tmp"]);
    expect(cleared.removed.map((p) => path.basename(p)).sort()).toEqual(["_site.building-200", "abc.svg.300.tmp"]);
  });

  it("removes a retired site when the site is in place (the build was stopped after the swap)", async () => {
    const parent = await temporaryFolder();
    const out = path.join(parent, "_site");
    await folder(out, "the new site");
    await folder(`${out}.previous-200`, "the old site");
    expect(await clearInterruptedBuilds(out, null, running)).toEqual({ restored: null, removed: [`${out}.previous-200`] });
    expect(await readFile(path.join(out, "index.html"), "utf8")).toBe("the new site");
  });

  it("knows this process runs and a process id no system hands out does not", () => {
    expect([isRunning(process.pid), isRunning(2 ** 22 + 12345)]).toEqual([true, false]);
  });
});
