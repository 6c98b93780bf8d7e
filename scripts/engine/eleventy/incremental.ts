/**
 * `npm start` runs Eleventy incrementally (`--incremental`): after a change it renders the
 * templates it knows depend on the changed file. It knows a page depends on its own file and
 * its layouts; it renders every page after a change to a file its graph does not hold
 * (data/, content/_data). Three things it cannot know, and this tells it for one build:
 *
 *   - what a page shows of the other pages through the prepared report: every page's
 *     contents list shows each page's title, figures are numbered across a chapter and the
 *     claims register names the page stating each number. When an edit changes any of that
 *     (the prepared report's `siteWide`), every page is made to depend on the changed file;
 *   - which pages show what a data edit changed (the prepared report's `pageData`,
 *     ../page-data.ts): those, and only those, are made to depend on the data file;
 *   - that the print edition holds every page of the contents: after an edit to one, or to
 *     the data, it is made to depend on them all. (It does not import the collections it
 *     reads, which would make it depend on every council page too: see ./reader-aids.ts.)
 *
 * The dependencies are added to Eleventy's own graph (3.1: handed to "eleventy.after" as
 * `uses`, an instance of the dependency-graph package's DepGraph) before the build and taken
 * away after it, so this leans on Eleventy's internals; the preview's test
 * (test/site/preview.test.ts) edits a title and checks every page shows it, edits a page and
 * checks the print edition holds the edit, and edits data and checks that every page showing
 * it, and no other, is written again.
 */
import path from "node:path";

/** The part of Eleventy's dependency graph used here. */
interface DependencyGraph {
  hasNode(node: string): boolean;
  addNode(node: string): void;
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
  /** Templates that hold every listed page (the print edition), as graph nodes. */
  private readonly collectors: readonly string[];
  /** The data folder, as a graph node, ending "/". */
  private readonly dataFolder: string;

  /** `collectors`: the files of templates that show every listed page's content; `dataFolder`: the project's data/. */
  constructor(collectors: readonly string[], dataFolder: string) {
    this.collectors = collectors.map(graphNode);
    this.dataFolder = `${graphNode(dataFolder)}/`;
  }

  /** The files that start the next build ("eleventy.beforeWatch"). */
  changing(files: readonly string[]): void {
    this.changed = files.map(graphNode);
  }

  /**
   * Before a rebuild, the templates that must render besides those Eleventy knows of:
   *   - `siteWide` (the edit reaches beyond the pages changed): every one;
   *   - after an edit to a `listed` page (the cover, a page of the contents): the collectors;
   *   - after an edit under data/: the pages `showingChangedData` and the collectors, and no
   *     other. Eleventy renders every page after a change to a file its graph does not hold,
   *     and only those depending on it after a change to one it holds: the data file is
   *     added to the graph for that.
   * A collector is also made to depend on every listed page, so that Eleventy has their
   * content ready for it (it renders a page a rendered template depends on without writing
   * it, from its cache when the page is unchanged).
   */
  beforeBuild(pages: { siteWide: boolean; listed: readonly string[]; showingChangedData: readonly string[] }): void {
    if (!this.graph) return;
    const graph = this.graph;
    const depend = (template: string, file: string) => {
      if (template === file || !graph.hasNode(template) || !graph.hasNode(file)) return;
      graph.addDependency(template, file);
      this.added.push([template, file]);
    };
    if (pages.siteWide) {
      for (const file of this.changed) for (const template of this.templates) depend(template, file);
      return;
    }
    const listed = pages.listed.map(graphNode);
    const data = this.changed.filter((file) => file.startsWith(this.dataFolder));
    for (const file of data) {
      if (!graph.hasNode(file)) graph.addNode(file);
      for (const page of pages.showingChangedData.map(graphNode)) depend(page, file);
    }
    if (data.length === 0 && !this.changed.some((file) => listed.includes(file))) return;
    for (const collector of this.collectors) {
      for (const file of data) depend(collector, file);
      for (const page of listed) depend(collector, page);
    }
  }

  /** After a build ("eleventy.after"): the graph and the templates it rendered; the dependencies added for it are taken away. */
  built(args: { uses?: unknown; results?: readonly { inputPath: string }[] }): void {
    for (const [template, file] of this.added) if (this.graph?.hasNode(template) && this.graph.hasNode(file)) this.graph.removeDependency(template, file);
    this.added = [];
    this.changed = [];
    const graph = args.uses as Partial<DependencyGraph> | undefined;
    this.graph = graph && typeof graph.addDependency === "function" && typeof graph.removeDependency === "function" && typeof graph.hasNode === "function" && typeof graph.addNode === "function" ? (graph as DependencyGraph) : undefined;
    for (const result of args.results ?? []) this.templates.add(graphNode(result.inputPath));
  }
}
