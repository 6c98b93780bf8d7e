import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { naming, writeFailure } from "../../scripts/engine/write-failure.ts";

const places = { outDir: "/x/_site", staging: "/x/_site.building-7", cacheDir: "/x/.cache/svg" };
const STAGING = "/x/_site.building-7 (where the site is built before it replaces /x/_site)";
const failing = (code: string, file?: string) => Object.assign(new Error(`${code}: …`), { code, ...(file ? { path: file } : {}) });
/** Eleventy's wrapper around the system's error: a message listing every page of the template. */
const wrapped = (cause: Error) => Object.assign(new Error(`Having trouble writing to ${'"/x/_site.building-7/councils/a/index.html", '.repeat(300)}`), { originalError: cause });

describe("writeFailure", () => {
  it("names the build's own folder holding the file and what happened, whatever wraps the error", () => {
    const message = (code: string, file?: string) => writeFailure([wrapped(failing(code, file)), failing(code, file)], places)?.message;
    expect(message("ENOSPC")).toBe(`no space left on the device holding ${STAGING}`);
    expect(message("EDQUOT", "/x/_site.building-7/a/index.html")).toBe(`the disk quota is used up on the device holding ${STAGING}`);
    expect(message("EROFS", "/x/_site.building-7")).toBe(`${STAGING} cannot be written: its file system is read-only`);
    expect(message("EACCES", "/x/.cache/svg/abc.svg.7.tmp")).toBe("/x/.cache/svg (the chart cache) cannot be written: permission denied");
    expect(message("EPERM", "/elsewhere/file")).toBe("/elsewhere cannot be written: the operation is not permitted");
  });

  it("quotes a name too long for the file system short, with its length", () => {
    const long = "b".repeat(300);
    expect(writeFailure([failing("ENAMETOOLONG", `/x/_site.building-7/councils/${long}/index.html`)], places)?.message).toBe(
      `a file name made in ${STAGING} is too long for its file system: "${"b".repeat(40)}..." is 300 bytes, and a file system takes at most 255 in one name`,
    );
  });

  it("leaves every other error alone", () => {
    expect(writeFailure([failing("ENOENT", "/x/a"), new Error("template: unexpected token")], places)).toBeUndefined();
  });
});

describe("naming", () => {
  it("gives a failed write's error the file's path when the system named none", async () => {
    const full = failing("ENOSPC");
    await expect(naming("/x/.cache/svg/a.tmp", Promise.reject(full))).rejects.toMatchObject({ code: "ENOSPC", path: "/x/.cache/svg/a.tmp" });
    // A path the system named is kept.
    const named = failing("EACCES", "/x/other");
    await expect(naming("/x/.cache/svg/a.tmp", Promise.reject(named))).rejects.toMatchObject({ path: "/x/other" });
    // And a write that succeeds is passed through.
    await expect(naming("/dev/null", writeFile(path.join("/dev/null"), ""))).resolves.toBeUndefined();
  });
});
