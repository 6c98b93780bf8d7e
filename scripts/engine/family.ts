/**
 * A family: one analysis of a report, in one folder (scripts/report/<family>/). It declares
 * the datasets it reads and the families whose results it uses, and its `build` turns their
 * checked rows and results into what the site shows: stats the prose quotes, figures the
 * content places, and, for a family that makes pages of its own (a page per council), the
 * lists those pages paginate over, the views that draw them and the named records the
 * release manifest keeps. `result` is what it hands to the families that use it, so a
 * shared analysis is computed once.
 *
 * The engine knows families only through this contract: it loads the datasets they
 * declare, builds them in dependency order (scripts/engine/families.ts) and registers what
 * they return.
 */
import type { Dataset, RowOf } from "./data/dataset.ts";
import type { SourceRead } from "./data/provenance.ts";
import type { Table } from "./data/load.ts";
import type { FigureDefinition } from "./figures/types.ts";
import type { FigurePage } from "./figures/placement.ts";
import type { Stat } from "./stats/registry.ts";

/** The families a family uses, under the names its `build` reads their results by (of any result type: ResultOf recovers it). */
export type Uses = Readonly<Record<string, Family<any, any>>>;

/** What a family hands to the families that use it. */
export type ResultOf<F> = F extends Family<infer R, any> ? R : never;

export interface FamilyInput<U extends Uses> {
  /** The checked rows of one of the family's declared datasets. */
  rows<D extends Dataset>(dataset: D): RowOf<D>[];
  /** The checked table (rows with their line numbers) of one of its declared datasets. */
  table<D extends Dataset>(dataset: D): Table<RowOf<D>>;
  /** The results of the families it declared in `uses`, by the same names. */
  readonly uses: { readonly [K in keyof U]: ResultOf<U[K]> };
  /** The publishers' files the data was last made from, with their editions, as the ledger records them (data/README.md, "Sources as read"): for source lines that name the edition. Empty when the ledger has none. */
  readonly sourcesRead: readonly SourceRead[];
}

/** A figure a family places on a page of its own (not placed by the content): drawn, listed and recorded like the others. */
export interface PageFigure {
  readonly definition: FigureDefinition;
  /** The page it is on: its address and title (which names the figure on the data page). */
  readonly page: FigurePage;
  /** What it is called on its page, e.g. "Inspection history". */
  readonly label: string;
  /** Its id on the page; figure-<key> when left out. */
  readonly anchor?: string;
}

/** One page's part of a keyed view: what its partial reads, and the figure drawn on it (given to the partial as `figure`). */
export interface ViewEntry {
  readonly context: object;
  readonly figure?: PageFigure;
}

/**
 * How the data page lists the figures of a keyed view's pages: a table of their own after
 * the report's figures, one row per page, named by the page's title.
 */
export interface PageFigureListing {
  /** Id of the section's heading. */
  readonly id: string;
  readonly heading: string;
  readonly caption: string;
  /** What a screen reader calls the scrollable table. */
  readonly region: string;
  /** Heading of the column of page titles. */
  readonly column: string;
}

/**
 * A block of page body drawn by one of the family's partials (in its `templates` folder),
 * placed by the content with `{% view "<family>.<name>" %}`, or, for a keyed view, with
 * `{% view "<family>.<name>", key %}` on each page of a pagination.
 */
export type View =
  | { readonly template: string; readonly context: object }
  | { readonly template: string; readonly entries: ReadonlyMap<string, ViewEntry>; readonly figures?: PageFigureListing };

/** One thing a record set tracks: its key, how a reader names it, and what the report says of it. */
export interface RecordEntry {
  readonly key: string;
  readonly name: string;
  /** What the report shows of it, as [label, value] in reading order (["Overall", "Good"]); "What changed" lists each that changes. None for a thing known by its name alone. */
  readonly fields?: readonly (readonly [label: string, value: string])[];
}

/**
 * Named things the report tracks from release to release (the councils by code, each
 * inspection judgement): the manifest records them under `name`, and "What changed" lists
 * those added, removed, renamed or with a field changed.
 */
export interface RecordSet {
  readonly name: string;
  /** "Councils": the heading of its part of "What changed". */
  readonly heading: string;
  /** "council": one of them, in a sentence. */
  readonly singular: string;
  /** Show each entry's key beside its name (a council's code); false when the name says all the key does. Default true. */
  readonly showKeys?: boolean;
  readonly entries: readonly RecordEntry[];
}

export interface Outputs {
  readonly stats?: readonly Stat[];
  /** Figures the content places with {% figure "key" %}. */
  readonly figures?: readonly FigureDefinition[];
  /** Lists the content's templates paginate over: global data `families.<family>.<name>`. */
  readonly lists?: Readonly<Record<string, readonly object[]>>;
  readonly views?: Readonly<Record<string, View>>;
  readonly records?: readonly RecordSet[];
}

/** What `build` returns; `result` is required exactly when the family declares a result type. */
export type FamilyOutput<R> = Outputs & ([R] extends [void] ? { readonly result?: undefined } : { readonly result: R });

export interface Family<R = void, U extends Uses = Uses> {
  /** The folder's name; stat keys and view names of the family start with it by convention. */
  readonly name: string;
  /** Every dataset `build` reads (the loader reads and checks each once per build). */
  readonly datasets: readonly Dataset[];
  /** The families whose results `build` reads, by the names it reads them under. */
  readonly uses: U;
  /** The folder holding the partial templates of its views. */
  readonly templates?: string;
  build(input: FamilyInput<U>): FamilyOutput<R>;
}

/** The result type of what a `build` returns: void when it returns none. */
type ResultIn<O> = O extends { readonly result: infer R } ? R : void;

/**
 * A family, typed: the names in `uses` type what `build` reads, and the type of the
 * `result` it returns is what the families that use it get.
 */
export function defineFamily<const U extends Uses, O extends Outputs & { readonly result?: unknown }>(family: {
  readonly name: string;
  readonly datasets: readonly Dataset[];
  readonly uses: U;
  readonly templates?: string;
  build(input: FamilyInput<U>): O;
}): Family<ResultIn<O>, U> {
  return family as unknown as Family<ResultIn<O>, U>;
}
