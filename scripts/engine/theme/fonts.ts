/**
 * Where the self-hosted font's files are: in the installed @fontsource package, so the
 * build copies them (and measures chart text with them) without fetching anything.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { FONT_FACES, fontFile } from "./palette.ts";

export const FONT_PACKAGE = "@fontsource/source-sans-3";

let packageDir: string | undefined;

/**
 * The installed font package's folder: files/ holds the woff2s, LICENSE the OFL text. Found
 * once per process: text is measured (../render/text-metrics.ts) for every label of every
 * chart, and resolving a package through the loader's hooks each time cost a data edit in
 * `npm start` a sixth of a second.
 */
export function fontPackageDir(): string {
  packageDir ??= path.dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
  return packageDir;
}

/** The woff2 file of one face. */
export const fontPath = (face: { weight: number; style: string }): string => path.join(fontPackageDir(), "files", fontFile(face));

/** Every woff2 file the stylesheet names. */
export const fontSources = (): string[] => FONT_FACES.map(fontPath);

export const fontLicence = (): string => path.join(fontPackageDir(), "LICENSE");
