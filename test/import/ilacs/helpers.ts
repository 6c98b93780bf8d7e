/**
 * Shared set-up for the ILACS import tests: the made-up sources (test/fixtures/import-sources)
 * and a project root holding the council lookup. The lookup is the rows of the project's own
 * data/councils/councils.csv for the councils the fixture names, so the restructures are the
 * real ones. The update is given the ILACS import's publications only, so it reads the
 * council lookup from the root.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { CouncilLookup } from "../../../scripts/import/councils.ts";
import { councils as councilsDataset } from "../../../scripts/report/councils/datasets.ts";
import { parseCsv } from "../../../scripts/engine/data/load.ts";
import { ILACS_FILES, scratch, Sources, type Scratch } from "../helpers.ts";

/** Codes of the councils the fixture names, with the predecessors and successors they bring. */
export const FIXTURE_COUNCILS = [
  "E06000010", // Kingston upon Hull
  "E06000028", // Bournemouth (to 2019)
  "E06000029", // Poole (to 2019)
  "E06000058", // Bournemouth, Christchurch and Poole
  "E06000059", // Dorset Council
  "E06000060", // Buckinghamshire (formerly E10000002)
  "E06000061", // North Northamptonshire
  "E06000062", // West Northamptonshire
  "E06000063", // Cumberland
  "E06000064", // Westmorland and Furness
  "E08000016", // Barnsley
  "E09000003", // Barnet
  "E10000006", // Cumbria (to 2023)
  "E10000009", // Dorset County Council (to 2019)
  "E10000021", // Northamptonshire (to 2021)
];

/** The project's data/councils/councils.csv cut down to the fixture's councils. */
export async function fixtureCouncilsCsv(): Promise<string> {
  const [header, ...lines] = (await readFile(councilsDataset.file, "utf8")).trimEnd().split("\n");
  return `${[header, ...lines.filter((line) => FIXTURE_COUNCILS.includes(line.slice(0, 9)))].join("\n")}\n`;
}

export async function fixtureCouncils(): Promise<CouncilLookup> {
  const table = parseCsv(councilsDataset.file, await fixtureCouncilsCsv(), councilsDataset.schema);
  return new CouncilLookup(table.rows.map(({ row }) => row));
}

/** The ILACS import's three publications, as made up. */
export const ilacsSources = () => Sources.load(ILACS_FILES);

/** A scratch folder whose project root has the council lookup (and the ledger). */
export async function ilacsScratch(): Promise<Scratch> {
  const dir = await scratch();
  await mkdir(path.join(dir.root, "data", "councils"), { recursive: true });
  await writeFile(path.join(dir.root, councilsDataset.file), await fixtureCouncilsCsv());
  return dir;
}
