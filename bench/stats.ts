/**
 * Small statistics for the benchmark: every figure `npm run bench` prints is the median
 * of several runs, shown with the fastest and slowest.
 */

export interface Summary {
  readonly runs: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function checked(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new Error("no samples to summarise");
  if (samples.some((s) => !Number.isFinite(s))) throw new Error(`a sample is not a finite number: ${samples.join(", ")}`);
  return [...samples].sort((a, b) => a - b);
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(samples: readonly number[]): number {
  const sorted = checked(samples);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = checked(samples);
  return { runs: sorted.length, median: median(sorted), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Apply `f` to the median, min and max alike (e.g. total time → time per chart). */
export function scale(summary: Summary, f: (value: number) => number): Summary {
  const [a, b] = [f(summary.min), f(summary.max)];
  return { runs: summary.runs, median: f(summary.median), min: Math.min(a, b), max: Math.max(a, b) };
}

/** "1.23 (1.20–1.31)" with the given number of decimals. */
export function formatSummary(summary: Summary, decimals = 2): string {
  const f = (v: number) => v.toFixed(decimals);
  return `${f(summary.median)} (${f(summary.min)}–${f(summary.max)})`;
}

/** A Markdown table: a header row and rows of cells, columns padded for reading as plain text too. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
