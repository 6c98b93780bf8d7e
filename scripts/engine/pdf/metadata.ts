/**
 * The PDF's document information, made reproducible: Chromium stamps the time it printed
 * as the creation and modification dates; pdf-lib replaces them with the date the data
 * runs to (the release manifest's dataAsOf), and sets title, subject and producer.
 */
import { PDFDocument } from "pdf-lib";

export interface PdfInfo {
  readonly title: string;
  readonly subject: string;
  /** "brave-new-world-report 0.1.0": what made the file, without Chromium's version in it. */
  readonly producer: string;
  /** ISO date (YYYY-MM-DD) used as creation and modification date; null → 1 January 1970. */
  readonly date: string | null;
}

/** The date a PDF records: midnight UTC of the data's date. */
export const pdfDate = (isoDate: string | null) => new Date(`${isoDate ?? "1970-01-01"}T00:00:00Z`);

export async function withDocumentInfo(bytes: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const date = pdfDate(info.date);
  document.setTitle(info.title, { showInWindowTitleBar: true });
  document.setSubject(info.subject);
  document.setCreator(info.producer);
  document.setProducer(info.producer);
  document.setCreationDate(date);
  document.setModificationDate(date);
  document.setLanguage("en-GB");
  return document.save({ useObjectStreams: false, updateFieldAppearances: false });
}
