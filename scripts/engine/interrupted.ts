/**
 * What an interrupted build leaves, found and put right before the next build starts:
 *   - `<out>.previous-<pid>` with no `<out>`: the build was stopped between moving the old
 *     site aside and moving the new one in; the old site is moved back, so the last good
 *     site is what is served again;
 *   - `<out>.building-<pid>` and `<out>.previous-<pid>` of a build no longer running: removed;
 *   - `<cache>/*.<pid>.tmp` (a chart file half written) of a build no longer running: removed.
 * A folder of a build still running (another build at the same time) is left alone.
 *
 * Both ways of writing the site run this first: `npm run build` (build.ts) and `npm start`
 * (`eleventy --serve`, through the engine's plugin, eleventy/plugin.ts), so a site left moved
 * aside is put back before anything is built or served.
 */
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/** Whether a process of this id is running (signal 0 checks without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface Cleared {
  /** The site put back from a build stopped mid-swap, or null. */
  readonly restored: string | null;
  /** Folders and files removed. */
  readonly removed: readonly string[];
}

async function entries(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

/** Put right what interrupted builds left beside `outDir` and in the chart cache `cacheDir` (if any). */
export async function clearInterruptedBuilds(outDir: string, cacheDir: string | null, running: (pid: number) => boolean = isRunning): Promise<Cleared> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(building|previous)-(\\d+)$`);
  const names = await entries(parent);
  const left = names.flatMap((name) => {
    const match = pattern.exec(name);
    return match && !running(Number(match[2])) ? [{ name, kind: match[1] as "building" | "previous" }] : [];
  });
  let restored: string | null = null;
  const removed: string[] = [];
  const siteExists = names.includes(base);
  // The newest retired site (the highest pid is as good a guess as any; there is normally one).
  const previous = left.filter((l) => l.kind === "previous").at(-1);
  if (!siteExists && previous) {
    await rename(path.join(parent, previous.name), outDir);
    restored = path.join(parent, previous.name);
  }
  for (const l of left) {
    if (restored === path.join(parent, l.name)) continue;
    await rm(path.join(parent, l.name), { recursive: true, force: true });
    removed.push(path.join(parent, l.name));
  }
  if (cacheDir) {
    for (const name of await entries(cacheDir)) {
      const match = /\.(\d+)\.tmp$/.exec(name);
      if (match && !running(Number(match[1]))) {
        await rm(path.join(cacheDir, name), { force: true });
        removed.push(path.join(cacheDir, name));
      }
    }
  }
  return { restored, removed };
}

/** What was put right, in a sentence each, for the person running the build (none when nothing was). */
export function clearedMessages(cleared: Cleared): string[] {
  const messages: string[] = [];
  if (cleared.restored) messages.push(`A build was stopped while swapping in its site: the previous site was put back from ${path.basename(cleared.restored)}.`);
  const count = cleared.removed.length;
  if (count > 0) messages.push(`Removed ${count} ${count === 1 ? "leftover" : "leftovers"} of interrupted builds.`);
  return messages;
}
