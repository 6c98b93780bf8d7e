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

  it("lists every report newest first, dated, with its grade, sub-judgements and report link", async () => {
    const html = await read("councils/dunmoor/index.html");
    const table = /<table class="council-history">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    const rows = [...table.matchAll(/<tr><th scope="row" class="ch-date"><time datetime="([^"]+)">([^<]+)<\/time>(?:<span class="ch-inspected">([^<]+)<\/span>)?<\/th><td class="ch-inspection" data-label="Inspection">([^<]+)<\/td><td class="ch-overall" data-label="Judgement">([^<]+)<\/td>/g)].map((m) => m.slice(1, 6));
    // Dunmoor in the fixture: ILACS standard inspections published 24 October 2025 (requires
    // improvement, from the scrape, inspected 1 to 12 September 2025, with a report address) and
    // 25 October 2019 (Good; the official table gives the first day, 9 September 2019), and its
    // 2009–2017 rows in data/councils/inspections.csv.
    expect(rows.slice(0, 2)).toEqual([
      ["2025-10-24", "24 October 2025", "Inspection 1 to 12 September 2025", "ILACS standard inspection", "requires improvement to be good"],
      ["2019-10-25", "25 October 2019", "Inspection began 9 September 2019", "ILACS standard inspection", "Good"],
    ]);
    // Every row of the table is dated: as many <time> elements as rows.
    const bodyRows = (table.match(/<tr>/g) ?? []).length - 1;
    expect(bodyRows).toBeGreaterThan(2);
    expect(rows).toHaveLength(bodyRows);
    expect(html).toContain('<a href="https://example.org/reports/dunmoor-2025.pdf">Ofsted report<span class="visually-hidden">, published 24 October 2025</span></a>');
    // Before ILACS too: the fixture's inspections.csv gives Dunmoor's 2014 SIF its report's address.
    expect(html).toContain('<a href="https://example.org/reports/dunmoor-2014.pdf">Ofsted report<span class="visually-hidden">, published 4 July 2014</span></a>');
    expect(html).toContain("<ul><li>Leadership: Good</li><li>Help and protection: requires improvement to be good</li><li>Children in care: Good</li><li>Care leavers: Good</li></ul>");
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
    expect(await read("councils/brookmere/index.html")).toContain("Of the 2 councils in Fictional North with an ILACS grade, 1 has the same latest grade (requires improvement to be good), counting Brookmere;");
  });

  it("records every council timeline in the build's manifest, linked to its page", async () => {
    const manifest = JSON.parse(await read("manifest.json")) as { figures: Record<string, { href: string; label: string }> };
    const timelines = Object.keys(manifest.figures).filter((key) => key.startsWith("council-"));
    expect(timelines).toEqual(["council-ashvale", "council-brookmere", "council-cobbleton", "council-dunmoor", "council-fernhill"]);
    expect(manifest.figures["council-dunmoor"]).toMatchObject({ href: "/councils/dunmoor/#figure-timeline", label: "Inspection history, Dunmoor" });
  });

  it("leads with the latest report also when it has no overall grade, saying what it found", async () => {
    const html = await read("councils/fernhill/index.html");
    // Fernhill's 2026 report (scrape line 2): no overall grade, sub-judgements good, good, good
    // and requires improvement; its 2021 report (official row 8) judged it Good.
    expect(html).toContain(
      "Fernhill's latest inspection report, published on 3 July 2026 (inspection 11 to 22 May 2026), gave no overall grade: since Ofsted's reform of the inspections, reports no longer give one. It judged leadership Good; help and protection Good; children in care Good; care leavers requires improvement to be good. The latest report with an overall grade, published on 17 December 2021, judged it Good.",
    );
    expect(html).toContain('<td class="ch-overall" data-label="Judgement">No overall grade</td>');
    // The timeline's title leads with it too (figure titles are written with the apostrophe escaped).
    expect(html).toContain("Fernhill&#39;s latest report (3 July 2026) gave no overall grade; the latest that did (17 December 2021) judged it Good");
  });
});

describe("the council index", () => {
  const orderOf = (html: string, id: string) => {
    const section = new RegExp(`<section class="ordered-view[^"]*" id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? "";
    return [...section.matchAll(/<tr data-search="[^"]*"><th scope="row" class="ci-name"><a href="\/councils\/[^"]+">([^<]+)<\/a>[\s\S]*?<td class="ci-region">([^<]+)<\/td><td class="ci-grade">([\s\S]*?)<\/td><td class="ci-date">([\s\S]*?)<\/td>/g)].map((m) => [m[1], m[2], m[3].replace(/<[^>]+>/g, ""), m[4].replace(/<[^>]+>/g, "")]);
  };

  it("is one table of every council with its region, latest grade and latest report, in four orders as links, the filter hidden until scripts run", async () => {
    const html = await read("councils/index.html");
    expect(html).toContain('<p class="order-links">Order the councils: <a href="#by-name">by name</a> · <a href="#by-region">by region</a> · <a href="#by-grade">by latest grade</a> · <a href="#by-date">by date of latest report</a></p>');
    // The fixture's latest reports: Ashvale Good (29 April 2022), Brookmere RI (24 March 2023),
    // Cobbleton Outstanding (30 June 2023), Dunmoor RI (24 October 2025), Fernhill no grade on
    // 3 July 2026, Good before it (17 December 2021).
    const fernhill = ["Fernhill", "Fictional South", "Good (17 December 2021; the latest report gives no overall grade)", "3 July 2026"];
    const byName = [
      ["Ashvale", "Fictional North", "Good", "29 April 2022"],
      ["Brookmere", "Fictional North", "Requires improvement", "24 March 2023"],
      ["Cobbleton", "Fictional Midlands", "Outstanding", "30 June 2023"],
      ["Dunmoor", "Fictional London", "Requires improvement", "24 October 2025"],
      fernhill,
    ];
    expect(orderOf(html, "by-name")).toEqual(byName);
    const [ashvale, brookmere, cobbleton, dunmoor] = byName;
    // By region (London, Midlands, North, South), then name.
    expect(orderOf(html, "by-region")).toEqual([dunmoor, cobbleton, ashvale, brookmere, fernhill]);
    // Best grade first, then name.
    expect(orderOf(html, "by-grade")).toEqual([cobbleton, ashvale, fernhill, brookmere, dunmoor]);
    // Newest report first.
    expect(orderOf(html, "by-date")).toEqual([fernhill, dunmoor, cobbleton, brookmere, ashvale]);
    // The default order (by name) is written last, so a targeted order can hide it.
    expect(html.lastIndexOf('id="by-name"')).toBeGreaterThan(html.lastIndexOf('id="by-date"'));
    expect(html).toContain('<section class="ordered-view ordered-default" id="by-name"');
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
    expect(csv.split("\n")[0]).toBe("date,judgement,framework");
  });
});
