/**
 * The shortcodes a page's text uses: `{% stat %}`, `{% figure %}`, `{% ref %}`, the stat
 * index, the claims register, "What changed", and the set pieces (key-stat tiles, callouts,
 * pull quotes). Each looks its answer up in the prepared report; a failure names the page.
 */
import path from "node:path";
import { BuildError } from "../data/errors.ts";
import { escapeHtml } from "../render/escape.ts";
import { changesTitle, changesView, figureNote } from "../release/page.ts";
import { callout, calloutId, keyStatRow, keyStatTile, pullQuote, typeset } from "./blocks.ts";
import type { EleventyConfig, RenderPartial, ShortcodeContext } from "./config.ts";
import type { PreparedState } from "./state.ts";

/** Run a shortcode's work; an error names the page it happened on. */
export function onPageOf(root: string) {
  return <T>(ctx: ShortcodeContext, work: () => T): T => {
    try {
      return work();
    } catch (error) {
      throw new BuildError(`${path.relative(root, path.resolve(ctx.page.inputPath)).split(path.sep).join("/")}: ${(error as Error).message}`);
    }
  };
}

export function registerReportShortcodes(
  eleventyConfig: Pick<EleventyConfig, "addShortcode" | "addPairedShortcode" | "addFilter">,
  state: PreparedState,
  renderPartial: RenderPartial,
  root: string,
): void {
  const onPage = onPageOf(root);
  eleventyConfig.addShortcode("stat", function (this: ShortcodeContext, key: string) {
    return onPage(this, () => escapeHtml(state.current().stats.format(key)));
  });

  eleventyConfig.addShortcode("figure", function (this: ShortcodeContext, key: string) {
    return onPage(this, () => {
      const { figures, release, pages } = state.current();
      const figure = figures.get(key);
      if (!figure) throw new BuildError(`unknown figure key "${key}"`);
      return renderPartial("figure.njk", { figure, note: figureNote(release, key, pages) });
    });
  });

  eleventyConfig.addShortcode("ref", function (this: ShortcodeContext, key: string) {
    return onPage(this, () => {
      const placement = state.current().placements.get(key);
      if (!placement) throw new BuildError(`{% ref "${key}" %} names a figure that is not placed on any page`);
      const href = placement.page.url === this.page.url ? `#${placement.anchor}` : placement.href;
      return `<a class="xref" href="${escapeHtml(href)}">${escapeHtml(placement.label)}</a>`;
    });
  });

  eleventyConfig.addShortcode("statIndex", function (this: ShortcodeContext) {
    return onPage(this, () => {
      const { stats } = state.current();
      const rows = stats.keys().map((key) => ({ key, value: stats.format(key), label: stats.get(key).label }));
      return renderPartial("stat-index.njk", { rows });
    });
  });

  eleventyConfig.addShortcode("claimsRegister", function (this: ShortcodeContext) {
    return onPage(this, () => renderPartial("claims-register.njk", { register: state.current().register }));
  });

  // The "What changed" page (content/what-changed.md): this build against the latest release.
  eleventyConfig.addShortcode("whatChanged", function (this: ShortcodeContext) {
    return onPage(this, () => renderPartial("what-changed.njk", { view: changesView(state.current().release) }));
  });
  eleventyConfig.addShortcode("whatChangedTitle", () => changesTitle(state.current().release));

  // Set pieces (./blocks.ts): key-stat tiles, callout boxes, pull quotes.
  eleventyConfig.addPairedShortcode("keyStats", (inner: string) => keyStatRow(inner));
  eleventyConfig.addShortcode("keyStat", function (this: ShortcodeContext, key: string, label: string) {
    return onPage(this, () => keyStatTile(state.current().stats.format(key), label));
  });
  eleventyConfig.addFilter("typeset", (text: string) => typeset(String(text)));
  eleventyConfig.addPairedShortcode("callout", (body: string, title: string) => callout(title, body, calloutId(title)));
  eleventyConfig.addPairedShortcode("pullQuote", (text: string) => pullQuote(text));
}
