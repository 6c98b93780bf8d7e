/**
 * The parts of Eleventy's configuration API the engine uses. Eleventy's config API is
 * untyped JavaScript; every module that registers something takes the slice it needs.
 */
/** What Eleventy hands its build events ("eleventy.beforeWatch" is handed the changed files instead). */
export interface EleventyEventArgs {
  directories: { output: string };
  runMode?: string;
  incremental?: boolean;
  /** "eleventy.after": the templates rendered, and Eleventy's dependency graph. */
  results?: readonly { inputPath: string }[];
  uses?: unknown;
  /** "eleventy.contentMap": every page's URL, before any is rendered. */
  urlToInputPath?: Record<string, unknown>;
}

export interface EleventyConfig {
  directories: { input: string; output: string };
  addGlobalData(name: string, value: () => Promise<unknown>): void;
  addShortcode(name: string, fn: (this: ShortcodeContext, ...args: string[]) => string): void;
  addFilter(name: string, fn: (this: ShortcodeContext, ...args: never[]) => unknown): void;
  addTemplate(virtualPath: string, content: string, data: object): void;
  addCollection(name: string, fn: (api: { getAll(): CollectionItem[] }) => CollectionItem[]): void;
  addPairedShortcode(name: string, fn: (this: ShortcodeContext, content: string, ...args: string[]) => string): void;
  addWatchTarget(target: string): void;
  addTransform(name: string, fn: (this: { page: { inputPath: string; outputPath: string | false; url: string } }, content: string) => string): void;
  addPlugin(plugin: unknown): void;
  htmlTransformer: { setPosthtmlProcessOptions(options: object): void };
  setLibrary(name: "md", library: unknown): void;
  setTemplateFormats(formats: readonly string[]): void;
  setChokidarConfig(options: object): void;
  on(event: string, fn: (args: EleventyEventArgs) => Promise<void> | void): void;
  benchmarkManager: { get(group: string): { setIsVerbose(verbose: boolean): void } };
}

/** What a shortcode or filter is called with as `this`: the page being rendered. */
export interface ShortcodeContext {
  page: { inputPath: string; url: string };
}

export interface CollectionItem {
  data: { chapter?: string | number; order?: number };
  inputPath: string;
}

/** Renders one of the layouts' or the families' partial templates with a context. */
export type RenderPartial = (name: string, context: object) => string;
