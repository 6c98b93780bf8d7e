/**
 * The prepared report of the build in progress, as the Eleventy layer sees it: made
 * afresh before each build (eleventy.before), awaited by global data that Eleventy may ask
 * for while it is still being made, and read by every shortcode once it is.
 */
import { BuildError } from "../data/errors.ts";
import type { PreparedReport } from "../prepare.ts";

export class PreparedState {
  private preparing: Promise<PreparedReport> | undefined;
  private prepared: PreparedReport | undefined;

  /** Start preparing this build's report; resolves when it is ready. */
  async prepare(make: () => Promise<PreparedReport>): Promise<PreparedReport> {
    this.prepared = undefined;
    this.preparing = make();
    this.prepared = await this.preparing;
    return this.prepared;
  }

  /** The report once it is prepared; for global data, which may be asked for before. */
  whenPrepared(what: string): Promise<PreparedReport> {
    if (!this.preparing) throw new BuildError(`${what} was asked for before the report was prepared`);
    return this.preparing;
  }

  /** The report, during rendering. */
  current(): PreparedReport {
    if (!this.prepared) throw new BuildError("the report was not prepared before rendering");
    return this.prepared;
  }
}
