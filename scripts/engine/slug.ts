/**
 * Words for ids, addresses and file names: one rule for headings, callouts, council
 * pages, region keys and the data zip, so the same words always give the same slug.
 */

/** A text's words: accents dropped, lower case, anything but a–z and 0–9 separating them ("Café & Co." → ["cafe", "co"]). */
export function slugWords(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  );
}

/** The words joined by hyphens: "Yorkshire and The Humber" → "yorkshire-and-the-humber"; "" when there are none. */
export function slug(text: string): string {
  return slugWords(text).join("-");
}
