/**
 * What the families hand the pages: their lists, as the global data `families` (a
 * template paginates over `families.<family>.<name>`), and their views, drawn with
 * `{% view "<family>.<name>" %}` or, for one page of a keyed view, `{% view "<family>.<name>", key %}`:
 * its partial gets the entry's context, its drawn figure as `figure` and that figure's
 * "updated" note as `note` (null when its plotted data has not changed). Every view's partial
 * can also link to a figure placed in the content: `figureLink("key")` gives its `href` and
 * `label` ("Figure 2.5"), as `{% ref %}` does, wherever the figure is placed, or null when
 * the project's content does not place it (the partial then says so without a link).
 */
import { BuildError } from "../data/errors.ts";
import type { EleventyConfig, RenderPartial, ShortcodeContext } from "./config.ts";
import { figureNote } from "../release/page.ts";
import { onPageOf } from "./shortcodes.ts";
import type { PreparedState } from "./state.ts";

export function registerFamilyViews(eleventyConfig: Pick<EleventyConfig, "addGlobalData" | "addShortcode">, state: PreparedState, renderPartial: RenderPartial, root: string): void {
  const onPage = onPageOf(root);
  eleventyConfig.addGlobalData("families", async () => (await state.whenPrepared("the families' lists")).lists);
  eleventyConfig.addShortcode("view", function (this: ShortcodeContext, name: string, key?: string) {
    return onPage(this, () => {
      const { views, release, pages, placements } = state.current();
      const figureLink = (figure: string) => {
        const placement = placements.get(figure);
        if (!placement) return null;
        return { href: placement.page.url === this.page.url ? `#${placement.anchor}` : placement.href, label: placement.label };
      };
      const view = views.get(name);
      if (!view) throw new BuildError(`unknown view "${name}"; a family's views are named "<family>.<view>"`);
      if (!("entries" in view)) {
        if (key !== undefined) throw new BuildError(`the view "${name}" is one block, not one per page: give it no key`);
        return renderPartial(view.template, { ...view.context, figureLink });
      }
      if (key === undefined) throw new BuildError(`the view "${name}" has one block per page: give it the page's key`);
      const entry = view.entries.get(key);
      if (!entry) throw new BuildError(`the view "${name}" has no page "${key}"`);
      // The page's figure comes with its note, as a placed figure does: "Updated since …" when its plotted data changed.
      return renderPartial(view.template, { ...entry.context, figure: entry.figure ?? null, note: entry.figure ? figureNote(release, entry.figure.key, pages) : null, figureLink });
    });
  });
}
