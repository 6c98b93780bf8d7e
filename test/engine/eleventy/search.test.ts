import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IndexFedAsRendered, SEARCH_INDEX_DIR, pageOfUrl, pagesToIndex, writeSearchIndex } from "../../../scripts/engine/eleventy/search.ts";

const page = (main: string) => `<!DOCTYPE html><html lang="en-GB"><head><title>t</title></head><body><header><a href="/">Home</a></header>${main}</body></html>`;

/** A small built site: two report pages marked for the index, one page not marked. */
const SITE: Record<string, string> = {
  "index.html": page("<main data-pagefind-body><h1>Cover</h1><p>Inspection and improvement.</p><nav data-pagefind-ignore>Contents</nav></main>"),
  "chapter-1/index.html": page(
    "<main data-pagefind-body><h1>Chapter one</h1><p>Councils judged inadequate.</p>" +
      // What the index leaves out (INDEX_LEAVES_OUT): a table, a chart, a figure's data and CSV link, a heading's link text.
      '<table><caption>Reports</caption><thead><tr><th>Published</th><th>Judgement</th></tr></thead><tbody><tr><th>2014</th><td>Good</td></tr></tbody></table>' +
      '<figure><svg><text>Share</text></svg><details class="figure-data"><summary>Data for Figure 1</summary></details><p class="figure-download"><a href="/a.csv">Download</a></p></figure>' +
      '<h2 id="why">Why<a class="heading-anchor" href="#why"><span>Link to the section Why</span></a></h2><p>Because.</p></main>',
  ),
  "search/index.html": page("<main><h1>Search</h1></main>"),
};

const folders: string[] = [];
/** The site's pages written into a new folder under `under`, one by one in the order of `files`. */
async function siteFolder(name: string, files = Object.keys(SITE), under = tmpdir()): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(under, "search-index-")), name);
  folders.push(path.dirname(dir));
  for (const [file, html] of files.map((file) => [file, SITE[file]])) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), html);
  }
  return dir;
}

/** Every file under the index folder, sorted, with its bytes. */
async function indexFiles(dir: string): Promise<[string, string][]> {
  const root = path.join(dir, SEARCH_INDEX_DIR);
  const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
  return Promise.all(files.sort().map(async (file): Promise<[string, string]> => [file, (await readFile(path.join(root, file))).toString("base64")]));
}

let first: string;
let second: string;
let counts: number[];

beforeAll(async () => {
  first = await siteFolder("site-a");
  second = await siteFolder("other site ü");
  // Both at once, as two builds in one process would: one pagefind binary serves both.
  counts = await Promise.all([writeSearchIndex(first), writeSearchIndex(second)]);
}, 60_000);

afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("writeSearchIndex", () => {
  it("indexes only the pages that mark their text with data-pagefind-body", () => {
    expect(counts).toEqual([2, 2]);
  });

  it("writes pagefind's interface and one English index with a fragment per page into the site", async () => {
    const files = (await indexFiles(first)).map(([file]) => file.split(path.sep).join("/"));
    expect(files).toEqual(expect.arrayContaining(["pagefind-entry.json", "pagefind-ui.css", "pagefind-ui.js", "pagefind.js", "wasm.en.pagefind"]));
    expect(files.filter((file) => file.startsWith("fragment/"))).toHaveLength(2);
    const entry = JSON.parse(await readFile(path.join(first, SEARCH_INDEX_DIR, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(["en"]);
    expect(entry.languages.en.page_count).toBe(2);
  });

  it("indexes the marked prose and leaves out the header, what is marked data-pagefind-ignore, tables, charts and figures' data", async () => {
    // A fragment is gzipped "pagefind_dcd" followed by the page's record as JSON.
    const fragments = (await indexFiles(first)).filter(([file]) => file.startsWith(`fragment${path.sep}`));
    const records = fragments.map(([, bytes]) => JSON.parse(gunzipSync(Buffer.from(bytes, "base64")).toString("utf8").replace(/^pagefind_dcd/, "")) as { url: string; content: string });
    expect(records.map((r) => [r.url, r.content]).sort()).toEqual([
      ["/", "Cover. Inspection and improvement."],
      ["/chapter-1/", "Chapter one. Councils judged inadequate. Why. Because."],
    ]);
  });

  it("writes the same bytes for the same pages, whatever folder they are in", async () => {
    expect(await indexFiles(second)).toEqual(await indexFiles(first));
  });

  it("hands pagefind the pages sorted by path, whatever order the folder lists them in", async () => {
    const backwards = await siteFolder("site", Object.keys(SITE).reverse());
    expect(await pagesToIndex(backwards)).toEqual(["chapter-1/index.html", "index.html", "search/index.html"]);
  });

  it("writes the same bytes whatever order the file system lists the pages in (tmpfs lists a folder newest first)", async () => {
    // /dev/shm is a tmpfs where there is one: there, pages written in opposite orders are listed in
    // opposite orders, as a build on tmpfs lists them otherwise than one on disk (issue 17, case 12).
    // Elsewhere the two folders are listed alike and this repeats the test above.
    const memory = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
    const files = Object.keys(SITE);
    const forwards = await siteFolder("site", files, memory);
    const backwards = await siteFolder("site", [...files].reverse(), memory);
    await Promise.all([writeSearchIndex(forwards), writeSearchIndex(backwards)]);
    expect(await indexFiles(forwards)).toEqual(await indexFiles(first));
    expect(await indexFiles(backwards)).toEqual(await indexFiles(first));
  });
});

describe("IndexFedAsRendered (a whole build's index, fed while Eleventy renders)", () => {
  const URLS = ["/", "/chapter-1/", "/search/"];

  /** A feed told the site's URLs and handed `pages` (path → HTML) in the order given. */
  function fedWith(pages: readonly (readonly [string, string])[], urls = URLS): IndexFedAsRendered {
    const feed = new IndexFedAsRendered();
    feed.expect(urls);
    for (const [file, html] of pages) feed.rendered(file, html);
    return feed;
  }

  it("names each URL's page as the site's folder holds it", () => {
    expect(["/", "/chapter-1/", "/404.html", "/a/b/"].map(pageOfUrl)).toEqual(["index.html", "chapter-1/index.html", "404.html", "a/b/index.html"]);
  });

  it("writes the same bytes as indexing the finished folder, whatever order the pages are rendered in", async () => {
    // Rendered last page first: each waits until the pages before it (in path order) have gone to pagefind.
    const dir = await siteFolder("site");
    const feed = fedWith(Object.entries(SITE).reverse());
    expect(await feed.write(dir)).toBe(2);
    expect(await indexFiles(dir)).toEqual(await indexFiles(first));
  });

  it("indexes the folder's files instead when a page on disk is not the page rendered", async () => {
    // Something changed a page after it was rendered: the index must be of the page as published.
    const dir = await siteFolder("site");
    const changed = page("<main data-pagefind-body><h1>Cover</h1><p>Changed after rendering.</p></main>");
    await writeFile(path.join(dir, "index.html"), changed);
    const feed = fedWith(Object.entries(SITE));
    expect(await feed.write(dir)).toBe(2);
    const expected = await siteFolder("expected");
    await writeFile(path.join(expected, "index.html"), changed);
    await writeSearchIndex(expected);
    expect(await indexFiles(dir)).toEqual(await indexFiles(expected));
    expect(await indexFiles(dir)).not.toEqual(await indexFiles(first));
  });

  it("indexes the folder's files instead when a page was never rendered", async () => {
    // The cover is not rendered: the pages after it in path order are never handed over either.
    const dir = await siteFolder("site");
    const feed = fedWith(Object.entries(SITE).filter(([file]) => file !== "index.html"));
    expect(await feed.write(dir)).toBe(2);
    expect(await indexFiles(dir)).toEqual(await indexFiles(first));
  });

  it("indexes the folder's files instead when a page was rendered that the content map did not list", async () => {
    const other = page("<main data-pagefind-body><h1>Other</h1><p>Not in the content map.</p></main>");
    const dir = await siteFolder("site");
    await mkdir(path.join(dir, "other"));
    await writeFile(path.join(dir, "other", "index.html"), other);
    const feed = fedWith([...Object.entries(SITE), ["other/index.html", other]]);
    expect(await feed.write(dir)).toBe(3);
  });

  it("indexes the folder as a build without a content map would (no page fed)", async () => {
    const dir = await siteFolder("site");
    const feed = new IndexFedAsRendered();
    feed.rendered("index.html", SITE["index.html"]);
    expect(await feed.write(dir)).toBe(2);
    expect(await indexFiles(dir)).toEqual(await indexFiles(first));
  });

  it("gives up a failed build's feed, and the next index is written as before", async () => {
    const abandoned = fedWith(Object.entries(SITE));
    await abandoned.abandon();
    const dir = await siteFolder("site");
    expect(await fedWith(Object.entries(SITE)).write(dir)).toBe(2);
    expect(await indexFiles(dir)).toEqual(await indexFiles(first));
  });
});
