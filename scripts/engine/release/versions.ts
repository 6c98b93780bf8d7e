/**
 * Report versions are semantic versions (package.json "version"): MAJOR.MINOR.PATCH with
 * an optional pre-release (1.0.0-rc.1). The latest release is the highest by semver
 * precedence, so 0.10.0 comes after 0.9.0 and 1.0.0 after 1.0.0-rc.2.
 */

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

export function isVersion(text: string): boolean {
  return SEMVER.test(text);
}

function parts(version: string): { core: number[]; pre: string[] } {
  const match = SEMVER.exec(version);
  if (!match) throw new Error(`"${version}" is not a version of the form MAJOR.MINOR.PATCH (such as 1.2.0)`);
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4] ? match[4].split(".") : [] };
}

/** Negative when a comes before b, positive when after, zero when equal in precedence. */
export function compareVersions(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i += 1) if (x.core[i] !== y.core[i]) return x.core[i] - y.core[i];
  // A version without a pre-release comes after the same version with one.
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.min(x.pre.length, y.pre.length); i += 1) {
    const [p, q] = [x.pre[i], y.pre[i]];
    if (p === q) continue;
    const [pn, qn] = [/^\d+$/.test(p), /^\d+$/.test(q)];
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return x.pre.length - y.pre.length;
}

/** The highest of the given versions; names that are not versions are ignored. Undefined when none. */
export function latestVersion(names: Iterable<string>): string | undefined {
  let latest: string | undefined;
  for (const name of names) {
    if (!isVersion(name)) continue;
    if (latest === undefined || compareVersions(name, latest) > 0) latest = name;
  }
  return latest;
}
