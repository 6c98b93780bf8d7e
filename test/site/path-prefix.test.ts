/**
 * The fixture built for a sub-path (--path-prefix, or REPORT_PATH_PREFIX) against the
 * same project built for the root: the prefixed site's links all resolve when it is served
 * under the prefix, its files other than pages are the same bytes, and the search page,
 * the search index and the 404 page follow. Also the search page and index of either build.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readFileSync } from "node:fs";
import { HtmlValidate, formatterFactory, type ConfigData } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLinks, formatBrokenLinks, readSite } from "../../scripts/engine/check/links.ts";
import { PATH_PREFIX_ENV } from "../../scripts/engine/eleventy/path-prefix.ts";
import { REPO_ROOT, buildFixture, copyFixture, fingerprint, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

const PREFIX = "/brave-new-world/";

let plain: Map<string, string | null>;
let prefixed: Map<string, string | null>;
let plainDir: string;
let prefixedDir: string;
let fromEnvDir: string;

const html = (site: Map<string, string | null>, file: string) => {
  const text = site.get(file);
  if (typeof text !== "string") throw new Error(`${file} is not a page of the site`);
  return text;
};
const pages = (site: Map<string, string | null>) => [...site.keys()].filter((file) => file.endsWith(".html"));

beforeAll(async () => {
  const root = await copyFixture();
  plainDir = path.join(await temporaryFolder(), "site");
  prefixedDir = path.join(await temporaryFolder(), "site");
  fromEnvDir = path.join(await temporaryFolder(), "site");
  await buildFixture({ root, outDir: plainDir });
  await buildFixture({ root, outDir: prefixedDir, pathPrefix: PREFIX });
  await withEnv({ [PATH_PREFIX_ENV]: "brave-new-world" }, () => buildFixture({ root, outDir: fromEnvDir }));
  plain = await readSite(plainDir);
  prefixed = await readSite(prefixedDir);
}, 120_000);

afterAll(removeTemporaryFolders);

describe("a site built for a sub-path", () => {
  it("has every internal link and #anchor resolve when served under the prefix, as many as the root site has", () => {
    const report = checkLinks(prefixed, { pathPrefix: PREFIX });
    expect(formatBrokenLinks(report.broken), "broken links (page:line:column: link: problem)").toBe("");
    expect(report.internalCount).toBe(checkLinks(plain).internalCount);
    // Checked as if served from the root, every root-relative link would miss: they all carry the prefix.
    expect(checkLinks(prefixed).broken.length).toBeGreaterThan(pages(prefixed).length);
  });

  it("changes only the pages: every other file (CSVs, zip, stylesheet, manifest, search index) is the same bytes", async () => {
    const other = (lines: string[]) => lines.filter((line) => !line.split(" ")[0].endsWith(".html"));
    expect(other(await fingerprint(prefixedDir))).toEqual(other(await fingerprint(plainDir)));
    expect([...prefixed.keys()]).toEqual([...plain.keys()]);
  });

  it("is the same site whether the prefix comes from the command line option or REPORT_PATH_PREFIX", async () => {
    expect(await fingerprint(fromEnvDir)).toEqual(await fingerprint(prefixedDir));
  });

  it("loads the search interface and links the 404 page's way out under the prefix", () => {
    expect(html(prefixed, "search/index.html")).toContain(`<script src="${PREFIX}pagefind/pagefind-ui.js"></script>`);
    expect(html(prefixed, "search/index.html")).toContain(`<link rel="stylesheet" href="${PREFIX}pagefind/pagefind-ui.css">`);
    const notFound = html(prefixed, "404.html");
    expect(notFound).toContain(`<form class="not-found-search" action="${PREFIX}search/" method="get" role="search">`);
    for (const target of ["", "search/", "councils/", "data/"]) expect(notFound).toContain(`<a href="${PREFIX}${target}">`);
  });

  it("is valid HTML on every page (html-validate, as the root site)", async () => {
    const config = JSON.parse(readFileSync(path.join(REPO_ROOT, ".htmlvalidate.json"), "utf8")) as ConfigData;
    const validator = new HtmlValidate({ ...config, root: true });
    const problems: string[] = [];
    for (const page of pages(prefixed)) {
      const report = await validator.validateString(html(prefixed, page), page);
      if (!report.valid) problems.push(formatterFactory("text")(report.results));
    }
    expect(problems.join("\n")).toBe("");
  });
});

describe("a site built for the root", () => {
  it("names no prefix anywhere, and its 404 page links only root-relative (the link check enforces it)", () => {
    for (const page of pages(plain)) expect(html(plain, page), page).not.toContain(PREFIX);
    expect(formatBrokenLinks(checkLinks(plain).broken)).toBe("");
  });
});

describe("search", () => {
  // The print edition has no header (it is for paper) and is not indexed: it repeats every
  // page of the contents, which search already finds on their own pages.
  const PRINT_EDITION = "print/index.html";

  it("links the search page from every page's header (the print edition has none)", () => {
    for (const page of pages(plain).filter((p) => p !== PRINT_EDITION)) expect(html(plain, page), page).toContain('<a class="site-search-link" href="/search/">Search</a>');
    expect(html(plain, PRINT_EDITION)).not.toContain('class="site-header"');
  });

  it("indexes every page's main text but the search page's, the 404 page's and the print edition's", async () => {
    const marked = pages(plain).filter((page) => html(plain, page).includes("<main id=\"main\" data-pagefind-body>"));
    expect(marked.sort()).toEqual(pages(plain).filter((page) => !["search/index.html", "404.html", PRINT_EDITION].includes(page)).sort());
    const entry = JSON.parse(await readFile(path.join(plainDir, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: { en: { page_count: number } } };
    expect(entry.languages.en.page_count).toBe(marked.length);
    expect([...plain.keys()].filter((file) => /^pagefind\/fragment\//.test(file))).toHaveLength(marked.length);
  });

  it("tells a reader without JavaScript where to go instead", () => {
    expect(html(plain, "search/index.html")).toMatch(/<noscript><p class="search-no-script">Search runs in your browser and needs JavaScript[^<]*<a href="\/">contents<\/a>/);
  });
});
