/**
 * The recount figures, built from the real data, compile cleanly and plot exactly their rows
 * (their snapshots are checked in all-figures.test.ts); built from the report sample's made-up data,
 * they still compile and render cleanly.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { FigureDefinition } from "../../../scripts/engine/figures/types.ts";
import { compileSpec, renderRawSvg } from "../../../scripts/engine/render/svg.ts";
import { recount } from "../../../scripts/report/recount/family.ts";
import { familyOutput, SAMPLE_ROOT } from "../../helpers/report.ts";

const KEYS = ["recount-counting-rules", "recount-repeat-inspections", "recount-cohort-readings", "recount-cohort-demand", "recount-indicator-search"];
let figures: FigureDefinition[] = [];
let fixture: FigureDefinition[] = [];
beforeAll(async () => {
  figures = [...((await familyOutput(recount)).figures ?? [])];
  fixture = [...((await familyOutput(recount, SAMPLE_ROOT)).figures ?? [])];
});

describe("the recount specs", () => {
  it("exist", () => {
    expect(figures.map((f) => f.key)).toEqual(KEYS);
  });

  it("compile with zero Vega-Lite warnings and plot exactly their rows", () => {
    for (const figure of [...figures, ...fixture]) {
      expect(() => compileSpec(figure.spec, figure.key)).not.toThrow();
      expect((figure.spec.data as { values: unknown[] }).values).toEqual(figure.rows);
    }
  });

  it("render the fixture's figures with zero Vega warnings", async () => {
    for (const figure of fixture) await expect(renderRawSvg(figure.spec, figure.key)).resolves.toContain("<svg");
  });
});
