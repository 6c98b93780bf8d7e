/**
 * What a figure is before it is placed on a page: the finding as a title, words for
 * readers who cannot see it, the plotted rows (which are also its CSV and its data
 * table), and the Vega-Lite spec drawn from exactly those rows.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Format } from "../stats/format.ts";

export type Cell = string | number;
export type PlottedRow = Readonly<Record<string, Cell>>;

export interface FigureColumn {
  /** Field name in the plotted rows and the CSV header. */
  readonly field: string;
  /** Column heading in the data table. */
  readonly label: string;
  /** How numbers are shown in the table; the CSV always has raw values. */
  readonly format?: Format;
}

/** Show the tidy rows as a cross-table (e.g. years down, grades across). */
export interface PivotTable {
  readonly row: string;
  readonly column: string;
  readonly value: string;
}

export interface FigureDefinition {
  readonly key: string;
  /** States the finding, not the chart type. */
  readonly title: string;
  /** Text alternative: what the chart shows, in words. */
  readonly description: string;
  readonly caption: string;
  readonly source: string;
  readonly rows: readonly PlottedRow[];
  readonly columns: readonly FigureColumn[];
  readonly pivot?: PivotTable;
  readonly spec: TopLevelSpec;
  /**
   * The chart for narrow screens. Left out, it is made from `spec` by narrowSpec()
   * (scripts/engine/charts/narrow.ts); null where the one chart reads well at every width.
   */
  readonly narrowSpec?: TopLevelSpec | null;
  /** Data files the figure is computed from (for provenance and incremental rebuilds). */
  readonly dataFiles: readonly string[];
}
