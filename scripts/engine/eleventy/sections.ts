/**
 * The "On this page" list of a chapter: its h2 sections as rendered, read from the
 * page's HTML with a real parser (parse5). The Notes section the footnotes add is not
 * one of the chapter's own sections, so it is left out.
 */
import { parseFragment } from "parse5";
import type { DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

export interface PageSection {
  readonly id: string;
  readonly text: string;
}

const isElement = (node: Node): node is Element => "tagName" in node;
const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

/** An element's text as a reader sees it: its text nodes joined, whitespace collapsed. */
export function textOf(node: Node): string {
  const parts: string[] = [];
  const walk = (current: Node) => {
    if (current.nodeName === "#text") parts.push((current as DefaultTreeAdapterTypes.TextNode).value);
    else if (isElement(current)) for (const child of current.childNodes) walk(child);
  };
  walk(node);
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** Every h2 with an id, in document order, outside the footnotes' Notes section. */
export function pageSections(html: string): PageSection[] {
  const sections: PageSection[] = [];
  const walk = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      if (node.tagName === "section" && (attribute(node, "class") ?? "").split(/\s+/).includes("footnotes")) continue;
      const id = attribute(node, "id");
      if (node.tagName === "h2" && id) sections.push({ id, text: textOf(node) });
      else walk(node.childNodes);
    }
  };
  walk(parseFragment(html).childNodes);
  return sections;
}
