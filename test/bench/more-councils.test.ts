import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { copiedCode, multiplyCouncils, settleClaims } from "../../bench/more-councils.ts";
import { loadReportDefinition } from "../../scripts/engine/definition.ts";

const MINI = path.resolve(import.meta.dirname, "..", "fixtures", "mini-report");
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const rowsOf = async (root: string, file: string) => parse(await readFile(path.join(root, file), "utf8"), { columns: true }) as Record<string, string>[];

describe("copiedCode", () => {
  it("puts the copy's number in the fourth digit, where no real council code has one", () => {
    expect(copiedCode("E06000001", 1)).toBe("E06100001");
    expect(copiedCode("E10000034", 3)).toBe("E10300034");
  });
  it("refuses a code that is already a copy, and a copy number that does not fit one digit", () => {
    expect(() => copiedCode("E06100001", 2)).toThrow("not a code of the form E0x000nnn");
    expect(() => copiedCode("E06000001", 10)).toThrow("9 times at most");
  });
});

describe("multiplyCouncils", () => {
  it("gives a project three times its councils, under new codes and names, with their inspections a day per copy earlier, and the build's checks accept it", async () => {
    const root = path.join(await mkdtemp(path.join(os.tmpdir(), "more-councils-")), "report");
    folders.push(path.dirname(root));
    await cp(MINI, root, { recursive: true });
    const [councils, inspections] = [await rowsOf(root, "data/councils/councils.csv"), await rowsOf(root, "data/councils/inspections.csv")];

    expect(await multiplyCouncils(root, 3)).toBe(3 * councils.length);

    const tripled = await rowsOf(root, "data/councils/councils.csv");
    expect(new Set(tripled.map((r) => r.code)).size).toBe(3 * councils.length);
    expect(new Set(tripled.map((r) => r.name)).size).toBe(3 * councils.length);
    expect(tripled.find((r) => r.code === copiedCode(councils[0].code, 2))?.name).toBe(`${councils[0].name} Copy 3`);
    const moved = await rowsOf(root, "data/councils/inspections.csv");
    expect(moved).toHaveLength(3 * inspections.length);
    const first = inspections[0];
    const copies = moved.filter((r) => r.council_code.slice(4) === first.council_code.slice(4) && r.council_code.slice(0, 3) === first.council_code.slice(0, 3));
    const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    expect(copies.filter((r) => r.council_code === copiedCode(first.council_code, 2)).map((r) => day(r.published))[0]).toBe(day(first.published) - 2);

    // The copy is signed and prepared as a build would: data checks, families, claims.
    // The definition is loaded where it lives: it imports the engine by relative path.
    const definition = await loadReportDefinition(path.join(MINI, "scripts", "report", "index.ts"));
    await expect(settleClaims(root, definition)).resolves.toBe(0);
  });
});
