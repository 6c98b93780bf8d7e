/**
 * The /assets/ folder the build writes: the stylesheet with the generated theme in front,
 * and the self-hosted font files it names, copied from node_modules with their licence.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAssets } from "../../../scripts/engine/eleventy/output.ts";
import { ENGINE_ROOT } from "../../../scripts/engine/locations.ts";
import { themeCss } from "../../../scripts/engine/theme/css.ts";
import { ENGINE_THEME } from "../../../scripts/engine/theme/palette.ts";
import { removeTemporaryFolders, temporaryFolder } from "../../site/helpers.ts";

const STYLESHEET = path.join(ENGINE_ROOT, "assets", "report.css");
let assets: string;

beforeAll(async () => {
  assets = path.join(await temporaryFolder("assets-"), "assets");
  await writeAssets(STYLESHEET, assets, ENGINE_THEME);
});
afterAll(removeTemporaryFolders);

describe("the assets the build writes", () => {
  it("puts the generated theme in front of the hand-written stylesheet", async () => {
    expect(await readFile(path.join(assets, "report.css"), "utf8")).toBe(themeCss(ENGINE_THEME) + (await readFile(STYLESHEET, "utf8")));
  });

  it("copies every font file the stylesheet names, as woff2, and the font's licence beside them", async () => {
    const css = await readFile(path.join(assets, "report.css"), "utf8");
    const named = [...css.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const file of named) {
      // Relative to the stylesheet, so the site works under any path prefix; never another host.
      expect(file).not.toMatch(/^(\/|[a-z]+:)/);
      const bytes = await readFile(path.join(assets, file));
      expect(bytes.subarray(0, 4).toString("latin1"), file).toBe("wOF2");
    }
    const fonts = (await readdir(path.join(assets, "fonts"))).sort();
    expect(fonts).toEqual([...named.map((file) => path.basename(file)), "LICENSE-source-sans-3.txt"].sort());
    expect(await readFile(path.join(assets, "fonts", "LICENSE-source-sans-3.txt"), "utf8")).toContain("SIL Open Font License, Version 1.1");
  });
});
