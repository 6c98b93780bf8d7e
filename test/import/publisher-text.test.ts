/**
 * The byte and text checks of a publisher's CSV file (scripts/import/publisher/text.ts):
 * the first byte that is not UTF-8 (scripts/engine/data/utf8.ts, which the data loader uses too),
 * checked against Node's own strict decoder, and where an
 * offset falls in a CSV text (line, cell, inside quotes or not).
 */
import { describe, expect, it } from "vitest";
import { firstNonUtf8Byte } from "../../scripts/engine/data/utf8.ts";
import { csvPosition } from "../../scripts/engine/data/csv-position.ts";
import { cutShort } from "../../scripts/import/publisher/text.ts";

const strictlyUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe("firstNonUtf8Byte", () => {
  it("finds the first byte of the first sequence that is not UTF-8, and agrees with the strict decoder on every case", () => {
    const cases: [number[], number][] = [
      [[0x61, 0x62], -1],
      [[0x61, 0xc3, 0xa9], -1], // é
      [[0xe2, 0x80, 0x99, 0x61], -1], // ’
      [[0xf0, 0x9f, 0x98, 0x80], -1], // an emoji, four bytes
      [[0x61, 0xe9, 0x74], 1], // Latin-1 é before an ASCII letter
      [[0x61, 0xe9], 1], // Latin-1 é at the end (a three-byte lead cut short)
      [[0xc3], 0], // a two-byte lead alone
      [[0x80], 0], // a continuation byte alone
      [[0xc0, 0xaf], 0], // an overlong "/"
      [[0xe0, 0x80, 0xaf], 0], // an overlong "/" in three bytes
      [[0xed, 0xa0, 0x80], 0], // a surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // beyond U+10FFFF
      [[0x61, 0xe2, 0x80, 0x61], 1], // a three-byte sequence cut short before an ASCII letter
    ];
    for (const [bytes, expected] of cases) {
      const array = Uint8Array.from(bytes);
      expect(firstNonUtf8Byte(array), bytes.join(" ")).toBe(expected);
      expect(strictlyUtf8(array), bytes.join(" ")).toBe(expected === -1);
    }
  });
});

describe("csvPosition and cutShort", () => {
  it("gives the line and the cell of the row, a quoted comma or line break belonging to its value", () => {
    const text = 'a,b,c\n1,"x, y",3\n2,"two\nlines",4\n';
    expect(csvPosition(text, text.indexOf("3"))).toMatchObject({ line: 2, column: 3, inQuotes: false });
    expect(csvPosition(text, text.indexOf("y"))).toMatchObject({ line: 2, column: 2, inQuotes: true });
    expect(csvPosition(text, text.indexOf("4"))).toMatchObject({ line: 4, column: 3, inQuotes: false });
  });

  it("says nothing of a text ending with a line break, and points at the last cell of one that does not", () => {
    expect(cutShort("a,b\n1,2\n")).toBeNull();
    expect(cutShort("a,b\r\n1,2\r\n")).toBeNull();
    expect(cutShort("a,b\n1,2")).toMatchObject({ line: 2, column: 2 });
    expect(cutShort('a,b\n1,"tw')?.plain).toContain("inside a quoted value");
  });
});
