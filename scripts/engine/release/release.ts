/**
 * `npm run release`: record the current build's manifest (_site/manifest.json) as
 * releases/<version>/manifest.json, the version being package.json's "version". The
 * next build compares itself with the latest release on its "What changed" page.
 * Usage: tsx scripts/engine/release/release.ts [--root DIR] [--site DIR] [--force]
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { recordRelease } from "./store.ts";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { root: { type: "string", default: "." }, site: { type: "string" }, force: { type: "boolean", default: false } } });
  try {
    const written = await recordRelease({ root: values.root, siteDir: values.site, force: values.force });
    console.log(`Recorded the release in ${written}. Commit it; the next build lists what changed since it.`);
  } catch (error) {
    console.error(`Release not recorded: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
