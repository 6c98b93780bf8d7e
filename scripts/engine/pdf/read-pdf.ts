/**
 * What a printed PDF holds, read back with pdfjs-dist: its page count, each page's text
 * (the glyphs Chromium wrote as text, so a chart label found here was not rasterised) and
 * the page each named destination lands on (Chromium names a destination after every
 * element id that a link in the document points to), the size of its body text and the
 * addresses its links go to.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfContents {
  readonly pageCount: number;
  /** Page n's text at index n − 1; text items joined by spaces, whitespace collapsed. */
  readonly pageTexts: readonly string[];
  /** Destination name → 1-based page number, for the names asked for that exist. */
  readonly destinationPages: ReadonlyMap<string, number>;
  /**
   * The size in points, to a tenth, that most of the text's characters are set in: the body
   * text. (Each text run's size is its scale on the page, so it counts any shrinking too.)
   */
  readonly bodyTextSize: number;
  /** Every run of text with its size in points, to a tenth, page by page (page numbers from 1). */
  readonly runs: readonly { readonly page: number; readonly text: string; readonly size: number }[];
  /** Every link's address to outside the document (URI actions), page by page, in order. */
  readonly linkAddresses: readonly string[];
}

export async function readPdf(bytes: Uint8Array, destinationNames: readonly string[] = []): Promise<PdfContents> {
  // pdfjs takes ownership of the buffer it is given; pass a copy so the caller's bytes stay usable.
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pageTexts: string[] = [];
    const charactersBySize = new Map<number, number>();
    const linkAddresses: string[] = [];
    const runs: { page: number; text: string; size: number }[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
      pageTexts.push(text.replace(/\s+/g, " ").trim());
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const size = Math.round(Math.hypot(item.transform[0], item.transform[1]) * 10) / 10;
        charactersBySize.set(size, (charactersBySize.get(size) ?? 0) + item.str.trim().length);
        runs.push({ page: n, text: item.str, size });
      }
      for (const annotation of (await page.getAnnotations()) as { subtype?: string; url?: string }[]) {
        if (annotation.subtype === "Link" && annotation.url) linkAddresses.push(annotation.url);
      }
    }
    // The most characters; a tie goes to the smaller size, so the answer does not depend on order.
    const bodyTextSize = [...charactersBySize].sort(([a, m], [b, n]) => n - m || a - b)[0]?.[0] ?? 0;
    const destinationPages = new Map<string, number>();
    for (const name of destinationNames) {
      const destination = await document.getDestination(name);
      const target = destination?.[0];
      if (target && typeof target === "object" && "num" in target) destinationPages.set(name, (await document.getPageIndex(target)) + 1);
    }
    return { pageCount: document.numPages, pageTexts, destinationPages, bodyTextSize, runs, linkAddresses };
  } finally {
    await document.destroy();
  }
}
