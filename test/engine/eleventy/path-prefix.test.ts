import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PATH_PREFIX_ENV, normalisePathPrefix, pathPrefixFrom } from "../../../scripts/engine/eleventy/path-prefix.ts";
import { REPO_ROOT } from "../../site/helpers.ts";

describe("normalisePathPrefix", () => {
  it("gives / for no prefix and /a/b/ with one slash either side otherwise", () => {
    expect(normalisePathPrefix(undefined)).toBe("/");
    expect(normalisePathPrefix("")).toBe("/");
    expect(normalisePathPrefix("/")).toBe("/");
    expect(normalisePathPrefix("brave-new-world")).toBe("/brave-new-world/");
    expect(normalisePathPrefix("/brave-new-world")).toBe("/brave-new-world/");
    expect(normalisePathPrefix(" //reports//brave_new.world~2/ ")).toBe("/reports/brave_new.world~2/");
  });

  it("refuses parts that would need escaping or climb out of the host's root", () => {
    for (const bad of ["/a b/", "/../x/", "/./", "/caf\u00e9/", "/a?b/", "/a#b/", "/a%20b/"]) {
      expect(() => normalisePathPrefix(bad), bad).toThrow(/the path prefix .* is not usable/);
    }
  });
});

describe("pathPrefixFrom", () => {
  it("takes the command line's value over the environment's, and the environment's over none", () => {
    expect(pathPrefixFrom("/one/", { [PATH_PREFIX_ENV]: "/two/" })).toBe("/one/");
    expect(pathPrefixFrom(undefined, { [PATH_PREFIX_ENV]: "two" })).toBe("/two/");
    expect(pathPrefixFrom(undefined, {})).toBe("/");
  });
});

describe("npm start (eleventy --serve, configured by .eleventy.js)", () => {
  // The configuration is read once per process: a child process with the variable set reads it as `npm start` would.
  const configuredPrefix = async (env: Record<string, string>) => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", 'const { config } = await import("./.eleventy.js"); console.log(config.pathPrefix);'], {
      cwd: REPO_ROOT,
      env: { ...process.env, [PATH_PREFIX_ENV]: "", ...env },
    });
    return stdout.trim();
  };

  it("serves under REPORT_PATH_PREFIX as the build builds for it", async () => {
    // Without it, "/" (pathPrefixFrom above).
    expect(await configuredPrefix({ [PATH_PREFIX_ENV]: "brave-new-world" })).toBe("/brave-new-world/");
  });
});
