/**
 * Checks against the real outside datasets, run only where they are present
 * (../shared/data-sources next to the project): the committed canonical files are exactly
 * what the importer makes of them, and the population rule matches DfE's own practice.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { loadCouncilLookup } from "../../scripts/import/councils.ts";
import { buildOutputs } from "../../scripts/import/run.ts";

const SOURCES = "../shared/data-sources";
const present = existsSync(`${SOURCES}/dfe-analytical-services__CSC_outcomes_and_enablers`);

describe.skipIf(!present)("the real sources", () => {
  it("give exactly the committed canonical files and import report", async () => {
    const files = await buildOutputs(SOURCES);
    for (const [file, text] of files) expect(text, file).toBe(await readFile(file, "utf8"));
  });

  it("confirm the population rule: DfE's year ending March N uses the ONS mid-(N−1) estimate", async () => {
    // DfE's children-looked-after file publishes the population behind its rates (2021–2025).
    const cla = parse(await readFile(`${SOURCES}/dfe-analytical-services__CSC_outcomes_and_enablers/cla_number_and_rate_per_10k_children.csv`, "utf8"), { bom: true, columns: true }) as Record<string, string>[];
    const lookup = await loadCouncilLookup(".");
    const demand = parse(await readFile("data/councils/demand.csv", "utf8"), { columns: true }) as Record<string, string>[];
    const ours = new Map(demand.map((r) => [`${r.council_code}/${r.year_ending_march}`, r.population_0_17]));
    let agree = 0;
    const disagree: string[] = [];
    const unknown: string[] = [];
    for (const row of cla.filter((r) => r.geographic_level === "Local authority" && /^\d+$/.test(r.population_estimate))) {
      const council = lookup.byCode(row.new_la_code);
      const mine = council && ours.get(`${council.code}/${row.time_period}`);
      if (mine === undefined) {
        unknown.push(`${row.time_period} ${row.la_name}`);
        continue;
      }
      if (mine === row.population_estimate) agree += 1;
      else disagree.push(`${row.time_period} ${row.la_name}: ${row.population_estimate} vs ${mine}`);
    }
    expect(disagree).toEqual([]);
    expect(unknown).toEqual([]);
    // Every numeric local-authority population in the file (about 152 councils × 5 years × 3 measures).
    expect(agree).toBe(2283);
  });
});
