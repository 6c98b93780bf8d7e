import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { readPdf } from "../../../scripts/engine/pdf/read-pdf.ts";

/** Three pages of text, with a named destination "part-two" on the second page. */
async function threePages(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const words of ["Cover page", "Part two   begins here", "The end"]) document.addPage([300, 300]).drawText(words, { x: 20, y: 150, size: 12, font });
  const target = document.getPage(1).ref;
  const dests = document.context.obj({ "part-two": [target, PDFName.of("XYZ"), 0, 300, null] });
  document.catalog.set(PDFName.of("Dests"), document.context.register(dests));
  document.setTitle("t");
  return document.save({ useObjectStreams: false });
}

describe("readPdf", () => {
  it("counts the pages, reads each page's text and finds the page a destination lands on", async () => {
    const bytes = await threePages();
    const contents = await readPdf(bytes, ["part-two", "missing"]);
    expect(contents.pageCount).toBe(3);
    expect(contents.pageTexts).toEqual(["Cover page", "Part two begins here", "The end"]);
    expect([...contents.destinationPages]).toEqual([["part-two", 2]]);
    // The caller's bytes are left usable.
    expect((await readPdf(bytes)).pageCount).toBe(3);
  });
});
