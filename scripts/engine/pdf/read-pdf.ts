/**
 * What a printed PDF holds, read back with pdfjs-dist: its page count, each page's text
 * (the glyphs Chromium wrote as text, so a chart label found here was not rasterised) and
 * the page each named destination lands on (Chromium names a destination after every
 * element id that a link in the document points to).
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfContents {
  readonly pageCount: number;
  /** Page n's text at index n − 1; text items joined by spaces, whitespace collapsed. */
  readonly pageTexts: readonly string[];
  /** Destination name → 1-based page number, for the names asked for that exist. */
  readonly destinationPages: ReadonlyMap<string, number>;
}

export async function readPdf(bytes: Uint8Array, destinationNames: readonly string[] = []): Promise<PdfContents> {
  // pdfjs takes ownership of the buffer it is given; pass a copy so the caller's bytes stay usable.
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pageTexts: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
      pageTexts.push(text.replace(/\s+/g, " ").trim());
    }
    const destinationPages = new Map<string, number>();
    for (const name of destinationNames) {
      const destination = await document.getDestination(name);
      const target = destination?.[0];
      if (target && typeof target === "object" && "num" in target) destinationPages.set(name, (await document.getPageIndex(target)) + 1);
    }
    return { pageCount: document.numPages, pageTexts, destinationPages };
  } finally {
    await document.destroy();
  }
}
