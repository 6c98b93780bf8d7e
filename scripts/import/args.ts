/** The command line of the importers (scripts/import/inspections.ts, scripts/import/ilacs.ts). */
import { isReportError } from "../engine/data/errors.ts";
import { formatSummary, type FileSummary, type ImportOptions } from "./run.ts";

export const USAGE = "usage: tsx scripts/import/inspections.ts [--sources <dir>] [--root <project root>]";

/** Read the command line; throws a usage message for anything unexpected. */
export function parseArgs(argv: readonly string[], usage = USAGE): ImportOptions {
  const options = { sources: "../shared/data-sources", root: "." };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === "--sources" || flag === "--root") && value !== undefined && !value.startsWith("--")) {
      options[flag === "--sources" ? "sources" : "root"] = value;
      i += 1;
    } else {
      throw new Error(`${flag === "--sources" || flag === "--root" ? `${flag} needs a folder` : `unknown argument ${JSON.stringify(flag)}`}\n${usage}`);
    }
  }
  return options;
}

/**
 * The whole command line of an importer: read the arguments, run, print one summary line
 * per file. Returns the exit code: 2 for bad arguments, 1 for a data error (its
 * `file:line:column: message` printed), 0 otherwise.
 */
export async function importMain(argv: readonly string[], usage: string, run: (options: ImportOptions) => Promise<FileSummary[]>): Promise<number> {
  let options: ImportOptions;
  try {
    options = parseArgs(argv, usage);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  try {
    console.log(formatSummary(await run(options)));
    return 0;
  } catch (error) {
    if (isReportError(error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
