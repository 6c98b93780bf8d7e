/**
 * The files written beside the pages once Eleventy has rendered them: each figure's CSV,
 * the stylesheet with the report's theme and the fonts, the release manifest, and the data
 * page's copies of the data files and its zip.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { manifestJson } from "../release/manifest.ts";
import { MANIFEST_FILE } from "../release/store.ts";
import type { Theme } from "../theme/palette.ts";
import { writeAssets } from "./assets.ts";
import type { EleventyConfig } from "./config.ts";
import type { PreparedState } from "./state.ts";

async function writeInto(outputDir: string, sitePath: string, bytes: string | Uint8Array): Promise<void> {
  const target = path.join(outputDir, sitePath);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
}

export function registerOutputFiles(eleventyConfig: Pick<EleventyConfig, "on">, state: PreparedState, stylesheet: string, theme: Theme): void {
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const { figures, release, downloads } = state.current();
    const output = directories.output;
    await mkdir(path.join(output, "data", "figures"), { recursive: true });
    for (const figure of figures.values()) await writeFile(path.join(output, figure.csvPath), figure.csv);
    await writeAssets(stylesheet, path.join(output, "assets"), theme);
    await writeFile(path.join(output, MANIFEST_FILE), manifestJson(release.manifest));
    for (const [file, content] of downloads.copies) await writeInto(output, file, content);
    await writeInto(output, downloads.zip.href, downloads.zip.bytes);
  });
}
