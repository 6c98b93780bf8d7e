/**
 * Run the claims audit against the stat registry and publish its counts as stats.
 * A claim naming an unknown or non-numeric stat, with a recomputation but no basis (or a
 * basis but no recomputation), whose note or caveat names an unknown stat, or whose
 * recorded status no longer matches the data, fails the build at the claim's file:line.
 */
import { statsNamed, strayBrace } from "./note.ts";
import { assessClaim, changedStatuses, countStatuses, type ClaimAssessment, type ClaimInput } from "./assess.ts";
import type { ClaimRow } from "./dataset.ts";
import { BuildError, DataError } from "../data/errors.ts";
import type { Table } from "../data/load.ts";
import { count } from "../stats/format.ts";
import type { Stat, StatRegistry } from "../stats/registry.ts";

export function auditClaims(tables: readonly Table<ClaimRow>[], stats: StatRegistry): ClaimAssessment[] {
  const assessments = tables.flatMap((table) =>
    table.rows.map(({ row, line }) => {
      if ((row.stat === "") !== (row.basis === "")) {
        throw new DataError(table.file, line, table.column("basis"), row.stat === "" ? `the claim "${row.id}" has no stat, so its basis must be empty` : `the claim "${row.id}" names a stat, so its basis must say what it is checked against: records or report`);
      }
      for (const field of ["note", "caveat"] as const) {
        if (strayBrace(row[field])) throw new DataError(table.file, line, table.column(field), `the ${field} of the claim "${row.id}" has a brace that is not a {stat.key} or {figure:key}`);
        for (const key of statsNamed(row[field])) {
          if (!stats.has(key)) throw new DataError(table.file, line, table.column(field), `the ${field} of the claim "${row.id}" names the unknown stat key "${key}"`);
        }
      }
      const claim: ClaimInput = { ...row, file: table.file, line };
      return assessClaim(claim, (key) => {
        if (!stats.has(key)) throw new DataError(table.file, line, table.column("stat"), `the claim "${row.id}" names the unknown stat key "${key}"`);
        const value = stats.get(key).value;
        if (typeof value !== "number") throw new DataError(table.file, line, table.column("stat"), `the claim "${row.id}" names "${key}", which is not a number`);
        return value;
      });
    }),
  );
  const changed = changedStatuses(assessments);
  if (changed.length > 0) {
    const lines = changed.map(({ claim, derived, recomputed }) => {
      const ours = recomputed === undefined ? "no recomputation" : `recomputed ${formatPlain(recomputed)}`;
      return `${claim.file}:${claim.line}: claim "${claim.id}" is recorded as ${claim.status} but the data now says ${derived} (printed ${claim.stated}, ${ours}, tolerance ${claim.tolerance}); check it and update the register`;
    });
    throw new BuildError(lines.join("\n"));
  }
  return assessments;
}

const formatPlain = (value: number) => String(Math.round(value * 1e6) / 1e6);

export function claimStats(assessments: readonly ClaimAssessment[]): Stat[] {
  const counts = countStatuses(assessments);
  return (["total", "reproduced", "consistent", "differs", "not_reproducible"] as const).map((status) => ({
    key: `claims.count.${status}`,
    value: counts[status],
    format: count(),
    label: status === "total" ? "number of claims in the register" : `number of claims whose status is ${status}`,
  }));
}
