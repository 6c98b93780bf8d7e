import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
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

  it("gives the size most characters are set in as the body text's, and every link's address", async () => {
    const document = await PDFDocument.create();
    const font = await document.embedFont(StandardFonts.Helvetica);
    const page = document.addPage([300, 300]);
    // 5 characters at 20 pt, 16 at 10.5 pt (spaces not counted), 3 at 8 pt.
    page.drawText("Title", { x: 20, y: 250, size: 20, font });
    page.drawText("body text here", { x: 20, y: 200, size: 10.5, font });
    page.drawText("and more", { x: 20, y: 180, size: 10.5, font });
    page.drawText("p 1", { x: 20, y: 20, size: 8, font });
    // pdf-lib writes a plain string as a name: the address must be a PDF string.
    const link = document.context.obj({ Type: "Annot", Subtype: "Link", Rect: [20, 180, 120, 210], Border: [0, 0, 0], A: { Type: "Action", S: "URI", URI: PDFString.of("https://example.org/bnw/councils/a/") } });
    page.node.set(PDFName.of("Annots"), document.context.obj([document.context.register(link)]));
    const contents = await readPdf(await document.save({ useObjectStreams: false }));
    expect(contents.bodyTextSize).toBe(10.5);
    expect(contents.linkAddresses).toEqual(["https://example.org/bnw/councils/a/"]);
  });
});
