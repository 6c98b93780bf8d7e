/**
 * Turn a placed figure definition into everything the figure partial shows: the
 * finished SVG, the data table and the CSV of exactly the plotted rows.
 */
import { stringify } from "csv-stringify/sync";
import { BuildError } from "../data/errors.ts";
import { cacheKey, type SvgCache } from "../render/cache.ts";
import { finishSvg, presentationalChildren } from "../render/stabilise.ts";
import { formatValue } from "../stats/format.ts";
import type { Placement } from "./placement.ts";
import { figureRenderings, type RenderingName } from "./renderings.ts";
import type { Cell, FigureColumn, FigureDefinition } from "./types.ts";

export interface DataTable {
  readonly headers: readonly string[];
  /** Each row's first cell is its row header. */
  readonly rows: readonly (readonly string[])[];
}

export interface RenderedFigure {
  readonly key: string;
  readonly number: string;
  readonly label: string;
  readonly anchor: string;
  readonly href: string;
  readonly title: string;
  readonly description: string;
  readonly caption: string;
  readonly source: string;
  /** The wide chart (CHART_WIDTH: the column at 1280 px). */
  readonly svg: string;
  /** The chart drawn for phones, or null for a figure with one rendering; CSS shows one of the two. */
  readonly narrowSvg: string | null;
  readonly table: DataTable;
  /** Site path of the CSV download. */
  readonly csvPath: string;
  readonly csv: string;
}

export const figureCsvPath = (key: string) => `/data/figures/${key}.csv`;

function checkRows(def: FigureDefinition): void {
  if (def.rows.length === 0) throw new BuildError(`figure "${def.key}" has no rows to plot`);
  for (const [index, row] of def.rows.entries()) {
    for (const { field } of def.columns) {
      if (!(field in row)) throw new BuildError(`figure "${def.key}": plotted row ${index + 1} has no "${field}"`);
    }
  }
}

const show = (value: Cell, column: FigureColumn | undefined) =>
  column?.format && typeof value === "number" ? formatValue(value, column.format) : String(value);

/** The CSV: a header of field names, then every plotted row with raw values. */
export function figureCsv(def: FigureDefinition): string {
  checkRows(def);
  const fields = def.columns.map((c) => c.field);
  return stringify(
    def.rows.map((row) => fields.map((f) => row[f])),
    { header: true, columns: fields, record_delimiter: "\n" },
  );
}

/** The data table shown under the chart: the plotted rows, or their cross-table. */
export function figureTable(def: FigureDefinition): DataTable {
  checkRows(def);
  const column = (field: string) => def.columns.find((c) => c.field === field);
  if (!def.pivot) {
    return { headers: def.columns.map((c) => c.label), rows: def.rows.map((row) => def.columns.map((c) => show(row[c.field], c))) };
  }
  const { row: rowField, column: columnField, value: valueField } = def.pivot;
  const rowKeys = [...new Set(def.rows.map((r) => String(r[rowField])))];
  const columnKeys = [...new Set(def.rows.map((r) => String(r[columnField])))];
  const cells = new Map(def.rows.map((r) => [`${r[rowField]}\0${r[columnField]}`, r[valueField]]));
  return {
    headers: [column(rowField)?.label ?? rowField, ...columnKeys],
    rows: rowKeys.map((rk) => [rk, ...columnKeys.map((ck) => {
      const value = cells.get(`${rk}\0${ck}`);
      return value === undefined ? "–" : show(value, column(valueField));
    })]),
  };
}

/** Ids inside a rendering's SVG start with this: the figure's anchor, and "-narrow" for the narrow one, so both are unique on the page. */
export const renderingIdPrefix = (anchor: string, name: RenderingName) => (name === "wide" ? anchor : `${anchor}-${name}`);

/**
 * Finished drawings a rebuild may reuse (../prepare.ts, PrepareMemo): by the spec's cache key
 * and everything finishSvg is given, so a figure whose spec, data, title, description or
 * place changed is drawn again, and one whose did not is taken as it was.
 */
export interface DrawingMemo {
  readonly previous: ReadonlyMap<string, string>;
  readonly current: Map<string, string>;
}

export async function renderFigure(def: FigureDefinition, placement: Placement, cache: SvgCache, memo?: DrawingMemo): Promise<RenderedFigure> {
  const svgs = await Promise.all(
    figureRenderings(def).map(async ({ name, spec }) => {
      const finishing = { idPrefix: renderingIdPrefix(placement.anchor, name), title: def.title, description: def.description };
      const memoKey = memo && JSON.stringify([cacheKey(spec, cache.rendererId), finishing]);
      const kept = memoKey === undefined ? undefined : memo?.previous.get(memoKey);
      if (kept !== undefined && memoKey !== undefined) {
        memo?.current.set(memoKey, kept);
        return [name, kept] as const;
      }
      const raw = await cache.svgFor(spec, name === "wide" ? `figure "${def.key}"` : `figure "${def.key}" (${name})`);
      const finished = presentationalChildren(finishSvg(raw, finishing));
      if (memoKey !== undefined) memo?.current.set(memoKey, finished);
      return [name, finished] as const;
    }),
  );
  const byName = new Map<RenderingName, string>(svgs);
  const svg = byName.get("wide") ?? "";
  return {
    key: def.key,
    number: placement.number,
    label: placement.label,
    anchor: placement.anchor,
    href: placement.href,
    title: def.title,
    description: def.description,
    caption: def.caption,
    source: def.source,
    svg,
    narrowSvg: byName.get("narrow") ?? null,
    table: figureTable(def),
    csvPath: figureCsvPath(def.key),
    csv: figureCsv(def),
  };
}
