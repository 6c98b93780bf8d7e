import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataFolder } from "../../../scripts/engine/data/folder.ts";
import { loadCsv } from "../../../scripts/engine/data/load.ts";
import { utf8Text } from "../../../scripts/engine/data/utf8.ts";
import { scanContent } from "../../../scripts/engine/figures/placement.ts";
import { contentDataTexts } from "../../../scripts/engine/prepare.ts";
import { inspectionOutcomesByYear } from "../../../scripts/report/outcomes/datasets.ts";
import { expectDataError } from "../../helpers/data-error.ts";

const NOT_UTF8 = "the file is not UTF-8 (byte 0xE9 here is not UTF-8 text: the file was probably saved as Latin-1 or Windows-1252); save it as UTF-8";
/** Text with `latin1` parts written as single bytes, as a spreadsheet saving in Windows-1252 writes them. */
const bytes = (...parts: (string | { latin1: string })[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p.latin1, "latin1"))));

describe("utf8Text", () => {
  it("reads UTF-8 as it is, a byte-order mark and any U+FFFD written in the file kept", () => {
    expect(utf8Text("data/a.csv", bytes("\uFEFFname\nVallée, � ✓\n"))).toBe("\uFEFFname\nVallée, � ✓\n");
  });

  it("refuses a Latin-1 byte in a CSV file at its line and field", async () => {
    // Line 3, field 2: the quoted comma and the UTF-8 "é" before it do not move it.
    await expectDataError(() => utf8Text("data/a.csv", bytes("code,name\nE1,\"Vallée, the\"\nE2,", { latin1: "Vallé" }, "e\n")), `data/a.csv:3:2: ${NOT_UTF8}`);
    // A quoted value over two lines: the field it began in.
    await expectDataError(() => utf8Text("data/a.csv", bytes('a,b,c\n1,"x\n', { latin1: "é" }, '",3\n')), `data/a.csv:3:2: ${NOT_UTF8}`);
  });

  it("counts the character of the line in any other file, and CRLF line endings as one", async () => {
    await expectDataError(() => utf8Text("content/index.md", bytes("# Title\r\n\r\nCaf", { latin1: "é" }, " ✓\r\n")), `content/index.md:3:4: ${NOT_UTF8}`);
    // A UTF-8 character cut short is not UTF-8 either: the byte it starts with is named.
    await expectDataError(() => utf8Text("notes.txt", Buffer.from([0x61, 0xe2, 0x9c, 0x0a])), "notes.txt:1:2: " + NOT_UTF8.replace("0xE9", "0xE2"));
  });

  it("is how the build and the loader read a data file", async () => {
    const file = "data/national/inspection-outcomes-by-year.csv";
    const text = bytes("year,grade,percent,source\n2007/08,good,69,Ofst", { latin1: "é" }, "d\n");
    await expectDataError(() => new DataFolder(new Map([[file, text]])).text(file), `${file}:2:4: ${NOT_UTF8}`);
    const root = await mkdtemp(path.join(tmpdir(), "utf8-"));
    try {
      await mkdir(path.join(root, "data", "national"), { recursive: true });
      await writeFile(path.join(root, file), text);
      await expectDataError(() => loadCsv(root, file, inspectionOutcomesByYear.schema), `${file}:2:4: ${NOT_UTF8}`);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("refuses a content page that is not UTF-8 before Eleventy reads it", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "utf8-content-"));
    try {
      await mkdir(path.join(root, "content", "chapters"), { recursive: true });
      await writeFile(path.join(root, "content", "chapters", "one.md"), bytes("---\ntitle: One\n---\nA caf", { latin1: "é" }, ".\n"));
      await expectDataError(() => scanContent(root, path.join(root, "content")), `content/chapters/one.md:4:6: ${NOT_UTF8}`);
      // And the content's data files, which Eleventy reads too.
      await mkdir(path.join(root, "content", "_data"));
      await writeFile(path.join(root, "content", "_data", "report.json"), '{"title": "Café"}\n');
      expect(await contentDataTexts(root, path.join(root, "content"))).toEqual(new Map([["report.json", '{"title": "Café"}\n']]));
      await writeFile(path.join(root, "content", "_data", "bibliography.json"), bytes('{\n  "a": "Caf', { latin1: "é" }, '"\n}\n'));
      await expectDataError(() => contentDataTexts(root, path.join(root, "content")), `content/_data/bibliography.json:2:12: ${NOT_UTF8}`);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
