/**
 * Make a Vega SVG deterministic, unique on its page, and accessible.
 *
 * Vega numbers clip paths and gradients from a process-wide counter, so the same chart
 * gets different ids depending on what was rendered before it, and two charts on one
 * page can collide. We rename every id, in document order, to `<prefix>-<n>` and
 * rewrite every reference to it.
 */
import { escapeHtml } from "./escape.ts";


export function stabiliseIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  const renamed = new Map(ids.map((id, index) => [id, `${prefix}-${index + 1}`]));
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_, a: string, id: string, b: string) => `${a}${renamed.get(id) ?? id}${b}`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (renamed.has(id) ? `url(#${renamed.get(id)})` : whole))
    .replace(/((?:xlink:)?href=")#([^"]+)(")/g, (whole, a: string, id: string, b: string) => (renamed.has(id) ? `${a}#${renamed.get(id)}${b}` : whole));
}

export interface SvgLabel {
  /** Prefix for ids inside this SVG; must be unique on the page. */
  readonly idPrefix: string;
  /** Accessible name: the figure's title. */
  readonly title: string;
  /** Accessible description: what the chart shows, in words. */
  readonly description: string;
}

/**
 * Give the SVG an accessible name and description (role="img", aria-labelledby
 * pointing at <title> and <desc>), and stable, prefixed ids.
 */
export function finishSvg(rawSvg: string, label: SvgLabel): string {
  const svg = stabiliseIds(rawSvg, label.idPrefix);
  const titleId = `${label.idPrefix}-title`;
  const descId = `${label.idPrefix}-desc`;
  const open = /^<svg\b([^>]*)>/.exec(svg);
  if (!open) throw new Error("the renderer did not return an <svg> element");
  const attributes = open[1].replace(/\s(class|role|aria-[a-z]+|focusable)="[^"]*"/g, "");
  const head = `<svg${attributes} class="chart" role="img" aria-labelledby="${titleId} ${descId}" focusable="false">`;
  const labels = `<title id="${titleId}">${escapeHtml(label.title)}</title><desc id="${descId}">${escapeHtml(label.description)}</desc>`;
  return head + labels + svg.slice(open[0].length);
}

/**
 * Remove the ARIA roles and labels Vega puts on groups and marks inside the chart.
 * The SVG as a whole is role="img", whose children are presentational: a screen reader
 * reads the title and description and nothing inside, so these attributes say nothing
 * to a reader, while checkers (axe's svg-img-alt) count each role="graphics-symbol" as
 * an image without a name. The root element keeps its own attributes.
 */
export function presentationalChildren(svg: string): string {
  const open = /^<svg\b(?:\s+[^\s=/>]+(?:="[^"]*")?)*\s*>/.exec(svg);
  if (!open) throw new Error("the chart is not an <svg> element");
  // Start tags whose attribute values are double-quoted (as Vega writes them; a ">" inside a value is part of the value).
  const startTags = /<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:="[^"]*")?)*\s*\/?>/g;
  const inner = svg.slice(open[0].length).replace(startTags, (tag) => tag.replace(/\s(?:role|aria-roledescription|aria-label)="[^"]*"/g, ""));
  return open[0] + inner;
}
