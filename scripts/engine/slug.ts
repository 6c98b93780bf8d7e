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

/**
 * The longest slug a name may make when pages and files are named from it. A file system takes
 * at most 255 bytes in one file name, and a page's slug is used in several (its folder, its
 * figure's CSV "council-<slug>.csv", a family's own suffixes such as "-until-2019"); 80 leaves
 * room for those and is over twice the longest council name's (34). A longer name is refused
 * where it is read rather than cut short: a shortened slug would need a hash to keep two long
 * names apart, giving an address no reader could guess, and a name that long is a broken cell
 * (a paragraph pasted into it), not a name.
 */
export const MAX_SLUG_LENGTH = 80;

/** Why a page cannot be named from `text` (no letter or digit to make a slug of, or a slug over MAX_SLUG_LENGTH), or undefined. */
export function slugProblem(text: string): string | undefined {
  const made = slug(text);
  if (made === "") return "has no letter or digit to make its page's address from";
  if (made.length > MAX_SLUG_LENGTH) return `would make a page address (slug) ${made.length} characters long, over the limit of ${MAX_SLUG_LENGTH} that keeps the file names made from it within what file systems take`;
  return undefined;
}
