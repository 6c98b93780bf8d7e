/**
 * The stat registry: every number the prose may quote, by key. Content refers to a
 * key (`{% stat "outcomes.variation.early" %}`), never to a typed number.
 */
import { BuildError } from "../data/errors.ts";
import { formatShare, formatValue, type Format, type ShareBase } from "./format.ts";

export interface Stat {
  readonly key: string;
  readonly value: number | string;
  readonly format: Format;
  /** What the number is, in a few words: shown in the methods appendix and error messages. */
  readonly label: string;
  /**
   * For a percentage of counted things: the counts it is a share of. The value must be
   * 100 × part ÷ whole, and a base under SMALL_BASE is shown beside it ("25% (2 of 8)").
   */
  readonly base?: ShareBase;
}

export class StatRegistry {
  private readonly stats = new Map<string, Stat>();

  constructor(stats: Iterable<Stat> = []) {
    for (const stat of stats) this.add(stat);
  }

  add(stat: Stat): void {
    if (this.stats.has(stat.key)) throw new BuildError(`the stat key "${stat.key}" is defined twice`);
    if (stat.base !== undefined) {
      const { part, whole } = stat.base;
      if (stat.format.kind !== "percent" || typeof stat.value !== "number" || !(whole > 0) || Math.abs(stat.value - (100 * part) / whole) > 1e-9) {
        throw new BuildError(`the stat "${stat.key}" (${stat.label}) gives its base as ${part} of ${whole}, which is not its value ${String(stat.value)} as a percentage`);
      }
    }
    this.stats.set(stat.key, stat);
  }

  has(key: string): boolean {
    return this.stats.has(key);
  }

  get(key: string): Stat {
    const stat = this.stats.get(key);
    if (!stat) {
      const hint = this.nearest(key);
      throw new BuildError(`unknown stat key "${key}"${hint}`);
    }
    return stat;
  }

  /**
   * Up to five keys sharing the longest run of leading segments with `key`, preferring
   * keys of the same depth: for "outcomes.variation.middle", the other variations.
   */
  private nearest(key: string): string {
    const parts = key.split(".");
    const scored = [...this.stats.keys()].map((k) => {
      const other = k.split(".");
      let shared = 0;
      while (shared < parts.length && parts[shared] === other[shared]) shared += 1;
      return { k, shared, depth: Math.abs(other.length - parts.length) };
    });
    const shared = Math.max(0, ...scored.map((s) => s.shared));
    if (shared === 0) return "";
    const candidates = scored.filter((s) => s.shared === shared);
    const depth = Math.min(...candidates.map((s) => s.depth));
    const near = candidates.filter((s) => s.depth === depth).map((s) => s.k).sort().slice(0, 5);
    return `; did you mean one of: ${near.join(", ")}`;
  }

  /** The formatted value; a missing or non-finite value is an error, never an empty string. */
  format(key: string): string {
    const stat = this.get(key);
    try {
      return stat.base !== undefined && stat.format.kind === "percent" ? formatShare(stat.base, stat.format.decimals) : formatValue(stat.value, stat.format);
    } catch (error) {
      throw new BuildError(`the stat "${key}" (${stat.label}) has no usable value: ${(error as Error).message}`);
    }
  }

  keys(): string[] {
    return [...this.stats.keys()].sort();
  }
}
