import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { deterministicZip } from "../../../scripts/engine/downloads/zip.ts";

/** Make a zip with the process in another time zone (Node reads TZ again when it changes). */
function zipIn(timeZone: string): { zip: Uint8Array; offset: number } {
  const saved = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return { zip: deterministicZip(entries), offset: new Date(Date.UTC(2015, 0, 1)).getTimezoneOffset() };
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

const text = (value: string) => new TextEncoder().encode(value);
const entries = [
  { path: "folder/data/b.csv", bytes: text("x,y\n1,2\n") },
  { path: "folder/README.md", bytes: text("# Read me\n") },
  { path: "folder/data/a.csv", bytes: text("a\n".repeat(200)) },
];

/** The local file headers' names, in archive order (signature PK\x03\x04, name length at 26, name at 30). */
function headerNames(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const names: string[] = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const compressed = view.getUint32(at + 18, true);
    names.push(new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength)));
    at += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

describe("deterministicZip", () => {
  it("gives the same bytes whatever order the entries come in", () => {
    expect(Buffer.from(deterministicZip([...entries].reverse())).equals(Buffer.from(deterministicZip(entries)))).toBe(true);
  });

  it("stores the entries sorted by path, and unzips to exactly the files given", () => {
    const zip = deterministicZip(entries);
    expect(headerNames(zip)).toEqual(["folder/README.md", "folder/data/a.csv", "folder/data/b.csv"]);
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped).sort()).toEqual(entries.map((e) => e.path).sort());
    for (const entry of entries) expect(Buffer.from(unzipped[entry.path]).equals(Buffer.from(entry.bytes))).toBe(true);
  });

  it("dates every entry 1 January 1980, 12:00, in any time zone", () => {
    // DOS date: (year - 1980) << 9 | month << 5 | day = 0 | 32 | 1 = 33; time: 12 << 11 = 24576.
    const dates = (zip: Uint8Array) => {
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      return [view.getUint16(10, true), view.getUint16(12, true)];
    };
    const inUtc = zipIn("UTC");
    const inChatham = zipIn("Pacific/Chatham");
    // The change of zone must really be in effect (UTC+13:45 in January), or the comparison proves nothing.
    expect([inUtc.offset, inChatham.offset]).toEqual([0, -825]);
    expect(dates(inUtc.zip)).toEqual([24576, 33]);
    expect(Buffer.from(inChatham.zip).equals(Buffer.from(inUtc.zip))).toBe(true);
  });

  it("compresses: a repetitive file takes less room than its bytes", () => {
    const zip = deterministicZip([{ path: "a.csv", bytes: text("a\n".repeat(5000)) }]);
    expect(zip.length).toBeLessThan(1000);
  });

  it("refuses paths that would unzip outside its folder, and the same path twice", () => {
    expect(() => deterministicZip([{ path: "../a.csv", bytes: text("") }])).toThrow(/cannot be a path inside a zip/);
    expect(() => deterministicZip([{ path: "/a.csv", bytes: text("") }])).toThrow(/cannot be a path inside a zip/);
    expect(() => deterministicZip([{ path: "a\\b.csv", bytes: text("") }])).toThrow(/cannot be a path inside a zip/);
    expect(() => deterministicZip([entries[0], entries[0]])).toThrow(/is in the zip twice/);
  });
});
