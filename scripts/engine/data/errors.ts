/**
 * Errors about input data. Every message a reader sees has the form
 * `file:line:column: plain sentence`, so an editor or terminal can jump to the cell.
 * `file` is always the path relative to the project root, with forward slashes,
 * so the message is the same on every machine and in every working directory.
 */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly plain: string,
  ) {
    super(`${file}:${line}:${column}: ${plain}`);
    this.name = "DataError";
  }
}

/** Errors that are not about one data cell: a page, a key, a figure. */
export class BuildError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "BuildError";
  }
}

/**
 * Whether an error is one of ours (its message is complete as it stands). Checked by
 * name, not instanceof: Eleventy imports the plugin through its own loader, so under a
 * test runner the same class can exist twice.
 */
export function isReportError(error: unknown): error is DataError | BuildError {
  return error instanceof Error && (error.name === "DataError" || error.name === "BuildError");
}

/** Quote a value for a message, keeping it on one line and short. */
export function quoted(value: string): string {
  // JSON.stringify keeps the quote on one line: a newline inside shows as \n.
  const short = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(short);
}
