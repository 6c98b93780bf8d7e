/**
 * Nunjucks's real errors (rendered here with nunjucks itself), wrapped as Eleventy wraps them,
 * turned into file:line:column messages counted in the file as the author sees it.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import nunjucks from "nunjucks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templateErrorMessage } from "../../../scripts/engine/eleventy/template-errors.ts";

let root: string;
const FRONT_MATTER = "---\ntitle: A page\nlayout: x.njk\n---\n";

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "template-errors-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/**
 * Write `file` and render it as Eleventy does: its body alone (front matter stripped), named by
 * its path relative to the working folder; return the error chain Eleventy would throw, outermost first.
 */
async function renderingError(file: string, text: string, files: Record<string, string> = {}, { asLayout = false } = {}): Promise<Error[]> {
  for (const [name, content] of Object.entries({ ...files, [file]: text })) await writeFile(path.join(root, name), content);
  // Eleventy names a page by its path from the working folder, and a layout by its full path.
  const inputPath = asLayout ? path.join(root, file) : path.relative(process.cwd(), path.join(root, file));
  const body = text.startsWith("---\n") ? text.slice(text.indexOf("\n---\n", 3) + 5) : text;
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(root));
  // An include fails asynchronously: the callback hears every failure.
  const error = await new Promise<Error | null>((resolve) => {
    try {
      new nunjucks.Template(body, env, inputPath).render({}, (failure) => resolve(failure));
    } catch (failure) {
      resolve(failure as Error);
    }
  });
  if (!error) throw new Error("expected the template to fail");
  const wrapper = asLayout ? `Having trouble writing to "_site/page/index.html" from "./content/page.md"` : `Having trouble rendering njk template ${inputPath}`;
  return [new Error(wrapper), error];
}

describe("templateErrorMessage", () => {
  it("counts a page's line from the top of its file, front matter included", async () => {
    const chain = await renderingError("page.md", `${FRONT_MATTER}Line one.\n\nA {% nosuchtag %} here.\n`);
    // Nunjucks says line 3 of the body; the front matter takes 4 lines.
    expect(chain[1].message).toContain("[Line 3, Column 6]");
    expect(templateErrorMessage(chain, root)).toBe("page.md:7:6: unknown block tag: nosuchtag");
  });

  it("counts a layout's line from the top of its file too, though Eleventy's wrapper names the page", async () => {
    const chain = await renderingError("layout-with-front-matter.njk", "---\nlayout: base.njk\n---\n<main>\n  {% nosuchtag %}\n</main>\n", {}, { asLayout: true });
    expect(chain[1].message).toContain("[Line 2, Column 6]");
    expect(templateErrorMessage(chain, root)).toBe("layout-with-front-matter.njk:5:6: unknown block tag: nosuchtag");
  });

  it("counts an included file's line as it is (Nunjucks reads an include whole)", async () => {
    const chain = await renderingError("page.md", `${FRONT_MATTER}{% include "part.njk" %}\n`, { "part.njk": "One\nTwo {{ 1 + }}\n" });
    expect(templateErrorMessage(chain, root)).toBe("part.njk:2:12: unexpected token: }}");
  });

  it("names the tag left open where Nunjucks only says the file ended", async () => {
    const chain = await renderingError("layout.njk", `${FRONT_MATTER}<main>\n{% if title %}\n{{ title }}\n</main>\n`);
    expect(chain[1].message).not.toMatch(/\[Line/);
    expect(templateErrorMessage(chain, root)).toBe("layout.njk:6:1: {% if %} is never closed; end it with {% endif %}");
  });

  it("names a tag missing its %} rather than what Nunjucks tripped on after it", async () => {
    const chain = await renderingError("page.md", `${FRONT_MATTER}A {% include "x.njk" and {% if y %}{% endif %}\n`);
    expect(templateErrorMessage(chain, root)).toBe("page.md:5:3: the {% include tag is never closed with %}");
  });

  it("places a filter that does not exist at its first use", async () => {
    const chain = await renderingError("page.md", `${FRONT_MATTER}Text.\n{{ 1 | nosuch }}\n`);
    expect(templateErrorMessage(chain, root)).toBe("page.md:6:6: filter not found: nosuch");
  });

  it("leaves errors that are not Nunjucks's alone", () => {
    expect(templateErrorMessage([new Error("Having trouble writing to _site/x"), new TypeError("x is undefined")], root)).toBeUndefined();
  });
});
