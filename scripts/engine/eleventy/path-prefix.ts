/**
 * Hosting the site under a sub-path (https://example.org/brave-new-world/): the build is
 * given a path prefix (`npm run build -- --path-prefix /brave-new-world/`, or the
 * REPORT_PATH_PREFIX environment variable) and Eleventy's own HTML base plugin rewrites
 * every root-relative URL in every page's HTML attributes (href, src, form action...) to
 * start with it. Templates keep writing "/chapter-1/"; output files stay where they are.
 *
 * What the plugin does not rewrite, and why nothing else needs it: URLs inside CSS (the
 * stylesheet must use relative url()s), inside scripts (pagefind finds its index next to
 * its own script and derives the prefix from that) and in non-HTML files (the figure CSVs,
 * manifest.json and the data zip hold no site links).
 */
import { HtmlBasePlugin } from "@11ty/eleventy";
import { BuildError } from "../data/errors.ts";
import { PATH_PREFIX_ENV } from "../locations.ts";

export { PATH_PREFIX_ENV };

/** Path segments a prefix may hold: letters, digits and - . _ ~ (nothing to escape, no ".."). */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * The prefix as Eleventy and the link check use it: "/" for none, else "/a/b/" with a
 * leading and trailing slash. Accepts "brave-new-world", "/brave-new-world" and so on.
 */
export function normalisePathPrefix(value: string | undefined): string {
  const trimmed = (value ?? "").trim();
  const segments = trimmed.split("/").filter((segment) => segment !== "");
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || segment === "." || segment === "..") {
      throw new BuildError(`the path prefix "${trimmed}" is not usable: each part may hold only letters, digits, "-", ".", "_" and "~" (as in /brave-new-world/)`);
    }
  }
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}

/** The command line's --path-prefix wins over the environment variable. */
export function pathPrefixFrom(argument: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return normalisePathPrefix(argument ?? env[PATH_PREFIX_ENV]);
}

interface PluginConfig {
  addPlugin(plugin: unknown): void;
  htmlTransformer: { setPosthtmlProcessOptions(options: object): void };
}

export function registerPathPrefix(eleventyConfig: PluginConfig): void {
  // Reads the pathPrefix the build passed to Eleventy; with "/" it changes nothing and no
  // page is parsed again.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  // With a prefix every page is parsed and written out again (posthtml): keep attributes
  // written without a value (download, hidden) that way, as html-validate requires, instead of download="".
  eleventyConfig.htmlTransformer.setPosthtmlProcessOptions({ recognizeNoValueAttribute: true });
}
