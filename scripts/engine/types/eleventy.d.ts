// Eleventy 3 ships no type declarations; this covers the programmatic API we use.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string;
    source?: "cli" | "script";
    pathPrefix?: string;
    /** What the CLI's --serve and --watch set; "build" by default. */
    runMode?: "build" | "serve" | "watch";
    /** Runs with the configuration before the config file does. */
    config?: (eleventyConfig: object) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Loads the configuration and its plugins; write() does it when not done. */
    init(): Promise<void>;
    write(): Promise<unknown>;
    /** Builds, then rebuilds on each change to a watched file, as `eleventy --watch` (call init() first). */
    watch(): Promise<void>;
    stopWatch(): Promise<void>;
    /** What the CLI's --incremental sets: a rebuild renders only the templates the changed file is known to concern. */
    setIncrementalBuild(incremental: boolean): void;
    disableLogger(): void;
  }
  /** Rewrites every URL in the HTML output to start with the configured pathPrefix (a no-op when it is "/"). */
  export function HtmlBasePlugin(eleventyConfig: unknown, options?: { baseHref?: string; extensions?: string }): void;
}
