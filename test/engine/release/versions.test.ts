import { describe, expect, it } from "vitest";
import { compareVersions, isVersion, latestVersion } from "../../../scripts/engine/release/versions.ts";

describe("report versions", () => {
  it("orders by number, not by text", () => {
    expect(compareVersions("0.10.0", "0.9.0")).toBeGreaterThan(0);
    expect(compareVersions("1.0.0", "0.99.99")).toBeGreaterThan(0);
    expect(compareVersions("1.2.3", "1.2.3")).toBe(0);
    expect(compareVersions("1.2.3", "1.2.10")).toBeLessThan(0);
  });

  it("puts a pre-release before its release, numeric parts by number", () => {
    expect(compareVersions("1.0.0-rc.1", "1.0.0")).toBeLessThan(0);
    expect(compareVersions("1.0.0-rc.10", "1.0.0-rc.9")).toBeGreaterThan(0);
    expect(compareVersions("1.0.0-alpha", "1.0.0-alpha.1")).toBeLessThan(0);
    expect(compareVersions("1.0.0-alpha.beta", "1.0.0-beta")).toBeLessThan(0);
    expect(compareVersions("1.0.0-1", "1.0.0-alpha")).toBeLessThan(0);
  });

  it("picks the latest release folder and ignores folders that are not versions", () => {
    expect(latestVersion(["0.9.0", "0.10.0", "0.2.1", "notes", "1.0.0-rc.1"])).toBe("1.0.0-rc.1");
    expect(latestVersion(["0.9.0", "0.10.0"])).toBe("0.10.0");
    expect(latestVersion(["drafts"])).toBeUndefined();
    expect(latestVersion([])).toBeUndefined();
  });

  it("knows a version when it sees one", () => {
    expect(isVersion("0.1.0")).toBe(true);
    expect(isVersion("v0.1.0")).toBe(false);
    expect(isVersion("01.1.0")).toBe(false);
    expect(() => compareVersions("1.0", "1.0.0")).toThrow('"1.0" is not a version');
  });
});
