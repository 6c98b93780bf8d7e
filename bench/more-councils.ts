/**
 * The scale case of the benchmark: the real report with N times the councils. A copy of the
 * project's council files gets N-1 made-up copies of every council, each under a code and
 * names of its own, with the same inspections and ILACS judgements (moved a day or more
 * earlier, so that its timeline differs) and demand rows, so the build draws N times the
 * council pages and timelines from data the checks accept.
 * Counts recomputed from the council records grow with them, so the claims register is
 * then told what the data now says (as a maintainer would, after checking) and the ledger signed.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { signProvenance } from "../scripts/engine/data/provenance.ts";
import type { ReportDefinition } from "../scripts/engine/definition.ts";
import { prepareReport } from "../scripts/engine/prepare.ts";
import { SvgCache } from "../scripts/engine/render/cache.ts";

/** The files that list councils, and the column holding the council's code in each. */
const COUNCIL_FILES = [
  { file: "data/councils/councils.csv", code: "code" },
  { file: "data/councils/inspections.csv", code: "council_code" },
  { file: "data/councils/demand.csv", code: "council_code" },
  { file: "data/ilacs/judgements.csv", code: "council_code" },
] as const;

/** Copy `copy` (1, 2, …) of a council code: E06000001 → E06100001. Real codes are E0x000nnn, so no copy meets a real one. */
export function copiedCode(code: string, copy: number): string {
  if (!Number.isInteger(copy) || copy < 1 || copy > 9) throw new Error(`copy ${copy}: a council can be copied 9 times at most (one digit of its code)`);
  if (!/^E(06|08|09|10)000\d{3}$/.test(code)) throw new Error(`${code}: not a code of the form E0x000nnn, cannot make a copy of it`);
  return `${code.slice(0, 3)}${copy}${code.slice(4)}`;
}

/** Copy `copy` of a council's name: "Hartlepool" → "Hartlepool Copy 2" (copy 1 is the second council of that name). */
const copiedName = (name: string, copy: number) => (name === "" ? "" : `${name} Copy ${copy + 1}`);
const copiedList = (list: string, copy: number) => (list === "" ? "" : list.split("|").map((code) => copiedCode(code, copy)).join("|"));

type Row = Record<string, string>;

/** The date columns of the inspection files. */
const DATE_COLUMNS = ["published", "inspection_start", "inspection_end"];

/** An ISO date `days` earlier (UTC arithmetic on the calendar date: no time zone enters). */
function daysEarlier(date: string, days: number): string {
  if (date === "") return "";
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}

function copyRow(row: Row, copy: number, codeColumn: string): Row {
  const out: Row = { ...row, [codeColumn]: copiedCode(row[codeColumn], copy) };
  // Each copy's inspections fall `copy` days earlier, so its timeline is a chart of its own
  // (the same dates would give the same spec, drawn once and taken from the cache after).
  for (const column of DATE_COLUMNS) if (column in row) out[column] = daysEarlier(row[column], copy);
  if (codeColumn === "code") {
    // Only the columns the project's councils file has (a project may keep fewer).
    const set = (column: string, value: (text: string) => string) => {
      if (column in row) out[column] = value(row[column]);
    };
    set("former_codes", (list) => copiedList(list, copy));
    set("successor_codes", (list) => copiedList(list, copy));
    set("name", (name) => copiedName(name, copy));
    set("ofsted_name", (name) => copiedName(name, copy));
    // Other names are how importers recognise a council; a made-up copy has none.
    set("aliases", () => "");
  }
  return out;
}

/** Give the project at `root` `factor` times its councils. Returns how many councils it now lists. */
export async function multiplyCouncils(root: string, factor: number): Promise<number> {
  let councils = 0;
  for (const { file, code } of COUNCIL_FILES) {
    const at = path.join(root, file);
    // A project without this file (no demand figures, say) has nothing of it to copy.
    const text = await readFile(at, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (text === undefined) continue;
    const rows = parse(text, { columns: true, skip_empty_lines: true }) as Row[];
    const columns = Object.keys(rows[0]);
    const all = [...rows];
    for (let copy = 1; copy < factor; copy += 1) all.push(...rows.map((row) => copyRow(row, copy, code)));
    await writeFile(at, stringify(all, { header: true, columns, eof: true }));
    if (code === "code") councils = all.length;
  }
  return councils;
}

/** The build's refusal of a claim whose recorded status the data no longer bears out. */
const STALE_CLAIM = /^(data\/claims\/[^:]+):(\d+): claim "([^"]+)" is recorded as \w+ but the data now says (\w+)/gm;

/**
 * Prepare the report at `root` as a build would (data, checks, families, claims; charts only
 * recorded, not drawn) and, while it refuses claims whose status the data no longer bears out,
 * record each such claim's status as the data says and re-sign. Returns how many were changed.
 */
export async function settleClaims(root: string, definition: ReportDefinition): Promise<number> {
  let changed = 0;
  for (let attempt = 0; ; attempt += 1) {
    await signProvenance(root);
    const recorder = new SvgCache(null, async () => "<svg></svg>");
    const failure = await prepareReport(root, path.join(root, "content"), recorder, definition).then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    if (!failure) return changed;
    const stale = [...failure.message.matchAll(STALE_CLAIM)];
    if (stale.length === 0 || attempt === 2) throw failure;
    for (const [, file, , id, status] of stale) {
      const at = path.join(root, file);
      const rows = parse(await readFile(at, "utf8"), { columns: true, skip_empty_lines: true }) as Row[];
      const row = rows.find((r) => r.id === id);
      if (!row) throw new Error(`${file}: no claim ${id}`);
      row.status = status;
      await writeFile(at, stringify(rows, { header: true, columns: Object.keys(rows[0]), eof: true }));
      changed += 1;
    }
  }
}
