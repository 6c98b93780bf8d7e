import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfDate, withDocumentInfo } from "../../../scripts/engine/pdf/metadata.ts";

/** A one-page PDF as a printer would stamp it: created at the given moment. */
async function printedAt(moment: Date): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]);
  document.setCreationDate(moment);
  document.setModificationDate(moment);
  document.setProducer("Skia/PDF m156");
  return document.save({ useObjectStreams: false });
}

const info = { title: "A report: its subtitle", subject: "A rebuild", producer: "brave-new-world-report 1.0.0", date: "2026-08-20" };

describe("withDocumentInfo", () => {
  it("records the data's date, not the moment of printing, and names the report", async () => {
    const stamped = await PDFDocument.load(await withDocumentInfo(await printedAt(new Date("2030-01-02T03:04:05Z")), info), { updateMetadata: false });
    expect(stamped.getCreationDate()?.toISOString()).toBe("2026-08-20T00:00:00.000Z");
    expect(stamped.getModificationDate()?.toISOString()).toBe("2026-08-20T00:00:00.000Z");
    expect(stamped.getTitle()).toBe("A report: its subtitle");
    expect(stamped.getSubject()).toBe("A rebuild");
    expect(stamped.getProducer()).toBe("brave-new-world-report 1.0.0");
  });

  it("gives the same bytes for the same document printed at different times", async () => {
    const first = await withDocumentInfo(await printedAt(new Date("2030-01-02T03:04:05Z")), info);
    const second = await withDocumentInfo(await printedAt(new Date("2031-06-07T08:09:10Z")), info);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});

describe("pdfDate", () => {
  it("is midnight UTC of the data's date, or of 1 January 1970 without one", () => {
    expect(pdfDate("2015-03-31").toISOString()).toBe("2015-03-31T00:00:00.000Z");
    expect(pdfDate(null).toISOString()).toBe("1970-01-01T00:00:00.000Z");
  });
});
