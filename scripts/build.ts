/**
 * `npm run build`: build the site into a temporary folder beside the output and swap
 * it in only when everything succeeded, so a failed build leaves the previous site
 * untouched. Usage: tsx scripts/build.ts [--root DIR] [--out DIR] [--no-cache]
 */
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { ENGINE_ROOT } from "./eleventy/plugin.ts";

// Output must not depend on the machine's time zone or language.
process.env.TZ = "UTC";

export interface BuildOptions {
  /** Project folder holding content/ and data/. */
  readonly root: string;
  /** Where the finished site goes (default <root>/_site). */
  readonly outDir?: string;
}

export async function buildSite(options: BuildOptions): Promise<string> {
  const root = path.resolve(options.root);
  const outDir = path.resolve(options.outDir ?? path.join(root, "_site"));
  const staging = `${outDir}.building-${process.pid}`;
  const retired = `${outDir}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    const eleventy = new Eleventy(path.join(root, "content"), staging, {
      quietMode: true,
      // "cli" makes the input and output given here win over the config file's dir settings.
      source: "cli",
      configPath: path.join(ENGINE_ROOT, ".eleventy.js"),
    });
    await eleventy.write();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw rootCause(error);
  }
  await rm(retired, { recursive: true, force: true });
  await rename(outDir, retired).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(staging, outDir);
  await rm(retired, { recursive: true, force: true });
  return outDir;
}

/** Eleventy wraps errors from templates and events; the reader wants the innermost one. */
export function rootCause(error: unknown): Error {
  let current = error as { originalError?: unknown; cause?: unknown } & Error;
  for (;;) {
    const inner = current.originalError ?? current.cause;
    if (!(inner instanceof Error)) return current;
    current = inner as typeof current;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { root: { type: "string", default: "." }, out: { type: "string" }, "no-cache": { type: "boolean", default: false } } });
  const started = performance.now();
  try {
    if (values["no-cache"]) process.env.REPORT_SVG_CACHE = "off";
    const out = await buildSite({ root: values.root, outDir: values.out });
    console.log(`Built ${path.relative(process.cwd(), out) || "."} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`Build failed: ${(error as Error).message}`);
    console.error("The previous site, if any, was left as it was.");
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
