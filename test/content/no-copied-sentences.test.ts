/**
 * Facts carry over from the source texts; sentences do not. Any run of eight or more
 * words shared between content/ (or the figure texts in scripts/) and a seed text in
 * ../shared/seeds fails, as a sign that a sentence was copied rather than paraphrased.
 * Web addresses are left out on both sides: a source's address (in the chapters' Sources,
 * content/_data/bibliography.json) has to be the same as the one the seed cites, and is
 * not a sentence.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const REPO = path.resolve(import.meta.dirname, "../..");
const SEEDS = path.resolve(REPO, "../shared/seeds");
const RUN = 8;

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\{%.*?%\}/g, " ")
    .replace(/https?:\/\/[^\s"'<>)]+/g, " ")
    .split(/[^a-z0-9']+/)
    .filter(Boolean);

function runs(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + RUN <= w.length; i += 1) out.add(w.slice(i, i + RUN).join(" "));
  return out;
}

async function filesUnder(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((f) => pattern.test(f)).map((f) => path.join(dir, f));
}

describe("shared word runs", () => {
  it("finds an eight-word run and ignores shorter ones", () => {
    const seed = runs("The decline over the last eight years in the inspection performance has been astounding.");
    const copied = [...runs("We think the decline over the last eight years in the inspection performance is real.")].filter((r) => seed.has(r));
    expect(copied).toEqual(["the decline over the last eight years in", "decline over the last eight years in the", "over the last eight years in the inspection", "the last eight years in the inspection performance"]);
    expect([...runs("a decline over the last eight years, we think")].filter((r) => seed.has(r))).toEqual([]);
  });

  it("leaves web addresses out, on both sides", () => {
    const seed = runs("See https://www.gov.uk/government/uploads/system/uploads/attachment_data/file/1/report.pdf for more.");
    expect([...runs('"url": "https://www.gov.uk/government/uploads/system/uploads/attachment_data/file/1/report.pdf"')].filter((r) => seed.has(r))).toEqual([]);
    expect(runs("a b https://x.org/c/d/e/f/g/h/i/j k")).toEqual(new Set());
  });
});

describe.skipIf(!existsSync(SEEDS))("project text against the seed texts", () => {
  it("shares no run of eight words with any seed", async () => {
    const seedRuns = new Set<string>();
    for (const file of await filesUnder(SEEDS, /\.txt$/)) for (const r of runs(await readFile(file, "utf8"))) seedRuns.add(r);
    const ours = [
      ...(await filesUnder(path.join(REPO, "content"), /\.(md|njk|json)$/)),
      ...(await filesUnder(path.join(REPO, "scripts"), /\.ts$/)),
      ...(await filesUnder(path.join(REPO, "data"), /\.(csv|md)$/)),
    ];
    const found: string[] = [];
    for (const file of ours) {
      for (const r of runs(await readFile(file, "utf8"))) if (seedRuns.has(r)) found.push(`${path.relative(REPO, file)}: "${r}"`);
    }
    expect(found).toEqual([]);
  });
});
