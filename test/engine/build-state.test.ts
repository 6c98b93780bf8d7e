import { mkdir, readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_INPUTS, clearState, inputsFingerprint, isUpToDate, outputFingerprint, readState, stateFile, writeState } from "../../scripts/engine/build-state.ts";
import { REPO_ROOT, copyFixture, editFile, removeTemporaryFolders, temporaryFolder } from "../site/helpers.ts";

afterAll(removeTemporaryFolders);

describe("inputsFingerprint", () => {
  it("changes with any file of the project's content, data, releases or package.json, and with the options", async () => {
    const root = await copyFixture();
    const before = await inputsFingerprint(root);
    expect(await inputsFingerprint(root)).toBe(before);
    expect(await inputsFingerprint(root, { pathPrefix: "/x/" })).not.toBe(before);
    // Option order does not matter.
    expect(await inputsFingerprint(root, { a: 1, b: 2 })).toBe(await inputsFingerprint(root, { b: 2, a: 1 }));

    await editFile(root, "content/chapters/grades.md", "made-up grades", "made-up marks");
    const afterContent = await inputsFingerprint(root);
    expect(afterContent).not.toBe(before);

    await mkdir(path.join(root, "releases", "1.0.0"), { recursive: true });
    await writeFile(path.join(root, "releases", "1.0.0", "manifest.json"), "{}\n");
    const afterRelease = await inputsFingerprint(root);
    expect(afterRelease).not.toBe(afterContent);

    await editFile(root, "package.json", '"version"', '"version" ');
    expect(await inputsFingerprint(root)).not.toBe(afterRelease);
  });

  it("tells a renamed file from the same bytes under the old name", async () => {
    const root = await copyFixture();
    const before = await inputsFingerprint(root);
    await rename(path.join(root, "content/chapters/grades.md"), path.join(root, "content/chapters/grades2.md"));
    expect(await inputsFingerprint(root)).not.toBe(before);
  });

  it("changes with the engine: its code, layouts, stylesheet and lock file", async () => {
    const root = await copyFixture();
    const engine = await copyEngine();
    const before = await inputsFingerprint(root, {}, engine);
    await writeFile(path.join(engine, "assets/report.css"), "body { color: red; }\n");
    expect(await inputsFingerprint(root, {}, engine)).not.toBe(before);
  });

  it("reads every top-level file and folder of a project that the build reads", async () => {
    // The fixture project is all a project needs to build: each of its entries must be an input.
    // Hidden entries are not the project's (a build in place leaves its chart cache in .cache/).
    const entries = (await readdir(path.join(REPO_ROOT, "test/fixtures/mini-report"))).filter((entry) => !entry.startsWith(".")).sort();
    expect(entries.filter((entry) => !(PROJECT_INPUTS as readonly string[]).includes(entry))).toEqual([]);
  });
});

/** A small stand-in engine folder: the parts inputsFingerprint reads. */
async function copyEngine(): Promise<string> {
  const engine = await temporaryFolder("engine-");
  await mkdir(path.join(engine, "assets"), { recursive: true });
  await mkdir(path.join(engine, "scripts"), { recursive: true });
  await writeFile(path.join(engine, "assets/report.css"), "body { color: black; }\n");
  await writeFile(path.join(engine, "scripts/x.ts"), "export {};\n");
  await writeFile(path.join(engine, "package-lock.json"), "{}\n");
  return engine;
}

describe("outputFingerprint", () => {
  it("is null for a missing or empty folder, and changes with any file's bytes, name or presence", async () => {
    const dir = await temporaryFolder("out-");
    expect(await outputFingerprint(path.join(dir, "missing"))).toBeNull();
    expect(await outputFingerprint(dir)).toBeNull();
    await writeFile(path.join(dir, "a.html"), "a");
    const one = await outputFingerprint(dir);
    await writeFile(path.join(dir, "a.html"), "b");
    const edited = await outputFingerprint(dir);
    expect(edited).not.toBe(one);
    await writeFile(path.join(dir, "b.html"), "");
    expect(await outputFingerprint(dir)).not.toBe(edited);
  });
});

describe("the record of a build", () => {
  it("is one file per output folder, written whole, read back, and cleared", async () => {
    const dir = await temporaryFolder("state-");
    const fileA = stateFile(dir, "/x/_site");
    expect(stateFile(dir, "/x/_site")).toBe(fileA);
    expect(stateFile(dir, "/y/_site")).not.toBe(fileA);
    expect(await readState(fileA)).toBeNull();
    await writeState(fileA, { inputs: "i", output: "o" });
    expect(await readState(fileA)).toEqual({ inputs: "i", output: "o" });
    await clearState(fileA);
    expect(await readState(fileA)).toBeNull();
    await writeFile(fileA, "not json");
    expect(await readState(fileA)).toBeNull();
  });

  it("is up to date only when both the inputs and the output are as recorded", async () => {
    const recorded = { inputs: "i", output: "o" };
    const output = (value: string | null) => async () => value;
    expect(await isUpToDate(recorded, "i", output("o"))).toBe(true);
    expect(await isUpToDate(recorded, "j", output("o"))).toBe(false);
    expect(await isUpToDate(recorded, "i", output("p"))).toBe(false);
    expect(await isUpToDate(recorded, "i", output(null))).toBe(false);
    expect(await isUpToDate(null, "i", output("o"))).toBe(false);
  });

  it("does not read the output when the inputs have changed", async () => {
    let reads = 0;
    const outputNow = async () => {
      reads += 1;
      return "o";
    };
    expect(await isUpToDate({ inputs: "i", output: "o" }, "j", outputNow)).toBe(false);
    expect(await isUpToDate(null, "i", outputNow)).toBe(false);
    expect(reads).toBe(0);
  });
});
