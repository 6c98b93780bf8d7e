/**
 * The files written beside the pages once Eleventy has rendered them: each figure's CSV,
 * the stylesheet with the report's theme and the fonts, the release manifest, and the data
 * page's copies of the data files and its zip.
 *
 * The preview (`npm start`) builds into the same folder again and again, and most of these
 * are the same objects from one build to the next (../prepare.ts's PrepareMemo keeps them):
 * a file is written again only when what this process last wrote there is not what it is
 * now, so a prose edit does not rewrite 360 CSVs and the zip before the page reloads. A
 * build of ../build.ts writes into a new folder with a new writer, so it writes every file.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { manifestJson } from "../release/manifest.ts";
import { MANIFEST_FILE } from "../release/store.ts";
import type { Manifest } from "../release/manifest.ts";
import { FONTS_FOLDER, themeCss } from "../theme/css.ts";
import { fontLicence, fontSources } from "../theme/fonts.ts";
import type { Theme } from "../theme/palette.ts";
import type { EleventyConfig } from "./config.ts";
import type { PreparedState } from "./state.ts";

/** Writes a file unless this writer last wrote the same bytes (the same string, or the same array) to it. */
export class OutputWriter {
  private readonly written = new Map<string, string | Uint8Array>();
  private readonly folders = new Set<string>();

  async write(target: string, bytes: string | Uint8Array): Promise<void> {
    if (this.written.get(target) === bytes) return;
    const folder = path.dirname(target);
    if (!this.folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.folders.add(folder);
    }
    // Forgotten first: a write that fails leaves the file to be written again by the next build.
    this.written.delete(target);
    await writeFile(target, bytes);
    this.written.set(target, bytes);
  }

  /** Copy a file that does not change while the process runs (a font of node_modules), once. */
  async copyOnce(source: string, target: string): Promise<void> {
    if (this.written.get(target) === source) return;
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, target);
    this.written.set(target, source);
  }
}

/**
 * The files under /assets/: the stylesheet, with the report's generated theme (fonts, colour and
 * type tokens) in front of the hand-written rules, and the self-hosted font files with
 * their licence, copied from node_modules so the build fetches nothing.
 */
export async function writeAssets(stylesheet: string, assetsDir: string, theme: Theme, writer = new OutputWriter()): Promise<void> {
  const fontsDir = path.join(assetsDir, FONTS_FOLDER);
  await writer.write(path.join(assetsDir, "report.css"), themeCss(theme) + (await readFile(stylesheet, "utf8")));
  for (const source of fontSources()) await writer.copyOnce(source, path.join(fontsDir, path.basename(source)));
  await writer.copyOnce(fontLicence(), path.join(fontsDir, "LICENSE-source-sans-3.txt"));
}

export function registerOutputFiles(eleventyConfig: Pick<EleventyConfig, "on">, state: PreparedState, stylesheet: string, theme: Theme): void {
  const writer = new OutputWriter();
  // The manifest's JSON, made once per manifest (the preview keeps the release state while data/ is unchanged).
  const manifests = new WeakMap<Manifest, string>();
  const jsonOf = (manifest: Manifest) => {
    if (!manifests.has(manifest)) manifests.set(manifest, manifestJson(manifest));
    return manifests.get(manifest) as string;
  };
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const { figures, release, downloads } = state.current();
    const output = directories.output;
    for (const figure of figures.values()) await writer.write(path.join(output, figure.csvPath), figure.csv);
    await writeAssets(stylesheet, path.join(output, "assets"), theme, writer);
    await writer.write(path.join(output, MANIFEST_FILE), jsonOf(release.manifest));
    for (const [file, content] of downloads.copies) await writer.write(path.join(output, file), content);
    await writer.write(path.join(output, downloads.zip.href), downloads.zip.bytes);
  });
}
