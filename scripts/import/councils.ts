/**
 * The council lookup: one record per council with children's services, current or
 * abolished, keyed by its current ONS area code, with every name the sources use for it.
 *
 * Built from the DfE files (codes, DfE numbers, names, regions, by year) and Ofsted's
 * inspection table (Ofsted's names and regions), plus three explicit lists below: code
 * changes, restructures and name aliases. A council is never dropped silently: one that
 * stops appearing in the DfE files must be listed as a predecessor, and every Ofsted name
 * must resolve to exactly one council.
 *
 * `CouncilLookup` works on the rows of data/councils/councils.csv, so other importers can
 * load that file (`loadCouncilLookup`) and resolve names and codes the same way.
 */
import { loadCsv, type Table } from "../engine/data/load.ts";
import { compareText } from "../engine/compare.ts";
import { DataError, quoted } from "../engine/data/errors.ts";
import { councils as councilsDataset, type CouncilRow } from "../report/councils/datasets.ts";
import { addDays, midYear, yearEndingMarch } from "./dates.ts";
import { type EesFile, type EesRow, type OfstedRow, type OfstedTableCode } from "./sources.ts";

// ---------------------------------------------------------------------------
// Explicit facts about councils that the data cannot tell us.

/** A council that kept its area and DfE number but was given a new ONS code on `on`. */
export interface CodeChange {
  readonly from: string;
  readonly to: string;
  readonly name: string;
  readonly on: string;
}

export const CODE_CHANGES: readonly CodeChange[] = [
  { from: "E10000002", to: "E06000060", name: "Buckinghamshire", on: "2020-04-01" },
  { from: "E10000023", to: "E06000065", name: "North Yorkshire", on: "2023-04-01" },
  { from: "E10000027", to: "E06000066", name: "Somerset", on: "2023-04-01" },
];

/** Councils abolished on the day before `on` and replaced by the successors, which began on `on`. */
export interface Restructure {
  readonly on: string;
  readonly what: string;
  readonly predecessors: readonly { readonly code: string; readonly name: string; readonly successors: readonly string[] }[];
}

export const RESTRUCTURES: readonly Restructure[] = [
  {
    on: "2019-04-01",
    what: "Bournemouth, Poole and Dorset County Council replaced by Bournemouth, Christchurch and Poole (which also took Christchurch from the county) and Dorset Council",
    predecessors: [
      { code: "E06000028", name: "Bournemouth", successors: ["E06000058"] },
      { code: "E06000029", name: "Poole", successors: ["E06000058"] },
      { code: "E10000009", name: "Dorset (county council)", successors: ["E06000058", "E06000059"] },
    ],
  },
  {
    on: "2021-04-01",
    what: "Northamptonshire split into North Northamptonshire and West Northamptonshire",
    predecessors: [{ code: "E10000021", name: "Northamptonshire", successors: ["E06000061", "E06000062"] }],
  },
  {
    on: "2023-04-01",
    what: "Cumbria split into Cumberland, and Westmorland and Furness",
    predecessors: [{ code: "E10000006", name: "Cumbria", successors: ["E06000063", "E06000064"] }],
  },
];

/** Names the sources use that neither DfE's name nor simple normalisation would match. */
export interface NameAlias {
  readonly code: string;
  readonly alias: string;
  readonly where: string;
}

export const NAME_ALIASES: readonly NameAlias[] = [
  { code: "E06000055", alias: "Bedford Borough", where: "Ofsted's inspection table" },
  { code: "E06000023", alias: "Bristol", where: "Ofsted's inspection table and the report scrape" },
  { code: "E06000047", alias: "Durham", where: "Ofsted's inspection table and the report scrape" },
  { code: "E06000019", alias: "Herefordshire", where: "Ofsted's inspection table and the report scrape" },
  { code: "E06000010", alias: "Kingston Upon Hull", where: "Ofsted's inspection table and the report scrape" },
  { code: "E09000001", alias: "London Corporation", where: "the report scrape's folder name for the City of London" },
];

/** Ofsted's Table 10 lists the councils that existed on this day. */
export const OFSTED_TABLE_10_AS_AT = "2023-03-31";

// ---------------------------------------------------------------------------
// Names

/**
 * Compare names ignoring case, "&" versus "and", hyphens, full stops, commas and
 * apostrophes: "St. Helens" = "st helens", "Telford & Wrekin" = "Telford and Wrekin".
 */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[-‐–—]/g, " ")
    .replace(/[.,'’()]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export type MatchedBy = "name" | "ofsted name" | "alias";

export interface NameMatch {
  readonly council: CouncilRow;
  readonly by: MatchedBy;
}

/** Resolve codes and names to councils. */
export class CouncilLookup {
  private readonly codes = new Map<string, CouncilRow>();

  constructor(readonly councils: readonly CouncilRow[]) {
    for (const council of councils) {
      for (const code of [council.code, ...council.former_codes]) this.codes.set(code, council);
    }
  }

  /** The council with this current or former code. */
  byCode(code: string): CouncilRow | undefined {
    return this.codes.get(code);
  }

  /** Whether the council existed on `day` (ISO date). */
  static existedOn(council: CouncilRow, day: string): boolean {
    return (council.existed_from === null || council.existed_from <= day) && (council.existed_until === null || day <= council.existed_until);
  }

  /** How a council answers to `name`, if it does: DfE's name first, then Ofsted's, then an alias. */
  static answersTo(council: CouncilRow, name: string): MatchedBy | undefined {
    const wanted = normaliseName(name);
    if (normaliseName(council.name) === wanted) return "name";
    if (council.ofsted_name !== null && normaliseName(council.ofsted_name) === wanted) return "ofsted name";
    if (council.aliases.some((alias) => normaliseName(alias) === wanted)) return "alias";
    return undefined;
  }

  /** Every council answering to `name` among those passing `filter`. */
  candidates(name: string, filter: (council: CouncilRow) => boolean = () => true): NameMatch[] {
    return this.councils.flatMap((council) => {
      const by = filter(council) ? CouncilLookup.answersTo(council, name) : undefined;
      return by ? [{ council, by }] : [];
    });
  }

  /** The single council answering to `name` that existed on `day`, or undefined if none or several do. */
  resolve(name: string, day?: string): NameMatch | undefined {
    const found = this.candidates(name, (c) => day === undefined || CouncilLookup.existedOn(c, day));
    return found.length === 1 ? found[0] : undefined;
  }
}

/** Load data/councils/councils.csv (under `root`) as a lookup, for other importers. */
export async function loadCouncilLookup(root: string): Promise<CouncilLookup> {
  const table = await loadCsv(root, councilsDataset.file, councilsDataset.schema);
  return new CouncilLookup(table.rows.map(({ row }) => row));
}

// ---------------------------------------------------------------------------
// Building the lookup from the sources

export interface CouncilNotes {
  /** Rows whose ONS code was changed to the council's current code. */
  readonly codeChanges: { change: CodeChange; file: string; lines: number[]; periods: number[] }[];
  readonly restructuresApplied: Restructure[];
  /** Explicit entries that matched no council in the sources (only in small test sources). */
  readonly unusedExplicit: string[];
  /** Ofsted table rows matched through an alias rather than DfE's name. */
  readonly ofstedAliasMatches: { line: number; name: string; council: CouncilRow; by: MatchedBy }[];
  /** Councils Ofsted lists as current though they were abolished after the table's date. */
  readonly ofstedCurrentButAbolished: { line: number; council: CouncilRow }[];
  /** Councils that existed on Table 10's date but have no row in Ofsted's table. */
  readonly notInOfsted: CouncilRow[];
  /** Councils created after Table 10's date, so absent from Ofsted's table. */
  readonly createdAfterOfsted: CouncilRow[];
}

export interface CouncilBuild {
  readonly councils: CouncilRow[];
  readonly lookup: CouncilLookup;
  /** Ofsted table line → council code. */
  readonly ofstedCouncil: ReadonlyMap<number, string>;
  readonly notes: CouncilNotes;
}

interface Sighting {
  readonly row: EesRow;
  /** The day the row describes: 31 March of the year, or 30 June of the mid-year. */
  readonly day: string;
  readonly code: string;
  /** From a DfE collection by year ending March (not an ONS mid-year estimate). */
  readonly yearly: boolean;
}

/**
 * Build the council records. `ees` are the DfE/ONS files (local-authority rows), `ofsted`
 * the inspection table. Fails with file:line:column when the sources and the explicit lists
 * disagree.
 */
export function buildCouncils(ees: readonly EesFile[], ofsted: Table<OfstedRow>): CouncilBuild {
  const notes: CouncilNotes = {
    codeChanges: [],
    restructuresApplied: [],
    unusedExplicit: [],
    ofstedAliasMatches: [],
    ofstedCurrentButAbolished: [],
    notInOfsted: [],
    createdAfterOfsted: [],
  };
  const sightings = collectSightings(ees, notes);
  const byCode = groupBy(sightings, (s) => s.code);

  // Restructures: which councils begin and end when.
  const from = new Map<string, string>();
  const until = new Map<string, string>();
  const successors = new Map<string, readonly string[]>();
  for (const restructure of RESTRUCTURES) {
    const involved = restructure.predecessors.flatMap((p) => [p.code, ...p.successors]);
    const present = involved.filter((code) => byCode.has(code));
    if (present.length === 0) {
      notes.unusedExplicit.push(`restructure of ${restructure.on} (${restructure.what}): none of its councils is in the sources`);
      continue;
    }
    for (const code of involved) {
      if (!byCode.has(code)) {
        const first = byCode.get(present[0])![0];
        throw new DataError(first.row.file, first.row.line, first.row.codeColumn, `the restructure of ${restructure.on} involves ${code}, which has no rows in the sources; a predecessor's successors must all be present`);
      }
    }
    for (const predecessor of restructure.predecessors) {
      until.set(predecessor.code, addDays(restructure.on, -1));
      successors.set(predecessor.code, [...predecessor.successors].sort());
      for (const successor of predecessor.successors) from.set(successor, restructure.on);
    }
    notes.restructuresApplied.push(restructure);
  }

  // Councils still in existence must appear in the latest year of the DfE collections.
  const latestYear = Math.max(...sightings.filter((s) => s.yearly).map((s) => s.row.period));

  const councils: CouncilRow[] = [];
  for (const [code, seen] of [...byCode].sort(([a], [b]) => compareText(a, b))) {
    const record: CouncilRow = {
      code,
      former_codes: CODE_CHANGES.filter((c) => c.to === code && seen.some((s) => s.row.newCode === c.from)).map((c) => c.from).sort(),
      dfe_number: sameDfeNumber(seen),
      ...latestNameAndRegion(seen),
      ofsted_name: null,
      aliases: [],
      ofsted_region: null,
      status: until.has(code) ? "predecessor" : "current",
      existed_from: from.get(code) ?? null,
      existed_until: until.get(code) ?? null,
      successor_codes: [...(successors.get(code) ?? [])],
    };
    for (const s of seen) {
      if (!CouncilLookup.existedOn(record, s.day)) {
        throw new DataError(s.row.file, s.row.line, s.row.codeColumn, `${record.name} (${code}) has a row for ${s.day}, outside its existence (${record.existed_from ?? "…"} to ${record.existed_until ?? "…"}) as listed in RESTRUCTURES`);
      }
    }
    if (record.status === "current" && !seen.some((s) => s.yearly && s.row.period === latestYear)) {
      const last = seen[seen.length - 1].row;
      throw new DataError(last.file, last.line, last.codeColumn, `${record.name} (${code}) has no row for the year ending March ${latestYear} and is not listed as a predecessor; add its restructure or code change to scripts/import/councils.ts`);
    }
    // Other names DfE has used for the council over the years.
    const names = new Set(seen.map((s) => s.row.name).filter((n) => normaliseName(n) !== normaliseName(record.name)));
    record.aliases = [...names];
    councils.push(record);
  }

  for (const alias of NAME_ALIASES) {
    const council = councils.find((c) => c.code === alias.code);
    if (!council) {
      notes.unusedExplicit.push(`alias ${quoted(alias.alias)} for ${alias.code}: the council is not in the sources`);
      continue;
    }
    if (!council.aliases.some((a) => normaliseName(a) === normaliseName(alias.alias))) council.aliases.push(alias.alias);
  }

  const ofstedCouncil = matchOfsted(councils, ofsted, notes);
  for (const council of councils) {
    // Aliases exclude DfE's and Ofsted's own names; sorted for a stable file.
    council.aliases = council.aliases
      .filter((a) => normaliseName(a) !== normaliseName(council.name) && (council.ofsted_name === null || normaliseName(a) !== normaliseName(council.ofsted_name)))
      .sort();
  }
  return { councils, lookup: new CouncilLookup(councils), ofstedCouncil, notes };
}

function collectSightings(ees: readonly EesFile[], notes: CouncilNotes): Sighting[] {
  const sightings: Sighting[] = [];
  for (const file of ees) {
    const changed = new Map<CodeChange, EesRow[]>();
    for (const row of file.rows) {
      const day = file.period === "mid-year" ? midYear(row.period) : yearEndingMarch(row.period);
      const change = CODE_CHANGES.find((c) => c.from === row.newCode);
      const becameAt = CODE_CHANGES.find((c) => c.to === row.newCode);
      if (change && day >= change.on) {
        throw new DataError(file.file, row.line, row.codeColumn, `${row.newCode} (${row.name}) is used for ${day}, but the council has had the code ${change.to} since ${change.on}`);
      }
      if (becameAt && day < becameAt.on) {
        throw new DataError(file.file, row.line, row.codeColumn, `${row.newCode} (${row.name}) is used for ${day}, before the code was introduced on ${becameAt.on} (the council's code was ${becameAt.from})`);
      }
      if (change) changed.set(change, [...(changed.get(change) ?? []), row]);
      sightings.push({ row, day, code: change ? change.to : row.newCode, yearly: file.period === "year-ending-march" });
    }
    for (const [change, rows] of changed) {
      notes.codeChanges.push({ change, file: file.file, lines: rows.map((r) => r.line), periods: [...new Set(rows.map((r) => r.period))].sort((a, b) => a - b) });
    }
  }
  // In order of the day described, so that a council's latest row is its last.
  return sightings.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function sameDfeNumber(seen: readonly Sighting[]): string {
  const first = seen[0].row;
  for (const { row } of seen) {
    if (row.oldCode !== first.oldCode) {
      throw new DataError(row.file, row.line, row.oldCodeColumn, `${row.name} (${row.newCode}) has DfE number ${row.oldCode} here but ${first.oldCode} in ${first.file} line ${first.line}`);
    }
  }
  return first.oldCode;
}

function latestNameAndRegion(seen: readonly Sighting[]): { name: string; region: string } {
  const last = seen[seen.length - 1].row;
  return { name: last.name, region: last.region };
}

/** Give each Ofsted row its council; record Ofsted's names and regions on the councils. */
function matchOfsted(councils: CouncilRow[], ofsted: Table<OfstedRow>, notes: CouncilNotes): Map<number, string> {
  const lookup = new CouncilLookup(councils);
  const byCouncil = new Map<string, number>();
  const result = new Map<number, string>();
  const nameColumn = ofsted.column("Local authority name");
  for (const { row, line } of ofsted.rows) {
    const name = row["Local authority name"];
    const table: OfstedTableCode = row.table;
    const filter = table === "table-10" ? (c: CouncilRow) => CouncilLookup.existedOn(c, OFSTED_TABLE_10_AS_AT) : (c: CouncilRow) => c.status === "predecessor";
    const among = table === "table-10" ? `councils that existed on ${OFSTED_TABLE_10_AS_AT}` : "predecessor councils";
    const found = lookup.candidates(name, filter);
    if (found.length === 0) throw new DataError(ofsted.file, line, nameColumn, `no council among the ${among} in the DfE files answers to ${quoted(name)}; add an alias to NAME_ALIASES in scripts/import/councils.ts`);
    if (found.length > 1) throw new DataError(ofsted.file, line, nameColumn, `${quoted(name)} could be any of ${found.map((f) => `${f.council.name} (${f.council.code})`).join(", ")} among the ${among}`);
    const { council, by } = found[0];
    const earlier = byCouncil.get(council.code);
    if (earlier !== undefined) throw new DataError(ofsted.file, line, nameColumn, `${quoted(name)} is ${council.name} (${council.code}) again; it already has the row on line ${earlier}`);
    byCouncil.set(council.code, line);
    result.set(line, council.code);
    council.ofsted_name = name;
    council.ofsted_region = row["LA region"];
    if (by !== "name") notes.ofstedAliasMatches.push({ line, name, council, by });
    if (table === "table-10" && council.status === "predecessor") notes.ofstedCurrentButAbolished.push({ line, council });
  }
  for (const council of councils) {
    if (byCouncil.has(council.code)) continue;
    if (council.existed_from !== null && council.existed_from > OFSTED_TABLE_10_AS_AT) notes.createdAfterOfsted.push(council);
    else notes.notInOfsted.push(council);
  }
  return result;
}
