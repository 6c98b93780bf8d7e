/**
 * `npm run data:update -- [--dry-run] [--allow-removals] [--root DIR] [FILE or FOLDER …]`: bring data/ up to
 * date with the publishers' files as downloaded.
 *
 * Each file is recognised by what it holds (./publisher/publications.ts), never by its
 * name; a folder is read whole, and what is not a publication the import reads is listed
 * and left alone. The imports whose publications are given run (the inspections import for
 * data/councils/, the ILACS import for data/ilacs/, the children-in-need 2012–2014 import for
 * data/councils/children-in-need-2012-2014.csv; a publication given without the others
 * its import needs is an error naming them), in memory. The command then prints, per
 * canonical file, the rows added, changed and removed, naming the councils and dates of the
 * first few; records each source file's publication, publisher, edition and sha256 in
 * data/README.md; re-signs the ledger's sha256 of every file it wrote; and writes all of it
 * at once — or, on any error, nothing. An update that would lose rows or values data/
 * holds (a file cut short, or the publisher's withdrawal) is refused, naming the source
 * files and what would be lost, unless `--allow-removals` is given; it then lists every
 * row removed or emptied (./losses.ts). `--dry-run` prints the same and writes nothing.
 * Running it again on the same files changes nothing. Without files it reads the
 * development folder, ../shared/data-sources.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { BuildError, DataError, isReportError } from "../engine/data/errors.ts";
import { parseCsv, type RowSchema } from "../engine/data/load.ts";
import { LEDGER, parseProvenance, parseSourcesRead, recordedDate, sourceCell, SOURCES_HEADER, SOURCES_HEADING } from "../engine/data/provenance.ts";
import { childrenInNeed2012To2014, councils as councilsDataset, demand as demandDataset, inspections as inspectionsDataset } from "../report/councils/datasets.ts";
import { buildChildrenInNeedOutputs, CIN_CANONICAL } from "./cin/run.ts";
import { ilacsJudgements } from "../report/ilacs/datasets.ts";
import { councilLookupFrom, buildIlacsOutputs, ILACS_CANONICAL } from "./ilacs/run.ts";
import { losesAnything, lossesOf, refusal, type CanonicalFile, type FileLosses } from "./losses.ts";
import { compareLines, diffCsv, type Change, type CsvDiff, type CsvRow } from "./outputs.ts";
import { editionDate, editionOf } from "./publisher/editions.ts";
import { PUBLICATIONS, recognise, type Importer, type PublicationId, type SourceFile } from "./publisher/publications.ts";
import { buildInspectionOutputs, INSPECTION_CANONICAL } from "./run.ts";

/** Where the development copies of the publishers' files are kept (../shared/data-sources, PROVENANCE.md beside each). */
export const DEVELOPMENT_SOURCES = path.join("..", "shared", "data-sources");

export interface UpdateOptions {
  /** Files and folders as given. */
  readonly inputs: readonly string[];
  /** The project whose data/ is updated. */
  readonly root: string;
  /**
   * Whether the update may lose rows or values data/ holds (./losses.ts): without it, an
   * update that would is refused; with it, every one is listed.
   */
  readonly allowRemovals?: boolean;
}

export interface FileUpdate {
  readonly file: string;
  readonly before: string | null;
  readonly after: string;
  /** For a canonical CSV file: its rows compared by key. */
  readonly diff: CsvDiff | null;
  /** For any other file: its lines compared. */
  readonly lines: Change | null;
  /** For a canonical CSV file: the rows it would remove and the values it would empty. */
  readonly losses: FileLosses | null;
}

export interface UpdatePlan {
  readonly sources: readonly (SourceFile & { readonly edition: string })[];
  readonly others: readonly { readonly path: string; readonly why: string }[];
  readonly imports: readonly Importer[];
  /** Every file the update would write, in the order it is reported; unchanged ones too. */
  readonly files: readonly FileUpdate[];
  /** Council names by code, for naming rows. */
  readonly councilNames: ReadonlyMap<string, string>;
}

const IMPORTS: readonly { readonly importer: Importer; readonly label: string }[] = [
  { importer: "inspections", label: "inspections (data/councils/)" },
  { importer: "ilacs", label: "ILACS (data/ilacs/)" },
  { importer: "children-in-need", label: "children in need 2012–2014 (data/councils/children-in-need-2012-2014.csv)" },
];

/** Every file under the inputs (folders read whole, hidden files left out), each once, in the order given. */
async function filesOf(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => {
      throw new DataError(input, 1, 1, "there is no such file or folder");
    });
    if (!info.isDirectory()) {
      files.push(input);
      continue;
    }
    const entries = await readdir(input, { recursive: true, withFileTypes: true });
    files.push(
      ...entries
        .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort(),
    );
  }
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = path.resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Recognise every file; a publication given twice is refused (which edition to use is the maintainer's choice). */
async function recogniseAll(inputs: readonly string[]): Promise<{ sources: SourceFile[]; others: { path: string; why: string }[] }> {
  const sources: SourceFile[] = [];
  const others: { path: string; why: string }[] = [];
  for (const file of await filesOf(inputs)) {
    const recognition = recognise(file, await readFile(file));
    if (recognition.kind === "other") {
      others.push({ path: recognition.path, why: recognition.why });
      continue;
    }
    const { source } = recognition;
    const earlier = sources.find((s) => s.publication.id === source.publication.id);
    if (earlier) throw new DataError(source.path, 1, 1, `the same publication as ${earlier.path} (${source.publication.publisher}, ${source.publication.title}); give one edition of each publication`);
    sources.push(source);
  }
  return { sources, others };
}

/**
 * The imports to run: those given a publication that only they read, each with every
 * publication it reads (some but not all is an error naming what is missing). A
 * publication two imports read (the report scrape and its lookup) starts neither alone.
 */
function importsToRun(sources: readonly SourceFile[]): Importer[] {
  const given = new Set(sources.map((s) => s.publication.id));
  const run: Importer[] = [];
  for (const { importer, label } of IMPORTS) {
    const needed = PUBLICATIONS.filter((p) => p.importers.includes(importer));
    const own = needed.filter((p) => p.importers.length === 1 && given.has(p.id));
    if (own.length === 0) continue;
    const missing = needed.filter((p) => !given.has(p.id));
    if (missing.length > 0) {
      const first = sources.find((s) => s.publication.id === own[0].id) as SourceFile;
      throw new DataError(first.path, 1, 1, `the ${label} import needs ${missing.map((p) => `${p.publisher}, ${p.title}`).join("; and ")} too; give them with it (the folder where the current editions are kept)`);
    }
    run.push(importer);
  }
  if (run.length === 0) {
    const shared = sources.find((s) => s.publication.importers.length > 1);
    if (shared) throw new DataError(shared.path, 1, 1, `${shared.publication.publisher}, ${shared.publication.title} is read only with the other publications of the ${IMPORTS.filter((i) => shared.publication.importers.includes(i.importer)).map((i) => i.label).join(" or the ")} import; give them with it (the folder where the current editions are kept)`);
    throw new Error(`none of the files given is a publication the import reads (${PUBLICATIONS.filter((p) => p.importers.length > 0).map((p) => p.title).join("; ")})`);
  }
  return run;
}

const readOrNull = (file: string) => readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? null : Promise.reject(error)));

/** Work out everything the update would write, in memory. Throws at the first problem, before anything is written. */
export async function planUpdate(options: UpdateOptions): Promise<UpdatePlan> {
  const { sources, others } = await recogniseAll(options.inputs);
  const imports = importsToRun(sources);
  const byId = new Map<PublicationId, SourceFile>(sources.map((s) => [s.publication.id, s]));
  const outputs = new Map<string, string>();
  const canonical: Record<string, CanonicalFile> = {};
  if (imports.includes("inspections")) {
    for (const [file, text] of buildInspectionOutputs(byId)) outputs.set(file, text);
    Object.assign(canonical, INSPECTION_CANONICAL);
  }
  if (imports.includes("ilacs")) {
    // The council lookup as the inspections import has just made it, else as data/ has it.
    const councilsText = outputs.get(councilsDataset.file) ?? (await readOrNull(path.join(options.root, councilsDataset.file)));
    if (councilsText === null) throw new DataError(councilsDataset.file, 1, 1, "the ILACS import needs the council list; give Ofsted's and DfE's publications for the inspections import too");
    for (const [file, text] of buildIlacsOutputs(byId, councilLookupFrom(councilsText))) outputs.set(file, text);
    Object.assign(canonical, ILACS_CANONICAL);
  }
  if (imports.includes("children-in-need")) {
    // DfE's numbers are joined to councils through the lookup as the inspections import has just made it, else as data/ has it.
    const councilsText = outputs.get(councilsDataset.file) ?? (await readOrNull(path.join(options.root, councilsDataset.file)));
    if (councilsText === null) throw new DataError(councilsDataset.file, 1, 1, "the children-in-need import needs the council list; give Ofsted's and DfE's publications for the inspections import too");
    for (const [file, text] of buildChildrenInNeedOutputs(byId, councilLookupFrom(councilsText).councils)) outputs.set(file, text);
    Object.assign(canonical, CIN_CANONICAL);
  }
  const used = sources.filter((s) => s.publication.importers.some((i) => imports.includes(i))).map((s) => ({ ...s, edition: editionOf(s) }));
  // Rows are named by council: a council the update removes by its name before, every other by its name now.
  const councilsBefore = (await readOrNull(path.join(options.root, councilsDataset.file))) ?? "";
  const councilsAfter = outputs.get(councilsDataset.file) ?? councilsBefore;
  const councilsIn = (text: string) => (text === "" ? [] : councilLookupFrom(text).councils);
  const councilNames = new Map([...councilsIn(councilsBefore), ...councilsIn(councilsAfter)].map((c) => [c.code, c.name] as const));
  // A council's former codes, as the update would write them, lead to its code now: its rows under the old code are not lost.
  const newCodes = new Map(councilsIn(councilsAfter).flatMap((c) => c.former_codes.map((former) => [former, c.code] as const)));
  const files: FileUpdate[] = [];
  for (const [file, after] of outputs) {
    const before = await readOrNull(path.join(options.root, file));
    const description = canonical[file];
    const diff = description ? diffCsv(before, after, description.key) : null;
    files.push({ file, before, after, diff, lines: description ? null : compareLines(before, after), losses: diff && description ? lossesOf(diff, description, newCodes) : null });
  }
  if (!options.allowRemovals) {
    const losing = files.flatMap((f) => (f.diff && f.losses && losesAnything(f.losses) ? [{ file: f.file, canonical: canonical[f.file], diff: f.diff, losses: f.losses }] : []));
    const pathOf = (id: PublicationId) => sources.find((s) => s.publication.id === id)?.path;
    const refused = refusal(losing, pathOf, (f, row) => rowName(row, f.canonical.key, councilNames));
    if (refused !== null) throw new BuildError(refused);
  }
  const ledgerBefore = await readOrNull(path.join(options.root, LEDGER));
  if (ledgerBefore === null) throw new DataError(LEDGER, 1, 1, "the provenance ledger is missing; the update records its sources and sha256s there");
  const importerOf = (file: string): Importer => (file in INSPECTION_CANONICAL ? "inspections" : file in CIN_CANONICAL ? "children-in-need" : "ilacs");
  const sourceDates = new Map([...outputs.keys()].filter((file) => file.endsWith(".csv")).map((file) => [file, used.filter((s) => s.publication.importers.includes(importerOf(file))).map(editionDate)] as const));
  const ledgerAfter = signLedger(dateLedger(recordSources(ledgerBefore, used), sourceDates), new Map(files.map((f) => [f.file, f.after])));
  checkDates(ledgerAfter, outputs);
  files.push({ file: LEDGER, before: ledgerBefore, after: ledgerAfter, diff: null, lines: compareLines(ledgerBefore, ledgerAfter), losses: null });
  return { sources: used, others: [...others, ...sources.filter((s) => !used.some((u) => u.path === s.path)).map((s) => ({ path: s.path, why: `${s.publication.publisher}, ${s.publication.title}: no import reads it` }))], imports, files, councilNames };
}

// ---------------------------------------------------------------------------
// The ledger: the sources as read, and the sha256 of every file written.

/**
 * The ledger with its "Sources as read" table brought up to date: a row per publication
 * this update read (replacing that publication's earlier row), the rows of publications it
 * did not read kept. The section goes before "## Columns" the first time.
 */
export function recordSources(ledger: string, sources: readonly (SourceFile & { readonly edition: string })[]): string {
  const lines = ledger.split("\n");
  const start = lines.indexOf(SOURCES_HEADING);
  const rows = new Map<string, string[]>(parseSourcesRead(ledger).map((r) => [r.publication, [r.publication, r.publisher, r.edition, r.file, r.sha256]]));
  for (const s of sources) rows.set(s.publication.title, [s.publication.title, s.publication.publisher, s.edition, s.name, s.sha256]);
  const order = PUBLICATIONS.map((p) => p.title);
  const sorted = [...rows.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  const section = [
    SOURCES_HEADING,
    "",
    "Written by `npm run data:update`: the publishers' files the canonical files above were last made from, as downloaded, each with the edition it holds and its sha256. Where each publication is found is in the README (\"When new data arrives\").",
    "",
    `| ${SOURCES_HEADER.join(" | ")} |`,
    `|${SOURCES_HEADER.map(() => "---").join("|")}|`,
    ...sorted.map(([, cells]) => `| ${cells.map(sourceCell).join(" | ")} |`),
    "",
  ];
  if (start >= 0) {
    let end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
    if (end < 0) end = lines.length;
    return [...lines.slice(0, start), ...section, ...lines.slice(end)].join("\n");
  }
  const columns = lines.indexOf("## Columns");
  const at = columns >= 0 ? columns : lines.length;
  return [...lines.slice(0, at), ...section, ...lines.slice(at)].join("\n");
}

/** Where the ledger's Date is among an entry's cells (split on "|", the empty cell before the first bar included). */
const DATE_CELL = 5;

/**
 * The ledger with the Date of each file written brought up to its sources: an entry that
 * records a date (provenance.ts recordedDate) before the latest date of the editions the file
 * was made from (editions.ts editionDate; null for an undated source) is given that date, so
 * the new data is not refused as later than its file. An entry already as late is kept as written.
 */
export function dateLedger(ledger: string, sourceDates: ReadonlyMap<string, readonly (string | null)[]>): string {
  const lines = ledger.split("\n");
  for (const entry of parseProvenance(ledger)) {
    const dates = (sourceDates.get(entry.file) ?? []).filter((date): date is string => date !== null);
    if (dates.length === 0) continue;
    const latest = recordedDate({ ...entry, date: dates.join("; ") });
    if (latest.lastDay <= recordedDate(entry).lastDay) continue;
    const cells = lines[entry.line - 1].split("|");
    cells[DATE_CELL] = ` ${latest.written} (the latest edition of its sources, as read by npm run data:update) `;
    lines[entry.line - 1] = cells.join("|");
  }
  return lines.join("\n");
}

/** The datasets of the files the imports write, by file, for checking them against the ledger as written. */
const WRITTEN: ReadonlyMap<string, RowSchema> = new Map<string, RowSchema>([councilsDataset, inspectionsDataset, demandDataset, ilacsJudgements, childrenInNeed2012To2014].map((d) => [d.file, d.schema]));

/** Every CSV written loads with the date the new ledger records for it, as the build loads it: a date later than its file is a fault of the sources (a bug in the import). */
function checkDates(ledger: string, outputs: ReadonlyMap<string, string>): void {
  for (const entry of parseProvenance(ledger)) {
    const text = outputs.get(entry.file);
    const schema = WRITTEN.get(entry.file);
    if (text !== undefined && schema !== undefined) parseCsv(entry.file, text, schema, { recorded: recordedDate(entry) });
  }
}

/** The ledger with the sha256 cell of every file in `files` set to the sha256 of its new text. */
export function signLedger(ledger: string, files: ReadonlyMap<string, string>): string {
  const lines = ledger.split("\n");
  for (const entry of parseProvenance(ledger)) {
    const text = files.get(entry.file);
    if (text === undefined) continue;
    const actual = createHash("sha256").update(text).digest("hex");
    if (actual === entry.sha256) continue;
    const line = lines[entry.line - 1];
    const at = line.lastIndexOf(entry.sha256);
    lines[entry.line - 1] = line.slice(0, at) + actual + line.slice(at + entry.sha256.length);
  }
  for (const file of files.keys()) {
    if (file.endsWith(".csv") && !parseProvenance(ledger).some((entry) => entry.file === file)) throw new DataError(LEDGER, 1, 1, `${file} is not listed; add its row (source, licence, date) before the update writes it`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------
// Writing: all or nothing.

/**
 * Write every changed file at once: each new text first goes to a temporary file beside
 * its target, then each target is replaced by a rename. A failure while writing the
 * temporary files leaves data/ as it was; a failure while renaming puts back what was
 * already replaced. Returns the files written.
 */
export async function applyUpdate(root: string, plan: UpdatePlan): Promise<string[]> {
  const changed = plan.files.filter((f) => f.before !== f.after);
  const temporary = (file: string) => path.join(root, `${file}.update-${process.pid}.tmp`);
  const backup = (file: string) => path.join(root, `${file}.update-${process.pid}.bak`);
  // After a failure: a temporary file that cannot be removed (something else stands there) must not hide the error that stopped the write.
  const removeTemporary = () => Promise.all(changed.map((f) => rm(temporary(f.file), { force: true }).catch(() => undefined)));
  try {
    for (const f of changed) {
      await mkdir(path.dirname(path.join(root, f.file)), { recursive: true });
      await writeFile(temporary(f.file), f.after);
    }
  } catch (error) {
    await removeTemporary();
    throw error;
  }
  const replaced: { file: string; hadOne: boolean }[] = [];
  try {
    for (const f of changed) {
      const target = path.join(root, f.file);
      const hadOne = f.before !== null;
      if (hadOne) await rename(target, backup(f.file));
      replaced.push({ file: f.file, hadOne });
      await rename(temporary(f.file), target);
    }
  } catch (error) {
    for (const { file, hadOne } of replaced.reverse()) {
      const target = path.join(root, file);
      await rm(target, { force: true });
      if (hadOne) await rename(backup(file), target);
    }
    await removeTemporary();
    throw error;
  }
  await Promise.all(replaced.filter((r) => r.hadOne).map((r) => rm(backup(r.file), { force: true })));
  return changed.map((f) => f.file);
}

// ---------------------------------------------------------------------------
// The report.

/** How many changed rows are named before the rest are counted. */
const NAMED = 5;

/** A row as a reader names it: the council (by name) and the row's other key cells. */
function rowName(row: CsvRow, key: readonly string[], names: ReadonlyMap<string, string>): string {
  return key
    .map((column) => {
      const value = row[column] ?? "";
      return column === "council_code" || column === "code" ? `${names.get(value) ?? "?"} (${value})` : value;
    })
    .join(" ");
}

/**
 * A canonical file's rows added, changed and removed: the first few added and changed, and
 * every row that would lose anything (removed, or a value emptied), as allowed by
 * `--allow-removals`; a row removed but kept under another key says so ("moved").
 */
function describeDiff(file: string, diff: CsvDiff, losses: FileLosses | null, names: ReadonlyMap<string, string>, key: readonly string[]): string[] {
  const lines = [`${file}: ${diff.rows} rows; ${diff.added} added, ${diff.changed} changed, ${diff.removed} removed${diff.added + diff.changed + diff.removed === 0 ? " (unchanged)" : ""}`];
  const list = <T>(what: string, items: readonly T[], describe: (item: T) => string, named = NAMED) => {
    for (const item of items.slice(0, named)) lines.push(`  ${what}: ${describe(item)}`);
    if (items.length > named) lines.push(`  … and ${items.length - named} more ${what}`);
  };
  const changedCells = ({ row, cells }: CsvDiff["changedRows"][number]) => `${rowName(row, key, names)}: ${cells.map((c) => `${c.column} ${c.before || "(empty)"} → ${c.after || "(empty)"}`).join(", ")}`;
  const emptied = new Set(losses?.emptied.map((e) => e.row));
  const removed = losses?.removed ?? diff.removedRows.map((row) => ({ row, keptAs: null }));
  list("added", diff.addedRows, (row) => rowName(row, key, names));
  list("changed", diff.changedRows.filter((c) => !emptied.has(c.row)), changedCells);
  list("emptied", losses?.emptied ?? [], changedCells, Infinity);
  list("moved", removed.filter((r) => r.keptAs !== null), ({ row, keptAs }) => `${rowName(row, key, names)}: ${keptAs}`, Infinity);
  list("removed", removed.filter((r) => r.keptAs === null), ({ row }) => rowName(row, key, names), Infinity);
  return lines;
}

export function formatUpdate(plan: UpdatePlan, written: readonly string[] | null): string {
  const canonical: Record<string, CanonicalFile> = { ...INSPECTION_CANONICAL, ...ILACS_CANONICAL, ...CIN_CANONICAL };
  const out = [
    `Read ${plan.sources.length} publication${plan.sources.length === 1 ? "" : "s"}:`,
    ...plan.sources.map((s) => `  ${s.publication.publisher}, ${s.publication.title}; ${s.edition}: ${s.path}`),
  ];
  if (plan.others.length > 0) out.push(`Left alone (${plan.others.length}):`, ...plan.others.map((o) => `  ${o.path}: ${o.why}`));
  out.push(`Imports run: ${IMPORTS.filter((i) => plan.imports.includes(i.importer)).map((i) => i.label).join(", ")}`, "");
  for (const f of plan.files) {
    if (f.diff) out.push(...describeDiff(f.file, f.diff, f.losses, plan.councilNames, canonical[f.file]?.key ?? []));
    else if (f.lines) out.push(`${f.file}: ${f.lines.rows} lines; ${f.lines.added} added, ${f.lines.removed} removed${f.before === f.after ? " (unchanged)" : ""}`);
  }
  out.push("");
  if (written === null) out.push("Dry run: nothing was written.");
  else if (written.length === 0) out.push("data/ is already up to date with these files: nothing was written.");
  else out.push(`Wrote ${written.join(", ")}.`, "Next: npm run build, read the What changed page (/what-changed/), then raise the version and npm run release.");
  return out.join("\n");
}

/** The command: its arguments in, its exit code out; the report goes to stdout, a refusal or error to stderr. */
export async function main(argv: readonly string[]): Promise<number> {
  let values: { "dry-run"?: boolean; "allow-removals"?: boolean; root?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { "dry-run": { type: "boolean" }, "allow-removals": { type: "boolean" }, root: { type: "string" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run data:update -- [--dry-run] [--allow-removals] [--root DIR] [FILE or FOLDER …]`);
    return 2;
  }
  const root = values.root ?? ".";
  try {
    const plan = await planUpdate({ inputs: positionals.length > 0 ? positionals : [DEVELOPMENT_SOURCES], root, allowRemovals: values["allow-removals"] === true });
    const written = values["dry-run"] ? null : await applyUpdate(root, plan);
    console.log(formatUpdate(plan, written));
    return 0;
  } catch (error) {
    if (isReportError(error)) {
      console.error(`${error.message}\nNothing in data/ was changed.`);
      return 1;
    }
    console.error(`${(error as Error).message}\nNothing in data/ was changed.`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
