/**
 * The stat registry: every number the prose may quote, by key. Content refers to a
 * key (`{% stat "outcomes.variation.early" %}`), never to a typed number.
 */
import { BuildError } from "../data/errors.ts";
import { formatValue, type Format } from "./format.ts";

export interface Stat {
  readonly key: string;
  readonly value: number | string;
  readonly format: Format;
  /** What the number is, in a few words: shown in the methods appendix and error messages. */
  readonly label: string;
}

export class StatRegistry {
  private readonly stats = new Map<string, Stat>();

  constructor(stats: Iterable<Stat> = []) {
    for (const stat of stats) this.add(stat);
  }

  add(stat: Stat): void {
    if (this.stats.has(stat.key)) throw new BuildError(`the stat key "${stat.key}" is defined twice`);
    this.stats.set(stat.key, stat);
  }

  has(key: string): boolean {
    return this.stats.has(key);
  }

  get(key: string): Stat {
    const stat = this.stats.get(key);
    if (!stat) {
      const near = [...this.stats.keys()].filter((k) => k.split(".")[0] === key.split(".")[0]).slice(0, 5);
      const hint = near.length > 0 ? `; keys in that family include ${near.join(", ")}` : "";
      throw new BuildError(`unknown stat key "${key}"${hint}`);
    }
    return stat;
  }

  /** The formatted value; a missing or non-finite value is an error, never an empty string. */
  format(key: string): string {
    const stat = this.get(key);
    try {
      return formatValue(stat.value, stat.format);
    } catch (error) {
      throw new BuildError(`the stat "${key}" (${stat.label}) has no usable value: ${(error as Error).message}`);
    }
  }

  keys(): string[] {
    return [...this.stats.keys()].sort();
  }
}
