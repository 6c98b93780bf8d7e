/**
 * `npm start` runs Eleventy incrementally (`--incremental`): after a change it renders the
 * templates it knows depend on the changed file. It knows a page depends on its own file,
 * layouts and the collections it declares (the print edition declares them all); it renders
 * every page after a change to a file nothing is known to use (data/, content/_data). What
 * it cannot know is what a page shows of the other pages through the prepared report: every
 * page's contents list shows each page's title, figures are numbered across a chapter and
 * the claims register names the page stating each number. So when an edit changes any of
 * that (the prepared report's `siteWide`), every page is made to depend on the changed
 * file in Eleventy's dependency graph for that one build, and so is rendered.
 *
 * The graph is Eleventy's own (3.1: handed to "eleventy.after" as `uses`, an instance of
 * the dependency-graph package's DepGraph), so this leans on Eleventy's internals; the
 * preview's test (test/site/preview.test.ts) edits a title and checks every page shows it.
 */
import path from "node:path";

/** The part of Eleventy's dependency graph used here. */
interface DependencyGraph {
  hasNode(node: string): boolean;
  addDependency(from: string, to: string): void;
  removeDependency(from: string, to: string): void;
}

/** As Eleventy names a file in its graph: relative to the folder it runs in, forward slashes, no leading "./". */
const graphNode = (file: string) =>
  path
    .relative(process.cwd(), path.resolve(file))
    .split(path.sep)
    .join("/");

export class IncrementalRenders {
  private graph: DependencyGraph | undefined;
  /** Every template seen rendered, as graph nodes. */
  private readonly templates = new Set<string>();
  private changed: string[] = [];
  private added: [string, string][] = [];

  /** The files that start the next build ("eleventy.beforeWatch"). */
  changing(files: readonly string[]): void {
    this.changed = files.map(graphNode);
  }

  /** Make every template render in the build about to run, whichever file changed. */
  renderEverything(): void {
    if (!this.graph) return;
    for (const file of this.changed) {
      if (!this.graph.hasNode(file)) continue;
      for (const template of this.templates) {
        if (template === file || !this.graph.hasNode(template)) continue;
        this.graph.addDependency(template, file);
        this.added.push([template, file]);
      }
    }
  }

  /** After a build ("eleventy.after"): the graph and the templates it rendered; the dependencies added for it are taken away. */
  built(args: { uses?: unknown; results?: readonly { inputPath: string }[] }): void {
    for (const [template, file] of this.added) if (this.graph?.hasNode(template) && this.graph.hasNode(file)) this.graph.removeDependency(template, file);
    this.added = [];
    this.changed = [];
    const graph = args.uses as Partial<DependencyGraph> | undefined;
    this.graph = graph && typeof graph.addDependency === "function" && typeof graph.removeDependency === "function" && typeof graph.hasNode === "function" ? (graph as DependencyGraph) : undefined;
    for (const result of args.results ?? []) this.templates.add(graphNode(result.inputPath));
  }
}
