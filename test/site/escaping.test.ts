/**
 * Text from the data is shown as text everywhere it appears: a futures label holding a
 * script tag, double quotes and an ampersand is placed on a page of the fixture (the
 * futures quadrant figure) and must come out as that text, not as markup, in the page's
 * HTML, in the chart's SVG (marks and description), in the data table and in the CSV.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signProvenance } from "../../scripts/engine/data/provenance.ts";
import { buildSample, copySample, editFile, removeTemporaryFolders, temporaryFolder, withEnv } from "./helpers.ts";

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

const FUTURES_CSV = "data/national/futures-visions.csv";
/** The hostile label, as a reader must see it. */
const LABEL = `<script>alert(1)</script> "Quoted" & Sons`;
/** The same label as a CSV cell: quoted, inner quotes doubled. */
const LABEL_CELL = `"<script>alert(1)</script> ""Quoted"" & Sons"`;

let html: string;
let document: DefaultTreeAdapterTypes.Document;
let csv: string;

const isElement = (node: Node): node is Element => "tagName" in node;
function* elements(node: Node): Generator<Element> {
  if (isElement(node)) yield node;
  if ("childNodes" in node) for (const child of node.childNodes) yield* elements(child);
}
const textOf = (node: Node): string => (node.nodeName === "#text" ? (node as DefaultTreeAdapterTypes.TextNode).value : "childNodes" in node ? node.childNodes.map(textOf).join("") : "");
const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

function figure(): Element {
  const found = [...elements(document)].find((e) => e.tagName === "figure" && attribute(e, "id") === "figure-futures-quadrant");
  if (!found) throw new Error("the futures figure is not on the page");
  return found;
}

beforeAll(async () => {
  const root = await copySample("escaping-");
  await editFile(root, FUTURES_CSV, "v1,vision,A made-up vision <b>bold</b> & more,", `v1,vision,${LABEL_CELL},`);
  await signProvenance(root);
  await editFile(root, "content/chapters/grades.md", '{% figure "outcomes-by-year" %}', '{% figure "outcomes-by-year" %}\n\n{% figure "futures-quadrant" %}');
  const outDir = path.join(await temporaryFolder(), "site");
  await withEnv({ REPORT_SVG_CACHE: "off" }, () => buildSample({ root, outDir }));
  html = await readFile(path.join(outDir, "chapter-1/index.html"), "utf8");
  document = parse(html);
  csv = await readFile(path.join(outDir, "data/figures/futures-quadrant.csv"), "utf8");
});

afterAll(removeTemporaryFolders);

describe("a label with a script tag, quotes and an ampersand", () => {
  it("injects no element into the page", () => {
    const tags = [...elements(document)].map((e) => e.tagName);
    expect(tags).not.toContain("script");
    // The page has its own elements, the figure among them: the parse saw the whole page.
    expect(tags).toContain("svg");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Quoted&quot; &amp; Sons");
  });

  it("is text in the chart: a mark's label and the description", () => {
    const svg = [...elements(figure())].find((e) => e.tagName === "svg") as Element;
    // A label drawn on several lines is one <text> of <tspan>s, a line each.
    const lines = (e: Element) => {
      const spans = [...elements(e)].filter((c) => c.tagName === "tspan");
      return spans.length > 0 ? spans.map(textOf).join(" ") : textOf(e);
    };
    const marks = [...elements(svg)].filter((e) => e.tagName === "text").map(lines);
    expect(marks).toContain(LABEL);
    const desc = [...elements(svg)].find((e) => e.tagName === "desc") as Element;
    expect(textOf(desc)).toContain(`${LABEL} (colonised and preventative)`);
    // Inside the SVG only Vega's own elements: nothing from the label.
    expect([...elements(svg)].map((e) => e.tagName).filter((tag) => !["svg", "title", "desc", "g", "path", "text", "tspan", "line", "rect", "defs", "clippath", "clipPath"].includes(tag))).toEqual([]);
  });

  it("is the exact text of its data table cell", () => {
    const cells = [...elements(figure())].filter((e) => e.tagName === "td" || e.tagName === "th").map(textOf);
    expect(cells).toContain(LABEL);
  });

  it("round-trips through the figure's CSV", () => {
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.kind === "vision")).toEqual({ kind: "vision", label: LABEL, integration: "1", focus: "-1" });
    expect(csv).toContain(LABEL_CELL);
  });
});
