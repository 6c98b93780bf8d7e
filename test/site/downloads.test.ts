/**
 * The data page and the data zip, on the fixture as built: every data file listed with
 * its provenance and served as the same bytes; every figure's CSV listed with where the
 * figure is; a zip that two builds make byte for byte the same and that unzips to exactly
 * the project's data/ folder and a README generated from the ledger.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { unzipSync } from "fflate";
import markdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEDGER, parseProvenance, type ProvenanceEntry } from "../../scripts/engine/data/provenance.ts";
import { FIXTURE, buildFixture, copyFixture, removeTemporaryFolders, temporaryFolder } from "./helpers.ts";

const ZIP = "data/mini-report-data.zip";
const ZIP_FOLDER = "mini-report-data";

let first: string;
let second: string;
let dataPage: string;
let entries: ProvenanceEntry[];

/** Every file under `dir`, relative, forward slashes, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true });
  return found.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/")).sort();
}

beforeAll(async () => {
  first = path.join(await temporaryFolder(), "site");
  second = path.join(await temporaryFolder(), "site");
  // The second build from another copy of the project, in another folder.
  await buildFixture({ root: await copyFixture(), outDir: first });
  await buildFixture({ root: await copyFixture("mini-report-again-"), outDir: second });
  dataPage = await readFile(path.join(first, "data", "index.html"), "utf8");
  entries = parseProvenance(await readFile(path.join(FIXTURE, LEDGER), "utf8"));
}, 120_000);

afterAll(removeTemporaryFolders);

describe("the data page", () => {
  it("lists every file of the ledger with what it holds, its source, licence, date and sha256, and a link to its copy", () => {
    // The mini report's ledger: the outcomes table, the known exceptions, the council list and the inspections.
    expect(entries.map((entry) => entry.file)).toEqual(["data/national/inspection-outcomes-by-year.csv", "data/known-exceptions.csv", "data/councils/councils.csv", "data/councils/inspections.csv"]);
    for (const entry of entries) {
      const section = new RegExp(`<section class="dataset" id="[^"]+" aria-labelledby="[^"]+"><h3 id="[^"]+"><code>${entry.file}</code></h3>[\\s\\S]*?</section>`).exec(dataPage.replace(/\n/g, ""))?.[0];
      expect(section, entry.file).toBeDefined();
      expect(section).toContain(`<code class="sha256">${entry.sha256}</code>`);
      expect(section).toContain(`<dt>Date</dt><dd>${entry.date}</dd>`);
      // The ledger's cells are Markdown, shown with typographic quotes.
      expect(section).toContain(`<dt>Licence</dt><dd>${markdownIt({ typographer: true }).renderInline(entry.licence)}</dd>`);
      expect(section).toContain(`<a href="/${entry.file}" download>`);
    }
  });

  it("serves each data file as the repository's bytes", async () => {
    for (const entry of entries) {
      expect((await readFile(path.join(first, entry.file))).equals(await readFile(path.join(FIXTURE, entry.file))), entry.file).toBe(true);
    }
  });

  it("links every figure CSV the build wrote, with the figure's number or council and a link to where it is shown", async () => {
    const written = (await readdir(path.join(first, "data", "figures"))).map((file) => `/data/figures/${file}`).sort();
    const rows = [...dataPage.matchAll(/<tr><th scope="row"><a href="([^"]+)">([^<]+)<\/a><\/th>(?:<td>[^<]*<\/td>)?<td><a href="([^"]+)" download>/g)].map((m) => ({ shownAt: m[1], label: m[2], csv: m[3] }));
    expect(rows.map((r) => r.csv).sort()).toEqual(written);
    expect(rows.find((r) => r.csv === "/data/figures/grades-by-year.csv")).toEqual({ shownAt: "/chapter-1/#figure-grades-by-year", label: "Figure 1.1", csv: "/data/figures/grades-by-year.csv" });
    expect(rows.find((r) => r.csv === "/data/figures/grades-yearly-swing.csv")).toEqual({ shownAt: "/chapter-2/#figure-grades-yearly-swing", label: "Figure 2.1", csv: "/data/figures/grades-yearly-swing.csv" });
    expect(rows.find((r) => r.csv === "/data/figures/council-ashvale.csv")?.label).toBe("Ashvale");
    expect(rows.find((r) => r.csv === "/data/figures/council-ashvale.csv")?.shownAt).toBe("/councils/ashvale/#figure-timeline");
  });

  it("offers the zip with its size, and is in the report's contents but the 404 and search pages are not", async () => {
    const size = (await readFile(path.join(first, ZIP))).length;
    expect(dataPage).toContain(`<a href="/${ZIP}" download>Download all the data as one zip file (mini-report-data.zip, ${Math.round(size / 1024)} KB)</a>`);
    const cover = await readFile(path.join(first, "index.html"), "utf8");
    const contents = /<nav class="contents"[\s\S]*?<\/nav>/.exec(cover)?.[0] ?? "";
    expect(contents).toContain('href="/data/"');
    expect(contents).not.toContain("404");
    expect(contents).not.toContain('href="/search/"');
  });
});

describe("the data zip", () => {
  it("is the same bytes from two builds in two folders", async () => {
    expect((await readFile(path.join(second, ZIP))).equals(await readFile(path.join(first, ZIP)))).toBe(true);
  });

  it("unzips to a README and exactly the project's data folder, byte for byte", async () => {
    const unzipped = unzipSync(new Uint8Array(await readFile(path.join(first, ZIP))));
    const dataFiles = await filesUnder(path.join(FIXTURE, "data"));
    expect(dataFiles).toContain("README.md");
    expect(Object.keys(unzipped).sort()).toEqual([`${ZIP_FOLDER}/README.md`, ...dataFiles.map((file) => `${ZIP_FOLDER}/data/${file}`)].sort());
    for (const file of dataFiles) {
      expect(Buffer.from(unzipped[`${ZIP_FOLDER}/data/${file}`]).equals(await readFile(path.join(FIXTURE, "data", file))), file).toBe(true);
    }
  });

  it("has a README that gives every data file its licence and sha256 from the ledger, and names every column", async () => {
    const readme = Buffer.from(unzipSync(new Uint8Array(await readFile(path.join(first, ZIP))))[`${ZIP_FOLDER}/README.md`]).toString("utf8");
    for (const entry of entries) {
      const section = readme.slice(readme.indexOf(`### \`${entry.file}\``));
      expect(section.length, entry.file).toBeLessThan(readme.length);
      expect(section).toContain(`- Licence: ${entry.licence}`);
      expect(section).toContain(`- sha256: \`${entry.sha256}\``);
      const header = (await readFile(path.join(FIXTURE, entry.file), "utf8")).replace(/^\uFEFF/, "").split(/\r?\n/)[0].split(",");
      for (const column of header) expect(section, `${entry.file}: ${column}`).toContain(`| \`${column}\` |`);
    }
  });
});
