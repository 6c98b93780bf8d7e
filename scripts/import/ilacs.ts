/**
 * `npm run import:ilacs`: every ILACS inspection report from Ofsted's official ILACS
 * history (to its as-at date) and the scrape of published reports (after it).
 *
 *   tsx scripts/import/ilacs.ts [--sources <dir>] [--root <project root>]
 *
 * --sources defaults to ../shared/data-sources, --root to the current folder. Reads the
 * council lookup data/councils/councils.csv under the root (run `npm run import:inspections`
 * first when councils change), writes data/ilacs/judgements.csv and
 * data/ilacs/import-report.md and prints, per file, the rows added, changed and removed.
 * A bad source cell stops the import with `file:line:column: message` and exit code 1.
 * After a run that changed data, run `npm run data:sign`.
 */
import { importMain } from "./args.ts";
import { runIlacsImport } from "./ilacs/run.ts";

export const ILACS_USAGE = "usage: tsx scripts/import/ilacs.ts [--sources <dir>] [--root <project root>]";

process.exitCode = await importMain(process.argv.slice(2), ILACS_USAGE, runIlacsImport);
