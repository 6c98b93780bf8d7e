/** The command line of scripts/import/inspections.ts. */
import type { ImportOptions } from "./run.ts";

export const USAGE = "usage: tsx scripts/import/inspections.ts [--sources <dir>] [--root <project root>]";

/** Read the command line; throws a usage message for anything unexpected. */
export function parseArgs(argv: readonly string[]): ImportOptions {
  const options = { sources: "../shared/data-sources", root: "." };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === "--sources" || flag === "--root") && value !== undefined && !value.startsWith("--")) {
      options[flag === "--sources" ? "sources" : "root"] = value;
      i += 1;
    } else {
      throw new Error(`${flag === "--sources" || flag === "--root" ? `${flag} needs a folder` : `unknown argument ${JSON.stringify(flag)}`}\n${USAGE}`);
    }
  }
  return options;
}
