/**
 * Rendering a partial template: the engine's layouts' partials (_includes/) and each
 * family's own (the folder its definition names), in one Nunjucks environment.
 */
import nunjucks from "nunjucks";
import type { RenderPartial } from "./config.ts";

/**
 * A renderer over `folders`, searched in order. Markdown ends an HTML block at a blank line
 * and reads indented lines as code, so a partial's output is flattened to unindented,
 * non-blank lines.
 */
export function partialRenderer(folders: readonly string[]): RenderPartial {
  const partials = new nunjucks.Environment(new nunjucks.FileSystemLoader([...folders]), { autoescape: true, throwOnUndefined: true });
  // Text for element content or a double-quoted attribute, escaped where it must be and with
  // its apostrophes as written ("council's"), where autoescape would write &#39;.
  partials.addFilter("plain", (value: unknown) =>
    new nunjucks.runtime.SafeString(String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")),
  );
  return (name, context) =>
    partials
      .render(name, context)
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .join("\n");
}
