/**
 * Plain code-unit order for strings, as `<` compares them: the same on every machine, whatever
 * the locale (`localeCompare` follows the machine's language). The order of everything written
 * out in order: file lists, a manifest's keys, the search index's pages, the imports' rows.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
