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
import { isReportError } from "../data/errors.ts";
import { parseArgs } from "./args.ts";
import { formatSummary, runImport, type ImportOptions } from "./run.ts";

async function main(): Promise<number> {
  let options: ImportOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  try {
    console.log(formatSummary(await runImport(options)));
    return 0;
  } catch (error) {
    if (isReportError(error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
