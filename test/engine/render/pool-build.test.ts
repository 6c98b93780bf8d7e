/**
 * The render pool inside a whole build: the fixture built with a helper thread drawing
 * charts from the first one is the same site, byte for byte, as the fixture built with
 * every chart on the main thread.
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sharedPool } from "../../../scripts/engine/render/pool.ts";
import { buildFixture, copyFixture, fingerprint, removeTemporaryFolders, temporaryFolder, withEnv } from "../../site/helpers.ts";

afterAll(async () => {
  await sharedPool().close();
  await removeTemporaryFolders();
});

describe("a build through the render pool", () => {
  it("builds the same bytes with helper threads as on the main thread alone", async () => {
    const build = async (env: Record<string, string>) => {
      const root = await copyFixture();
      const out = path.join(await temporaryFolder(), "site");
      await withEnv({ REPORT_SVG_CACHE: "off", ...env }, () => buildFixture({ root, outDir: out }));
      return fingerprint(out);
    };
    const alone = await build({ REPORT_RENDER_WORKERS: "0" });
    const pooled = await withEnv({ REPORT_RENDER_WORKERS: "1", REPORT_RENDER_START_AT: "1" }, async () => {
      const pool = sharedPool();
      await pool.start();
      const site = await build({});
      expect(pool.counts.helper).toBeGreaterThan(0);
      return site;
    });
    expect(pooled).toEqual(alone);
  });
});
