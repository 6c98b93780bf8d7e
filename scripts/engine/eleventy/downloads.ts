/**
 * The data page (/data/, content/data.md): the `dataDownloads` shortcode lists every data
 * file with its provenance, the zip, every figure's CSV and the figures of the families'
 * own pages; the files it links to are written with the site (./output.ts).
 */
import markdownIt from "markdown-it";
import { figureDownloads } from "../downloads/catalogue.ts";
import type { EleventyConfig, RenderPartial } from "./config.ts";
import type { PreparedState } from "./state.ts";

export function registerDownloads(eleventyConfig: Pick<EleventyConfig, "addShortcode">, state: PreparedState, renderPartial: RenderPartial): void {
  // The ledger's cells are Markdown (`code`, *titles*); raw HTML in them stays text.
  const inline = markdownIt({ html: false, typographer: true });
  eleventyConfig.addShortcode("dataDownloads", () => {
    const { placements, figures, pageFigures, downloads } = state.current();
    const { datasets, zip } = downloads;
    return renderPartial("data-downloads.njk", {
      zip,
      datasets: datasets.map((d) => ({ ...d, contentsHtml: inline.renderInline(d.contents), sourceHtml: inline.renderInline(d.source), licenceHtml: inline.renderInline(d.licence) })),
      figures: figureDownloads([...placements.values()], figures),
      pageFigures,
    });
  });
}
