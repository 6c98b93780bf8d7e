/**
 * The claims register page of the real report as a reader gets it: one card per claim in each
 * of its three orders, the status counts on the page adding up to the number of claims, each
 * claim's anchor once, no internal stat key in the reader's text, and the flagged claims (the
 * seven-figure/£10m contradiction, the 9.4% variation) flagged and linked from the chapters.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import { realSite } from "./helpers.ts";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const isElement = (node: Node): node is Element => "tagName" in node;
function* elements(node: Node): Generator<Element> {
  if (isElement(node)) yield node;
  if ("childNodes" in node) for (const child of node.childNodes) yield* elements(child);
}
const textOf = (node: Node): string => (node.nodeName === "#text" ? (node as DefaultTreeAdapterTypes.TextNode).value : "childNodes" in node ? node.childNodes.map(textOf).join("") : "");
const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const classes = (element: Element) => (attribute(element, "class") ?? "").split(/\s+/);
const byId = (root: Node, id: string) => [...elements(root)].find((e) => attribute(e, "id") === id);
const cards = (root: Node) => [...elements(root)].filter((e) => e.tagName === "li" && classes(e).includes("claim"));
const statusOf = (card: Element) => classes(card).find((c) => c.startsWith("status-"))?.slice("status-".length);

let site: string;
let page: DefaultTreeAdapterTypes.Document;
beforeAll(async () => {
  site = await realSite();
  page = parse(await readFile(path.join(site, "appendix/checking-the-numbers/index.html"), "utf8"));
}, 300_000);

/** The main text before the register: the count of claims, and each status's count in its definition. */
function countsOnPage() {
  const main = [...elements(page)].find((e) => e.tagName === "main");
  if (!main) throw new Error("the page has no main");
  const text = textOf(main).replace(/\s+/g, " ");
  const total = Number(/lists the (\d+) quantitative claims/.exec(text)?.[1]);
  const status = (label: string) => Number(new RegExp(`${label} \\((\\d+)`).exec(text)?.[1]);
  return {
    total,
    reproduced: status("Reproduced from council records"),
    consistent: status("Consistent with the report’s own figures"),
    differs: status("Differs"),
    not_reproducible: status("Not reproducible"),
  };
}

describe("the claims register page", () => {
  it("shows status counts that add up to the number of claims, and one card per claim in each order", () => {
    const counts = countsOnPage();
    expect(counts.total).toBeGreaterThan(80);
    expect(counts.reproduced + counts.consistent + counts.differs + counts.not_reproducible).toBe(counts.total);
    for (const view of ["claims-by-chapter", "claims-by-status", "claims-by-difference"]) {
      const section = byId(page, view);
      if (!section) throw new Error(`no #${view}`);
      const shown = cards(section);
      expect(shown, view).toHaveLength(counts.total);
      // Each status's cards are as many as its count says.
      for (const status of ["reproduced", "consistent", "differs", "not_reproducible"] as const) {
        expect(shown.filter((c) => statusOf(c) === status), `${view} ${status}`).toHaveLength(counts[status]);
      }
    }
  });

  it("gives each claim one anchor, on its card in the chapter order", () => {
    const ids = cards(byId(page, "claims-by-chapter") as Element).map((c) => attribute(c, "id"));
    expect(ids.every((id) => id?.startsWith("claim-"))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const elsewhere = [...cards(byId(page, "claims-by-status") as Element), ...cards(byId(page, "claims-by-difference") as Element)];
    expect(elsewhere.filter((c) => attribute(c, "id") !== undefined)).toEqual([]);
  });

  it("lists a repeated claim once, with the other places the report states it", () => {
    const eightySix = byId(page, "claim-ch1-s3-repeat-councils") as Element;
    const text = textOf(eightySix).replace(/\s+/g, " ");
    expect(text).toContain("Reproduced from council records");
    expect(text).toMatch(/Where the report states it: Chapter 1, section 3, paragraph 1 \(footnote 17\); also Executive summary, paragraph 4/);
  });

  it("shows no internal stat key, claims file or claim id in the reader's text", () => {
    const register = [...elements(page)].find((e) => classes(e).includes("claims-register")) as Element;
    const text = textOf(register);
    expect(text).not.toMatch(/\b[a-z]+[A-Za-z]*\.[a-z][\w-]*\.[\w.-]*[a-z]/);
    expect(text).not.toMatch(/data\/claims|\bstats? [a-z]+\.|\b(?:recount|sum|ch\d)-[a-z]/);
  });

  it("links a number in a note to the page that states it", () => {
    const note = [...elements(byId(page, "claim-ch1-s3-inadequate-2010-stayed") as Element)].find((e) => classes(e).includes("claim-note")) as Element;
    const links = [...elements(note)].filter((e) => e.tagName === "a").map((a) => [textOf(a), attribute(a, "href")]);
    // Only a group of 20 gives the printed 25% from 5 councils (5 / 20 = 25%): the summary, first in reading order, states that 20.
    expect(links).toContainEqual(["20", "/summary/"]);
  });

  it("flags the seven-figure sum against 'over £10million' as a contradiction that differs", () => {
    const seven = byId(page, "claim-ch2-seven-figures") as Element;
    expect(statusOf(seven)).toBe("differs");
    const caveat = [...elements(seven)].find((e) => classes(e).includes("claim-caveat"));
    expect(textOf(caveat as Element)).toMatch(/contradicts itself/);
  });

  it("warns with the 9.4% variation, and chapter 1 and the summary link to that warning", async () => {
    const early = byId(page, "claim-ch1-s4-variation-early") as Element;
    const caveat = [...elements(early)].find((e) => classes(e).includes("claim-caveat"));
    expect(textOf(caveat as Element)).toMatch(/2010\/11 row .* add up to 111%/s);
    for (const file of ["chapter-1/index.html", "summary/index.html"]) {
      const html = await readFile(path.join(site, file), "utf8");
      expect(html, file).toContain('href="/appendix/checking-the-numbers/#claim-ch1-s4-variation-early"');
    }
  });
});
