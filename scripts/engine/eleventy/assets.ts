/**
 * The files under /assets/: the stylesheet, with the report's generated theme (fonts, colour and
 * type tokens) in front of the hand-written rules, and the self-hosted font files with
 * their licence, copied from node_modules so the build fetches nothing.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { FONTS_FOLDER, themeCss } from "../theme/css.ts";
import { fontLicence, fontSources } from "../theme/fonts.ts";
import type { Theme } from "../theme/palette.ts";

export async function writeAssets(stylesheet: string, assetsDir: string, theme: Theme): Promise<void> {
  const fontsDir = path.join(assetsDir, FONTS_FOLDER);
  await mkdir(fontsDir, { recursive: true });
  await writeFile(path.join(assetsDir, "report.css"), themeCss(theme) + (await readFile(stylesheet, "utf8")));
  for (const source of fontSources()) await copyFile(source, path.join(fontsDir, path.basename(source)));
  await copyFile(fontLicence(), path.join(fontsDir, "LICENSE-source-sans-3.txt"));
}
