/**
 * `npm run import:inspections`: per-council canonical data from the Ofsted, DfE and ONS
 * sources in the shared data-sources folder.
 *
 *   tsx scripts/import/inspections.ts [--sources <dir>] [--root <project root>]
 *
 * --sources defaults to ../shared/data-sources, --root to the current folder. Writes
 * data/councils/{councils,inspections,demand}.csv and data/councils/import-report.md and
 * prints, per file, the rows added, changed and removed. A bad source cell stops the
 * import with `file:line:column: message` and exit code 1. After a run that changed data,
 * run `npm run data:sign`.
 */
import { importMain, USAGE } from "./args.ts";
import { runImport } from "./run.ts";

process.exitCode = await importMain(process.argv.slice(2), USAGE, runImport);
