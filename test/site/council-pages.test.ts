/**
 * The council pages on the report sample (this report's families over made-up data): one page golden-checked byte for byte (after
 * taking out the SVG, whose drawing is checked by the chart snapshots), the index in both
 * orders, the history table worked out by hand from the fixture's rows, and names with
 * characters that HTML must escape.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSample, copySample, editFile, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

let outDir: string;
const read = (file: string) => readFile(path.join(outDir, file), "utf8");

beforeAll(async () => {
  const root = await copySample();
  outDir = path.join(await temporaryFolder(), "site");
  await withEnv({ REPORT_SVG_CACHE: "off" }, () => buildSample({ root, outDir }));
});

afterAll(removeTemporaryFolders);

/** The page's main content with each drawing of the chart (wide and narrow) replaced by a marker. */
const mainWithoutDrawing = (html: string) =>
  (/<main id="main"[^>]*>[\s\S]*<\/main>/.exec(html)?.[0] ?? "").replace(/<svg[\s\S]*?<\/svg>/g, "[chart]");

describe("a council page", () => {
  it("matches the golden copy of Dunmoor's page", async () => {
    await expect(mainWithoutDrawing(await read("councils/dunmoor/index.html"))).toMatchFileSnapshot("../fixtures/golden/council-dunmoor.html");
  });

  it("lists every report newest first, with its grade, sub-judgements and report link", async () => {
    const html = await read("councils/dunmoor/index.html");
    const table = /<table class="council-history">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    const rows = [...table.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>([^<]+)<\/td><td>([^<]+)<\/td>/g)].map((m) => [m[1], m[2], m[3]]);
    // Dunmoor in the fixture: ILACS standard inspections published 24 October 2025 (requires
    // improvement, from the scrape, with a report address) and 25 October 2019 (Good), and
    // its 2009–2017 rows in data/councils/inspections.csv.
    expect(rows.slice(0, 2)).toEqual([
      ["24 October 2025", "ILACS standard inspection", "requires improvement to be good"],
      ["25 October 2019", "ILACS standard inspection", "Good"],
    ]);
    expect(html).toContain('<a href="https://example.org/reports/dunmoor-2025.pdf">Ofsted report</a>');
    expect(html).toContain("Leadership: Good; Help and protection: requires improvement to be good; Children in care: Good; Care leavers: Good");
    // The timeline figure has its accessible name and its CSV.
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="figure-timeline-title figure-timeline-desc"/);
    expect(html).toContain('href="/data/figures/council-dunmoor.csv"');
  });

  it("compares the latest ILACS grade with the region and England", async () => {
    const html = await read("councils/dunmoor/index.html");
    // Latest ILACS grades in the fixture: Ashvale Good, Brookmere RI, Cobbleton Outstanding,
    // Dunmoor RI, Fernhill Good (its 2026 report has no grade). Dunmoor is alone in its region.
    expect(html).toContain("It is the only council in Fictional London with an ILACS grade; in England, 2 of 5 councils with an ILACS grade have it at their latest report.");
    // Brookmere (RI) shares its region with Ashvale (Good): 1 of 2.
    expect(await read("councils/brookmere/index.html")).toContain("Of the 2 councils in Fictional North with an ILACS grade, 1 has the same latest grade, counting Brookmere;");
  });

  it("records every council timeline in the build's manifest, linked to its page", async () => {
    const manifest = JSON.parse(await read("manifest.json")) as { figures: Record<string, { href: string; label: string }> };
    const timelines = Object.keys(manifest.figures).filter((key) => key.startsWith("council-"));
    expect(timelines).toEqual(["council-ashvale", "council-brookmere", "council-cobbleton", "council-dunmoor", "council-fernhill"]);
    expect(manifest.figures["council-dunmoor"]).toMatchObject({ href: "/councils/dunmoor/#figure-timeline", label: "Inspection history, Dunmoor" });
  });

  it("says a report after the reform has no grade", async () => {
    expect(await read("councils/fernhill/index.html")).toContain("<td>ILACS standard inspection</td><td>No grade given</td>");
  });
});

describe("the council index", () => {
  it("lists every council A to Z and by region, as plain links, with the filter hidden until scripts run", async () => {
    const html = await read("councils/index.html");
    const links = [...html.matchAll(/<li data-search="[^"]*"><a href="(\/councils\/[^"]+)">([^<]+)<\/a>/g)].map((m) => m[2]);
    // Five councils, twice: A to Z, then by region (Fictional London, Midlands, North, South).
    expect(links).toEqual(["Ashvale", "Brookmere", "Cobbleton", "Dunmoor", "Fernhill", "Dunmoor", "Cobbleton", "Ashvale", "Brookmere", "Fernhill"]);
    expect(html).toContain('<div class="council-filter" hidden data-council-filter>');
    // Aliases are searchable.
    expect(html).toContain('data-search="dunmoor dunmoor borough dunmoor"');
  });
});

describe("escaping", () => {
  it("shows a council name with &, quotes and angle brackets as text", async () => {
    const root = await copySample();
    await editFile(root, "data/councils/councils.csv", "E09000901,,904,Dunmoor,", 'E09000901,,904,"Dun & ""Moor"" Vale",');
    const { signProvenance } = await import("../../scripts/engine/data/provenance.ts");
    await signProvenance(root);
    const out = path.join(await temporaryFolder(), "site");
    await withEnv({ REPORT_SVG_CACHE: "off" }, () => buildSample({ root, outDir: out }));
    const html = await readFile(path.join(out, "councils", "dun-moor-vale", "index.html"), "utf8");
    expect(html).toContain("<h1>Dun &amp; &quot;Moor&quot; Vale</h1>");
    // Parsed as HTML, the heading's text is the name exactly.
    const text = (node: any): string => (node.nodeName === "#text" ? node.value : (node.childNodes ?? []).map(text).join(""));
    const find = (node: any, tag: string): any => (node.nodeName === tag ? node : (node.childNodes ?? []).map((c: any) => find(c, tag)).find(Boolean));
    expect(text(find(parse(html), "h1"))).toBe('Dun & "Moor" Vale');
    const csv = await readFile(path.join(out, "data", "figures", "council-dun-moor-vale.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe("date,grade,framework,when");
  });
});
