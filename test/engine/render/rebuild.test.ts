/**
 * The chart cache across builds of the fixture: a no-change rebuild draws nothing, and
 * after one data file changes only the figures drawn from it are drawn again.
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { signProvenance } from "../../../scripts/engine/data/provenance.ts";
import { processCacheCounts } from "../../../scripts/engine/render/cache.ts";
import { OUTCOMES_CSV, buildFixture, copyFixture, editFile, removeTemporaryFolders, temporaryFolder, withEnv } from "../../site/helpers.ts";

afterAll(removeTemporaryFolders);

describe("rebuilding the fixture on a warm chart cache", () => {
  it("draws every chart cold, none when nothing changed, and after a data change only the figures showing the changed values", async () => {
    const root = await copyFixture();
    const cache = path.join(await temporaryFolder(), "svg");
    const build = async () => {
      const before = { ...processCacheCounts() };
      await withEnv({ REPORT_SVG_CACHE: cache }, () => buildFixture({ root, outDir: path.join(root, "_site") }));
      const after = processCacheCounts();
      return { drawn: after.misses - before.misses, cached: after.hits - before.hits };
    };
    // Two placed figures and five council timelines, each drawn wide and narrow.
    expect(await build()).toEqual({ drawn: 14, cached: 0 });
    expect(await build()).toEqual({ drawn: 0, cached: 14 });
    // One point moves between two grades of 2007/08: the shares figure shows that year, and is
    // drawn again at both widths; the swing into 2008/09 stays (|5−3| + |28−23| + |55−62| + 0) ÷ 2
    // = (2 + 5 + 7) ÷ 2 = 7, as before ((3 + 4 + 7) ÷ 2), so the yearly-swing figure is not.
    await editFile(root, OUTCOMES_CSV, "2007/08,inadequate,2,", "2007/08,inadequate,3,");
    await editFile(root, OUTCOMES_CSV, "2007/08,ri_or_adequate,24,", "2007/08,ri_or_adequate,23,");
    await signProvenance(root);
    expect(await build()).toEqual({ drawn: 2, cached: 12 });
    // A point moved in 2010/11, from good to requires improvement, changes both figures drawn from
    // the file, and no council timeline: the swing into 2010/11 goes from (5 + 5 + 7 + 3) ÷ 2 = 10
    // to (|14−9| + |37−31| + |40−48| + |9−12|) ÷ 2 = (5 + 6 + 8 + 3) ÷ 2 = 11.
    await editFile(root, OUTCOMES_CSV, "2010/11,good,41,", "2010/11,good,40,");
    await editFile(root, OUTCOMES_CSV, "2010/11,ri_or_adequate,36,", "2010/11,ri_or_adequate,37,");
    await signProvenance(root);
    expect(await build()).toEqual({ drawn: 4, cached: 10 });
  });
});
